"""Whole gated pages come from the shared cache for passed, anonymous visitors, and never go
stale in a way a curator would notice."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from catalog import stock
from catalog.models import Product
from shop.page_cache import without_csrf_token
from tests.conftest import give_pass
from tests.factories import ProductFactory, UserFactory

pytestmark = pytest.mark.django_db


TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def same_page(first, second) -> bool:
    """The same page, but for the CSRF token of its forms (each visitor gets their own)."""
    return TOKEN.sub(b"", first.content) == TOKEN.sub(b"", second.content)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.KEEP_PER_VERSION = True  # a hit reads the version only (catalog/stock.py)
    stock.forget()
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def product(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return ProductFactory(name="Feather Paddle", price="24.00")


def test_a_second_visit_is_served_from_the_cache_with_one_query(
    client, product, django_assert_num_queries
):
    first = client.get(reverse("catalog:list"))
    assert "Feather Paddle" in first.content.decode()
    with django_assert_num_queries(1):  # the content version, read from the database
        second = client.get(reverse("catalog:list"))
    assert second.status_code == 200
    assert same_page(second, first)


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


def test_a_stock_sync_that_keeps_products_in_stock_keeps_every_page(
    client, product, django_capture_on_commit_callbacks, django_assert_num_queries
):
    urls = [reverse("catalog:list"), product.get_absolute_url(), "/"]
    for url in urls:
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=product.pk).update(stock=product.stock + 7)
    with django_assert_num_queries(2):  # the versions, then the out-of-stock set once
        client.get(urls[0])
    for url in urls[1:]:
        with django_assert_num_queries(1):  # served from the cache: no render
            client.get(url)


def test_a_product_going_out_of_stock_or_back_shows_at_once_on_every_page(
    client, product, django_capture_on_commit_callbacks
):
    ProductFactory(category=product.category, name="Suede Flogger")
    listing = reverse("catalog:list") + "?in_stock=1"
    assert "Feather Paddle" in client.get(listing).content.decode()
    assert "Out of stock" not in client.get(product.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=product.pk).update(stock=0)
    assert "Feather Paddle" not in client.get(listing).content.decode()
    assert "Out of stock" in client.get(product.get_absolute_url()).content.decode()
    stock.forget()  # another worker, which never read the set
    assert "Suede Flogger" in client.get(listing).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Product.objects.filter(pk=product.pk).update(stock=5)
    assert "Feather Paddle" in client.get(listing).content.decode()
    assert "Out of stock" not in client.get(product.get_absolute_url()).content.decode()


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
    with django_assert_num_queries(1):  # the content version
        assert same_page(client.get(guide.get_absolute_url()), first)


# --- canonical keys: only what changes the page makes a new entry --------------------------


def served_from_cache(client, url, django_assert_num_queries, **headers):
    """The page at `url`, asserting it came from the cache (one query: the content version)."""
    with django_assert_num_queries(1):
        return client.get(url, **headers)


def rendered_again(client, url, django_assert_max_num_queries, **headers):
    """The page at `url`, asserting the view ran (it was not in the cache): it rendered its
    template (a listing's kept index and cards can leave it as few queries as a hit)."""
    with django_assert_max_num_queries(40):
        response = client.get(url, **headers)
    assert response.templates, "served from the cache"
    return response


@pytest.mark.parametrize(
    "first, second",
    [
        ("?level=beginner&sort=price", "?sort=price&level=beginner"),
        ("?price_min=10.5", "?price_min=010.50"),
        ("?sensation=sting&sensation=thud", "?sensation=thud&sensation=sting&sensation=thud"),
        ("?q=paddle", "?q=+paddle+"),
        ("", "?sort=featured&page=1"),
        ("?in_stock=1&quick_release=1", "?quick_release=1&in_stock=1"),
    ],
)
def test_the_same_page_asked_for_in_another_spelling_comes_from_the_cache(
    client, product, first, second, django_assert_num_queries
):
    url = reverse("catalog:list")
    stored = client.get(url + first)
    assert stored.status_code == 200
    again = served_from_cache(client, url + second, django_assert_num_queries)
    assert same_page(again, stored)


@pytest.mark.parametrize(
    "junk", ["?utm_source=newsletter", "?x=1", "?level=beginner&anything=else", "?LEVEL=beginner"]
)
def test_unknown_parameters_are_served_but_never_cached(
    client, product, junk, django_assert_max_num_queries
):
    url = reverse("catalog:list") + junk
    for _ in range(2):
        response = rendered_again(client, url, django_assert_max_num_queries)
        assert response.status_code == 200
        assert "Feather Paddle" in response.content.decode()
    # Pages that take no parameters at all: the same.
    page = product.get_absolute_url() + junk
    for _ in range(2):
        response = rendered_again(client, page, django_assert_max_num_queries)
        assert "Feather Paddle" in response.content.decode()


def test_a_refused_value_never_gets_the_page_of_an_accepted_one(client, product):
    url = reverse("catalog:list")
    assert client.get(url + "?price_min=10").status_code == 200  # cached
    for refused in ["?price_min=10.000", "?price_min=+10x", "?price_min=10&price_min=10"]:
        response = client.get(url + refused)
        assert response.status_code == 400, refused
        assert "Lowest price" in response.content.decode()


def test_a_page_number_past_the_end_shows_the_last_page_but_is_not_kept(
    client, product, django_assert_max_num_queries
):
    url = reverse("catalog:list") + "?page=9999"
    for _ in range(2):
        response = rendered_again(client, url, django_assert_max_num_queries)
        assert "Feather Paddle" in response.content.decode()


@pytest.mark.parametrize(
    "accept",
    [
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "*/*",
        "made/up; q=0.1",
        "text/html;level=1, image/webp",
        "\x00;;,,q=zz",
    ],
)
def test_any_accept_header_that_does_not_prefer_json_shares_the_html_entry(
    client, product, accept, django_assert_num_queries
):
    url = reverse("catalog:list")
    html = client.get(url)
    again = served_from_cache(client, url, django_assert_num_queries, HTTP_ACCEPT=accept)
    assert same_page(again, html)


def test_json_callers_share_one_json_entry(client, product, django_assert_num_queries):
    url = reverse("catalog:list")
    as_json = client.get(url, HTTP_ACCEPT="application/json")
    again = served_from_cache(
        client, url, django_assert_num_queries, HTTP_ACCEPT="application/json, text/plain;q=0.5"
    )
    assert again.json() == as_json.json()
    assert again.json()["results"][0]["name"] == "Feather Paddle"


def test_pages_with_add_to_basket_forms_are_kept_and_each_visitor_gets_a_working_token(
    product, django_assert_num_queries
):
    first = give_pass(Client(enforce_csrf_checks=True))
    first.get(product.get_absolute_url())  # made and kept
    second = give_pass(Client(enforce_csrf_checks=True))
    with django_assert_num_queries(1):  # the content version: served from the cache
        page = second.get(product.get_absolute_url())
    tokens = set(re.findall(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content))
    assert len(tokens) == 1 and b"\x00" not in page.content
    assert settings.CSRF_COOKIE_NAME in page.cookies  # the visitor's own token, with its cookie
    response = second.post(
        "/basket/add/", {"product": product.slug, "csrfmiddlewaretoken": tokens.pop().decode()}
    )
    assert response.status_code == 302


def test_a_page_that_shows_its_token_outside_a_form_is_not_kept(rf):
    request = rf.get("/")
    request.META["CSRF_COOKIE"] = "s" * 32
    token = b"t" * 64
    form = b'<input type="hidden" name="csrfmiddlewaretoken" value="' + token + b'">'
    assert without_csrf_token(request, b"<form>" + form + b"</form>") is not None
    assert without_csrf_token(request, form + b"<script>" + token + b"</script>") is None
    assert without_csrf_token(request, form + b"secret " + b"s" * 32) is None
    assert without_csrf_token(request, b"<p>no form</p>") is None
