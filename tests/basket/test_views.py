"""The basket as shoppers and JSON callers use it: forms that post and come back, bad input
answered with 400 (never a 500), the hand-off, and a constant number of queries."""

import json
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from basket.basket import SESSION_KEY
from tests.conftest import give_pass
from tests.factories import ProductFactory, StorePageFactory

pytestmark = pytest.mark.django_db
ADD = "/basket/add/"
PAGE = "/basket/"


def html(response) -> str:
    return response.content.decode()


def basket_json(client) -> dict:
    response = client.get(PAGE, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    return response.json()


def test_the_urls_are_the_contract():
    assert reverse("basket:page") == PAGE
    assert reverse("basket:add") == ADD
    assert reverse("basket:checkout") == "/basket/checkout/"


def test_add_from_a_product_page_comes_back_with_a_message(client):
    product = ProductFactory(name="Soft Cuff Set", price=Decimal("34.00"))
    page = html(client.get(product.get_absolute_url()))
    assert 'action="/basket/add/"' in page and 'name="quantity"' in page
    response = client.post(
        ADD, {"product": product.slug, "quantity": "2", "next": product.get_absolute_url()}
    )
    assert response.status_code == 302
    assert response["Location"] == product.get_absolute_url()
    again = html(client.get(product.get_absolute_url()))
    assert "Added to your basket: Soft Cuff Set." in again
    assert "Basket<span data-basket-count> (2)</span>" in again
    assert basket_json(client)["total"] == "68.00"


def test_next_is_kept_to_paths_on_this_site(client):
    product = ProductFactory()
    for bad in ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]:
        response = client.post(ADD, {"product": product.slug, "next": bad})
        assert response["Location"] == PAGE


def test_the_basket_page_lists_lines_with_totals_and_flags(client):
    cuffs = ProductFactory(name="Soft Cuff Set", price=Decimal("34.00"))
    lube = ProductFactory(name="Silky Water", price=Decimal("9.50"))
    client.post(ADD, {"product": cuffs.slug, "quantity": "1"})
    client.post(ADD, {"product": lube.slug, "quantity": "3"})
    lube.stock = 0
    lube.save()
    page = html(client.get(PAGE))
    assert "Soft Cuff Set" in page and "Silky Water" in page
    assert "Out of stock for now" in page
    assert "data-basket-total>£34.00<" in page
    assert "Empty basket" in page and "Continue to checkout" in page


def test_change_quantity_remove_and_empty(client):
    a, b = ProductFactory(price=Decimal("10.00")), ProductFactory(price=Decimal("5.00"))
    client.post(ADD, {"product": [a.slug, b.slug]})
    assert client.post("/basket/update/", {"product": a.slug, "quantity": "4"}).status_code == 302
    assert basket_json(client)["total"] == "45.00"
    client.post("/basket/remove/", {"product": b.slug})
    assert [i["product"]["slug"] for i in basket_json(client)["items"]] == [a.slug]
    client.post("/basket/empty/")
    assert basket_json(client) == {"items": [], "count": 0, "total": "0.00"}
    assert "Your basket is empty." in html(client.get(PAGE))


@pytest.mark.parametrize("quantity", ["0", "-1", str(10**20), "abc", "1.5", "", "9" * 5000])
def test_bad_quantities_are_a_400_with_a_form_error(client, quantity):
    product = ProductFactory()
    response = client.post(ADD, {"product": product.slug, "quantity": quantity or "x"})
    assert response.status_code == 400
    assert "Quantity" in html(response)
    update = client.post("/basket/update/", {"product": product.slug, "quantity": quantity})
    assert update.status_code == 400
    assert basket_json(client)["items"] == []


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"product": ""},
        {"product": "no-such-thing"},
        {"product": "../../etc"},
        {"product": "a" * 500},
        {"product": ["x"] * 13},
        {"product": "bad\x00slug"},
    ],
)
def test_bad_products_are_a_400(client, data):
    response = client.post(ADD, data)
    assert response.status_code == 400
    assert 'class="error-summary"' in html(response)
    for url in ("/basket/update/", "/basket/remove/"):
        assert client.post(url, data).status_code == 400


def test_unpublished_or_out_of_stock_products_cannot_be_added(client):
    hidden = ProductFactory(is_published=False)
    sold_out = ProductFactory(name="Sold Out Paddle", stock=0)
    assert client.post(ADD, {"product": hidden.slug}).status_code == 400
    response = client.post(ADD, {"product": sold_out.slug})
    assert response.status_code == 400
    assert "Sold Out Paddle is out of stock" in html(response)


def test_a_changed_product_stays_in_the_basket_flagged(client):
    product = ProductFactory(name="Fading Paddle", price=Decimal("20.00"))
    client.post(ADD, {"product": product.slug})
    product.is_published = False
    product.save()
    body = basket_json(client)
    assert [item["problem"] for item in body["items"]] == ["unpublished"]
    assert body["total"] == "0.00"
    page = html(client.get(PAGE))
    assert "Fading Paddle" in page and "No longer sold here" in page
    assert client.post("/basket/remove/", {"product": product.slug}).status_code == 302
    assert basket_json(client)["items"] == []


