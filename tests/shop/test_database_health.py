"""shop.postgresql: a connection the server has dropped is found and replaced before a request
uses it, and a healthy idle connection is reused without asking the server anything."""

import select

import psycopg
import pytest
from django.db import close_old_connections, connection, connections
from django.db.backends.postgresql import base as django_postgresql

from catalog.models import Product
from tests.factories import ProductFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's health check"),
    # Outside a transaction, as a request runs between requests.
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def fresh_connection_after():
    """A test that ends its connection leaves a fresh one for the database's clean-up."""
    yield
    connections["default"].close()


def end_from_the_server(pid: int) -> None:
    """What a restart or an administrator does to a connection: the server ends it."""
    params = connection.get_connection_params()
    with psycopg.connect(**params, autocommit=True) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", [pid]).fetchone() == (True,)


def goodbye_arrived() -> bool:
    """The server process ends a moment after it is told to, its goodbye then waiting on
    this side's socket: wait for that (at most 10 seconds)."""
    readable, _, _ = select.select([connection.connection.fileno()], [], [], 10)
    return bool(readable)


def server_round_trips(monkeypatch) -> list[str]:
    """Records each time Django's own `SELECT 1` health check runs."""
    asked = []
    original = django_postgresql.DatabaseWrapper.is_usable

    def is_usable(self):
        asked.append("SELECT 1")
        return original(self)

    monkeypatch.setattr(django_postgresql.DatabaseWrapper, "is_usable", is_usable)
    return asked


def test_the_site_runs_on_djangos_postgresql_backend_with_health_checks():
    assert connection.vendor == "postgresql"
    assert isinstance(connections["default"], django_postgresql.DatabaseWrapper)
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


def test_an_idle_healthy_connection_is_usable_without_a_round_trip(monkeypatch):
    ProductFactory()
    connection.ensure_connection()
    asked = server_round_trips(monkeypatch)
    assert connection.is_usable() is True
    assert asked == []


def test_a_connection_the_server_ended_is_not_usable(monkeypatch):
    connection.ensure_connection()
    end_from_the_server(connection.connection.info.backend_pid)
    assert goodbye_arrived()
    asked = server_round_trips(monkeypatch)
    assert connection.is_usable() is False
    assert asked == ["SELECT 1"]  # something waited on the socket: the server decided


def test_a_connection_in_a_transaction_is_checked_by_the_server(monkeypatch):
    connection.ensure_connection()
    asked = server_round_trips(monkeypatch)
    connection.set_autocommit(False)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        assert connection.is_usable() is True
    finally:
        connection.rollback()
        connection.set_autocommit(True)
    assert asked == ["SELECT 1"]


def test_the_next_request_gets_a_new_connection_when_the_server_ended_the_last(client):
    product = ProductFactory()
    connection.ensure_connection()
    old_pid = connection.connection.info.backend_pid
    end_from_the_server(old_pid)
    assert goodbye_arrived()
    # What a server's request_started does (the test client leaves it out): the connection is
    # checked before its first use, and the page reads from a fresh one, as every worker does
    # after a database restart.
    close_old_connections()
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    assert product.name in response.content.decode()
    assert connection.connection.info.backend_pid != old_pid
    assert Product.objects.filter(pk=product.pk).exists()
