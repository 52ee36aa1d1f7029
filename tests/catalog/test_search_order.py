"""The order of a search's matches on the catalog's listing (`catalog.search.ranked_groups`
read by `catalog.facet_listing`): exactly the order a brute-force reading of docs/search.md
gives, across pages and with filters, for a word that names a category and a product type and
is in product names, brands and descriptions. Runs on SQLite and on PostgreSQL (run the suite
with DATABASE_URL set)."""

import pytest
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from catalog import search
from catalog.attributes import CategoryKind
from catalog.forms import PAGE_SIZE
from catalog.models import Product
from catalog.models.search import SEARCH_CONFIG
from catalog.search_terms import plan
from tests.catalog.test_search_ranked_ids import listed_ids
from tests.factories import ProductFactory, kind_category

pytestmark = pytest.mark.django_db

WORD = "ring"  # names the cock-rings category and a vibrator type


@pytest.fixture
def ring_catalog(db):
    """Matches in every tier, several of them tied (same tier, same rank) and featured or not,
    names out of id order, prices alternating, more than a page; no text has "ring" inside
    another word (on SQLite a match is `icontains`)."""
    rings = kind_category(CategoryKind.COCK_RINGS)
    vibes = kind_category(CategoryKind.VIBRATORS)
    other = kind_category(CategoryKind.IMPACT)
    made = iter(range(100))

    def product(category, name, **fields):
        number = next(made)
        prefix = chr(ord("Z") - number % 26) + chr(ord("a") + number // 26)  # unique, unsorted
        return ProductFactory(
            category=category,
            name=f"{prefix} {name}",
            price="20.00" if number % 2 else "40.00",
            is_featured=number % 5 == 0,
            **fields,
        )

    for n in range(8):  # the category named, and the name: 4 + 3
        once = "A ring for evenings." if n % 3 else "A ring, a ring and one more."
        product(rings, "Ring", description=once)
    for _n in range(11):  # the category named only: 4 + 2
        product(rings, "Loop")
    for _n in range(4):  # the product type named: 2
        product(vibes, "Buzz", vibrator_type="ring")
    for _n in range(2):  # the name: 3
        product(vibes, "Ring Buzz", vibrator_type="bullet")
    for _n in range(2):  # the brand: 1
        product(other, "Paddle", brand="Ring Works")
    for n in range(6):  # the description alone: 0, one mention or two
        product(other, "Strap", description="One ring." if n % 2 else "Ring to ring.")
    for _n in range(4):  # no match
        product(other, "Flogger")
    product(rings, "Hidden Ring", is_published=False)


def brute_force_order(word: str) -> list[int]:
    """Every published product read, each matched and scored by hand (docs/search.md)."""
    products = Product.objects.published().select_related("category")
    if connection.vendor == "postgresql":
        query = SearchQuery(word, search_type="websearch", config=SEARCH_CONFIG)
        products = products.annotate(rank=SearchRank(F("search_document"), query))
    expected = []
    for product in products:
        text = f"{product.name} {product.brand} {product.description}".lower()
        named_category = word in product.category.name.lower()
        kind = named_category or product.vibrator_type == word
        if not (word in text or kind):
            continue
        if word in product.name.lower():
            score = search.NAME_TIER
        elif kind:
            score = search.KIND_TIER
        elif word in product.brand.lower():
            score = search.BRAND_TIER
        else:
            score = search.TEXT_TIER
        score += search.CATEGORY_TIER if named_category else 0
        rank = getattr(product, "rank", 0)
        expected.append((-score, -rank, not product.is_featured, product.name, product.pk))
    return [key[-1] for key in sorted(expected)]


def test_the_listing_orders_matches_as_brute_force_does(client, ring_catalog):
    expected = brute_force_order(WORD)
    assert len(expected) > PAGE_SIZE  # two pages, the second starting inside a tier
    assert listed_ids(client, WORD) == expected
    assert search.ranked_ids(WORD) == expected  # the SQL reference agrees
    # A filter keeps the order of what is left, page by page.
    cheap = set(Product.objects.filter(price__lte=30).values_list("pk", flat=True))
    assert listed_ids(client, WORD, price_max="30") == [pk for pk in expected if pk in cheap]
    assert sorted(listed_ids(client, WORD, sort="name")) == sorted(expected)  # the same set


def test_ranked_groups_are_ranked_ids_in_the_usual_order(ring_catalog):
    usual = list(
        Product.objects.published().order_by(*search.USUAL_ORDER).values_list("pk", flat=True)
    )
    position = {pk: at for at, pk in enumerate(usual)}
    for text in (WORD, "strap ring", "buzz", "nothing-like-this"):
        groups = search.ranked_groups(text)
        flat = [pk for group in groups for pk in sorted(group, key=position.__getitem__)]
        assert flat == search.ranked_ids(text), text


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search: PostgreSQL")
def test_ranked_groups_read_one_row_per_group_from_the_stored_document(ring_catalog):
    """One query, one row per group of equally relevant matches (their ids as an array, not
    one row per match), the stored document read, never built."""
    ring = plan(WORD)  # what it means: the vocabulary is read here
    with CaptureQueriesContext(connection) as captured:
        groups = search.ranked_groups(ring)
    (sql,) = [query["sql"] for query in captured]
    assert "to_tsvector" not in sql
    assert "ORDER BY" not in sql  # the database sorts nothing by name
    assert 1 < len(groups) < len(brute_force_order(WORD))
