"""With the database down, every page answers a calm 503 (no traceback, no content), and when
it comes back everything works again without a restart."""

import socket
from contextlib import contextmanager

import psycopg
import pytest
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.test import Client

from shop import page_cache
from shop.resilience import JSON_MESSAGE, unavailable_response
from tests.conftest import give_pass
from tests.factories import ProductFactory

FRIENDLY = "We'll be back in a moment"


def assert_friendly_503(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "Content-Security-Policy" in response
    html = response.content.decode()
    assert FRIENDLY in html
    for leak in ["Traceback", "OperationalError", "InterfaceError", "SELECT", "Product"]:
        assert leak not in html


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens there once the socket closes


@contextmanager
def database_down(monkeypatch):
    """A real outage on PostgreSQL: the connection is pointed at a port nobody listens on.
    SQLite's in-memory test database would vanish with its connection, so there the driver
    refuses at the same boundary Django wraps (every new cursor)."""
    if connection.vendor == "postgresql":
        saved_port = connection.settings_dict["PORT"]
        connection.close()
        connection.settings_dict["PORT"] = str(closed_port())
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict["PORT"] = saved_port
    else:

        def refuse(*args, **kwargs):
            raise OperationalError("unable to open database file")

        with monkeypatch.context() as patch:
            patch.setattr(connection, "cursor", refuse)
            yield


@pytest.mark.django_db(transaction=True)
def test_pages_answer_503_while_the_database_is_down_and_work_again_after(client, monkeypatch):
    product = ProductFactory(name="Gentle Paddle")
    pages = ["/", "/catalog/", product.get_absolute_url(), product.category.get_absolute_url()]
    with database_down(monkeypatch):
        for url in pages:
            assert_friendly_503(client.get(url))
        health = client.get("/healthz")
        assert health.status_code == 503
        assert health.json() == {"status": "error", "database": "unavailable", "cache": "ok"}
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert "Gentle Paddle" in client.get(product.get_absolute_url()).content.decode()
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db(transaction=True)
def test_the_admin_answers_503_too(curator_client, monkeypatch):
    with database_down(monkeypatch):
        assert_friendly_503(curator_client.get("/admin/catalog/product/"))


@pytest.mark.django_db
@pytest.mark.urls("tests.shop.failing_urls")
@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_database_error_outside_any_view_answers_503(monkeypatch, error):
    """An error raised in a middleware (here: loading the session) reaches handler500."""
    from django.contrib.sessions.middleware import SessionMiddleware

    def broken(self, request):
        raise error("connection already closed")

    monkeypatch.setattr(SessionMiddleware, "process_request", broken)
    assert_friendly_503(give_pass(Client(raise_request_exception=False)).get("/privacy/"))


@pytest.mark.django_db
@pytest.mark.urls("tests.shop.failing_urls")
def test_a_database_error_in_a_view_answers_503_and_logs_no_query(caplog):
    response = give_pass(Client()).get("/explode/database/")
    assert_friendly_503(response)
    assert "Service unavailable: OperationalError on GET /explode/database/" in caplog.text


@pytest.mark.django_db
@pytest.mark.urls("tests.shop.failing_urls")
def test_other_errors_still_get_the_500_page():
    response = give_pass(Client(raise_request_exception=False)).post("/explode/form/", {"x": "1"})
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


@pytest.mark.django_db
def test_the_503_page_is_rendered_without_touching_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = unavailable_response()
    assert response.status_code == 503
    assert FRIENDLY in response.content.decode()


# --- a cached page while the database is down ------------------------------------------------


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db(transaction=True)
def test_while_the_database_is_down_a_page_cached_a_moment_ago_is_still_served(
    client, monkeypatch, page_cache_on, settings
):
    product = ProductFactory(name="Gentle Paddle")
    url = product.get_absolute_url()
    assert client.get(url).status_code == 200  # stored, under the version just read
    clock = {"now": page_cache.last_version.clock()}
    monkeypatch.setattr(page_cache.last_version, "clock", lambda: clock["now"])
    page_cache.last_version.remember(page_cache.last_version.version)
    with database_down(monkeypatch):
        response = client.get(url)
        assert response.status_code == 200
        assert "Gentle Paddle" in response.content.decode()
        assert_friendly_503(client.get("/catalog/"))  # never cached: it cannot be made now
        # Past the grace period the version may be out of date: the calm 503 instead.
        clock["now"] += settings.PAGE_CACHE_OUTAGE_SECONDS + 1
        assert_friendly_503(client.get(url))
    assert client.get(url).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_json_callers_get_a_json_503(client, monkeypatch):
    ProductFactory(name="Gentle Paddle")
    with database_down(monkeypatch):
        for response in [
            client.get("/catalog/", HTTP_ACCEPT="application/json"),
            client.post("/finder/api/", {"level": "beginner"}, content_type="application/json"),
        ]:
            assert response.status_code == 503
            assert response["Retry-After"] == "30"
            assert response.json() == {"errors": {"__all__": [JSON_MESSAGE]}}


# --- database waits end within seconds (PostgreSQL) --------------------------------------------

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statement and lock timeouts of PostgreSQL"
)


@contextmanager
def table_locked(table: str):
    """Another session holds an exclusive lock on `table`, as a long migration would."""
    params = connection.get_connection_params()
    with psycopg.connect(**params, autocommit=False) as other:
        other.execute(f'LOCK TABLE "{table}" IN ACCESS EXCLUSIVE MODE')
        try:
            yield
        finally:
            other.rollback()


@contextmanager
def session_timeout(name: str, value: str):
    """This test session's own (shorter) timeout, so the test does not wait the default."""
    with connection.cursor() as cursor:
        cursor.execute(f"SET {name} = '{value}'")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"RESET {name}")


@on_postgresql
@pytest.mark.postgres
@pytest.mark.django_db
def test_every_connection_carries_the_configured_timeouts(settings):
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "10s"
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone()[0] == "4s"
    assert connection.settings_dict["OPTIONS"]["connect_timeout"] == 5
    assert settings.HEALTHZ_DB_TIMEOUT == 2


@on_postgresql
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_locked_table_answers_503_instead_of_waiting_and_recovers(client):
    product = ProductFactory(name="Gentle Paddle")
    url = product.get_absolute_url()
    with session_timeout("lock_timeout", "300ms"), table_locked("catalog_product"):
        assert_friendly_503(client.get(url))
        response = client.get("/catalog/", HTTP_ACCEPT="application/json")
        assert response.status_code == 503 and "errors" in response.json()
        # The database itself answers: /healthz stays 200.
        assert client.get("/healthz").status_code == 200
    assert "Gentle Paddle" in client.get(url).content.decode()


@on_postgresql
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("tests.shop.failing_urls")
def test_a_query_running_too_long_is_cut_short_with_a_503():
    with session_timeout("statement_timeout", "200ms"):
        assert_friendly_503(give_pass(Client()).get("/slow/"))


@on_postgresql
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_healthz_answers_503_when_the_database_does_not_answer_in_time(client, settings):
    settings.HEALTHZ_DB_TIMEOUT = 0.3
    with table_locked("core_contentversion"):
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["database"] == "unavailable"
    assert client.get("/healthz").json()["database"] == "ok"
