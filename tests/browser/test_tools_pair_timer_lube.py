"""The couple overlap, the ring timer, the lube checker and the links to the tools, in a real
Chromium at 360 and 1280 px: they work, pass the axe audit, and no request carries anything
chosen."""

import re
from urllib.parse import parse_qsl

from playwright.sync_api import expect

from catalog.models import Product
from tests.browser.tool_pages import (
    VIEWPORTS,
    Requests,
    audit,
    visible_text,
)
from tools import lube


def answer(page, level, intensity, answers):
    screen = page.locator("[data-screen=answer]")
    screen.get_by_label(level).check()
    screen.get_by_role("group", name="Impact: how intense, at most?").get_by_label(
        intensity
    ).check()
    for activity, choice in answers.items():
        screen.get_by_role("group", name=re.compile("^" + re.escape(activity))).get_by_label(
            choice, exact=True
        ).check()
    page.get_by_role("button", name="Done: hide my answers").click()


@VIEWPORTS
def test_together_shows_what_both_want_and_never_a_single_no(new_context, demo_data, viewport):
    page = new_context(viewport=viewport).new_page()
    requests = Requests(page)
    page.goto("/tools/together/")
    page.get_by_role("button", name="Start: Person 1 answers").click()
    expect(page.get_by_role("heading", name="Person 1's answers")).to_be_visible()
    audit(page, viewport, "together, answering")
    loaded = requests.mark()

    answer(
        page,
        "I have some experience",
        "4 of 5: strong",
        {
            "Paddles": "Yes",
            "Cuffs on wrists or ankles": "Yes",
            "Hair pulling": "Yes",
            "Biting": "Yes",
            "Blindfolds": "Maybe",
            "Scratching": "No",
        },
    )
    expect(page.get_by_role("heading", name="Pass the phone")).to_be_visible()
    page.get_by_role("button", name="I'm Person 2: start").click()
    expect(page.get_by_role("heading", name="Person 2's answers")).to_be_visible()
    # Person 1's answers are gone from the screen Person 2 sees.
    assert page.locator("[data-screen=answer] [data-activity] input:checked").count() == 0
    answer(
        page,
        "I'm new to this",
        "2 of 5: gentle",
        {
            "Paddles": "Yes",
            "Cuffs on wrists or ankles": "Maybe",
            "Hair pulling": "Yes",
            "Biting": "No",
            "Blindfolds": "Maybe",
            "Scratching": "Yes",
        },
    )

    result = page.get_by_role("region", name="What you both want")
    expect(result).to_be_visible()
    both = result.get_by_role("region", name="You both said yes")
    assert both.locator("li").all_inner_texts() == ["Paddles", "Hair pulling"]
    talk = result.get_by_role("region", name="Worth talking about first")
    assert talk.locator("li").all_inner_texts() == ["Cuffs on wrists or ankles", "Blindfolds"]
    # A single no (Biting from Person 2, Scratching from Person 1) is nowhere on the page.
    shown = visible_text(page)
    assert "Biting" not in shown and "Scratching" not in shown
    assert "Biting" not in result.inner_html() and "Scratching" not in result.inner_html()
    expect(result).to_contain_text("no more than 2 of 5")
    audit(page, viewport, "together, the overlap")
    assert requests.since(loaded) == []

    # One click takes the overlap's categories and the gentler intensity into the finder.
    with page.expect_request(lambda r: r.method == "POST" and r.url.endswith("/finder/")) as sent:
        page.get_by_role("button", name="Find gear for what you both want").click()
    posted = parse_qsl(sent.value.post_data)
    assert sorted(posted) == sorted(
        [
            ("step", "2"),
            ("action", "next"),
            ("level", "beginner"),
            ("categories", "impact"),
            ("categories", "restraints"),
            ("intensity", "2"),
        ]
    )
    expect(page.get_by_text("Step 3 of 4")).to_be_visible()
    expect(page.get_by_label("2 of 5: gentle")).to_be_checked()
    secrets = ["biting", "scratching", "hair", "blindfold", "paddle", "cuffs"]
    assert requests.carrying(secrets) == []


