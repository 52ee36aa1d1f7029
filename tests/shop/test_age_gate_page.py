"""The gate page: asking, passing, refusing, remembering the refusal, and where to go next."""

import datetime
import re

import pytest
from django.conf import settings

from core import age_gate
from tests.shop.age_gate_pages import (
    GATE,
    REFUSED,
    main_html,
    pass_cookie,
    refusal_cookie,
    refusal_value,
    soft_cuffs,
)
from tests.shop.conftest import submit_birth_date

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    return soft_cuffs()


# --- the page --------------------------------------------------------------------------------


def test_the_gate_asks_for_a_labelled_date_of_birth_and_says_what_is_kept(anon_client):
    response = anon_client.get(GATE + "?next=/catalog/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert '<meta name="rating" content="adult">' in html
    assert "<legend>What is your date of birth?</legend>" in html
    for name, label in [("day", "Day"), ("month", "Month"), ("year", "Year")]:
        assert f'<label for="id_{name}">{label}</label>' in html
        assert f'autocomplete="bday-{name}"' in html
    assert html.index('id="id_day"') < html.index('id="id_month"') < html.index('id="id_year"')
    assert 'name="next" value="/catalog/"' in html
    assert (
        "We keep only the fact that you passed, when, and the minimum age in force, "
        "never your date of birth." in html
    )


def test_the_date_fields_follow_the_configured_order(anon_client, settings):
    settings.AGE_GATE_DOB_ORDER = "mdy"
    html = anon_client.get(GATE).content.decode()
    assert html.index('id="id_month"') < html.index('id="id_day"') < html.index('id="id_year"')
    assert "For example, 3 27 1990." in html
    settings.AGE_GATE_DOB_ORDER = "ymd"
    html = anon_client.get(GATE).content.decode()
    assert html.index('id="id_year"') < html.index('id="id_month"') < html.index('id="id_day"')


@pytest.mark.parametrize("url", [GATE, REFUSED])
def test_gate_and_refusal_pages_show_no_products_guides_or_pictures(anon_client, product, url):
    response = anon_client.get(url)
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert '<meta name="rating" content="adult">' in html
    for leak in ("Soft Cuff Set", "Restraints", "/catalog/", "/products/", "/guides/"):
        assert leak not in html, leak
    assert "<img" not in html
    assert 'aria-label="Categories"' not in html and 'aria-label="Main"' not in html
    assert "Privacy" in html  # the footer's privacy and terms links stay


def test_the_gate_page_is_never_cached(anon_client):
    cache_control = anon_client.get(GATE)["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control


# --- passing -----------------------------------------------------------------------------


def test_an_adult_lands_on_the_page_asked_for_with_a_pass(anon_client, product, freeze_today):
    first = anon_client.get("/products/soft-cuff-set/")
    assert first["Location"] == "/age-check/?next=/products/soft-cuff-set/"
    response = submit_birth_date(anon_client, 13, 11, 1987, "/products/soft-cuff-set/")
    assert response.status_code == 302
    assert response["Location"] == "/products/soft-cuff-set/"
    page = anon_client.get(response["Location"])
    assert page.status_code == 200
    assert "Soft Cuff Set" in page.content.decode()


def test_the_pass_cookie_is_signed_httponly_lax_and_lasts_age_gate_days(anon_client, freeze_today):
    cookie = pass_cookie(submit_birth_date(anon_client, 13, 11, 1987))
    assert age_gate.verify_pass(cookie.value)
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 30 * 24 * 60 * 60
    assert not cookie["secure"]  # tests run over plain HTTP; production sets Secure below


def test_the_pass_cookie_is_secure_in_production(anon_client, freeze_today, settings):
    settings.AGE_GATE_COOKIE_SECURE = True
    assert pass_cookie(submit_birth_date(anon_client, 13, 11, 1987))["secure"] is True


def test_exactly_the_minimum_age_today_passes(anon_client, freeze_today):
    freeze_today(datetime.date(2026, 6, 15))
    response = submit_birth_date(anon_client, 15, 6, 2008, "/catalog/")
    assert response["Location"] == "/catalog/"
    assert age_gate.verify_pass(pass_cookie(response).value)


def test_the_minimum_age_tomorrow_is_refused(anon_client, freeze_today):
    freeze_today(datetime.date(2026, 6, 15))
    response = submit_birth_date(anon_client, 16, 6, 2008, "/catalog/")
    assert response["Location"] == REFUSED
    assert pass_cookie(response) is None or pass_cookie(response).value == ""


@pytest.mark.parametrize(
    "today, born, min_age, passes",
    [
        # In a year that is not a leap year, a 29 February birthday counts as 1 March.
        (datetime.date(2026, 2, 28), datetime.date(2008, 2, 29), 18, False),
        (datetime.date(2026, 3, 1), datetime.date(2008, 2, 29), 18, True),
        # In a leap year it is 29 February itself (20 years: both years are leap years).
        (datetime.date(2024, 2, 28), datetime.date(2004, 2, 29), 20, False),
        (datetime.date(2024, 2, 29), datetime.date(2004, 2, 29), 20, True),
    ],
)
def test_a_29_february_birthday(anon_client, freeze_today, settings, today, born, min_age, passes):
    settings.AGE_GATE_MIN_AGE = min_age
    freeze_today(today)
    response = submit_birth_date(anon_client, born.day, born.month, born.year)
    assert response["Location"] == ("/" if passes else REFUSED)


def test_a_higher_minimum_age_moves_the_boundary(anon_client, freeze_today, settings):
    settings.AGE_GATE_MIN_AGE = 21
    freeze_today(datetime.date(2026, 6, 15))
    assert submit_birth_date(anon_client, 15, 6, 2008)["Location"] == REFUSED
    settings.AGE_GATE_REMEMBER_REFUSAL = False
    assert submit_birth_date(anon_client, 15, 6, 2005)["Location"] == "/"


def test_someone_120_years_old_may_pass(anon_client, freeze_today):
    assert submit_birth_date(anon_client, 15, 6, 1906)["Location"] == "/"


def test_a_visitor_who_already_passed_goes_straight_to_next(client):
    response = client.get(GATE + "?next=/catalog/")
    assert response.status_code == 302
    assert response["Location"] == "/catalog/"


# --- form errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day, month, year, message",
    [
        (31, 2, 2000, "That date does not exist. Check the day and the month."),
        (29, 2, 2001, "That date does not exist. Check the day and the month."),
        (31, 4, 1990, "That date does not exist. Check the day and the month."),
        (16, 6, 2026, "That date is in the future. Enter the date you were born."),
        (1, 1, 2100, "That date is in the future. Enter the date you were born."),
        (14, 6, 1905, "That would make you older than 120. Check the year."),
        (1, 1, 1000, "That would make you older than 120. Check the year."),
        ("abc", 3, 1990, "Enter the day as a number, like 7."),
        (7, "March", 1990, "Enter the month as a number, like 3 for March."),
        (7, 3, "19x0", "Enter the year as a number, like 1990."),
        (7, 3, "1990.5", "Enter the year as a number, like 1990."),
        ("", 3, 1990, "Enter the day."),
        (7, "", 1990, "Enter the month."),
        (7, 3, "", "Enter the year."),
        (0, 3, 1990, "The day must be between 1 and 31."),
        (32, 3, 1990, "The day must be between 1 and 31."),
        (7, 13, 1990, "The month must be between 1 and 12."),
        (7, 3, 90, "Enter the year as four digits, like 1990."),
        (7, 3, "99999999999999999999999", "Enter the year as four digits, like 1990."),
        (7, 3, -1990, "Enter the year as four digits, like 1990."),
    ],
)
def test_bad_dates_get_a_clear_message_not_a_refusal(
    anon_client, freeze_today, day, month, year, message
):
    response = submit_birth_date(anon_client, day, month, year, "/catalog/")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "<title>Error: Confirm your age" in html
    assert 'name="next" value="/catalog/"' in html  # nothing is lost
    assert pass_cookie(response) is None and refusal_cookie(response) is None


def test_a_post_with_no_fields_at_all_lists_every_missing_part(anon_client):
    response = anon_client.post(GATE, {})
    assert response.status_code == 200
    html = main_html(response)
    for message in ("Enter the day.", "Enter the month.", "Enter the year."):
        assert message in html
    assert 'aria-invalid="true"' in html


def test_field_errors_are_tied_to_their_fields(anon_client):
    html = main_html(anon_client.post(GATE, {"day": "x", "month": "3", "year": "1990"}))
    assert '<p class="field-error" id="id_day_error">' in html
    assert re.search(r'<input[^>]*aria-describedby="id_day_error"[^>]*id="id_day"', html)
    assert '<a href="#id_day">Enter the day as a number, like 7.</a>' in html


# --- refusing ------------------------------------------------------------------------------


def test_under_age_is_refused_politely(anon_client, freeze_today):
    response = submit_birth_date(anon_client, 1, 1, 2012, "/catalog/")
    assert response["Location"] == REFUSED
    page = anon_client.get(REFUSED)
    assert page.status_code == 403
    html = page.content.decode()
    assert "Sorry, we cannot let you in" in html
    assert "only for adults aged 18 or over" in html
    assert "We did not keep your date of birth" in html


def test_the_refusal_is_a_signed_cookie_for_the_browser_session_only(anon_client, freeze_today):
    cookie = refusal_cookie(submit_birth_date(anon_client, 1, 1, 2012))
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # gone when the browser closes
    assert cookie["httponly"] is True and cookie["samesite"] == "Lax"
    assert cookie.value != age_gate.REFUSED  # signed, not the bare word
    assert refusal_value(cookie.value) == age_gate.REFUSED
    assert refusal_value(cookie.value.replace("refused", "welcome")) is None


def test_retyping_an_adult_date_straight_after_a_refusal_is_refused(anon_client, freeze_today):
    submit_birth_date(anon_client, 1, 1, 2012, "/catalog/")
    again = submit_birth_date(anon_client, 13, 11, 1987, "/catalog/")
    assert again["Location"] == REFUSED
    assert pass_cookie(again) is None
    assert anon_client.get(GATE + "?next=/catalog/")["Location"] == REFUSED
    assert anon_client.get("/catalog/")["Location"].startswith(GATE)  # still no way in


def test_a_refusal_takes_away_an_earlier_pass(client, freeze_today):
    response = submit_birth_date(client, 1, 1, 2012)
    assert response["Location"] == REFUSED
    assert pass_cookie(response).value == ""  # deleted
    assert client.get("/catalog/")["Location"].startswith(GATE)


def test_remembering_refusals_can_be_turned_off(anon_client, freeze_today, settings):
    settings.AGE_GATE_REMEMBER_REFUSAL = False
    refused = submit_birth_date(anon_client, 1, 1, 2012)
    assert refused["Location"] == REFUSED and refusal_cookie(refused) is None
    page = anon_client.get(REFUSED).content.decode()
    assert "Entered the wrong date? Check it again" in page
    assert submit_birth_date(anon_client, 13, 11, 1987)["Location"] == "/"


def test_a_forged_refusal_cookie_is_ignored(anon_client):
    anon_client.cookies[settings.AGE_GATE_REFUSAL_COOKIE] = age_gate.REFUSED
    assert anon_client.get(GATE).status_code == 200


# --- confirm mode --------------------------------------------------------------------------
