import re

import pytest
from playwright.sync_api import expect

# The demo catalog plus 300 generated products, so filtered lists run to several pages.
DEMO_PRODUCTS = 300


@pytest.fixture
def transactional_db(demo_data_once):
    """Every test in this module only reads: the demo data is seeded once (see conftest)."""


def facet(page, title):
    return page.get_by_role("region", name=title, exact=True)


def chips(page):
    return page.get_by_role("region", name="Active filters")


def test_filter_remove_a_chip_page_forward_and_back(page):
    page.goto("/catalog/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Catalog")

    facet(page, "Category").get_by_role("link", name=re.compile(r"^Impact toys \d+")).click()
    expect(page).to_have_url(re.compile(r"/catalog/\?category=impact$"))
    facet(page, "Experience level").get_by_role("link", name=re.compile(r"^Beginner \d+")).click()
    expect(page).to_have_url(re.compile(r"\?category=impact&level=beginner$"))

    page.get_by_label("To £", exact=True).fill("100")
    page.get_by_role("button", name="Apply price").click()
    # No empty price_min in the URL: the form leaves empty fields out.
    expect(page).to_have_url(re.compile(r"\?category=impact&level=beginner&price_max=100$"))
    active = chips(page)
    for label in ("Impact toys", "Beginner level", "Price up to £100"):
        expect(active.get_by_role("link", name=f"Remove filter: {label}")).to_be_visible()
    for price in page.locator(".product-card .price").all_inner_texts():
        assert float(price.lstrip("£")) <= 100

    active.get_by_role("link", name="Remove filter: Beginner level").click()
    expect(page).to_have_url(re.compile(r"\?category=impact&price_max=100$"))
    expect(chips(page).get_by_role("link", name="Remove filter: Beginner level")).to_have_count(0)
    expect(page.get_by_text(re.compile(r"^Page 1 of \d+$"))).to_be_visible()
    first_page = page.locator(".product-card h3").all_inner_texts()

    page.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"\?category=impact&price_max=100&page=2$"))
    expect(page.get_by_text(re.compile(r"^Page 2 of \d+$"))).to_be_visible()
    assert set(page.locator(".product-card h3").all_inner_texts()).isdisjoint(first_page)
    expect(chips(page).get_by_role("link", name="Remove filter: Impact toys")).to_be_visible()

    page.go_back()
    expect(page).to_have_url(re.compile(r"\?category=impact&price_max=100$"))
    expect(page.get_by_text(re.compile(r"^Page 1 of \d+$"))).to_be_visible()
    active = chips(page)
    expect(active.get_by_role("link", name="Remove filter: Impact toys")).to_be_visible()
    expect(active.get_by_role("link", name="Remove filter: Price up to £100")).to_be_visible()
    expect(active.get_by_role("link", name="Remove filter: Beginner level")).to_have_count(0)
    expect(page.get_by_label("To £", exact=True)).to_have_value("100")
    assert page.locator(".product-card h3").all_inner_texts() == first_page

    page.go_back()
    expect(page).to_have_url(re.compile(r"\?category=impact&level=beginner&price_max=100$"))
    expect(chips(page).get_by_role("link", name="Remove filter: Beginner level")).to_be_visible()

    chips(page).get_by_role("link", name="Clear all").click()
    expect(page).to_have_url(re.compile(r"/catalog/$"))
    expect(chips(page)).to_have_count(0)


def test_filters_fold_away_on_a_phone_and_sorting_keeps_urls_clean(new_context):
    phone = new_context(viewport={"width": 375, "height": 740}).new_page()
    phone.goto("/catalog/impact/")
    filters = phone.locator("details.filters")
    expect(filters).not_to_have_attribute("open", "")
    expect(facet(phone, "Experience level")).to_be_hidden()
    phone.locator("summary", has_text="Filters").click()
    expect(facet(phone, "Experience level")).to_be_visible()

    phone.get_by_label("Sort by").select_option(label="Price, low to high")
    expect(phone).to_have_url(re.compile(r"/catalog/impact/\?sort=price$"))
    prices = [float(p.lstrip("£")) for p in phone.locator(".product-card .price").all_inner_texts()]
    assert prices == sorted(prices) and len(prices) == 24


def test_the_catalog_works_without_javascript(new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/catalog/")
    page.locator("summary", has_text="Filters").click()  # <details> opens without a script
    facet(page, "Category").get_by_role("link", name=re.compile(r"^Restraints \d+")).click()
    page.locator("summary", has_text="Filters").click()
    page.get_by_label("From £", exact=True).fill("20")
    page.get_by_role("button", name="Apply price").click()
    # The server drops the empty fields the plain form sent, with a redirect.
    expect(page).to_have_url(re.compile(r"/catalog/\?category=restraints&price_min=20$"))
    expect(chips(page).get_by_role("link", name="Remove filter: Price from £20")).to_be_visible()
    page.get_by_label("Search the catalog").fill("cuffs")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?q=cuffs&category=restraints&price_min=20$"))
    expect(chips(page).get_by_role("link", name="Remove filter: Search: “cuffs”")).to_be_visible()
