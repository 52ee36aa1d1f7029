"""The age gate in a real browser: a deep link, a refusal that sticks, a pass that lands."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def transactional_db(demo_data_once):
    """Every test in this module only reads: the demo data is seeded once (see conftest)."""


DEEP_LINK = "/products/soft-cuff-set/"


def fill_birth_date(page, day: str, month: str, year: str) -> None:
    date = page.get_by_role("group", name="What is your date of birth?")
    date.get_by_label("Day").fill(day)
    date.get_by_label("Month").fill(month)
    date.get_by_label("Year").fill(year)


def open_deep_link(context):
    page = context.new_page()
    page.goto(DEEP_LINK)
    expect(page).to_have_url(re.compile(r"/age-check/\?next=/products/soft-cuff-set/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Safeword is for adults only")
    expect(page.get_by_text("Soft Cuff Set")).to_have_count(0)
    return page


def test_deep_link_through_the_gate_refused_then_passed_in_a_fresh_browser(new_context):
    # One browser: two tabs open the deep link; the first says under age...
    refused_browser = new_context(passed=False)
    first, second = open_deep_link(refused_browser), open_deep_link(refused_browser)
    fill_birth_date(first, "14", "2", "2015")
    first.get_by_role("button", name="Continue").click()
    expect(first).to_have_url(re.compile(r"/age-check/refused/$"))
    expect(first.get_by_role("heading", level=1)).to_have_text("Sorry, we cannot let you in")
    expect(first.locator("img")).to_have_count(0)
    # ...and the second, still showing the form, tries an adult date straight after: refused.
    fill_birth_date(second, "3", "9", "1985")
    second.get_by_role("button", name="Continue").click()
    expect(second).to_have_url(re.compile(r"/age-check/refused/$"))
    second.goto(DEEP_LINK)
    expect(second).to_have_url(re.compile(r"/age-check/refused/$"))

    # A fresh browser passes with an adult date and lands on the deep link.
    page = open_deep_link(new_context(passed=False))
    fill_birth_date(page, "31", "2", "1985")  # first a slip: no such date
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("That date does not exist.")
    fill_birth_date(page, "3", "9", "1985")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/products/soft-cuff-set/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Soft Cuff Set")
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["sw_age"]["httpOnly"] is True
    # No cookie holds the birth date (values only: expiry timestamps may contain any digits).
    for cookie in cookies.values():
        assert "1985" not in cookie["value"]


def test_the_gate_works_from_the_keyboard_alone(new_context):
    page = open_deep_link(new_context(passed=False))
    page.get_by_label("Day").focus()
    page.keyboard.type("31")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Month")).to_be_focused()
    page.keyboard.type("2")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Year")).to_be_focused()
    page.keyboard.type("1985")
    page.keyboard.press("Enter")
    # The error summary takes the focus, so a screen reader reads it out first.
    expect(page.get_by_role("alert")).to_be_focused()
    expect(page.get_by_role("alert")).to_contain_text("That date does not exist.")
    page.get_by_label("Day").fill("28")
    page.get_by_label("Year").press("Enter")
    expect(page).to_have_url(re.compile(r"/products/soft-cuff-set/$"))


def test_the_gate_works_without_javascript(new_context):
    page = open_deep_link(new_context(passed=False, java_script_enabled=False))
    fill_birth_date(page, "3", "9", "1985")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Soft Cuff Set")
