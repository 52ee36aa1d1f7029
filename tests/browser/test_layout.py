"""Layout and the page furniture every visitor relies on: the "leave quickly" link, the skip
link and visible focus, phone and desktop layout, the category drawings, print styles, and
no inline styles or scripts (a strict Content Security Policy forbids them)."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def transactional_db(demo_data_once):
    """Every test in this module only reads: the demo data is seeded once (see conftest)."""


PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
LEAVE_TO = "https://www.bbc.co.uk/weather"
LEAVE_HREF = "/leave/"  # forgets the session (the basket), then sends the visitor to LEAVE_TO
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><h1>Weather</h1>"


def neutral_site(context) -> None:
    """The sandbox cannot reach the neutral site: answer for it from here."""
    context.route(
        re.compile(r"^https://www\.bbc\.co\.uk/"),
        lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE),
    )


def leave_link(page):
    return page.get_by_role("banner").get_by_role("link", name="Leave quickly")


# --- Leave quickly -----------------------------------------------------------------------


def test_leave_quickly_is_on_every_page_even_the_gate_and_the_refusal(new_context):
    visitor = new_context(passed=False).new_page()
    visitor.goto("/products/soft-cuff-set/")
    expect(leave_link(visitor)).to_have_attribute("href", LEAVE_HREF)
    visitor.get_by_label("Day").fill("1")
    visitor.get_by_label("Month").fill("6")
    visitor.get_by_label("Year").fill("2014")
    visitor.get_by_role("button", name="Continue").click()
    expect(visitor).to_have_url(re.compile(r"/age-check/refused/$"))
    expect(leave_link(visitor)).to_have_attribute("href", LEAVE_HREF)

    page = new_context().new_page()
    for url in [
        "/",
        "/guides/",
        "/guides/consensual-rough-play/",
        "/catalog/?level=beginner",
        "/catalog/impact/",
        "/products/soft-cuff-set/",
        "/privacy/",
        "/no-such-page/",
    ]:
        page.goto(url)
        expect(leave_link(page)).to_have_attribute("href", LEAVE_HREF)
        # Reached early: the skip link, the brand, then "leave quickly".
        page.locator("body").focus()
        for _ in range(3):
            page.keyboard.press("Tab")
        expect(leave_link(page)).to_be_focused()


def test_leave_quickly_replaces_the_page_in_the_history(new_context):
    context = new_context()
    neutral_site(context)
    page = context.new_page()
    page.goto("/products/soft-cuff-set/")  # a deep link opened in a new tab
    entries = page.evaluate("history.length")

    leave_link(page).click()
    expect(page).to_have_url(LEAVE_TO)
    expect(page.get_by_role("heading", name="Weather")).to_be_visible()
    assert page.evaluate("history.length") == entries  # replaced, not added
    page.go_back()  # the product page is gone from this tab's history
    expect(page).not_to_have_url(re.compile(r"/products/"))


def test_after_browsing_leave_quickly_still_adds_no_history_entry(new_context):
    context = new_context()
    neutral_site(context)
    page = context.new_page()
    page.goto("/")
    page.get_by_role("navigation", name="Categories").get_by_role("link", name="Restraints").click()
    expect(page).to_have_url(re.compile(r"/catalog/restraints/$"))
    page.wait_for_load_state()  # its scripts too: before them the link is a plain link
    entries = page.evaluate("history.length")

    page.keyboard.press("Home")
    leave_link(page).focus()
    page.keyboard.press("Enter")  # from the keyboard, too
    expect(page).to_have_url(LEAVE_TO)
    assert page.evaluate("history.length") == entries
    page.go_back()  # Back skips the restraints page the visitor was reading
    expect(page).not_to_have_url(re.compile(r"/catalog/restraints/"))


def test_leave_quickly_still_leaves_without_javascript(new_context):
    context = new_context(java_script_enabled=False)
    neutral_site(context)
    page = context.new_page()
    page.goto("/guides/consensual-rough-play/")
    leave_link(page).click()
    expect(page).to_have_url(LEAVE_TO)


def test_after_leaving_quickly_the_browser_keeps_no_pass_and_no_pages(new_context):
    context = new_context()
    neutral_site(context)
    page = context.new_page()
    page.goto("/guides/consensual-rough-play/")
    page.evaluate("sessionStorage.setItem('kept', 'something')")
    leave_link(page).click()
    expect(page).to_have_url(LEAVE_TO)
    assert context.cookies() == []  # the age pass is gone with the session
    page.goto("/guides/consensual-rough-play/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Safeword is for adults only")
    assert page.evaluate("sessionStorage.getItem('kept')") is None


# --- Keyboard: skip link and visible focus --------------------------------------------------


def test_skip_link_and_visible_focus(page):
    page.goto("/catalog/?category=restraints")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0, "the skip link must show when focused"
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    expect(page).to_have_url(re.compile(r"#main$"))

    # Every kind of control shows a clear focus ring.
    for control in [
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Guides"),
        page.get_by_label("Search the catalog"),
        page.get_by_role("button", name="Search", exact=True),
        page.get_by_label("Sort by"),
        page.locator(".product-card .card__title a").first,
    ]:
        control.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # focused from the keyboard, so :focus-visible applies
        expect(control).to_be_focused()
        ring = control.evaluate(
            """el => {
                const own = getComputedStyle(el);
                const card = el.closest('.product-card');
                const style = own.outlineStyle !== 'none' ? own : getComputedStyle(card);
                return [style.outlineStyle, parseFloat(style.outlineWidth)];
            }"""
        )
        assert ring[0] == "solid" and ring[1] >= 2, f"no visible focus ring: {ring}"


# --- Phone and desktop layout --------------------------------------------------------------


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_header_and_category_nav_line_up_with_the_content(new_context, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto("/catalog/restraints/")
    heading = page.get_by_role("heading", level=1).bounding_box()
    categories = page.get_by_role("navigation", name="Categories")
    first = categories.get_by_role("link").first.bounding_box()
    brand = page.get_by_role("link", name="Safeword", exact=True).bounding_box()
    # The category links share the content's left edge: never flush against the screen.
    assert first["x"] >= 12 and abs(first["x"] - heading["x"]) <= 2, (first, heading)
    assert abs(brand["x"] - heading["x"]) <= 2
    current = categories.get_by_role("link", name="Restraints")
    expect(current).to_have_attribute("aria-current", "page")

    leave = leave_link(page).bounding_box()
    nav = page.get_by_role("navigation", name="Main").bounding_box()
    if viewport is PHONE:  # brand and "leave quickly" share the top row, the menu below
        assert abs(leave["y"] - brand["y"]) < brand["height"]
        assert nav["y"] >= brand["y"] + brand["height"] - 1
    else:  # one row: brand, menu, and "leave quickly" at the far right
        assert abs(nav["y"] + nav["height"] / 2 - (brand["y"] + brand["height"] / 2)) < 8
        assert leave["x"] > nav["x"] + nav["width"]
        main = page.get_by_role("main").bounding_box()
        padding = heading["x"] - main["x"]
        assert leave["x"] + leave["width"] == pytest.approx(
            main["x"] + main["width"] - padding, abs=2
        )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_filters_fold_away_on_a_phone_and_stay_open_on_a_desktop(new_context, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto("/catalog/?category=impact")
    level = page.get_by_role("region", name="Experience level", exact=True)
    if viewport is PHONE:
        expect(level).to_be_hidden()
        page.locator("summary", has_text="Filters").click()
    expect(level).to_be_visible()


# --- Pictures ------------------------------------------------------------------------------


def drawing_sizes(page, selector: str) -> list[dict]:
    """Sizes of the first four drawings, each scrolled into view and loaded first (they load
    lazily: on a phone the later ones are below the fold until scrolled to)."""
    images = page.locator(selector)
    for index in range(min(images.count(), 4)):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
    return images.evaluate_all(
        """images => images.slice(0, 4).map(img => ({
            src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0,
            width: img.getBoundingClientRect().width, height: img.getBoundingClientRect().height,
        }))"""
    )


@pytest.mark.parametrize(
    "viewport, card_min, card_max",
    [(PHONE, 90, 130), (DESKTOP, 200, 320)],
    ids=["360px", "1280px"],
)
def test_category_drawings_stand_in_for_product_pictures(new_context, viewport, card_min, card_max):
    page = new_context(viewport=viewport).new_page()
    page.goto("/")
    categories = drawing_sizes(page, ".category-card img")
    assert [c["src"].rsplit("/", 1)[1] for c in categories] == [
        "impact.svg",
        "restraints.svg",
        "cock-rings.svg",
        "lubricants.svg",
    ]
    for card in categories:
        assert card["loaded"] and 130 <= card["width"] <= 260, card
        assert card["height"] == pytest.approx(card["width"] * 3 / 4, abs=2)

    # Products wear the drawing of their kind: cuffs, under-bed straps, a bar, shears.
    page.goto("/catalog/restraints/")
    images = page.locator(".product-card img")
    drawn = set()
    for index in range(images.count()):  # each loaded once in view (they load lazily)
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("complete", True)
        drawn.add(image.get_attribute("src").rsplit("/", 1)[1])
    assert drawn == {"cuffs.svg", "under-bed.svg", "spreader.svg", "shears.svg"}
    for card in drawing_sizes(page, ".product-card img"):
        assert card["loaded"] and card_min <= card["width"] <= card_max, card

    page.goto("/products/soft-cuff-set/")
    picture = page.get_by_role("img", name="Drawing: cuffs")
    expect(picture).to_have_attribute("src", re.compile(r"/static/catalog/drawings/cuffs\.svg$"))
    width = picture.bounding_box()["width"]
    assert (200 <= width <= 260) if viewport is PHONE else (400 <= width <= 520), width


# --- Print ---------------------------------------------------------------------------------


def test_a_printed_guide_keeps_the_words_and_drops_the_furniture(page):
    page.goto("/guides/consensual-rough-play/")
    page.emulate_media(media="print")
    for gone in [
        page.get_by_role("navigation", name="Main"),
        page.get_by_role("navigation", name="Categories"),
        page.get_by_role("navigation", name="Contents"),
        page.get_by_role("contentinfo"),
        leave_link(page),
        page.get_by_role("button", name=re.compile("Find your starter kit")).first,
        page.get_by_role("link", name="Back to contents").first,
    ]:
        expect(gone).to_be_hidden()
    expect(page.get_by_role("link", name="Safeword", exact=True)).to_be_visible()
    expect(
        page.get_by_role("heading", name="Safe words and the traffic-light system")
    ).to_be_visible()
    restraints = page.locator("#restraints")
    expect(restraints.get_by_role("region", name="For beginners")).to_be_visible()
    expect(restraints.locator(".card__note").first).to_be_visible()  # safety notes stay
    expect(page.locator(".traffic-light")).to_be_visible()

    page.emulate_media(media="screen")
    expect(page.get_by_role("navigation", name="Contents")).to_be_visible()


# --- Content Security Policy readiness -------------------------------------------------------

NO_INLINE = """() => ({
    styled: [...document.querySelectorAll('[style]')].map(el => el.outerHTML.slice(0, 80)),
    scripts: [...document.scripts]
        .filter(s => !s.src && s.type !== 'application/ld+json')
        .map(s => s.outerHTML.slice(0, 80)),
    handlers: [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
        .filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name)),
})"""


def test_no_page_uses_inline_styles_scripts_or_event_handlers(new_context):
    visitor = new_context(passed=False).new_page()
    visitor.goto("/catalog/")
    pages = [("age gate", visitor)]
    page = new_context().new_page()
    for url in [
        "/",
        "/guides/",
        "/guides/consensual-rough-play/",
        "/catalog/?category=impact&level=beginner&price_max=100",
        "/catalog/?price_min=cheap",
        "/catalog/restraints/",
        "/products/soft-cuff-set/",
        "/no-such-page/",
    ]:
        page.goto(url)
        found = page.evaluate(NO_INLINE)
        assert found == {"styled": [], "scripts": [], "handlers": []}, (url, found)
    for name, other in pages:
        assert other.evaluate(NO_INLINE) == {"styled": [], "scripts": [], "handlers": []}, name
