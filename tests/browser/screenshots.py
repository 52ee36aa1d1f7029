"""`make screenshots`: the main pages at phone and desktop widths, from the demo data.

It runs through pytest to reuse the browser tests' set-up: a throwaway test database (SQLite
in memory; `make screenshots` clears DATABASE_URL), the demo data seeded into it, the live test
server and Debian's Chromium. The file name does not start with `test_`, so the suite never
collects it. PNGs go to docs/screenshots/ and are shown in the README.

Pictures are reproducible: guide dates are pinned, the viewport and scale are fixed, and the
PNGs are reduced to a 256-colour palette (Pillow) so the repository stays small.
"""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image
from playwright.sync_api import expect

from guides.models import Guide

OUT = Path(settings.BASE_DIR, "docs", "screenshots")
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
PINNED_DATE = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)

# name, address, what must show before the picture is taken
PAGES = [
    ("home", "/", "Play safely. Choose well."),
    ("guide", "/guides/consensual-rough-play/", "Consensual rough play"),
    ("guide-picks", "/guides/consensual-rough-play/#restraints-picks", "Our picks: restraints"),
    # Every kind of product by name: a drawing per kind (rings, spreader bar, bottle, paddle...).
    ("catalog", "/catalog/?level=experienced&sort=name", "products"),
    ("product", "/products/soft-cuff-set/", "Soft Cuff Set"),
]


def save(page, name: str, viewport: dict) -> Path:
    path = OUT / f"{name}-{viewport['width']}.png"
    # Pictures in view are loaded (lazy ones start when they come into view).
    page.evaluate(
        """() => Promise.race([
          new Promise(done => setTimeout(done, 5000)),
          Promise.all(Array.from(document.images).filter(image => {
            const box = image.getBoundingClientRect();
            return !image.complete && box.height > 0 && box.top < innerHeight && box.bottom > 0;
          }).map(image => new Promise(done => { image.onload = image.onerror = done; }))),
        ])"""
    )
    page.screenshot(path=str(path), animations="disabled", caret="hide")
    # A palette PNG is a third of the size and looks the same for flat UI colours.
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, dither=Image.Dither.NONE)
    small.save(path, optimize=True)
    return path


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_take_screenshots(new_context, demo_data, viewport):
    OUT.mkdir(parents=True, exist_ok=True)
    Guide.objects.update(updated_at=PINNED_DATE, created_at=PINNED_DATE)
    taken = []

    visitor = new_context(passed=False, viewport=viewport).new_page()
    visitor.goto("/products/soft-cuff-set/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Safeword is for adults only")
    taken.append(save(visitor, "gate", viewport))

    page = new_context(viewport=viewport).new_page()
    for name, url, shows in PAGES:
        page.goto(url)
        expect(page.get_by_text(shows).first).to_be_visible()
        taken.append(save(page, name, viewport))

    # The catalog's cards further down: a drawing per kind of product.
    page.goto("/catalog/?level=experienced&sort=name")
    page.locator(".product-grid").evaluate("grid => grid.scrollIntoView()")
    taken.append(save(page, "catalog-grid", viewport))

    # The finder: a beginner interested in three categories, with a budget.
    page.goto("/finder/")
    page.get_by_label("I'm new to this").check()
    page.get_by_role("button", name="Next").click()
    for name in ["Impact toys", "Restraints", "Lubricants"]:
        page.get_by_label(name, exact=True).check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Total budget (£)").fill("60")
    page.get_by_label("I own silicone toys").check()
    page.get_by_role("button", name="Show my results").click()
    expect(page.get_by_role("heading", name="Your starter kit")).to_be_visible()
    taken.append(save(page, "finder-results", viewport))
    # Further down: a category's picks, each with its picture, the shared notes once above.
    page.locator(".finder-category").first.evaluate("section => section.scrollIntoView()")
    expect(page.locator(".finder-category .finder-pick img").first).to_be_visible()
    taken.append(save(page, "finder-picks", viewport))

    # The whole kit into the basket, then the checkout hand-off.
    page.get_by_role("button", name="Add kit to basket").click()
    expect(page.get_by_role("heading", name="Your basket")).to_be_visible()
    taken.append(save(page, "basket", viewport))
    page.get_by_role("button", name="Continue to checkout").click()
    expect(page.get_by_role("heading", name="What leaves this site")).to_be_visible()
    taken.append(save(page, "checkout", viewport))
    taken += take_the_tools(page, viewport)

    for path in taken:
        with Image.open(path) as image:
            assert image.size == (viewport["width"], viewport["height"])


