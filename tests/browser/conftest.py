"""Real-browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Without Chromium they skip on a developer's machine; with CI=true a missing browser fails.

The browser tests share one seeded database (see `SharedDemoData`): seeding takes seconds and
nearly every test only reads. A test that changes data says so with
`@pytest.mark.django_db(transaction=True)`: it gets pytest-django's own transactional database,
emptied after it. Under `make test` they all run on one pytest-xdist worker (tests/workers.py),
so one Chromium, one live server and as few seedings as possible serve them all.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from core.age_gate import issue_pass
from tests.browser.shared_data import SharedDemoData

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# there unless told it is safe (it is: the loop only drives the browser).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return (
        os.environ.get("CHROMIUM_PATH")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


def is_browser_test(item) -> bool:
    return item is not None and "tests/browser/" in str(item.fspath).replace(os.sep, "/")


def pytest_collection_modifyitems(items):
    for item in items:
        if is_browser_test(item):
            item.add_marker(pytest.mark.browser)


NEXT_TEST = pytest.StashKey()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    """Tell the shared demo data which test comes next (fixtures are torn down after this)."""
    item.stash[NEXT_TEST] = nextitem


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = "Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}: browser tests must run in CI")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_context(browser, live_server):
    """Make browser contexts (fresh cookie jars); `passed=True` gives the age-gate pass."""
    contexts = []

    def make(passed: bool = True, **options):
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(10_000)
        if passed:
            give_browser_pass(context, live_server.url)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def give_browser_pass(context, url: str) -> None:
    """The age-gate pass in a browser context's cookie jar, as passing the gate leaves it."""
    context.add_cookies([{"name": settings.AGE_GATE_COOKIE, "value": issue_pass(), "url": url}])


@pytest.fixture
def page(new_context, request):
    """A page in a context that has passed the age gate. On failure a screenshot is kept."""
    page = new_context().new_page()
    yield page
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


SHARED = SharedDemoData()


def changes_data(item) -> bool:
    """Marked `django_db(transaction=True)`: the test changes data."""
    marker = item.get_closest_marker("django_db")
    if marker is None:
        return False
    return bool(marker.kwargs.get("transaction", marker.args[0] if marker.args else False))


@pytest.fixture
def demo_data_once(request, django_db_setup, django_db_blocker):
    """The demo catalog, seeded once and shared by every browser test that only reads it.

    The live server makes every test ask for `transactional_db`; in this folder that is this
    fixture (see below). `DEMO_PRODUCTS = N` in a module adds N generated products for its
    tests. After a test, the data stays for the next browser test, unless the next test is of
    another kind: then the database is emptied, as pytest-django leaves it after any
    transactional test.

    A test that changes data is marked `@pytest.mark.django_db(transaction=True)`: it starts
    from the shared data too, and pytest-django empties the database after it. A test that adds
    or removes rows without the mark fails, and the data is seeded again for the next one.
    """
    extra = getattr(request.module, "DEMO_PRODUCTS", 0)
    with django_db_blocker.unblock():
        SHARED.ensure(extra)
    if changes_data(request.node):
        yield  # pytest-django's transactional database (the mark) empties the database after
        SHARED.forget()
        return
    with django_db_blocker.unblock():
        yield
        changed = SHARED.changed_tables()
        if changed or not is_browser_test(request.node.stash.get(NEXT_TEST, None)):
            SHARED.empty()
        if changed:
            pytest.fail(
                f"this test changed the shared demo data ({', '.join(changed)}): mark it "
                "@pytest.mark.django_db(transaction=True)",
                pytrace=False,
            )


@pytest.fixture
def transactional_db(demo_data_once):
    """Every browser test sees the shared demo data (see `demo_data_once`)."""


@pytest.fixture
def demo_data(transactional_db):
    """The demo catalog: every browser test has it; tests ask for it to say they use it."""
