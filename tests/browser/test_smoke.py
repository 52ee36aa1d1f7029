import re

from playwright.sync_api import expect


def test_home_page_loads_and_shows_the_categories(page, demo_data):
    page.goto("/")
    expect(page).to_have_title(re.compile("Safeword"))
    categories = page.get_by_role("region", name="Shop by category")
    for name in ["Impact toys", "Restraints", "Cock rings", "Lubricants", "Vibrators"]:
        expect(categories.get_by_role("link", name=name)).to_be_visible()
    page.get_by_role("navigation", name="Categories").get_by_role("link", name="Restraints").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Restraints")
    expect(page.get_by_text("Keep safety shears within reach")).to_be_visible()
