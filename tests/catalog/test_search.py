"""Text search `q`: full-text search with ranking on PostgreSQL (the stored document and its
GIN index, migration 0013), a plain every-word `icontains` elsewhere."""

import pytest
from django.db import connection

from catalog import search
from catalog.models import Product
from tests.catalog.conftest import get_json, names
from tests.factories import ProductFactory


def on_postgresql(test):
    skip = pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="full-text search and its index exist on PostgreSQL only",
    )
    return pytest.mark.postgres(skip(test))


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("paddle", {"Feather Paddle", "Oak Paddle"}),  # the name
        ("Kindred", {"Feather Paddle"}),  # the brand
        ("rumbly massager", {"Big Wand"}),  # the description, every word
        ("STEEL", {"Steel Cuffs", "Steel Ring"}),  # any case
        ("paddle feather", {"Feather Paddle"}),  # every word, in any order
        ("nothing-like-this", set()),
    ],
)
def test_search_finds_name_brand_and_description(client, shop_catalog, q, expected):
    assert set(names(get_json(client, f"/catalog/?q={q}"))) == expected


def test_search_combines_with_filters_and_facets(client, shop_catalog):
    payload = get_json(client, "/catalog/?q=paddle&level=experienced")
    assert names(payload) == ["Oak Paddle"]
    levels = {o["value"]: o["count"] for o in payload["facets"]["level"]}
    assert levels == {"beginner": 1, "experienced": 1}  # counted within the search


def test_search_box_keeps_the_query_and_shows_a_chip(client, shop_catalog):
    html = client.get("/catalog/?q=paddle").content.decode()
    assert 'value="paddle"' in html
    assert "Search: “paddle”" in html


def test_fallback_requires_every_word():
    q = search.fallback_q("soft cuffs")
    assert str(q).count("icontains") == 6  # two words, three fields each


@on_postgresql
def test_search_ranks_name_matches_above_description_matches(client, db):
    ProductFactory(name="Quiet Helper", description="A wand for slow evenings.", brand="B")
    ProductFactory(name="Wand Deluxe", description="Strong.", brand="B")
    ProductFactory(name="Plain Thing", description="Nothing to see.", brand="Wand Works")
    ranked = names(get_json(client, "/catalog/?q=wand"))
    assert ranked == ["Wand Deluxe", "Plain Thing", "Quiet Helper"]  # name, brand, description
    # Another sort order still wins over relevance when asked for.
    by_name = names(get_json(client, "/catalog/?q=wand&sort=name"))
    assert by_name == ["Plain Thing", "Quiet Helper", "Wand Deluxe"]


@on_postgresql
def test_search_understands_websearch_syntax(client, shop_catalog):
    assert set(names(get_json(client, "/catalog/?q=paddle+-oak"))) == {"Feather Paddle"}
    assert set(names(get_json(client, '/catalog/?q="wide+face"'))) == {"Feather Paddle"}
    stemmed = set(names(get_json(client, "/catalog/?q=paddles")))  # 'english' stems words
    assert stemmed == {"Feather Paddle", "Oak Paddle"}


@on_postgresql
def test_the_search_reads_the_gin_index_of_the_stored_document(shop_catalog):
    """The search reads `Product.search_document` through its index (never building one)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [search.SEARCH_INDEX_NAME]
        )
        (definition,) = cursor.fetchone()
        assert "USING gin (search_document)" in definition
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = search.matching(Product.objects.order_by(), "paddle").explain()
        cursor.execute("SET LOCAL enable_seqscan = on")
    assert search.SEARCH_INDEX_NAME in plan
