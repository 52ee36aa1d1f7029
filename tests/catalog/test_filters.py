"""Each catalog filter alone and combined: which products come back (docs/openapi.yaml)."""

import pytest
from django.http import QueryDict
from django.urls import reverse

from catalog.filters import ProductFilterSet
from catalog.models import Product
from tests.catalog.conftest import PUBLISHED, get_json, names, query

LIST = "/catalog/"


def listed(client, params, path=LIST) -> set[str]:
    return set(names(get_json(client, f"{path}?{query(params)}")))


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, PUBLISHED),
        ({"category": "impact"}, {"Feather Paddle", "Rubber Flogger", "Oak Paddle"}),
        (
            [("category", "cock-rings"), ("category", "restraints")],
            {"Stretch Ring", "Steel Ring", "Soft Cuffs", "Steel Cuffs"},
        ),
        (
            {"level": "beginner"},
            {
                "Feather Paddle",
                "Rubber Flogger",
                "Soft Cuffs",
                "Stretch Ring",
                "Water Glide",
                "Silk Lube",
                "Pebble Bullet",
            },
        ),
        (
            {"level": "experienced"},
            {"Oak Paddle", "Steel Cuffs", "Steel Ring", "Silk Lube", "Oil Balm", "Big Wand"},
        ),
        ({"price_min": "70"}, {"Oak Paddle", "Steel Cuffs", "Big Wand"}),
        ({"price_max": "12"}, {"Stretch Ring", "Water Glide"}),
        (
            {"price_min": "18", "price_max": "25.00"},
            {"Feather Paddle", "Silk Lube", "Pebble Bullet"},
        ),
        ({"price_max": "0"}, set()),
        ({"material": "latex"}, {"Rubber Flogger"}),
        (
            [("material", "steel"), ("material", "leather")],
            {"Oak Paddle", "Soft Cuffs", "Steel Cuffs", "Steel Ring"},
        ),
        ({"latex_free": "1"}, PUBLISHED - {"Rubber Flogger"}),
        ({"quick_release": "1"}, {"Soft Cuffs"}),
        ({"lubricant_base": "water"}, {"Water Glide"}),
        ([("lubricant_base", "water"), ("lubricant_base", "oil")], {"Water Glide", "Oil Balm"}),
        ({"intensity_min": "2"}, {"Rubber Flogger", "Oak Paddle"}),
        ({"intensity_max": "2"}, {"Feather Paddle", "Rubber Flogger"}),
        ({"intensity_min": "2", "intensity_max": "4"}, {"Rubber Flogger"}),
        ({"sensation": "thud"}, {"Feather Paddle", "Oak Paddle"}),
        ({"ring_fit": "soft"}, {"Stretch Ring"}),
        ([("ring_fit", "soft"), ("ring_fit", "rigid")], {"Stretch Ring", "Steel Ring"}),
        ({"vibrator_type": "wand"}, {"Big Wand"}),
        ({"in_stock": "1"}, PUBLISHED - {"Oak Paddle", "Oil Balm"}),
    ],
    ids=lambda value: query(value) if not isinstance(value, set) else "",
)
def test_each_filter_alone(client, shop_catalog, params, expected):
    assert listed(client, params) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"category": "impact", "level": "beginner", "price_max": "25"}, {"Feather Paddle"}),
        ({"category": "impact", "level": "experienced"}, {"Oak Paddle"}),
        ({"material": "silicone", "category": "vibrators"}, {"Pebble Bullet", "Big Wand"}),
        (
            {"material": "silicone", "level": "beginner", "in_stock": "1"},
            {
                "Feather Paddle",
                "Stretch Ring",
                "Pebble Bullet",
            },
        ),
        ({"latex_free": "1", "category": "impact", "in_stock": "1"}, {"Feather Paddle"}),
        ({"sensation": "thud", "intensity_max": "2"}, {"Feather Paddle"}),
        (
            [("category", "lubricants"), ("category", "restraints"), ("level", "experienced")],
            {"Steel Cuffs", "Silk Lube", "Oil Balm"},
        ),
        ({"level": "beginner", "quick_release": "1", "category": "restraints"}, {"Soft Cuffs"}),
        ({"ring_fit": "rigid", "level": "beginner"}, set()),
        (
            [("vibrator_type", "bullet"), ("vibrator_type", "wand"), ("price_max", "50")],
            {"Pebble Bullet"},
        ),
    ],
    ids=lambda value: query(value) if not isinstance(value, set) else "",
)
def test_filters_combine_with_and_across_and_or_within(client, shop_catalog, params, expected):
    assert listed(client, params) == expected


