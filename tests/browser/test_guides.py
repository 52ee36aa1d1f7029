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


def test_the_level_switch_shows_beginners_only_their_picks_and_notes(page, demo_data):
    page.goto("/guides/consensual-rough-play/")
    switch = page.get_by_role("navigation", name="Show picks and notes for")
    expect(switch.get_by_role("link", name="Both")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("heading", name="Going heavier")).to_be_visible()

    switch.get_by_role("link", name="For beginners").focus()
    page.keyboard.press("Enter")  # a plain link: works from the keyboard, without script
    expect(page).to_have_url(re.compile(r"\?level=beginner$"))
    switch = page.get_by_role("navigation", name="Show picks and notes for")
    expect(switch.get_by_role("link", name="For beginners")).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.get_by_role("status")).to_have_text(
        "Showing the picks and notes for beginners only."
    )
    expect(page.get_by_role("heading", name="Your first impact session")).to_be_visible()
    expect(page.get_by_role("heading", name="Going heavier")).to_have_count(0)
    expect(page.locator(".picks--experienced")).to_have_count(0)
    experienced_only = Product.objects.filter(for_beginner=False, for_experienced=True)
    for product in experienced_only:
        expect(page.get_by_role("link", name=product.name, exact=True)).to_have_count(0)


def test_from_any_aftercare_checklist_or_the_footer_to_the_help_page(page, demo_data):
    page.goto("/guides/consensual-rough-play/#aftercare")
    checklist = page.get_by_role("region", name="Aftercare checklist")
    checklist.get_by_role("link", name="where to get help").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Where to get help")
    expect(page.get_by_role("heading", name="Get medical help now")).to_be_visible()

    page.goto("/catalog/")
    page.get_by_role("contentinfo").get_by_role("link", name="Where to get help").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Where to get help")