def test_together_without_javascript_says_what_it_needs(new_context, demo_data):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/tools/together/")
    expect(page.get_by_text("This tool needs JavaScript, which is off")).to_be_visible()
    expect(page.get_by_role("button", name="Done: hide my answers")).to_be_hidden()


# --- the ring timer --------------------------------------------------------------------------


@VIEWPORTS
def test_the_ring_timer_check_ins_and_traffic_light_work_offline(new_context, demo_data, viewport):
    context = new_context(viewport=viewport)
    page = context.new_page()
    page.clock.install()
    requests = Requests(page)
    page.goto("/tools/ring-timer/")
    display = page.locator("[data-ring-display]")
    expect(display).to_have_text("20:00")
    audit(page, viewport, "ring timer")
    loaded = requests.mark()
    context.set_offline(True)

    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for("10:00")
    expect(display).to_have_text("10:00")
    page.get_by_role("button", name="Pause").click()
    page.clock.run_for("05:00")
    expect(display).to_have_text("10:00")  # paused: no time passes
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for("09:59")
    expect(page.get_by_role("alert").filter(has_text="Time to take the ring off")).to_be_hidden()
    page.clock.run_for("00:02")
    expect(page.get_by_role("alert").filter(has_text="Time to take the ring off")).to_be_visible()
    expect(display).to_have_text("00:00")

    page.get_by_label("Remind us every").select_option("5")
    page.get_by_role("button", name="Start reminders").click()
    page.clock.run_for("04:00")
    expect(page.get_by_text("Next check-in in 01:00")).to_be_visible()
    page.clock.run_for("01:01")
    alert = page.get_by_role("alert").filter(has_text="Check in now.")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("Fingers and toes warm?")
    page.get_by_role("button", name="All fine, remind us again").click()
    expect(alert).to_be_hidden()
    expect(page.get_by_text("Next check-in in 05:00")).to_be_visible()

    page.get_by_role("button", name="Red", exact=True).click()
    card = page.get_by_role("dialog", name="Red")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Stop at once")
    box = card.bounding_box()
    assert (box["width"], box["height"]) == (viewport["width"], viewport["height"])
    audit(page, viewport, "ring timer, red card")
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    expect(page.get_by_role("button", name="Red", exact=True)).to_be_focused()

    assert requests.since(loaded) == []


def test_without_javascript_the_ring_timer_says_what_to_do_instead(new_context, demo_data):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/tools/ring-timer/")
    expect(page.get_by_text("Use your phone's own timer instead")).to_be_visible()
    expect(page.get_by_text("Take it off at once if you notice")).to_be_visible()
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_hidden()


# --- the lube checker ------------------------------------------------------------------------


def in_stock_lubes(base):
    return sorted(
        Product.objects.published()
        .filter(category__kind="lubricants", lubricant_base=base, stock__gt=0)
        .values_list("name", flat=True)
    )


