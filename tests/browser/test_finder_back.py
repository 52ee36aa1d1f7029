"""The finder's results survive Back and Reload in Chromium, with the answers only ever in the
body of a POST to the finder (never in a URL, a cookie or the server's storage), and they are
forgotten by "Start again" and "Leave quickly" (static/js/finder.js)."""

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

ANSWER_NAMES = {
    "level",
    "categories",
    "intensity",
    "sensation",
    "restraint_type",
    "ring_fit",
    "vibrator_type",
    "budget",
    "latex_allergy",
    "owns_silicone_toys",
    "uses_latex_condoms",
}
KEY = "safeword.finder.answers"


def record(page) -> list:
    seen = []
    page.on("request", lambda request: seen.append(request))
    return seen


def show_results(page) -> list[str]:
    page.goto("/finder/")
    page.get_by_label("I'm new to this").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Restraints").check()
    page.get_by_label("Lubricants").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Step 3 of 4")).to_be_visible()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Total budget (£)").fill("60")
    page.get_by_label("I own silicone toys").check()
    page.get_by_role("button", name="Show my results").click()
    expect(page.get_by_role("heading", name="Your starter picks")).to_be_visible()
    return picks(page)


def picks(page) -> list[str]:
    return page.locator(".finder-results article h3 a").all_inner_texts()


def assert_answers_only_in_finder_posts(requests) -> None:
    for request in requests:
        query = parse_qs(urlsplit(request.url).query)
        assert not (ANSWER_NAMES & query.keys()), request.url
        assert "budget" not in request.url and "silicone" not in urlsplit(request.url).query
        cookie = request.headers.get("cookie", "")
        assert "budget" not in cookie and "owns_silicone" not in cookie, cookie
        body = request.post_data or ""
        if any(f"{name}=" in body for name in ANSWER_NAMES):
            assert request.method == "POST" and urlsplit(request.url).path == "/finder/"


def test_results_then_a_product_then_back_shows_the_same_results_at_once(page, demo_data):
    requests = record(page)
    before = show_results(page)
    assert len(before) >= 3
    stored = page.evaluate(f"sessionStorage.getItem({KEY!r})")
    assert "owns_silicone_toys" in stored and "60.00" in stored

    first = page.locator(".finder-results article h3 a").first
    name = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()

    back_from = len(requests)
    page.go_back()
    # The same results, not the browser's "Confirm form resubmission" page, nor step 1.
    expect(page.get_by_role("heading", name="Your starter picks")).to_be_visible()
    assert picks(page) == before
    assert page.url.endswith("/finder/")
    expect(page.get_by_text("Step 1 of 4")).to_have_count(0)
    # Back asked for the page with a GET (no form sent again); the results came from one
    # POST of the kept answers to the finder.
    after = requests[back_from:]
    documents = [r for r in after if r.resource_type == "document"]
    assert all(r.method == "GET" for r in documents), [(r.method, r.url) for r in documents]
    assert [r.method for r in after if r.method == "POST"] in ([], ["POST"])
    assert_answers_only_in_finder_posts(requests)

    # Reload too: the results again, no prompt.
    page.reload()
    expect(page.get_by_role("heading", name="Your starter picks")).to_be_visible()
    assert picks(page) == before
    # And the pictures and the printing button come back with them.
    expect(page.locator(".finder-results article img").first).to_be_visible()
    expect(page.get_by_role("button", name="Print this list")).to_be_visible()


def test_start_again_forgets_the_answers(page, demo_data):
    show_results(page)
    page.get_by_role("link", name="Start again").last.click()
    expect(page.get_by_text("Step 1 of 4")).to_be_visible()
    assert page.evaluate(f"sessionStorage.getItem({KEY!r})") is None
    page.go_back()  # to the results' entry: nothing is kept to show them again
    expect(page.get_by_text("Step 1 of 4")).to_be_visible()
    expect(page.get_by_role("heading", name="Your starter picks")).to_have_count(0)


def test_leave_quickly_forgets_the_answers(new_context, live_server, demo_data):
    context = new_context()
    context.route(
        "https://www.bbc.co.uk/**",
        lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"),
    )
    page = context.new_page()
    show_results(page)
    page.get_by_role("link", name="Leave quickly").click()
    expect(page).to_have_title("Weather")
    page.goto(f"{live_server.url}/finder/")
    assert page.evaluate(f"sessionStorage.getItem({KEY!r})") is None


def test_without_script_the_results_are_still_a_plain_post(new_context, demo_data):
    page = new_context(java_script_enabled=False).new_page()
    show_results(page)
    assert page.url.endswith("/finder/")