def take_the_tools(page, viewport) -> list[Path]:
    """The play-safely tools: the index, a filled-in negotiation card, the couple overlap's
    result, the ring timer and the lube checker with answers."""
    taken = []
    page.goto("/tools/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Play-safely tools")
    taken.append(save(page, "tools", viewport))

    page.goto("/tools/negotiation/")
    page.get_by_role("textbox", name="Person A", exact=True).fill("Robin")
    page.get_by_role("textbox", name="Person B", exact=True).fill("Sam")
    for activity, choice in [
        ("Spanking with a hand", "Yes"),
        ("Paddles", "Yes"),
        ("Cuffs on wrists or ankles", "Yes"),
        ("Hair pulling", "Yes"),
        ("Blindfolds", "Maybe"),
        ("Biting", "Maybe"),
        ("Marks that show for a day or two", "No"),
    ]:
        group = page.get_by_role("group", name=activity, exact=False).first
        group.get_by_label(choice, exact=True).check()
    page.get_by_label("Safe word: stop, right now").fill("Pineapple")
    page.get_by_label("Non-verbal signal that means red").fill("Drop the keys")
    page.get_by_label("Tonight, on a scale of 1 to 10, around").select_option("3")
    page.get_by_label("Check in at least every").select_option("10")
    page.get_by_label("Reminder says").fill("Check in with Sam")
    page.get_by_role("group", name="Person A would like").get_by_label("Water").check()
    page.get_by_role("group", name="Person B would like").get_by_label("A warm blanket").check()
    page.locator("[data-card]").scroll_into_view_if_needed()
    page.evaluate("document.querySelector('[data-card]').scrollIntoView()")
    taken.append(save(page, "tools-negotiation", viewport))

    page.goto("/tools/together/")
    page.get_by_role("button", name="Start: Person 1 answers").click()
    for person, answers in enumerate(
        [
            {"Paddles": "Yes", "Hair pulling": "Yes", "Blindfolds": "Maybe", "Biting": "Yes"},
            {"Paddles": "Yes", "Hair pulling": "Yes", "Blindfolds": "Yes", "Biting": "No"},
        ]
    ):
        if person:
            page.get_by_role("button", name="I'm Person 2: start").click()
        screen = page.locator("[data-screen=answer]")
        screen.get_by_label("I'm new to this").check()
        for activity, choice in answers.items():
            group = screen.get_by_role("group", name=activity, exact=False).first
            group.get_by_label(choice, exact=True).check()
        page.get_by_role("button", name="Done: hide my answers").click()
    expect(page.get_by_role("heading", name="What you both want", exact=True)).to_be_visible()
    page.evaluate("window.scrollTo(0, 0)")
    taken.append(save(page, "tools-together", viewport))

    page.goto("/tools/ring-timer/")
    page.locator("#ring-heading").scroll_into_view_if_needed()
    page.evaluate("document.getElementById('ring-heading').scrollIntoView()")
    taken.append(save(page, "tools-ring-timer", viewport))

    page.goto("/tools/lube-checker/")
    expect(page.locator("[data-stock-status]")).to_contain_text("in stock fit")
    page.get_by_label("Silicone", exact=True).check()
    page.get_by_label("Latex", exact=True).check()
    page.evaluate("document.getElementById('bases-heading').scrollIntoView()")
    taken.append(save(page, "tools-lube-checker", viewport))
    return taken
