"""The play-safely tools in a real Chromium, each at 360 and 1280 px: they work, pass the axe
audit, and while they are used no request carries anything typed or chosen (every request the
page makes is recorded and searched, with its address, body and headers, and the cookies)."""

import datetime as dt
import re

from playwright.sync_api import expect

from tests.browser.conftest import give_browser_pass
from tests.browser.tool_pages import (
    VIEWPORTS,
    Requests,
    audit,
    pdf_pages,
)

NEGOTIATION_SECRETS = ["Robin", "Sampo", "pineapple", "drop the keys", "no faces", "tea with honey"]


def fill_the_negotiation_card(page):
    page.get_by_role("textbox", name="Person A", exact=True).fill("Robin")
    page.get_by_role("textbox", name="Person B", exact=True).fill("Sampo")
    for activity, answer in [
        ("Paddles", "Yes"),
        ("Hair pulling", "Yes"),
        ("Spanking with a hand", "Yes"),
        ("Cuffs on wrists or ankles", "Yes"),
        ("Biting", "Maybe"),
        ("Blindfolds", "Maybe"),
        ("Marks that show for a day or two", "No"),
        ("Playful protest", "No"),
    ]:
        page.get_by_role("group", name=re.compile("^" + re.escape(activity))).get_by_label(
            answer, exact=True
        ).check()
    page.get_by_label("Hard limits: never, not even a little").fill("no faces")
    page.get_by_label("Tonight, on a scale of 1 to 10, around").select_option("3")
    page.get_by_label("Safe word: stop, right now").fill("pineapple")
    page.get_by_label("Non-verbal signal that means red").fill("drop the keys")
    page.get_by_role("group", name="Who keeps the safety shears within reach?").get_by_label(
        "Person A"
    ).check()
    page.get_by_label("Check in at least every").select_option("10")
    page.get_by_role("group", name="Person A would like").get_by_label("Water").check()
    page.get_by_role("group", name="Person A would like").get_by_label("A warm blanket").check()
    page.get_by_role("group", name="Person B would like").get_by_label(
        "Holding or a cuddle"
    ).check()
    page.get_by_role("group", name="Person B would like").get_by_label("Anything else").fill(
        "tea with honey"
    )


@VIEWPORTS
def test_the_negotiation_card_fills_in_sends_nothing_and_gives_a_check_in_reminder(
    new_context, demo_data, viewport
):
    page = new_context(viewport=viewport).new_page()
    requests = Requests(page)
    page.goto("/tools/negotiation/")
    expect(page.get_by_role("heading", name="Yes, no or maybe")).to_be_visible()
    audit(page, viewport, "negotiation card, blank")
    loaded = requests.mark()

    fill_the_negotiation_card(page)
    card = page.get_by_role("region", name=re.compile("^Our negotiation card"))
    expect(card).to_contain_text("Robin and Sampo")
    yes = card.locator("[data-list=yes] li").all_inner_texts()
    assert yes == ["Spanking with a hand", "Paddles", "Cuffs on wrists or ankles", "Hair pulling"]
    assert card.locator("[data-list=maybe] li").all_inner_texts() == ["Blindfolds", "Biting"]
    assert card.locator("[data-list=no] li").all_inner_texts() == [
        "Marks that show for a day or two",
        "Playful protest",
    ]
    for text in ["pineapple", "drop the keys", "no faces", "Around 3 of 10", "10 minutes"]:
        expect(card).to_contain_text(text)
    expect(card.locator("[data-slot=shears]")).to_have_text("Robin")
    expect(card.locator("[data-slot=aftercare-a]")).to_have_text("Water, A warm blanket")
    expect(card.locator("[data-slot=aftercare-b]")).to_have_text(
        "Holding or a cuddle, tea with honey"
    )
    expect(card).to_contain_text("Nothing around the neck")

    # The reminder is made in the browser: tomorrow at 10:00 unless changed.
    page.get_by_label("Reminder says").fill("Check in with Sampo")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the reminder (.ics)").click()
    assert download.value.suggested_filename == "check-in.ics"
    ics = download.value.path().read_bytes().decode()
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).strftime("%Y%m%d")
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert f"DTSTART:{tomorrow}T100000\r\n" in ics
    assert "SUMMARY:Check in with Sampo\r\n" in ics
    assert "BEGIN:VALARM" in ics

    audit(page, viewport, "negotiation card, filled in")
    assert requests.since(loaded) == []
    assert requests.carrying(NEGOTIATION_SECRETS) == []
    assert "pineapple" not in page.url
    # Nothing kept unless asked: a reload is blank.
    page.reload()
    expect(page.get_by_label("Safe word: stop, right now")).to_have_value("")


