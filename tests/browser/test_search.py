"""Searching from the header of any page, in a real browser: a misspelt product is found from
a guide page by keyboard alone, a search that finds nothing offers somewhere to go, and both
pages pass the accessibility audit on a phone and a desktop (docs/search.md)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import Report

GUIDE = "/guides/consensual-rough-play/"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def transactional_db(demo_data_once):
    """Every test in this module only reads: the demo data is seeded once (see conftest)."""


def header_search(page):
    return page.get_by_role("search", name="Site")


def test_from_a_guide_page_a_misspelt_product_is_found_with_the_keyboard(page):
    page.goto(GUIDE)
    box = header_search(page).get_by_label("Search products")
    box.focus()
    page.keyboard.type("feathr paddel")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/catalog/\?q=feathr\+paddel$"))
    note = page.get_by_role("status").filter(has_text="Showing matches for")
    expect(note).to_contain_text("feather paddle")
    first = page.locator(".product-card").first
    expect(first.get_by_role("heading")).to_have_text("Feather-Light Paddle")
    first.get_by_role("link", name="Feather-Light Paddle").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Feather-Light Paddle")
    # The box is on the product page too, empty (the search is not carried around).
    expect(header_search(page).get_by_label("Search products")).to_have_value("")


def test_a_search_for_something_the_shop_does_not_sell_suggests_where_to_go(page):
    page.goto("/")
    header_search(page).get_by_label("Search products").fill("blindfold")
    header_search(page).get_by_role("button", name="Search products").click()
    expect(page.get_by_text("Nothing in the shop matches “blindfold”.")).to_be_visible()
    categories = page.get_by_role("list", name="Categories")
    expect(categories.get_by_role("link").first).to_have_text("Restraints")
    guides = page.get_by_role("list", name="Guides")
    expect(guides.get_by_role("link", name=re.compile("Consensual rough play"))).to_be_visible()
    categories.get_by_role("link", name="Restraints").click()
    expect(page).to_have_url(re.compile(r"/catalog/restraints/$"))


def test_without_javascript_the_header_search_still_works(new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(GUIDE)
    header_search(page).get_by_label("Search products").fill("lube")
    header_search(page).get_by_role("button", name="Search products").click()
    expect(page).to_have_url(re.compile(r"/catalog/\?q=lube$"))
    expect(page.locator(".product-card").first).to_be_visible()  # which: tests/catalog


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_search_pages_pass_the_accessibility_audit(new_context, viewport):
    report = Report(viewport["width"])
    page = new_context(viewport=viewport).new_page()
    page.goto(GUIDE)
    box = header_search(page).get_by_label("Search products")
    expect(box).to_be_visible()  # on a phone too
    report.check(page, "guide page with the header search")
    for name, url in [
        ("a corrected search", "/catalog/?q=paddel"),
        ("nothing found, with suggestions", "/catalog/?q=blindfold"),
        ("nothing found, did you mean", "/catalog/?q=floxzer"),
    ]:
        page.goto(url)
        report.check(page, name)
    assert not report, str(report)
