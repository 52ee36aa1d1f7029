import re

from playwright.sync_api import expect

from catalog.models import Product

GUIDE_TITLE = "Consensual rough play: a gentle guide to playing hard, safely"


def test_from_home_through_the_guide_to_a_beginner_pick_and_its_safety_notes(page, demo_data):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Guides").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Guides")

    page.get_by_role("link", name=GUIDE_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(GUIDE_TITLE)
    expect(page.get_by_text(re.compile(r"\d+ min read"))).to_be_visible()

    # The contents jump to the section; its beginner column lists the picks.
    page.get_by_role("navigation", name="Contents").get_by_role("link", name="Restraints").click()
    expect(page).to_have_url(re.compile("#restraints$"))
    beginners = page.get_by_role("region", name="For beginners").filter(
        has=page.get_by_role("link", name="All beginner restraints")
    )
    lights = page.locator(".traffic-light")
    expect(lights.get_by_text("Red", exact=True)).to_be_visible()
    first_pick = beginners.locator(".pick").first
    expect(first_pick.get_by_text("Beginner", exact=True)).to_be_visible()
    name = first_pick.get_by_role("heading").inner_text()

    first_pick.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    product = Product.objects.with_card_data().get(name=name)
    assert product.for_beginner and product.quick_release
    notes = page.get_by_role("region", name="Safety notes")
    expect(notes).to_be_visible()
    for note in product.all_safety_notes:
        expect(notes.get_by_text(note.text)).to_be_visible()
    expect(
        page.get_by_role("link", name=re.compile("Consensual rough play.*: Restraints"))
    ).to_be_visible()
