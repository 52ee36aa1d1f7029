"""The layout's stretches that are the same for everyone are rendered once per process and
reused (`{% constant %}`, shop/templatetags/chrome.py): pages still show every visitor the
right links, under the prefix the site is served at, and never anything of another visitor."""

import pytest
from django.conf import settings
from django.template import engines
from django.test import Client
from django.urls import set_script_prefix

from tests.conftest import give_pass
from tests.factories import ProductFactory

LINKS = [
    'href="/"',
    'href="/leave/"',
    'href="/guides/"',
    'href="/catalog/"',
    'href="/finder/"',
    'href="/basket/"',
    'action="/catalog/"',
    'href="/privacy/"',
    'href="/terms/"',
]


@pytest.mark.django_db
def test_every_render_of_a_page_has_the_header_and_footer_links(client):
    first = client.get("/").content.decode()
    again = client.get("/guides/").content.decode()
    for link in LINKS:
        assert link in first and link in again, link
    assert first.count('<footer class="site-footer">') == 1
    assert f"{settings.SITE_NAME} is for adults only" in again


@pytest.mark.django_db
def test_a_site_served_under_a_prefix_links_under_it(client):
    client.get("/")  # the stretches are kept for the site at /
    set_script_prefix("/shop/")  # as the WSGI handler does for a site served at /shop/
    try:
        page = client.get("/").content.decode()
    finally:
        set_script_prefix("/")
    assert 'href="/shop/guides/"' in page and 'href="/shop/privacy/"' in page
    assert 'href="/guides/"' not in page
    assert 'href="/guides/"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_each_visitor_sees_their_own_basket_count(client):
    product = ProductFactory()
    client.post("/basket/add/", {"product": product.slug, "quantity": "3", "next": "/"})
    other = give_pass(Client())
    other.get("/")
    assert "Basket<span data-basket-count> (3)</span>" in client.get("/").content.decode()
    assert "Basket<span data-basket-count></span>" in other.get("/").content.decode()


def test_nothing_from_the_request_reaches_a_constant_stretch():
    engine = engines["django"]
    template = engine.from_string(
        "{% load chrome %}{% constant %}[{{ site_name }}|{{ secret }}]{% endconstant %}{{ secret }}"
    )
    assert template.render({"secret": "mine"}) == f"[{settings.SITE_NAME}|]mine"
    other = engine.from_string("{% load chrome %}{% constant %}<b>other</b>{% endconstant %}")
    assert other.render({}) == "<b>other</b>"
