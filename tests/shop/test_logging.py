"""Logs: one JSON line per request with its id, and nothing private in any line.

The assertions read what the configured log handler actually writes (its filters redact
records before they are formatted) and, as a second look, every record caplog saw."""

import io
import json
import logging
import re
from pathlib import Path

import pytest
from django.test import Client

from shop.log_privacy import redact
from tests.conftest import give_pass
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def log_output():
    """The text our console handler writes during the test."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def lines(stream) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def everything_logged(stream, caplog) -> str:
    seen = [stream.getvalue()]
    for record in caplog.records:
        seen.append(record.getMessage())
        seen.extend(str(value) for value in vars(record).values())
    return "\n".join(seen)


def test_each_request_logs_one_json_line_with_id_method_path_status_and_duration(
    client, log_output
):
    product = ProductFactory()
    response = client.get(product.get_absolute_url() + "?from=home")
    request_lines = [line for line in lines(log_output) if line["logger"] == "shop.request"]
    assert len(request_lines) == 1
    line = request_lines[0]
    assert line["method"] == "GET"
    assert line["path"] == product.get_absolute_url()
    assert line["status"] == 200
    assert line["duration_ms"] >= 0
    assert line["level"] == "INFO"
    assert line["request_id"] == response["X-Request-ID"]


def test_a_safe_incoming_request_id_is_kept_and_echoed(client, log_output):
    response = client.get("/catalog/", HTTP_X_REQUEST_ID="lb-7f3a9c21-0001")
    assert response["X-Request-ID"] == "lb-7f3a9c21-0001"
    assert lines(log_output)[-1]["request_id"] == "lb-7f3a9c21-0001"


def test_passing_health_checks_stay_out_of_the_log_but_failing_ones_show(
    client, log_output, monkeypatch
):
    from django.db import OperationalError, connection

    assert client.get("/healthz").status_code == 200
    assert lines(log_output) == []

    def refuse(*args, **kwargs):
        raise OperationalError("database is down")

    monkeypatch.setattr(connection, "cursor", refuse)
    assert client.get("/healthz").status_code == 503
    requests = [line for line in lines(log_output) if line["logger"] == "shop.request"]
    assert [(line["path"], line["status"]) for line in requests] == [("/healthz", 503)]


@pytest.mark.parametrize(
    "incoming", ["<script>alert(1)</script>", "short", "a" * 65, "id with spaces", "x\r\nSet:1"]
)
def test_an_unsafe_incoming_request_id_is_replaced(client, incoming):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=incoming)
    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


def test_every_record_made_during_a_request_carries_its_id(client, log_output):
    client.get("/no/such/page/", HTTP_X_REQUEST_ID="trace-0123456789")
    records = lines(log_output)
    assert {line["logger"] for line in records} >= {"django.request", "shop.request"}
    assert {line["request_id"] for line in records} == {"trace-0123456789"}


def test_search_queries_of_json_calls_never_reach_the_logs(client, log_output, caplog):
    json_accept = {"HTTP_ACCEPT": "application/json"}
    client.get("/catalog/?q=secret-search&level=beginner", **json_accept)
    client.get("/catalog/no-such-category/?q=secret-search", **json_accept)
    client.get("/no/such/page/?q=secret-search", **json_accept)
    logged = everything_logged(log_output, caplog)
    assert "/catalog/no-such-category/" in logged  # the 404 was logged, without its query
    assert "secret-search" not in logged


def test_searches_from_the_header_box_never_reach_the_logs(client, log_output, caplog):
    """The header's GET form, its redirect when a field is empty and a corrected search."""
    ProductFactory(name="Feather Paddle")
    client.get("/guides/?q=secretpadle")
    client.get("/catalog/?q=secretpadle&sort=")  # redirected without the empty sort
    client.get("/catalog/?q=secretpadle")
    logged = everything_logged(log_output, caplog)
    assert "/catalog/" in logged
    assert "secretpadle" not in logged


