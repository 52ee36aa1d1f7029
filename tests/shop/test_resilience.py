"""With the database down, every page answers a calm 503 (no traceback, no content), and when
it comes back everything works again without a restart."""

import socket
from contextlib import contextmanager

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import Client

from shop.resilience import unavailable_response
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
        assert health.json() == {"status": "error", "database": "unavailable"}
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert "Gentle Paddle" in client.get(product.get_absolute_url()).content.decode()
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}


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
