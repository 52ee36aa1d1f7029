"""On PostgreSQL, with a catalog big enough that reading the whole product table would be the
planner's choice without an index, the main catalog query, the search, the finder's product
query and the category counts each use an index. The querysets come from the real code: the
catalog's filter set, its facet counts and the finder. (The finder ranks products from its
index of the catalog, built in one pass after each catalog change: finder/logic/index.py; a
recommendation then reads only the products it shows.)"""

import json

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from catalog import search
from catalog.attributes import CategoryKind
from catalog.demo import generate_products
from catalog.facets import RelatedFacet, count_facets
from catalog.filters import ProductFilterSet
from catalog.forms import PAGE_SIZE
from catalog.models import Category, Material, Product
from catalog.stock import out_of_stock_query
from finder.logic import Answers, recommend
from finder.logic.index import cards_query
from tests.factories import MaterialFactory, kind_category

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans of PostgreSQL"),
]
PRODUCTS = 4000


@pytest.fixture
def big_catalog():
    for kind in [k for k in CategoryKind.values if k != CategoryKind.GENERAL]:
        kind_category(kind)
    MaterialFactory(silicone=True)
    MaterialFactory(latex=True)
    generate_products(PRODUCTS)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    assert Product.objects.count() == PRODUCTS


def plan(queryset) -> dict:
    """The planner's JSON plan for the queryset's SQL, exactly as Django would run it."""
    sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        (document,) = cursor.fetchone()
    if isinstance(document, str):
        document = json.loads(document)
    return document[0]["Plan"]


def nodes(node: dict):
    yield node
    for child in node.get("Plans", []):
        yield from nodes(child)


def scans_of_products(queryset) -> list[tuple[str, str | None]]:
    """(node type, index name) of every node that reads the product table."""
    return [
        (node["Node Type"], node.get("Index Name"))
        for node in nodes(plan(queryset))
        if node.get("Relation Name") == "catalog_product"
        or node.get("Index Name", "").startswith("product_")
    ]


def listing(query: str):
    """The catalog page's product query (page 1) for these parameters."""
    filterset = ProductFilterSet(QueryDict(query), queryset=Product.objects.published())
    assert filterset.is_valid()
    return filterset.qs.with_card_data()[:PAGE_SIZE]


def test_the_catalog_sorted_by_featured_reads_its_index(big_catalog):
    scans = scans_of_products(listing(""))
    assert ("Index Scan", "product_pub_featured") in scans
    assert ("Seq Scan", None) not in scans


def test_a_category_page_reads_the_category_index(big_catalog):
    scans = scans_of_products(listing("category=impact"))
    assert ("Index Scan", "product_pub_cat_featured") in scans
    assert ("Seq Scan", None) not in scans


def forced_scans_of_products(queryset) -> list[tuple[str, str | None]]:
    """The scans when the planner must not read the whole table (if it can avoid it)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        try:
            return scans_of_products(queryset)
        finally:
            cursor.execute("SET LOCAL enable_seqscan = on")


def test_the_search_reads_stored_documents_through_the_full_text_index(big_catalog):
    """Migration 0013 stores each product's document: a search never builds one (to match
    or to rank), and every condition it ORs (a correction, a category, a material, docs/
    search.md) can be answered from an index. With documents stored, reading 4,000 products
    is cheap and the planner may rightly choose to (at 100,000 it reads the GIN index for a
    word of product names: bench/README.md), so the index is checked with the table scan off
    (on the search's conditions alone: with them, the listing's other indexes would do)."""
    for q in ("paddle", "paddel", "lubricants", "silicone"):
        queryset = listing(f"q={q}")
        sql, params = queryset.query.get_compiler(queryset.db).as_sql()
        assert "to_tsvector" not in sql, q
        scans = forced_scans_of_products(search.matching(Product.objects.order_by(), q))
        assert ("Bitmap Index Scan", search.SEARCH_INDEX_NAME) in scans, (q, scans)
        assert ("Seq Scan", None) not in scans, (q, scans)


def test_the_finder_reads_the_products_it_shows_by_primary_key(big_catalog):
    answers = Answers(level="beginner", categories=("impact", "lubricants"), intensity=2)
    shown = [product.pk for product in recommend(answers).products()]
    assert len(shown) >= 4
    scans = scans_of_products(cards_query(shown))
    assert any(name == "catalog_product_pkey" for _, name in scans), scans
    assert ("Seq Scan", None) not in scans


def test_every_worker_reads_the_products_out_of_stock_from_their_own_small_index(big_catalog):
    """After every stock change each worker reads the ids of the products out of stock
    (catalog.stock): from the partial index of them, not from the table."""
    sold_out = list(Product.objects.order_by("pk").values_list("pk", flat=True))[::40]
    Product.objects.filter(pk__in=sold_out).update(stock=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE catalog_product")
    scans = scans_of_products(out_of_stock_query())
    assert scans and all(name == "product_out_of_stock" for _, name in scans), scans
    assert set(out_of_stock_query()) == set(
        Product.objects.filter(stock=0).values_list("pk", flat=True)
    )


def facet_queries(query: str) -> list[str]:
    """The SQL of the facet count queries the catalog page runs for these parameters."""
    filterset = ProductFilterSet(QueryDict(query), queryset=Product.objects.published())
    assert filterset.is_valid()
    with CaptureQueriesContext(connection) as captured:
        count_facets(
            filterset.scope(filterset.queryset),
            filterset.conditions(),
            filterset.choice_options(),
            related=[
                RelatedFacet("category", Category.objects.all()),
                RelatedFacet("material", Material.objects.all()),
            ],
            separate=filterset.costly_facets(),
        )
    return [entry["sql"] for entry in captured.captured_queries]


def scans_of_sql(sql: str) -> list[tuple[str, str | None]]:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        (document,) = cursor.fetchone()
    if isinstance(document, str):
        document = json.loads(document)
    return [
        (node["Node Type"], node.get("Index Name"))
        for node in nodes(document[0]["Plan"])
        if node.get("Relation Name") == "catalog_product"
        or node.get("Index Name", "").startswith("product_")
    ]


def test_the_category_counts_read_an_index(big_catalog):
    """One count per category through an index, not a join of every product to the categories.
    (Unfiltered, each count reads a fifth of this small table, which the planner may rightly
    read whole; at 100,000 products it is an index-only scan of product_listed_facets.)"""
    query = "level=beginner&in_stock=1&price_max=60"
    (category_counts,) = [sql for sql in facet_queries(query) if '"catalog_category"."slug"' in sql]
    scans = scans_of_sql(category_counts)
    assert any(name for _, name in scans), scans
    assert ("Seq Scan", None) not in scans