def test_the_printed_negotiation_card_fits_one_a4_page(page, demo_data):
    page.goto("/tools/negotiation/")
    fill_the_negotiation_card(page)
    for activity in ["Floggers", "Pinning or holding down", "Play wrestling", "Scratching"]:
        page.get_by_role("group", name=re.compile("^" + activity)).get_by_label("Yes").check()
    page.get_by_label("Soft limits: only as agreed beforehand").fill(
        "Marks only where clothes cover them, and only after we have talked it through."
    )
    page.get_by_role("group", name="Person B would like").get_by_label("Water").check()
    page.get_by_role("group", name="Person B would like").get_by_label(
        "Talking it over the next day"
    ).check()

    page.emulate_media(media="print")
    expect(page.get_by_role("heading", name="Yes, no or maybe")).to_be_hidden()
    expect(page.get_by_role("region", name=re.compile("^Our negotiation card"))).to_be_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf_pages(pdf) == 1


def test_without_javascript_the_card_says_so_and_prints_as_one_blank_page(new_context, demo_data):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/tools/negotiation/")
    expect(
        page.get_by_text("This card fills itself in with JavaScript, which is off.")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Yes, no or maybe")).to_be_hidden()
    card = page.get_by_role("region", name=re.compile("^Our negotiation card"))
    expect(card.get_by_text("Hair pulling")).to_be_visible()
    expect(card.get_by_text("Yes, maybe or no: tick one each")).to_be_visible()
    assert pdf_pages(page.pdf(format="A4")) == 1


def test_remembered_answers_stay_in_that_tab_only_and_go_when_cleared(
    new_context, live_server, demo_data
):
    # The neutral site "Leave quickly" ends on (through /leave/'s redirect), answered from here.
    context = new_context()
    context.route(
        re.compile(r"^https://www\.bbc\.co\.uk/"),
        lambda route: route.fulfill(status=200, content_type="text/html", body="Weather"),
    )
    page = context.new_page()
    page.goto("/tools/negotiation/")
    page.get_by_label("Safe word: stop, right now").fill("pineapple")
    page.get_by_label("Remember my answers in this browser tab until I close it").check()
    page.reload()
    expect(page.get_by_label("Safe word: stop, right now")).to_have_value("pineapple")
    other_tab = page.context.new_page()
    other_tab.goto("/tools/negotiation/")
    expect(other_tab.get_by_label("Safe word: stop, right now")).to_have_value("")
    page.get_by_role("button", name="Clear everything").click()
    expect(page.get_by_label("Safe word: stop, right now")).to_have_value("")
    page.reload()
    expect(page.get_by_label("Safe word: stop, right now")).to_have_value("")
    assert page.evaluate("sessionStorage.length") == 0

    # "Leave quickly" takes the remembered answers with it.
    page.get_by_label("Safe word: stop, right now").fill("pineapple")
    page.get_by_label("Remember my answers in this browser tab until I close it").check()
    # It goes through /leave/ (which forgets the session) to the neutral site.
    with page.expect_request("https://www.bbc.co.uk/weather"):
        page.get_by_role("link", name="Leave quickly").click()
    page.goto("/tools/negotiation/")  # the age pass went too: the gate, then the empty tool
    expect(page.get_by_role("heading", level=1)).to_have_text("Safeword is for adults only")
    give_browser_pass(page.context, live_server.url)
    page.goto("/tools/negotiation/")
    expect(page.get_by_label("Safe word: stop, right now")).to_have_value("")


# --- together: the couple overlap ----------------------------------------------------------
