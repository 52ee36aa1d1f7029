"""The strict Content-Security-Policy breaks nothing: in real Chromium, the shop's pages and
the admin (login, lists, the product form with its autocomplete widgets) load and work with
no policy violation reported."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from catalog.models import Product


@pytest.fixture
def violations(page):
    """Everything the browser reports as blocked by the policy, and every script error."""
    reported = []
    page.on(
        "console",
        lambda message: (
            reported.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: reported.append(str(error)))
    return reported


def test_shop_pages_raise_no_policy_violation(page, demo_data, violations):
    product = Product.objects.published().first()
    for url in ["/", "/catalog/", product.category.get_absolute_url(), product.get_absolute_url()]:
        response = page.goto(url)
        assert response.status == 200, url
        assert "default-src 'self'" in response.headers["content-security-policy"]
    assert violations == []


@pytest.mark.django_db(transaction=True)  # adds the owner's account
def test_the_admin_works_under_the_policy(page, demo_data, violations):
    get_user_model().objects.create_superuser("owner", password="a long owner passphrase")
    page.goto("/admin/")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill("a long owner passphrase")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Catalog and guides")).to_be_visible()

    page.goto("/admin/catalog/product/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Select product"))
    page.get_by_role("link", name=Product.objects.order_by("name").first().name).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Change product"))
    # Autocomplete (select2, admin JavaScript) still runs: the materials box offers choices.
    page.locator(".field-materials .select2-selection").click()
    expect(page.locator(".select2-results__option").first).to_be_visible()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist .success")).to_contain_text("was changed successfully")
    assert violations == []
