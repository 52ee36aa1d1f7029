"""The catalog's JSON: the same URL with `Accept: application/json`, in exactly the shape of
docs/openapi.yaml (`CatalogPage`, `Product`)."""

from catalog.models import Product
from catalog.serializers import product_object
from tests.catalog.conftest import JSON, get_json

FACETS = {
    "category",
    "level",
    "material",
    "latex_free",
    "quick_release",
    "lubricant_base",
    "water_resistance",
    "sensation",
    "intensity",
    "ring_fit",
    "vibrator_type",
    "in_stock",
}
PRODUCT_KEYS = {
    "slug",
    "name",
    "url",
    "category",
    "price",
    "in_stock",
    "levels",
    "materials",
    "attributes",
    "safety_notes",
    "checkout_ref",
}


def test_json_has_exactly_the_contract_keys(client, shop_catalog):
    payload = get_json(client, "/catalog/?category=restraints")
    assert set(payload) == {"count", "page", "num_pages", "results", "facets"}
    assert (payload["count"], payload["page"], payload["num_pages"]) == (2, 1, 1)
    assert set(payload["facets"]) == FACETS
    for options in payload["facets"].values():
        for option in options:
            assert set(option) == {"value", "label", "count", "selected"}
            assert isinstance(option["value"], str) and isinstance(option["label"], str)
            assert isinstance(option["count"], int) and isinstance(option["selected"], bool)


def test_results_are_the_shared_product_object(client, shop_catalog):
    payload = get_json(client, "/catalog/?category=restraints&sort=price")
    first = payload["results"][0]
    assert set(first) == PRODUCT_KEYS
    expected = product_object(Product.objects.with_card_data().get(slug="soft-cuffs"))
    assert first == expected
    assert first["attributes"] == {"restraint_type": "wrist", "quick_release": True}
    assert first["price"] == "35.00" and first["levels"] == ["beginner"]
    assert first["url"] == "/products/soft-cuffs/"
    assert first["safety_notes"]  # the category's note


def test_facet_values_and_labels(client, shop_catalog):
    facets = get_json(client, "/catalog/?level=beginner")["facets"]
    assert facets["level"] == [
        {"value": "beginner", "label": "Beginner", "count": 7, "selected": True},
        {"value": "experienced", "label": "Experienced", "count": 6, "selected": False},
    ]
    assert facets["category"][0] == {
        "value": "impact",
        "label": "Impact toys",
        "count": 2,
        "selected": False,
    }
    assert [o["value"] for o in facets["ring_fit"]] == ["soft", "adjustable", "rigid"]
    assert facets["quick_release"] == [
        {"value": "1", "label": "Quick release", "count": 1, "selected": False}
    ]


def test_errors_appear_only_on_a_400(client, shop_catalog):
    assert "errors" not in get_json(client, "/catalog/?level=beginner")
    payload = get_json(client, "/catalog/?level=nope&price_min=x", status=400)
    assert set(payload) == {"count", "page", "num_pages", "results", "facets", "errors"}
    assert set(payload["errors"]) == {"level", "price_min"}
    assert all(
        isinstance(messages, list) and all(isinstance(m, str) for m in messages)
        for messages in payload["errors"].values()
    )


def test_category_page_json(client, shop_catalog):
    payload = get_json(client, "/catalog/vibrators/?level=experienced")
    assert [p["slug"] for p in payload["results"]] == ["big-wand"]
    selected = [o["value"] for o in payload["facets"]["category"] if o["selected"]]
    assert selected == ["vibrators"]


def test_responses_vary_on_accept(client, shop_catalog):
    html = client.get("/catalog/")
    assert html["Content-Type"].startswith("text/html")
    assert "Accept" in html["Vary"]
    json = client.get("/catalog/", **JSON)
    assert json["Content-Type"] == "application/json"
    assert "Accept" in json["Vary"]
    assert "Accept" in client.get("/catalog/impact/", **JSON)["Vary"]
    assert "Accept" in client.get("/catalog/?level=x", **JSON)["Vary"]


def test_browsers_get_html_even_though_they_accept_anything(client, shop_catalog):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert client.get("/catalog/", HTTP_ACCEPT=browser)["Content-Type"].startswith("text/html")
    assert client.get("/catalog/", HTTP_ACCEPT="*/*")["Content-Type"].startswith("text/html")
    preferred = "application/json, text/html;q=0.5"
    assert client.get("/catalog/", HTTP_ACCEPT=preferred)["Content-Type"] == "application/json"