@pytest.mark.urls("tests.shop.failing_urls")
def test_birth_dates_in_a_posted_form_leave_no_trace(log_output, caplog):
    client = give_pass(Client(raise_request_exception=False))
    client.post("/", {"birth_year": "1990", "birth_month": "7", "birth_day": "14"})
    client.post("/age-check/", {"birth_year": "1990"})
    response = client.post("/explode/form/?dob=1990-07-14", {"birth_year": "1990"})
    assert response.status_code == 500
    logged = everything_logged(log_output, caplog)
    assert "ValueError: could not read birth_year=[redacted]" in logged  # the traceback is kept
    assert not re.search(r"(?<!\d)1990(?!\d)", logged)  # a year of its own, not in a timing


@pytest.mark.urls("tests.shop.failing_urls")
def test_finder_answers_leave_no_trace(log_output, caplog):
    client = give_pass(Client(raise_request_exception=False))
    answers = {
        "level": "beginner",
        "categories": ["restraints", "impact"],
        "budget": "73.50",
        "latex_allergy": True,
        "owns_silicone_toys": True,
    }
    client.post("/finder/api/", answers, content_type="application/json")
    response = client.post("/explode/answers/", answers, content_type="application/json")
    assert response.status_code == 500
    logged = everything_logged(log_output, caplog)
    assert "bad answers" in logged
    for private in ["beginner", "restraints", "'latex_allergy': True"]:
        assert private not in logged, private
    # The budget as a number of its own: the digits may well occur inside a logged timing.
    assert not re.search(r"(?<![\d.])73\.50?(?!\d)", logged)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("GET /catalog/?q=gag&level=beginner", "GET /catalog/?[redacted]"),
        ("birth_year=1990&birth_month=7", "birth_year=[redacted]&birth_month=[redacted]"),
        ('{"level": "beginner", "budget": 40}', '{"level": [redacted], "budget": [redacted]}'),
        ("{'categories': ['impact', 'restraints']}", "{'categories': [redacted]}"),
        (
            '{"levels": {"impact": "experienced"}, "anal_play": true}',
            '{"levels": [redacted], "anal_play": [redacted]}',
        ),
        (
            "level_cock-rings=beginner&lube_thickness=thick",
            "level_cock-rings=[redacted]&lube_thickness=[redacted]",
        ),
        ("born 14/07/1990, or 1990-07-14", "born [redacted], or [redacted]"),
        ("Not Found: /products/soft-cuffs/", "Not Found: /products/soft-cuffs/"),
        ("connection to 10.0.0.15 port 5432 failed", "connection to 10.0.0.15 port 5432 failed"),
    ],
)
def test_redact(text, expected):
    assert redact(text) == expected


def test_gunicorns_own_error_and_access_logs_are_redacted_too(tmp_path):
    """gunicorn writes these outside Django's logging (e.g. when it aborts a worker
    mid-request); the logger class gunicorn.conf.py names filters them the same way."""
    from gunicorn.config import Config

    config = Config()
    config.set("logger_class", "shop.gunicorn_logging.PrivateLogger")
    config.set("errorlog", str(tmp_path / "error.log"))
    config.set("accesslog", str(tmp_path / "access.log"))
    logger = config.logger_class(config)
    try:
        raise SystemExit(1)  # what an aborted worker raises inside the request
    except SystemExit:
        logger.exception("Error handling request %s %s", "GET", "/catalog/?q=secret-search")
    logger.warning("Invalid request from ip=10.0.0.1: Invalid HTTP Version: '/x?level=beginner'")
    logger.error("bad answers: {'budget': '40', 'birth_year': '1990'} on 1990-05-01")
    logger.access_log.info("%(m)s %(U)s?%(q)s", {"m": "GET", "U": "/catalog/", "q": "q=cuffs"})
    for handler in logger.error_log.handlers + logger.access_log.handlers:
        handler.flush()
    written = (tmp_path / "error.log").read_text() + (tmp_path / "access.log").read_text()
    assert "Error handling request GET /catalog/?[redacted]" in written
    assert "SystemExit" in written  # the traceback is kept, redacted
    assert "GET /catalog/?[redacted]" in written
    for secret in ["secret-search", "beginner", "'40'", "1990", "cuffs"]:
        assert secret not in written, secret


def test_gunicorn_conf_names_the_private_logger():
    from gunicorn.config import Config

    config = Config()
    namespace = {}
    exec((ROOT / "gunicorn.conf.py").read_text(), namespace)
    config.set("logger_class", namespace["logger_class"])
    from shop.gunicorn_logging import PrivateLogger

    assert config.logger_class is PrivateLogger
