"""Whole gated pages come from the shared cache for passed, anonymous visitors, and never go
stale in a way a curator would notice."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from catalog.models import Product
from tests.factories import ProductFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def product(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return ProductFactory(name="Feather Paddle", price="24.00")


def test_a_second_visit_is_served_from_the_cache_without_queries(
    client, product, django_assert_num_queries
):
    first = client.get(reverse("catalog:list"))
    assert "Feather Paddle" in first.content.decode()
    with django_assert_num_queries(0):
        second = client.get(reverse("catalog:list"))
    assert second.status_code == 200
    assert second.content == first.content


def test_a_cached_page_keeps_the_gate_and_security_headers(client, product):
    client.get(product.get_absolute_url())
    cached = client.get(product.get_absolute_url())
    assert "Cookie" in cached["Vary"]
    assert "private" in cached["Cache-Control"]
    assert "default-src 'self'" in cached["Content-Security-Policy"]


def test_a_visitor_without_a_pass_never_gets_a_cached_page(client, anon_client, product):
    client.get(product.get_absolute_url())
    response = anon_client.get(product.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/age-check/")


def test_saving_a_product_shows_at_once(client, product, django_capture_on_commit_callbacks):
    client.get(product.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        product.price = "19.00"
        product.save()
    assert "£19.00" in client.get(product.get_absolute_url()).content.decode()


def test_a_bulk_change_from_an_admin_action_shows_at_once(
    client, curator, product, django_capture_on_commit_callbacks
):
    assert "Feather Paddle" in client.get(reverse("catalog:list")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=product.pk).update(is_published=False)
    assert "Feather Paddle" not in client.get(reverse("catalog:list")).content.decode()


def test_html_and_json_are_cached_apart(client, product):
    html = client.get(reverse("catalog:list"))
    as_json = client.get(reverse("catalog:list"), HTTP_ACCEPT="application/json")
    assert as_json["Content-Type"].startswith("application/json")
    assert as_json.json()["results"][0]["name"] == "Feather Paddle"
    assert client.get(reverse("catalog:list"))["Content-Type"] == html["Content-Type"]


def test_staff_with_a_session_bypass_the_cache(client, product, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        hidden = ProductFactory(name="Draft Cuffs", is_published=False)
    client.get(reverse("catalog:list"))  # cached for customers
    client.force_login(UserFactory(is_staff=True))
    response = client.get(hidden.get_absolute_url())
    assert "Not published" in response.content.decode()


@pytest.mark.urls("tests.shop.page_cache_urls")
@pytest.mark.parametrize("path", ["/csrf-page/", "/no-store-page/"])
def test_pages_with_a_csrf_token_or_no_store_are_never_cached(client, path):
    first = client.get(path).content
    second = client.get(path).content
    assert first != second  # the view ran twice


def test_the_cache_can_be_turned_off(client, product, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(reverse("catalog:list"))
    with django_assert_max_num_queries(20) as captured:
        client.get(reverse("catalog:list"))
    assert len(captured.captured_queries) > 0


def test_guide_pages_with_starter_kit_forms_are_cached(client, django_assert_num_queries):
    from tests.factories import GuideFactory, SectionFactory

    guide = GuideFactory()
    SectionFactory(guide=guide, with_category=True)
    first = client.get(guide.get_absolute_url())
    assert "Find your starter kit" in first.content.decode()
    with django_assert_num_queries(0):
        assert client.get(guide.get_absolute_url()).content == first.content
