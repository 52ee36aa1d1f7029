"""Journey (issue 14): from advice to the store's checkout, in a real browser.

guide -> a beginner pick -> add to basket (without leaving the page) -> the finder -> add the
whole kit -> the basket shows every line and the right total -> the checkout hand-off shows the
cart permalink with the right variant ids and quantities; "leave quickly", then a new visit
shows an empty basket. Only sessions are written (they count as reading: see shared_data)."""

import re
from decimal import Decimal

from django.conf import settings
from playwright.sync_api import expect

from catalog.models import Product
from tests.browser.a11y import audit
from tests.browser.conftest import give_browser_pass

GUIDE_URL = "/guides/consensual-rough-play/"
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><h1>Weather</h1>"


def money(text: str) -> Decimal:
    return Decimal(re.search(r"£(\d+\.\d\d)", text).group(1))


def header_basket(page):
    main = page.get_by_role("navigation", name="Main")
    return main.get_by_role("link", name=re.compile("Basket"))


def test_from_a_guide_pick_and_the_finders_kit_to_the_store_checkout_and_away(
    new_context, live_server, demo_data
):
    context = new_context()
    context.route(
        re.compile(r"^https://www\.bbc\.co\.uk/"),
        lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE),
    )
    page = context.new_page()

    # The guide: a beginner pick goes into the basket without leaving the page.
    page.goto(GUIDE_URL)
    beginner = page.locator('section[aria-labelledby="vibrators-beginner"]')
    pick = beginner.locator("li.pick").first
    pick_name = pick.get_by_role("heading").inner_text()
    pick.get_by_role("button", name=f"Add {pick_name} to basket").click()
    expect(pick.get_by_role("status")).to_have_text("Added. Your basket has 1 item.")
    expect(header_basket(page)).to_have_text("Basket (1)")
    assert page.url.endswith(GUIDE_URL)

    # The finder: a beginner's restraints and lubricants, then the whole kit in one click.
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Find your starter kit"
    ).click()
    page.get_by_label("I'm new to this").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Restraints").check()
    page.get_by_label("Lubricants").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("I own silicone toys").check()
    with page.expect_request(re.compile(r"/basket/add/$")) as kit_request:
        page.get_by_role("button", name="Show my results").click()
        kit = page.get_by_role("region", name="Your starter kit")
        expect(kit.locator(".finder-kit__items li").first).to_be_visible()
        add_ons = page.get_by_role("region", name="Safety add-ons")
        expect(add_ons.locator("article h3").first).to_be_visible()
        kit_names = [
            re.sub(r" \(.*", "", item)
            for item in kit.locator(".finder-kit__items li").all_inner_texts()
        ]
        add_on_names = add_ons.locator("article h3").all_inner_texts()
        kit.get_by_role("button", name="Add kit to basket").click()
    # Only product slugs were posted: no answer of the finder.
    posted = kit_request.value.post_data
    fields = {pair.split("=")[0] for pair in posted.split("&")}
    assert fields == {"csrfmiddlewaretoken", "product", "next"}, posted
    for answer in ("beginner", "restraints", "lubricants", "owns_silicone_toys", "level"):
        assert answer not in posted

    # The basket: every line, the right total.
    expect(page).to_have_url(re.compile(r"/basket/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your basket")
    expected = list(dict.fromkeys([pick_name, *kit_names, *add_on_names]))
    assert len(expected) >= 3
    rows = page.locator("tr.basket-line th a")
    expect(rows).to_have_text(expected)
    products = {p.name: p for p in Product.objects.filter(name__in=expected)}
    total = sum(products[name].price for name in expected)
    expect(page.locator("[data-basket-total]")).to_have_text(f"£{total:.2f}")
    expect(header_basket(page)).to_have_text(f"Basket ({len(expected)})")

    # Two of the first line: the total follows.
    first = page.locator("tr.basket-line").first
    first.get_by_label(re.compile("Quantity")).fill("2")
    first.get_by_role("button", name=re.compile("Update")).click()
    total += products[pick_name].price
    expect(page.locator("[data-basket-total]")).to_have_text(f"£{total:.2f}")

    # Nothing serious for assistive technology on the basket page.
    findings = audit(page)
    assert findings == [], "\n".join(map(str, findings))

    # The hand-off: the cart permalink with the right variant ids and quantities.
    page.get_by_role("button", name="Continue to checkout").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Before you go to the checkout")
    quantities = {name: 1 for name in expected} | {pick_name: 2}
    permalink = f"{settings.CHECKOUT_BASE_URL}/cart/" + ",".join(
        f"{products[name].checkout_ref}:{quantities[name]}" for name in expected
    )
    expect(page.locator("[data-handoff-url]")).to_have_text(permalink)
    expect(page.get_by_role("link", name="Go to the store's checkout")).to_have_attribute(
        "href", permalink
    )
    expect(page.get_by_role("region", name="Discreet delivery")).to_contain_text("plain")

    # Leave quickly, then come back: the age pass is gone too, and past the gate again the
    # basket is empty.
    page.get_by_role("banner").get_by_role("link", name="Leave quickly").click()
    expect(page.get_by_role("heading", name="Weather")).to_be_visible()
    page.goto("/basket/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Safeword is for adults only")
    give_browser_pass(page.context, live_server.url)
    page.goto("/basket/")
    expect(page.get_by_text("Your basket is empty.")).to_be_visible()
    expect(header_basket(page)).to_have_text("Basket")


def test_the_size_guide_works_out_a_ring_size_as_you_type(page, demo_data):
    page.goto("/size-guide/")
    page.get_by_label("Measured circumference (mm)").fill("110")
    expect(page.get_by_role("status")).to_have_text("Look for an inner diameter of about 35.0 mm.")
    findings = audit(page)
    assert findings == [], "\n".join(map(str, findings))
