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
    ("catalog", "/catalog/?category=impact&level=beginner&price_max=60", "products"),
    ("product", "/products/soft-cuff-set/", "Soft Cuff Set"),
]


def save(page, name: str, viewport: dict) -> Path:
    path = OUT / f"{name}-{viewport['width']}.png"
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

    for path in taken:
        with Image.open(path) as image:
            assert image.size == (viewport["width"], viewport["height"])
