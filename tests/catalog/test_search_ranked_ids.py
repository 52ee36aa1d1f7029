"""`catalog.search.ranked_ids`: the ids of every published product a search finds, best
first, exactly as the catalog lists them by default, read cheaply (ids only; on PostgreSQL
from the stored document, never building one). Runs on SQLite and on PostgreSQL (run the
suite with DATABASE_URL set); docs/search.md explains the search."""

from io import StringIO
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog import search
from catalog.demo import generate_products
from catalog.forms import PAGE_SIZE
from catalog.models import Product, SearchSynonym
from catalog.search_terms import plan
from tests.catalog.conftest import get_json

pytestmark = pytest.mark.django_db

QUERIES = [
    "paddle",  # a word of names
    "soft cuffs",  # two words
    "paddles",  # a plural
    "handcuffs",  # a synonym naming a category
    "lube",  # a synonym of the category's word
    "vibrators",  # a category
    "silicone",  # a material and a lubricant base
    "wand",  # a vibrator type
    "paddel",  # a typo
    "handcufs",  # a typo of a synonym
    "Kindred",  # a brand, any case
    "nothing-like-this",  # nothing
    "blindfold",  # "suggest only": nothing
    "",  # no search: every published product
]


def listed_ids(client, q: str, **more) -> list[int]:
    """Every page of the catalog's listing for the search, in order, as ids."""
    slugs, page = [], 1
    while True:
        search = {"q": q, **more} if q else more  # an empty field is dropped by a redirect
        payload = get_json(client, f"/catalog/?{urlencode({**search, 'page': page})}")
        slugs += [product["slug"] for product in payload["results"]]
        if page >= payload["num_pages"]:
            break
        page += 1
    ids = Product.objects.in_bulk(slugs, field_name="slug")
    return [ids[slug].pk for slug in slugs]


def price_order() -> list[int]:
    """Every published product's id in the catalog's "price" sort."""
    products = Product.objects.published().order_by("price", "name", "pk")
    return list(products.values_list("pk", flat=True))


@pytest.fixture
def catalog(db):
    """The demo catalog (with its synonyms) and generated products: several pages each."""
    call_command("seed_demo", stdout=StringIO())
    generate_products(150)
    hidden = Product.objects.filter(name__icontains="paddle").values_list("pk", flat=True)[:2]
    Product.objects.filter(pk__in=list(hidden)).update(is_published=False)


def test_ranked_ids_are_the_listing_in_order(client, catalog):
    """One catalog for every query (seeding is the slow part)."""
    different = {}
    for q in QUERIES:
        ids = search.ranked_ids(q)
        if ids != listed_ids(client, q):
            different[q] = ids
    assert not different
    assert search.ranked_ids(plan("handcuffs")) == search.ranked_ids("handcuffs")  # or a plan
    assert len(search.ranked_ids("vibrators")) > PAGE_SIZE  # several pages
    assert search.ranked_ids("") == list(
        Product.objects.published()
        .order_by("-is_featured", "name", "pk")
        .values_list("pk", flat=True)
    )
    # Sorted otherwise, a search needs its matches only: the same products, unranked.
    unranked = {q: sorted(search.matching_ids(q)) for q in QUERIES}
    assert unranked == {q: sorted(search.ranked_ids(q)) for q in QUERIES}
    by_price = listed_ids(client, "vibrators", sort="price")
    assert sorted(by_price) == unranked["vibrators"]
    assert by_price == [pk for pk in price_order() if pk in set(by_price)]


def test_ranked_ids_read_ids_only_in_one_query(shop_catalog):
    SearchSynonym.objects.create(term="handcuffs", replacements="cuffs, restraints")
    handcuffs = plan("handcuffs")  # what it means: the vocabulary is read here
    with CaptureQueriesContext(connection) as captured:
        ids = search.ranked_ids(handcuffs)
    assert ids
    (sql,) = [query["sql"] for query in captured]
    selected = sql.split(" FROM ")[0]
    assert '"catalog_product"."name"' not in selected  # no model instances, no card data
    assert "to_tsvector" not in sql  # the stored document is read, never built


def test_the_stored_document_follows_every_kind_of_edit(shop_catalog):
    """The database keeps the document (a generated column): a save and bulk updates all
    change what the search finds."""
    product = shop_catalog.feather
    product.name = "Zanzibar Paddle"
    product.save()
    assert search.ranked_ids("zanzibar") == [product.pk]
    Product.objects.filter(pk=product.pk).update(description="Made in Quixotic Town.")
    assert search.ranked_ids("quixotic") == [product.pk]
    product.refresh_from_db()
    product.brand = "Yarrow Works"
    Product.objects.bulk_update([product], ["brand"])
    assert search.ranked_ids("yarrow") == [product.pk]
    assert search.ranked_ids("zanzibar") == [product.pk]  # the name still counts
