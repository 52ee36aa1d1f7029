"""The results' "Add kit to basket": one click adds the kit and its safety add-ons, and the
form carries product slugs only, never an answer."""

import re

import pytest

from tests.finder.test_flow import post

pytestmark = pytest.mark.django_db

ANSWERS = {
    "level": "beginner",
    "categories": ["restraints", "lubricants"],
    "restraint_type": "wrist",
    "budget": "40",
    "owns_silicone_toys": "on",
    "latex_allergy": "on",
}


def kit_form(page: str) -> str:
    match = re.search(r'<form[^>]*class="kit-to-basket[^"]*".*?</form>', page, re.S)
    assert match, "the results offer the kit as one form"
    return match.group(0)


def test_the_kit_form_posts_only_product_slugs(client, small_catalog):
    page = post(client, 4, **ANSWERS).content.decode()
    form = kit_form(page)
    assert 'action="/basket/add/"' in form and 'method="post"' in form
    names = re.findall(r'name="([^"]+)"', form)
    assert set(names) == {"csrfmiddlewaretoken", "product", "next"}
    slugs = re.findall(r'name="product" value="([^"]+)"', form)
    assert slugs, "the kit has products"
    for answer in ("beginner", "wrist", "40", "on", "restraints", "lubricants"):
        assert answer not in slugs
    for value in re.findall(r'value="([^"]*)"', form):
        assert value not in {"beginner", "wrist", "40", "on"}


def test_one_click_adds_the_kit_and_its_safety_add_ons(client, small_catalog):
    page = post(client, 4, **ANSWERS).content.decode()
    form = kit_form(page)
    slugs = re.findall(r'name="product" value="([^"]+)"', form)
    response = client.post("/basket/add/", {"product": slugs, "next": "/basket/"})
    assert response["Location"] == "/basket/"
    body = client.get("/basket/", HTTP_ACCEPT="application/json").json()
    assert [item["product"]["slug"] for item in body["items"]] == list(dict.fromkeys(slugs))
    assert "Add kit to basket" in page
    assert "Blunt Shears" in page  # the safety add-on the kit form includes
    shears = [item for item in body["items"] if item["product"]["name"] == "Blunt Shears"]
    assert len(shears) == 1


def test_picks_offer_add_to_basket_that_comes_back_to_the_basket(client, small_catalog):
    page = post(client, 4, **ANSWERS).content.decode()
    assert page.count('class="add-to-basket') >= 2
    assert 'name="next" value="/basket/"' in page
