"""Every page type passes an automated WCAG 2.2 AA audit (axe-core) on a phone and a desktop:
the gate and refusal, home, guides, catalog, category, product, every finder step and its
results, and the 404; and the shop's own pages: delivery, returns, the checkout hand-off.

One test per width walks every page type (seeding the demo data once) and reports every
failing page together: rule ids, impacts and the elements at fault.
"""

import re

import pytest
from playwright.sync_api import expect

from catalog.models import Product
from tests.browser.a11y import Report


@pytest.fixture
def transactional_db(demo_data_once):
    """Every test in this module only reads: the demo data is seeded once (see conftest)."""


PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}

# Page types reached by address, for a visitor who has passed the age gate.
PAGES = [
    ("home", "/"),
    ("guide list", "/guides/"),
    ("guide list, filtered", "/guides/?level=beginner&category=vibrators"),
    ("guide list, a bad filter value", "/guides/?level=expert"),
    ("guide page", "/guides/consensual-rough-play/"),
    ("guide page for beginners", "/guides/consensual-rough-play/?level=beginner"),
    ("guide page, a bad level", "/guides/consensual-rough-play/?level=expert"),
    ("help page", "/guides/where-to-get-help/"),
    ("catalog with filters", "/catalog/?category=impact&level=beginner&price_max=100"),
    ("catalog, a bad filter value", "/catalog/?price_min=cheap&sort=sideways"),
    ("catalog, nothing found", "/catalog/?q=zeppelin"),
    ("catalog, page 2", "/catalog/?page=2"),
    ("category", "/catalog/restraints/"),
    ("category with filters", "/catalog/impact/?sensation=thud&intensity_max=2"),
    ("product", "/products/soft-cuff-set/"),
    ("product, out of stock", "/products/neoprene-pillow-paddle/"),
    ("privacy", "/privacy/"),
    ("404", "/no-such-page/"),
]
# The staff-editable pages a shopper reads before buying (catalog.StorePage).
STORE_PAGES = [
    ("delivery page", "/info/delivery/"),
    ("returns page", "/info/returns/"),
]


def fill_birth_date(page, day: str, month: str, year: str) -> None:
    page.get_by_label("Day").fill(day)
    page.get_by_label("Month").fill(month)
    page.get_by_label("Year").fill(year)
    page.get_by_role("button", name="Continue").click()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_every_page_type_passes_the_wcag_2_2_aa_audit(new_context, viewport):
    report = Report(viewport["width"])

    # The gate, its error state and the refusal, for a visitor without a pass.
    visitor = new_context(passed=False, viewport=viewport).new_page()
    visitor.goto("/products/soft-cuff-set/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Safeword is for adults only")
    report.check(visitor, "age gate")
    fill_birth_date(visitor, "31", "2", "1990")
    expect(visitor.get_by_role("alert")).to_contain_text("That date does not exist.")
    report.check(visitor, "age gate with an error")
    fill_birth_date(visitor, "1", "6", "2014")
    expect(visitor).to_have_url(re.compile(r"/age-check/refused/$"))
    report.check(visitor, "refusal")

    page = new_context(viewport=viewport).new_page()
    for name, url in PAGES:
        response = page.goto(url)
        assert response.status < 500, f"{name}: {url} answered {response.status}"
        report.check(page, name)
        if name == "catalog with filters" and viewport is PHONE:
            page.locator("summary", has_text="Filters").click()  # folded away on a phone
            report.check(page, "catalog with filters, filter panel open")

    walk_the_finder(page, report)

    assert (
        len(report.audited) == len(PAGES) + 3 + (viewport is PHONE) + 8
    )  # the finder: 8 states (a category nothing fits offers no button)
    assert not report, str(report)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_the_store_pages_and_the_checkout_hand_off_pass_the_audit(new_context, viewport):
    report = Report(viewport["width"])
    page = new_context(viewport=viewport).new_page()
    for name, url in STORE_PAGES:
        response = page.goto(url)
        assert response.status == 200, f"{name}: {url} answered {response.status}"
        report.check(page, name)

    # The hand-off needs a line in the basket: one added from a product page, as a shopper
    # would (only the session is written).
    page.goto("/products/soft-cuff-set/")
    page.get_by_role("button", name="Add Soft Cuff Set to basket").click()
    main = page.get_by_role("navigation", name="Main")
    expect(main.get_by_role("link", name=re.compile("Basket"))).to_have_text("Basket (1)")
    page.goto("/basket/")
    page.get_by_role("button", name="Continue to checkout").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Before you go to the checkout")
    report.check(page, "checkout hand-off")

    assert len(report.audited) == len(STORE_PAGES) + 1
    assert not report, str(report)


def walk_the_finder(page, report: Report) -> None:
    """Every finder step, a step with an error, the results (reasons open), and a category
    nothing fits (it says why and keeps every protection: no button)."""
    page.goto("/finder/")
    expect(page.get_by_text("Step 1 of 4")).to_be_visible()
    report.check(page, "finder step 1: experience")
    page.get_by_label("I have some experience").check()
    page.get_by_role("button", name="Next").click()
    # Each click posts the step: wait for the next page before auditing it, or axe runs
    # in a document that is being replaced.
    expect(page.get_by_text("Step 2 of 4")).to_be_visible()
    report.check(page, "finder step 2: categories")
    for name in ["Impact toys", "Restraints", "Cock rings", "Lubricants", "Vibrators"]:
        page.get_by_label(name, exact=True).check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Step 3 of 4")).to_be_visible()
    report.check(page, "finder step 3: preferences")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Step 4 of 4")).to_be_visible()
    report.check(page, "finder step 4: budget and safety")
    # The browser's own checks would stop this budget; switch them off to see the page's.
    page.locator("form.finder-step").evaluate("form => { form.noValidate = true; }")
    page.get_by_label("Total budget (£)").fill("100001")
    page.get_by_label("I own silicone toys").check()
    page.get_by_label("I use latex condoms").check()
    page.get_by_role("button", name="Show my results").click()
    expect(page.get_by_text("Enter a budget of at most £100,000.")).to_be_visible()
    report.check(page, "finder step 4 with an error")
    page.get_by_label("Total budget (£)").fill("120")
    page.get_by_role("button", name="Show my results").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your starter picks")
    report.check(page, "finder results")
    for summary in page.locator(".finder-hidden summary").all():
        summary.click()
    report.check(page, "finder results, hidden products listed")

    # Sold out of water-based lube: nothing is safe with silicone toys and latex condoms.
    water = Product.objects.filter(category__slug="lubricants", lubricant_base="water")
    stock = dict(water.values_list("pk", "stock"))
    water.update(stock=0)
    try:
        page.get_by_role("button", name="Change my answers").click()
        page.get_by_role("button", name="Show my results").click()
        empty = page.locator(".finder-empty")
        expect(empty).to_contain_text("We keep these protections on.")
        report.check(page, "finder results, a category nothing fits")
    finally:
        for pk, units in stock.items():
            Product.objects.filter(pk=pk).update(stock=units)
