"""Real-browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Without Chromium they skip on a developer's machine; with CI=true a missing browser fails.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from shop.age_gate import issue_pass

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


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


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
            context.add_cookies(
                [{"name": settings.AGE_GATE_COOKIE, "value": issue_pass(), "url": live_server.url}]
            )
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


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


@pytest.fixture
def demo_data(transactional_db):
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)


@pytest.fixture(scope="module")
def demo_data_once(request, django_db_setup, django_db_blocker):
    """The demo catalog, seeded once for a whole module whose tests only read it.

    The live server makes every test ask for `transactional_db`, which empties the database
    after each test, so each test would seed again. A read-only module opts out by overriding
    that fixture with one that asks for this instead:

        @pytest.fixture
        def transactional_db(demo_data_once):
            pass  # every test here only reads: the module seeds once

    `DEMO_PRODUCTS = N` in the module adds N generated products. When the module ends the
    database is emptied, as after any transactional test.
    """
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("seed_demo", verbosity=0)
        extra = getattr(request.module, "DEMO_PRODUCTS", 0)
        if extra:
            call_command("seed_demo", products=extra, verbosity=0)
        yield
        call_command("flush", interactive=False, verbosity=0)