@VIEWPORTS
def test_the_lube_checker_names_the_safe_bases_and_fitting_lubes_without_sending_answers(
    new_context, demo_data, viewport
):
    page = new_context(viewport=viewport).new_page()
    requests = Requests(page)
    with page.expect_response(lambda r: "/catalog/" in r.url) as catalog:
        page.goto("/tools/lube-checker/")
    status = page.locator("[data-stock-status]")
    expect(status).to_contain_text("of our lubes in stock fit your answers")
    # The one request for data: every in-stock lube, from a fixed address.
    assert catalog.value.request.url.endswith("/catalog/?category=lubricants&in_stock=1")
    assert catalog.value.request.headers["accept"] == "application/json"
    loaded = requests.mark()

    page.get_by_label("Silicone", exact=True).check()
    page.get_by_label("Latex", exact=True).check()
    page.get_by_label("Anal").check()
    page.get_by_label("My skin is sensitive or easily irritated").check()

    bases = page.locator("[data-bases]")
    verdicts = dict(
        zip(
            bases.locator(".lube-base__name").evaluate_all(
                "els => els.map(e => e.firstChild.textContent.trim())"
            ),
            bases.locator("[data-verdict]").all_text_contents(),
            strict=True,
        )
    )
    assert verdicts == {
        "Water-based": "Safe, take care",
        "Silicone-based": "Avoid",
        "Oil-based": "Avoid",
        "Hybrid (water and silicone)": "Avoid",
    }
    # The page applies the same rules as tools/lube.py, reasons and all.
    for base, (verdict, reasons) in lube.verdicts(
        {"silicone", "latex", "anal", "sensitive"}
    ).items():
        item = bases.locator(f"[data-base={base}]")
        expect(item).to_have_class(re.compile(f"lube-base--{verdict}"))
        expect(item.locator("[data-why] li")).to_have_text(reasons)
    water = bases.locator("[data-base=water]")
    expect(water).to_contain_text("without glycerin")
    expect(bases.locator("[data-base=oil]")).to_contain_text("Oil weakens latex")
    expect(bases.locator("[data-base=silicone]")).to_contain_text("silicone toys tacky")

    shown = page.locator("[data-products] h3").all_inner_texts()
    assert sorted(shown) == in_stock_lubes("water") and shown
    thick = page.locator("[data-products] .lube-product__base").first
    expect(thick).to_contain_text("thick")  # anal use: thick first
    audit(page, viewport, "lube checker with answers")

    # Polyurethane condoms and glass toys: every base is fine, oil lubes included.
    page.get_by_label("Silicone", exact=True).uncheck()
    page.get_by_label("Glass").check()
    page.get_by_label("Polyurethane (non-latex)").check()
    page.get_by_label("My skin is sensitive or easily irritated").uncheck()
    expect(bases.locator("[data-base=oil] [data-verdict]")).to_have_text("Safe")
    expect(bases.locator("[data-base=hybrid] [data-verdict]")).to_have_text("Safe")
    shown = page.locator("[data-products] h3").all_inner_texts()
    assert set(in_stock_lubes("oil")) <= set(shown)

    assert requests.since(loaded) == []
    assert requests.carrying(["anal", "sensitive", "polyurethane", "glass", "latex"]) == []


def test_without_javascript_the_lube_checker_shows_the_chart(new_context, demo_data):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/tools/lube-checker/")
    expect(page.get_by_text("The checker needs JavaScript, which is off.")).to_be_visible()
    chart = page.get_by_role("table", name="Which lube base with which material or condom")
    row = chart.get_by_role("row", name=re.compile("^Condom: Latex"))
    expect(row.get_by_role("cell")).to_have_text(["Safe", "Safe", "Avoid", "Take care"])


# --- the index and the way in ----------------------------------------------------------------


@VIEWPORTS
def test_the_tools_are_reached_from_home_guide_and_finder(new_context, demo_data, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto("/")
    page.get_by_role("link", name="Play-safely tools").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Play-safely tools")
    audit(page, viewport, "tools index")
    for name in ["Negotiation card", "Together: what you both want", "Ring timer and check-ins"]:
        expect(page.get_by_role("link", name=name)).to_be_visible()

    page.goto("/guides/consensual-rough-play/#aftercare")
    section = page.get_by_role("region", name="Aftercare", exact=True)
    section.get_by_role("link", name=re.compile("aftercare plan", re.I)).click()
    expect(page.get_by_role("heading", name="Aftercare plan")).to_be_visible()
    page.goto("/guides/consensual-rough-play/#limits-and-intensity")
    section = page.get_by_role("region", name="Agreeing limits and intensity")
    section.get_by_role("link", name=re.compile("negotiation card", re.I)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Negotiation card")


def test_the_tools_run_under_the_strict_content_security_policy(page, demo_data):
    reported = []
    page.on(
        "console",
        lambda message: (
            reported.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: reported.append(str(error)))
    for url in ["/tools/", "/tools/negotiation/", "/tools/together/", "/tools/ring-timer/"]:
        response = page.goto(url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert "no-store" in response.headers["cache-control"]
    page.goto("/tools/lube-checker/")
    expect(page.locator("[data-stock-status]")).to_contain_text("in stock fit your answers")
    assert reported == []