def test_get_is_not_allowed_on_the_changes(client):
    for url in (ADD, "/basket/update/", "/basket/remove/", "/basket/empty/"):
        assert client.get(url).status_code == 405


# --- JSON ----------------------------------------------------------------------------------


def test_json_add_takes_a_json_body_and_answers_with_the_basket(client):
    product = ProductFactory(name="Pebble Bullet", price=Decimal("24.00"), checkout_ref="4401")
    response = client.post(
        ADD,
        json.dumps({"product": product.slug, "quantity": 2}),
        content_type="application/json",
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == "48.00" and body["count"] == 2
    item = body["items"][0]
    assert item["quantity"] == 2 and item["line_total"] == "48.00"
    assert item["product"]["slug"] == product.slug
    assert item["product"]["checkout_ref"] == "4401"
    assert "Accept" in response["Vary"]


@pytest.mark.parametrize(
    "payload",
    [
        "[]",
        "not json",
        '{"product": 5}',
        '{"product": null}',
        '{"product": "x", "quantity": true}',
        '{"quantity": 1}',
        '{"product": ["a", 1]}',
        '{"product": {"a": 1}}',
    ],
)
def test_json_bad_input_is_a_400_with_errors(client, payload):
    ProductFactory(slug="x")
    response = client.post(
        ADD, payload, content_type="application/json", HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    assert "errors" in response.json()


@pytest.mark.parametrize("quantity", [0, -1, 10**20, "abc", 1.5])
def test_json_bad_quantities_are_a_400(client, quantity):
    product = ProductFactory()
    response = client.post(
        ADD,
        json.dumps({"product": product.slug, "quantity": quantity}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["quantity"]


def test_csrf_applies_and_json_callers_send_the_cookie_token_in_a_header():
    product = ProductFactory()
    strict = give_pass(Client(enforce_csrf_checks=True))
    assert strict.post(ADD, {"product": product.slug}).status_code == 403
    strict.get(PAGE, HTTP_ACCEPT="application/json")  # sets the CSRF cookie
    token = strict.cookies[settings.CSRF_COOKIE_NAME].value
    response = strict.post(
        ADD,
        json.dumps({"product": product.slug}),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 200


def test_forms_carry_a_csrf_token_on_product_pages():
    product = ProductFactory()
    strict = give_pass(Client(enforce_csrf_checks=True))
    page = html(strict.get(product.get_absolute_url()))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = strict.post(ADD, {"product": product.slug, "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_the_basket_is_behind_the_age_gate(anon_client):
    product = ProductFactory()
    assert anon_client.get(PAGE)["Location"].startswith("/age-check/")
    json_refusal = anon_client.get(PAGE, HTTP_ACCEPT="application/json")
    assert json_refusal.status_code == 403 and "errors" in json_refusal.json()
    assert anon_client.post(ADD, {"product": product.slug}).status_code == 403


def test_the_basket_is_never_cached(client):
    response = client.get(PAGE)
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_the_basket_lives_in_the_database_session(client):
    product = ProductFactory()
    client.post(ADD, {"product": product.slug, "quantity": "3"})
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert client.session[SESSION_KEY] == {str(product.pk): 3}


# --- leave quickly -------------------------------------------------------------------------


def test_leave_quickly_empties_the_basket_and_goes_to_a_neutral_site(client):
    product = ProductFactory()
    client.post(ADD, {"product": product.slug})
    assert basket_json(client)["count"] == 1
    page = html(client.get(product.get_absolute_url()))
    assert 'class="leave-quickly" href="/leave/"' in page
    response = client.get("/leave/")
    assert response.status_code == 302
    assert response["Location"] == "https://www.bbc.co.uk/weather"
    assert basket_json(client)["items"] == []


def test_leave_quickly_tells_the_browser_to_forget_the_visit(client):
    response = client.get("/leave/")
    forgotten = {part.strip() for part in response["Clear-Site-Data"].split(",")}
    assert forgotten == {'"cache"', '"cookies"', '"storage"'}
    assert "no-store" in response["Cache-Control"]


def test_leave_quickly_works_without_an_age_pass(anon_client):
    assert anon_client.get("/leave/")["Location"] == "https://www.bbc.co.uk/weather"


# --- checkout hand-off ---------------------------------------------------------------------


def test_checkout_shows_what_leaves_the_site_and_the_cart_permalink(client, settings):
    settings.CHECKOUT_ADAPTER = "shopify"
    settings.CHECKOUT_BASE_URL = "https://store.example"
    StorePageFactory(summary="Plain parcel, neutral billing name.")
    cuffs = ProductFactory(name="Soft Cuff Set", checkout_ref="44011", price=Decimal("34.00"))
    lube = ProductFactory(name="Silky Water", checkout_ref="44022", price=Decimal("9.50"))
    gone = ProductFactory(name="Gone Paddle", checkout_ref="44033")
    client.post(ADD, {"product": [cuffs.slug, gone.slug]})
    client.post(ADD, {"product": lube.slug, "quantity": "2"})
    gone.stock = 0
    gone.save()
    response = client.post("/basket/checkout/")
    assert response.status_code == 302 and response["Location"] == "/basket/checkout/"
    page = html(client.get("/basket/checkout/"))
    assert "https://store.example/cart/44011:1,44022:2" in page
    assert "Plain parcel, neutral billing name." in page
    assert "Left in your basket, not sent: Gone Paddle" in page
    assert "£53.00" in page
    assert "This is the demo" in page  # store.example: the journey ends on this page


def test_a_real_store_gets_no_demo_notice(client, settings):
    settings.CHECKOUT_BASE_URL = "https://shop.safeword.test"
    product = ProductFactory(checkout_ref="44011")
    client.post(ADD, {"product": product.slug})
    page = html(client.get("/basket/checkout/"))
    assert "https://shop.safeword.test/cart/44011:1" in page
    assert "This is the demo" not in page


def test_checkout_with_the_link_adapter_lists_one_link_a_product(client, settings):
    settings.CHECKOUT_ADAPTER = "link"
    settings.CHECKOUT_BASE_URL = "https://store.example"
    product = ProductFactory(checkout_ref="44011")
    client.post(ADD, {"product": product.slug, "quantity": "3"})
    page = html(client.get("/basket/checkout/"))
    assert "https://store.example/cart/add?id=44011&amp;quantity=3" in page


def test_checkout_of_nothing_orderable_goes_back_to_the_basket(client):
    assert client.post("/basket/checkout/")["Location"] == PAGE
    assert client.get("/basket/checkout/")["Location"] == PAGE


# --- queries -------------------------------------------------------------------------------


def fill(client, count):
    products = ProductFactory.create_batch(count)
    for start in range(0, count, 12):
        client.post(ADD, {"product": [p.slug for p in products[start : start + 12]]})


@pytest.mark.parametrize("url", [PAGE, "/basket/checkout/"])
def test_the_same_queries_for_one_line_or_twenty(client, url, django_assert_max_num_queries):
    fill(client, 1)
    with django_assert_max_num_queries(20) as small:
        client.get(url)
    other = Client()
    give_pass(other)
    fill(other, 20)
    with django_assert_max_num_queries(20) as big:
        assert other.get(url).status_code == 200
    assert len(big.captured_queries) == len(small.captured_queries)


def test_the_json_basket_runs_the_same_queries_for_one_line_or_twenty(
    client, django_assert_max_num_queries
):
    fill(client, 1)
    with django_assert_max_num_queries(12) as small:
        client.get(PAGE, HTTP_ACCEPT="application/json")
    other = give_pass(Client())
    fill(other, 20)
    with django_assert_max_num_queries(12) as big:
        other.get(PAGE, HTTP_ACCEPT="application/json")
    assert len(big.captured_queries) == len(small.captured_queries)


@pytest.mark.parametrize("accept", ["application/json", "text/html"])
def test_a_broken_multipart_body_is_a_quiet_400(client, caplog, accept):
    response = client.post(
        ADD, b"--x\r\nnot really", content_type="multipart/form-data", HTTP_ACCEPT=accept
    )
    assert response.status_code == 400
    assert not any(record.exc_info for record in caplog.records)


def card_forms(page: str) -> dict[str, str]:
    """Each product card's add form on a listing page, by the product's name."""
    cards = re.findall(r'<article class="card product-card">.*?</article>', page, re.S)
    found = {}
    for card in cards:
        name = re.search(r'<h3 class="card__title"><a [^>]*>([^<]+)</a>', card).group(1)
        form = re.search(r"<form [^>]*data-basket-add[^>]*>.*?</form>", card, re.S)
        found[name] = form.group(0) if form else ""
    return found


def test_a_catalog_card_adds_to_the_basket_without_script_and_comes_back():
    """A shopper without JavaScript: the card's own form (token, product, quantity, where to
    come back) is all it takes; the listing comes back saying so and the basket shows it."""
    cuffs = ProductFactory(name="Soft Cuff Set", price=Decimal("34.00"))
    ProductFactory(name="Sold Out Paddle", category=cuffs.category, stock=0)
    listing = cuffs.category.get_absolute_url()
    browser = give_pass(Client(enforce_csrf_checks=True))
    forms = card_forms(html(browser.get(listing)))
    assert forms["Sold Out Paddle"] == ""  # nothing to add from a sold-out card
    form = forms["Soft Cuff Set"]
    assert 'method="post"' in form and 'action="/basket/add/"' in form
    assert 'Add <span class="visually-hidden">Soft Cuff Set </span>to basket' in form
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form))
    assert set(fields) == {"csrfmiddlewaretoken", "product", "next", "quantity"}

    response = browser.post(ADD, fields)
    assert response.status_code == 302 and response["Location"] == listing
    back = html(browser.get(listing))
    assert "Added to your basket: Soft Cuff Set." in back
    assert "Basket<span data-basket-count> (1)</span>" in back
    basket = html(browser.get(PAGE))
    line = re.search(r"<tr class=\"basket-line\" [^>]*>.*?</tr>", basket, re.S).group(0)
    assert f'data-basket-line="{cuffs.slug}"' in line and "Soft Cuff Set" in line
    assert basket_json(browser)["total"] == "34.00"
