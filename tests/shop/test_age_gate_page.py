"""The gate page: asking, passing, refusing, remembering the refusal, and where to go next."""

import datetime
import logging
import re

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import signing
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from shop import age_gate
from tests.factories import ProductFactory
from tests.shop.conftest import TODAY, submit_birth_date
from tests.shop.test_age_gate_pass import OFF_SITE

pytestmark = pytest.mark.django_db

GATE = "/age-check/"
REFUSED = "/age-check/refused/"


@pytest.fixture
def product():
    return ProductFactory(slug="soft-cuff-set", name="Soft Cuff Set", category__name="Restraints")


def pass_cookie(response):
    return response.cookies.get(settings.AGE_GATE_COOKIE)


def refusal_cookie(response):
    return response.cookies.get(settings.AGE_GATE_REFUSAL_COOKIE)


def main_html(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


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


def refusal_value(value: str):
    request = RequestFactory().get("/")
    request.COOKIES[settings.AGE_GATE_REFUSAL_COOKIE] = value
    return request.get_signed_cookie(
        settings.AGE_GATE_REFUSAL_COOKIE, default=None, salt=age_gate.REFUSAL_SALT
    )


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


@pytest.fixture
def confirm_mode(settings):
    settings.AGE_GATE_MODE = "confirm"


def test_confirm_mode_offers_two_plain_answers(anon_client, confirm_mode):
    html = main_html(anon_client.get(GATE))
    assert "<legend>Are you 18 or older?</legend>" in html
    assert '<button type="submit" name="answer" value="yes">I am 18 or older</button>' in html
    assert 'value="no" class="secondary">I am not</button>' in html
    assert "We keep only the fact that you passed, when, and the minimum age in force." in html
    assert "date of birth" not in html


def test_confirm_mode_yes_passes_and_no_is_refused(anon_client, confirm_mode):
    yes = anon_client.post(GATE, {"answer": "yes", "next": "/catalog/"})
    assert yes["Location"] == "/catalog/" and age_gate.verify_pass(pass_cookie(yes).value)
    no = anon_client.post(GATE, {"answer": "no", "next": "/catalog/"})
    assert no["Location"] == REFUSED
    assert anon_client.post(GATE, {"answer": "yes"})["Location"] == REFUSED  # remembered


@pytest.mark.parametrize("data", [{}, {"answer": "maybe"}, {"answer": ""}])
def test_confirm_mode_without_an_answer_asks_again(anon_client, confirm_mode, data):
    response = anon_client.post(GATE, data)
    assert response.status_code == 200
    assert "Choose one of the two answers." in response.content.decode()


# --- where the visitor goes next ---------------------------------------------------------


@pytest.mark.parametrize("next_url", OFF_SITE)
def test_an_off_site_next_lands_on_the_home_page_after_passing(anon_client, freeze_today, next_url):
    response = submit_birth_date(anon_client, 13, 11, 1987, next_url)
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize(
    "raw_query",
    [
        "next=%2F%2Fevil.example",
        "next=https%3A%2F%2Fevil.example",
        "next=%2F%5Cevil.example",
        "next=%5C%5Cevil.example",
        "next=javascript%3Aalert(1)",
        "next=%09%2F%2Fevil.example",
        "next=//evil.example",
        "next=https:%2F%2Fevil.example",
    ],
)
def test_encoded_off_site_next_values_never_leave_the_site(client, anon_client, raw_query):
    # Already passed: the gate redirects at once.
    assert client.get(f"{GATE}?{raw_query}")["Location"] == "/"
    # Not yet passed: the form carries a safe next only.
    html = anon_client.get(f"{GATE}?{raw_query}").content.decode()
    assert 'name="next" value="/"' in html
    assert "evil.example" not in html


def test_a_next_with_a_query_string_survives_the_gate(anon_client, freeze_today):
    gated = anon_client.get("/catalog/impact/?level=beginner&sort=price")
    assert (
        gated["Location"] == "/age-check/?next=/catalog/impact/%3Flevel%3Dbeginner%26sort%3Dprice"
    )
    form = anon_client.get(gated["Location"]).content.decode()
    assert 'name="next" value="/catalog/impact/?level=beginner&amp;sort=price"' in form
    response = submit_birth_date(
        anon_client, 13, 11, 1987, "/catalog/impact/?level=beginner&sort=price"
    )
    assert response["Location"] == "/catalog/impact/?level=beginner&sort=price"


# --- the birth date is never kept ------------------------------------------------------------

BIRTH_DATE_PATTERNS = [
    r"(?<![0-9A-Za-z]){year}(?![0-9A-Za-z])",
    r"{year}-{month:02d}-{day:02d}",
    r"{day:02d}/{month:02d}/{year}",
    r"{day}/{month}/{year}",
    r"{day} (November|January)",
]


def birth_date_in(text: str, day: int, month: int, year: int) -> bool:
    return any(
        re.search(pattern.format(day=day, month=month, year=year), text)
        for pattern in BIRTH_DATE_PATTERNS
    )


@pytest.fixture
def every_log_record(caplog, monkeypatch):
    """caplog at DEBUG for every logger, including any that do not propagate."""
    for name in [None, *logging.root.manager.loggerDict]:
        caplog.set_level(logging.DEBUG, logger=name)
        logger = logging.getLogger(name)
        if not logger.propagate:
            monkeypatch.setattr(logger, "propagate", True)
    return caplog


def everything_kept(client, caplog, queries) -> str:
    """Cookies (raw and decoded), session rows, log records and SQL, as one text."""
    kept = []
    for morsel in client.cookies.values():
        kept.append(f"{morsel.key}={morsel.value}")
        try:
            kept.append(repr(signing.loads(morsel.value, salt=age_gate.SALT)))
        except signing.BadSignature:
            pass
        kept.append(str(refusal_value(morsel.value)))
    for session in Session.objects.all():
        kept.append(session.session_data)
        kept.append(repr(session.get_decoded()))
    for record in caplog.records:
        kept.append(record.getMessage())
        kept.append(repr(record.args))
    for query in queries.captured_queries:
        kept.append(query["sql"])
    return "\n".join(kept)


@pytest.mark.parametrize(
    "day, month, year, lands_on, shown",
    [
        (13, 11, 1987, "/products/soft-cuff-set/", "Soft Cuff Set"),
        (13, 1, 2011, REFUSED, "Sorry, we cannot let you in"),
    ],
    ids=["passing", "refused"],
)
def test_the_birth_date_is_never_kept_in_cookies_sessions_or_logs(
    anon_client, product, freeze_today, every_log_record, day, month, year, lands_on, shown
):
    with CaptureQueriesContext(connection) as queries:
        anon_client.get("/products/soft-cuff-set/")
        response = submit_birth_date(anon_client, day, month, year, "/products/soft-cuff-set/")
        assert response["Location"] == lands_on
        assert shown in anon_client.get(response["Location"]).content.decode()
        submit_birth_date(anon_client, day, month, year, "/products/soft-cuff-set/")
        anon_client.get("/products/soft-cuff-set/", follow=True)
    assert every_log_record.records, "the requests above must have logged something"
    kept = everything_kept(anon_client, every_log_record, queries)
    assert settings.AGE_GATE_COOKIE in kept or settings.AGE_GATE_REFUSAL_COOKIE in kept
    assert not birth_date_in(kept, day, month, year)


def test_the_check_above_would_spot_a_birth_date():
    assert birth_date_in("dob=1987-11-13", 13, 11, 1987)
    assert birth_date_in("born 13/11/1987", 13, 11, 1987)
    assert birth_date_in("year 1987", 13, 11, 1987)
    assert not birth_date_in(f"today {TODAY.isoformat()}", 13, 11, 1987)


def test_the_gate_runs_no_database_queries(anon_client, freeze_today, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert anon_client.get("/products/soft-cuff-set/").status_code == 302
        assert anon_client.get(GATE).status_code == 200
        assert submit_birth_date(anon_client, 31, 2, 1987).status_code == 200
        assert anon_client.post("/catalog/", {}).status_code == 403
        assert submit_birth_date(anon_client, 1, 1, 2012)["Location"] == REFUSED
        assert anon_client.get(REFUSED).status_code == 403
