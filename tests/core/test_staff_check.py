"""`core.curators.is_staff`: staff sign in, so a visitor without a session cookie is a customer
and their user is never looked up."""

import pytest
from django.contrib import auth

from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lookups(monkeypatch):
    """How many times a request's user is looked up (the session read for the user's id)."""
    calls = []
    real = auth.get_user

    def counting(request):
        calls.append(request.path)
        return real(request)

    monkeypatch.setattr(auth, "get_user", counting)
    return calls


def test_a_customer_without_a_session_costs_no_user_lookup(client, lookups):
    product = ProductFactory(name="Plain Bullet")
    assert client.get(product.get_absolute_url()).status_code == 200
    assert lookups == []


def test_signed_in_staff_still_see_what_customers_do_not(curator_client, lookups):
    hidden = ProductFactory(is_published=False, name="Secret Wand")
    response = curator_client.get(hidden.get_absolute_url())
    assert response.status_code == 200
    assert "Not published: only staff can see this page." in response.content.decode()
    assert lookups  # signed in: the user is looked up


def test_a_customer_with_a_session_but_not_staff_is_a_customer(client, lookups):
    hidden = ProductFactory(is_published=False)
    client.cookies["sessionid"] = "not-a-session"
    assert client.get(hidden.get_absolute_url()).status_code == 404
