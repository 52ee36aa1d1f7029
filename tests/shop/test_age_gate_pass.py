"""The pass and the age arithmetic, without HTTP."""

import datetime
import time

import pytest
from django.core import signing
from django.test import RequestFactory, override_settings
from django.utils import timezone

from core import age_gate

D = datetime.date


def test_a_fresh_pass_verifies_and_holds_only_the_fact_and_the_minimum_age():
    value = age_gate.issue_pass()
    assert age_gate.verify_pass(value)
    assert signing.loads(value, salt=age_gate.SALT) == {"passed": True, "min_age": 18}


def flip_last(text: str) -> str:
    return text[:-1] + ("A" if text[-1] != "A" else "B")


def tampered(value: str) -> str:
    payload, rest = value.split(":", 1)
    return f"{flip_last(payload)}:{rest}"


@pytest.mark.parametrize(
    "make_value",
    [
        pytest.param(lambda: None, id="missing"),
        pytest.param(lambda: "", id="empty"),
        pytest.param(lambda: '{"passed": true, "min_age": 18}', id="unsigned-json"),
        pytest.param(lambda: "1", id="junk"),
        pytest.param(lambda: tampered(age_gate.issue_pass()), id="tampered-payload"),
        pytest.param(lambda: flip_last(age_gate.issue_pass()), id="tampered-signature"),
        pytest.param(
            lambda: signing.dumps({"passed": True, "min_age": 18}, salt="another.salt"),
            id="other-salt",
        ),
        pytest.param(
            lambda: signing.dumps({"passed": False, "min_age": 18}, salt=age_gate.SALT),
            id="signed-but-not-passed",
        ),
        pytest.param(
            lambda: signing.dumps({"passed": True, "min_age": "18"}, salt=age_gate.SALT),
            id="min-age-not-a-number",
        ),
    ],
)
def test_anything_but_a_genuine_pass_is_no_pass(make_value):
    assert not age_gate.verify_pass(make_value())


def issued_days_ago(monkeypatch, days: float) -> str:
    real_time = time.time
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: real_time() - days * 24 * 60 * 60)
        return age_gate.issue_pass()


def test_a_pass_lasts_age_gate_days(monkeypatch, settings):
    settings.AGE_GATE_DAYS = 30
    assert age_gate.verify_pass(issued_days_ago(monkeypatch, 29.9))
    assert not age_gate.verify_pass(issued_days_ago(monkeypatch, 30.1))


def test_a_shorter_age_gate_days_expires_older_passes(monkeypatch, settings):
    value = issued_days_ago(monkeypatch, 10)
    settings.AGE_GATE_DAYS = 7
    assert not age_gate.verify_pass(value)


def test_a_pass_signed_with_another_secret_is_no_pass():
    with override_settings(SECRET_KEY="another-secret-key-entirely-" + "z" * 30):
        foreign = age_gate.issue_pass()
    assert not age_gate.verify_pass(foreign)


def test_a_pass_signed_with_a_retired_key_still_in_the_fallbacks_verifies(settings):
    old_key = settings.SECRET_KEY
    value = age_gate.issue_pass()
    settings.SECRET_KEY = "the-new-secret-key-" + "n" * 40
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert age_gate.verify_pass(value)
    settings.SECRET_KEY_FALLBACKS = []
    assert not age_gate.verify_pass(value)


def test_raising_the_minimum_age_invalidates_earlier_passes(settings):
    value = age_gate.issue_pass()
    settings.AGE_GATE_MIN_AGE = 21
    assert not age_gate.verify_pass(value)
    assert age_gate.verify_pass(age_gate.issue_pass())  # a pass issued under 21 is fine


def test_lowering_the_minimum_age_keeps_earlier_passes(settings):
    settings.AGE_GATE_MIN_AGE = 21
    value = age_gate.issue_pass()
    settings.AGE_GATE_MIN_AGE = 18
    assert age_gate.verify_pass(value)


@pytest.mark.parametrize(
    "birth, day, age",
    [
        (D(2008, 6, 15), D(2026, 6, 15), 18),  # the birthday itself
        (D(2008, 6, 16), D(2026, 6, 15), 17),  # the day before
        (D(2008, 1, 1), D(2026, 12, 31), 18),
        (D(2008, 12, 31), D(2026, 1, 1), 17),
        # Born on 29 February: in a year that is not a leap year the birthday is 1 March.
        (D(2008, 2, 29), D(2026, 2, 28), 17),
        (D(2008, 2, 29), D(2026, 3, 1), 18),
        # ...and in a leap year it is 29 February itself.
        (D(2004, 2, 29), D(2024, 2, 28), 19),
        (D(2004, 2, 29), D(2024, 2, 29), 20),
    ],
)
def test_age_on_counts_completed_years(birth, day, age):
    assert age_gate.age_on(day, birth) == age


def test_today_is_the_date_in_the_sites_time_zone(monkeypatch, settings):
    settings.TIME_ZONE = "Pacific/Auckland"  # UTC+12 in June
    instant = datetime.datetime(2026, 6, 14, 20, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: instant)
    assert age_gate.today() == D(2026, 6, 15)


def test_is_old_enough_uses_the_minimum_age_and_today(freeze_today, settings):
    freeze_today(D(2026, 6, 15))
    assert age_gate.is_old_enough(D(2008, 6, 15))
    assert not age_gate.is_old_enough(D(2008, 6, 16))
    settings.AGE_GATE_MIN_AGE = 21
    assert not age_gate.is_old_enough(D(2008, 6, 15))
    assert age_gate.is_old_enough(D(2005, 6, 15))


OFF_SITE = [
    "//evil.example",
    "///evil.example",
    "////evil.example/",
    "https://evil.example",
    "http://evil.example/products/x/",
    "HTTPS://evil.example",
    "http:evil.example",
    "https:/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    " //evil.example",
    "\t//evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://testserver@evil.example/",
    "http://testserver/products/x/",  # this site, but an absolute address: paths only
    "https://testserver:8443/",
    "//testserver/products/x/",
    "https://evil.example\\@testserver/",
    "ftp://evil.example/",
    "evil.example",
    "products/x/",
    "",
]


@pytest.mark.parametrize("url", OFF_SITE)
def test_safe_next_url_sends_anything_off_site_home(url):
    request = RequestFactory().get("/age-check/")
    assert age_gate.safe_next_url(request, url) == "/"


@pytest.mark.parametrize(
    "url", ["/", "/products/soft-cuff-set/", "/catalog/impact/?level=beginner&sort=price"]
)
def test_safe_next_url_keeps_paths_on_this_site(url):
    request = RequestFactory().get("/age-check/")
    assert age_gate.safe_next_url(request, url) == url
