"""Categories go live when ready: published, with a published, recommendable product."""

import pytest
from django.urls import reverse

from catalog.models import Category
from finder.forms import AnswersForm
from tests.factories import CategoryFactory, ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    ready = CategoryFactory(name="Paddles", slug="paddles")
    ProductFactory(category=ready, name="Soft Paddle")
    CategoryFactory(name="Blindfolds", slug="blindfolds")  # nothing in it yet
    draft = CategoryFactory(name="Candles", slug="candles", is_published=False)
    ProductFactory(category=draft, name="Low Candle")  # ready, but the category is not published
    sold_out = CategoryFactory(name="Ropes", slug="ropes")
    ProductFactory(category=sold_out, stock=0)
    unpublished = CategoryFactory(name="Masks", slug="masks")
    ProductFactory(category=unpublished, is_published=False)
    note_less = CategoryFactory(name="Feathers", slug="feathers", safety_notes=[])
    ProductFactory(category=note_less)
    return ready


def test_only_published_categories_with_a_recommendable_product_are_live(shop):
    assert [c.slug for c in Category.objects.live()] == ["paddles"]
    assert shop.is_live and shop.hidden_reason == ""
    assert Category.objects.get(slug="candles").hidden_reason == "it is not published"
    assert "no published, in-stock product" in Category.objects.get(slug="ropes").hidden_reason


def test_a_new_category_starts_unpublished():
    assert Category.objects.create(name="New", slug="new").is_published is False


def test_navigation_and_home_page_show_live_categories_only(client, shop):
    page = client.get(reverse("home")).content.decode()
    assert "/catalog/paddles/" in page
    for slug in ("blindfolds", "candles", "ropes", "masks", "feathers"):
        assert f"/catalog/{slug}/" not in page


def test_the_finder_offers_live_categories_only(shop):
    assert [slug for slug, _ in AnswersForm().fields["categories"].choices] == ["paddles"]
    form = AnswersForm(data={"level": "beginner", "categories": ["blindfolds"]})
    assert not form.is_valid() and "categories" in form.errors


def test_a_hidden_category_page_is_not_found_for_customers(client, shop):
    assert client.get("/catalog/blindfolds/").status_code == 404
    assert client.get("/catalog/candles/").status_code == 404
    json = client.get("/catalog/candles/", HTTP_ACCEPT="application/json")
    assert json.status_code == 404
    assert client.get("/catalog/paddles/").status_code == 200


def test_staff_see_a_hidden_category_with_a_banner(curator_client, shop):
    response = curator_client.get("/catalog/candles/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="category-not-live"' in page
    assert "customers cannot see this category because it is not published" in page
    assert 'id="category-not-live"' not in curator_client.get("/catalog/paddles/").content.decode()


def test_a_category_goes_live_with_its_first_ready_product(client, shop):
    blindfolds = Category.objects.get(slug="blindfolds")
    assert client.get("/catalog/blindfolds/").status_code == 404
    ProductFactory(category=blindfolds, name="Satin Blindfold")
    assert client.get("/catalog/blindfolds/").status_code == 200
    assert "/catalog/blindfolds/" in client.get(reverse("home")).content.decode()


def test_the_catalog_s_category_facet_lists_live_categories_only(client, shop):
    payload = client.get("/catalog/", HTTP_ACCEPT="application/json").json()
    assert [option["value"] for option in payload["facets"]["category"]] == ["paddles"]
