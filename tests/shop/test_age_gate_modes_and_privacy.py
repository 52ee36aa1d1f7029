"""The gate's yes/no mode, where to go next (never off the site), and the birth date kept
nowhere."""

import logging
import re

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import age_gate
from tests.shop.age_gate_pages import (
    GATE,
    REFUSED,
    main_html,
    pass_cookie,
    refusal_value,
    soft_cuffs,
)
from tests.shop.conftest import TODAY, submit_birth_date
from tests.shop.test_age_gate_pass import OFF_SITE

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    return soft_cuffs()


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
