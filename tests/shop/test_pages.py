import pytest
from django.urls import reverse

from tests.factories import CategoryFactory, ProductFactory

pytestmark = pytest.mark.django_db


def test_home_introduces_the_shop_and_its_categories(client):
    for slug, name in [("impact", "Impact toys"), ("lubricants", "Lubricants")]:
        ProductFactory(category=CategoryFactory(name=name, slug=slug, kind=slug))
    CategoryFactory(name="Blindfolds", slug="blindfolds")  # nothing to sell yet: not live
    response = client.get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Play safely" in html
    assert "Impact toys" in html and "Lubricants" in html
    assert "/catalog/impact/" in html
    assert "Blindfolds" not in html


def test_home_shows_featured_products(client):
    ProductFactory(name="Featured Thing", is_featured=True)
    ProductFactory(name="Plain Thing", is_featured=False)
    html = client.get(reverse("home")).content.decode()
    assert "Featured Thing" in html
    assert "Plain Thing" not in html


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_answers_503_when_the_database_fails(client, monkeypatch):
    from django.db import OperationalError, connection

    def broken_cursor(*args, **kwargs):
        raise OperationalError("database is down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_unknown_page_gets_the_friendly_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_catalog_lists_published_products_only(client):
    ProductFactory(name="Shown Thing")
    ProductFactory(name="Hidden Thing", is_published=False)
    html = client.get(reverse("catalog:list")).content.decode()
    assert "Shown Thing" in html and "Hidden Thing" not in html


def test_category_page_shows_intro_notes_and_its_products_only(client):
    category = CategoryFactory(name="Vibrators", intro="Small bullets are a gentle start.")
    ProductFactory(category=category, name="Pebble")
    ProductFactory(name="Elsewhere")
    response = client.get(category.get_absolute_url())
    html = response.content.decode()
    assert "Small bullets are a gentle start." in html
    assert category.safety_notes.first().text in html
    assert "Pebble" in html and "Elsewhere" not in html


def test_unknown_category_is_404(client):
    assert client.get("/catalog/no-such-category/").status_code == 404


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /admin/" in response.content.decode()


def test_catalog_filters_by_level(client):
    ProductFactory(name="Starter Thing", for_beginner=True, for_experienced=False)
    ProductFactory(name="Advanced Thing", for_beginner=False, for_experienced=True)
    html = client.get(reverse("catalog:list") + "?level=experienced").content.decode()
    assert "Advanced Thing" in html and "Starter Thing" not in html


def test_floor_view_answers_a_few_bytes(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/_floor")
    assert response.status_code == 200
    assert response.content == b"ok"