def test_category_page_is_the_catalog_with_its_category_chosen(client, shop_catalog):
    page = "/catalog/impact/"
    assert listed(client, {}, page) == {"Feather Paddle", "Rubber Flogger", "Oak Paddle"}
    assert listed(client, {"level": "beginner"}, page) == {"Feather Paddle", "Rubber Flogger"}
    assert listed(client, {"level": "beginner", "sensation": "sting"}, page) == {"Rubber Flogger"}


def test_the_contracts_example_all_beginner_impact_toys(client, shop_catalog):
    html = client.get("/catalog/impact/?level=beginner").content.decode()
    assert "Feather Paddle" in html and "Rubber Flogger" in html
    assert "Oak Paddle" not in html  # experienced-only
    assert "Hidden Paddle" not in html  # unpublished


def test_unpublished_products_never_come_back(client, shop_catalog):
    for params in ({}, {"category": "impact"}, {"q": "paddle"}, {"intensity_max": "1"}):
        assert "Hidden Paddle" not in listed(client, params)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("price", ["Water Glide", "Stretch Ring", "Oil Balm", "Silk Lube"]),
        ("-price", ["Steel Cuffs", "Big Wand", "Oak Paddle", "Steel Ring"]),
        ("name", ["Big Wand", "Feather Paddle", "Oak Paddle", "Oil Balm"]),
        ("featured", ["Feather Paddle", "Big Wand", "Oak Paddle", "Oil Balm"]),
    ],
)
def test_sort_orders(client, shop_catalog, sort, expected):
    assert names(get_json(client, f"{LIST}?sort={sort}"))[:4] == expected


def test_sort_newest_first(client, shop_catalog):
    Product.objects.filter(pk=shop_catalog.water_glide.pk).update(created_at="2030-01-01T00:00Z")
    Product.objects.filter(pk=shop_catalog.oak.pk).update(created_at="2029-01-01T00:00Z")
    assert names(get_json(client, f"{LIST}?sort=newest"))[:2] == ["Water Glide", "Oak Paddle"]


def test_featured_is_the_default_sort(client, shop_catalog):
    assert names(get_json(client, LIST)) == names(get_json(client, f"{LIST}?sort=featured"))


def test_filterset_states_each_filter_as_one_condition_per_facet(shop_catalog):
    data = QueryDict("category=impact&price_min=10&price_max=40&level=beginner")
    filterset = ProductFilterSet(data, queryset=Product.objects.published())
    assert filterset.is_valid()
    assert set(filterset.conditions()) == {"category", "price", "level"}
    names_found = set(filterset.qs.values_list("name", flat=True))
    assert names_found == {"Feather Paddle", "Rubber Flogger"}


def test_listing_pages_24_products_at_a_time(client, shop_catalog):
    from tests.factories import ProductFactory

    ProductFactory.create_batch(40, category=shop_catalog.lubes, lubricant_base="water")
    first = get_json(client, LIST)
    assert first["count"] == 52 and first["num_pages"] == 3 and len(first["results"]) == 24
    third = get_json(client, f"{LIST}?page=3")
    assert third["page"] == 3 and len(third["results"]) == 4
    pages = [get_json(client, f"{LIST}?page={n}")["results"] for n in (1, 2, 3)]
    all_slugs = {product["slug"] for page in pages for product in page}
    assert len(all_slugs) == 52  # no product on two pages, none missing


def test_the_html_page_lists_the_filtered_products(client, shop_catalog):
    response = client.get(reverse("catalog:list") + "?category=vibrators")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pebble Bullet" in html and "Big Wand" in html
    assert "Feather Paddle" not in html
    assert "2 products" in html
