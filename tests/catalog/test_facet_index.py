"""The facet index (catalog/facet_index.py, catalog/facet_listing.py) gives exactly what the
SQL gives: the same counts, totals, price ranges and the same products in the same order on
every page, over random catalogs and random filters (the SQL of `catalog.facets` and the
filterset's queryset are the oracle)."""

from decimal import Decimal

import pytest
from django.db import transaction
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog import facet_index, listing, selectors
from catalog.attributes import (
    LubricantBase,
    Placement,
    RestraintType,
    RingFit,
    Sensation,
    Thickness,
    VibratorType,
    WaterResistance,
)
from catalog.facet_listing import IndexedQuery
from catalog.filters import ORDERINGS, ProductFilterSet
from catalog.models import Product
from tests.catalog.conftest import JSON
from tests.factories import CategoryFactory, MaterialFactory, ProductFactory, SafetyNoteFactory

pytestmark = pytest.mark.django_db(transaction=False)

KINDS = ("impact", "restraints", "cock-rings", "lubricants", "vibrators")
ATTRIBUTES = {
    "impact": st.fixed_dictionaries(
        {"intensity": st.integers(1, 5), "sensation": st.sampled_from(Sensation.values)}
    ),
    "restraints": st.fixed_dictionaries(
        {"restraint_type": st.sampled_from(RestraintType.values), "quick_release": st.booleans()}
    ),
    "cock-rings": st.fixed_dictionaries({"ring_fit": st.sampled_from(RingFit.values)}),
    "lubricants": st.fixed_dictionaries(
        {
            "lubricant_base": st.sampled_from(LubricantBase.values),
            "thickness": st.sampled_from(Thickness.values),
        }
    ),
    "vibrators": st.fixed_dictionaries(
        {
            "vibrator_type": st.sampled_from(VibratorType.values),
            "placement": st.sampled_from(Placement.values),
            "water_resistance": st.sampled_from(WaterResistance.values),
            "flared_base": st.booleans(),
        }
    ),
}
CATEGORY_NOTES = {  # a category's note may hold for some of its products only
    "impact": {"condition_attribute": "sensation", "condition_value": "sting"},
    "lubricants": {"condition_attribute": "lubricant_base", "condition_value": "oil"},
}
NAMES = ("Paddle", "paddle", "Cuffs", "Ring", "Ring", "Wand", "Zebra rope", "Oil lube")
PRICES = ("0.00", "5.00", "9.99", "20.00", "20.00", "35.50", "120.00")
MATERIALS = ("silicone", "latex", "leather", "steel")
LEVELS = ((True, False), (False, True), (True, True))

product_specs = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(KINDS),
        "name": st.sampled_from(NAMES),
        "price": st.sampled_from(PRICES),
        "is_published": st.sampled_from([True, True, True, False]),
        "is_featured": st.booleans(),
        "stock": st.sampled_from([0, 3, 3]),
        "levels": st.sampled_from(LEVELS),
        "materials": st.sets(st.sampled_from(MATERIALS), max_size=3),
        "noted": st.booleans(),
    }
)
category_specs = st.fixed_dictionaries(
    {
        "is_published": st.sampled_from([True, True, False]),
        "position": st.integers(1, 2),
        "notes": st.sampled_from(["none", "always", "conditional"]),
    }
)


def some(values, most=2):
    return st.lists(st.sampled_from(values), max_size=most, unique=True)


def maybe(values):
    return st.one_of(st.just([]), st.sampled_from(values).map(lambda value: [value]))


filter_params = st.fixed_dictionaries(
    {
        "category": some(KINDS),
        "level": maybe(["beginner", "experienced"]),
        "price_min": maybe(["0", "9.99", "10", "20"]),
        "price_max": maybe(["0", "9.99", "20", "35.5", "100"]),
        "material": some(MATERIALS),
        "latex_free": maybe(["1"]),
        "quick_release": maybe(["1"]),
        "in_stock": maybe(["1"]),
        "lubricant_base": some(LubricantBase.values),
        "sensation": some(Sensation.values),
        "ring_fit": some(RingFit.values),
        "vibrator_type": some(VibratorType.values),
        "water_resistance": some(WaterResistance.values),
        "intensity_min": maybe(["1", "2", "4"]),
        "intensity_max": maybe(["2", "3", "5"]),
        "sort": maybe(list(ORDERINGS)),
        "q": maybe(["paddle", "ring", "ring lube"]),
    }
)


def make_catalog(categories, products):
    materials = {
        slug: MaterialFactory(slug=slug, name=slug.capitalize(), contains_latex=slug == "latex")
        for slug in MATERIALS
    }
    by_kind = {}
    for kind, spec in zip(KINDS, categories, strict=True):
        notes = []
        if spec["notes"] == "always":
            notes = [SafetyNoteFactory()]
        elif spec["notes"] == "conditional" and kind in CATEGORY_NOTES:
            notes = [SafetyNoteFactory(**CATEGORY_NOTES[kind])]
        by_kind[kind] = CategoryFactory(
            slug=kind,
            kind=kind,
            is_published=spec["is_published"],
            position=spec["position"],
            safety_notes=notes,
        )
    for spec, attributes in products:
        beginner, experienced = spec["levels"]
        ProductFactory(
            category=by_kind[spec["kind"]],
            name=spec["name"],
            price=Decimal(spec["price"]),
            is_published=spec["is_published"],
            is_featured=spec["is_featured"],
            stock=spec["stock"],
            for_beginner=beginner,
            for_experienced=experienced,
            materials=[materials[slug] for slug in sorted(spec["materials"])],
            safety_notes=[SafetyNoteFactory()] if spec["noted"] else None,
            **attributes,
        )


def assert_same_as_sql(params: dict, offset: int, limit: int) -> None:
    data = QueryDict(mutable=True)
    for name, values in params.items():
        data.setlist(name, values)
    filterset = ProductFilterSet(data=data, queryset=Product.objects.published())
    filterset.is_valid()
    selection = listing.Selection(listing.selection_params(filterset.cleaned), list_url="/c/")
    expected = selectors.sql_counts(filterset, selection)
    query = IndexedQuery(filterset)
    found = query.counts(listing.selected_values(selection))
    assert found.total == expected.total, params
    assert (found.price_low, found.price_high) == (expected.price_low, expected.price_high)
    assert found.facets == expected.facets, params
    assert list(found.facets) == list(expected.facets)
    ids = list(filterset.qs.values_list("pk", flat=True))
    assert query.page_ids(0, len(ids) + 5) == ids, params
    assert query.page_ids(offset, limit) == ids[offset : offset + limit], params


class Rollback(Exception):
    pass


def test_the_index_counts_and_lists_exactly_what_the_sql_does(db, monkeypatch):
    monkeypatch.setattr(facet_index, "CHUNK", 3)  # small catalogs still span many chunks

    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=st.data())
    def check(data):
        categories = [data.draw(category_specs) for _ in KINDS]
        specs = data.draw(st.lists(product_specs, max_size=14))
        products = [(spec, data.draw(ATTRIBUTES[spec["kind"]])) for spec in specs]
        try:
            with transaction.atomic():
                make_catalog(categories, products)
                for _ in range(6):
                    params = data.draw(filter_params)
                    offset = data.draw(st.integers(0, 12))
                    limit = data.draw(st.integers(0, 6))
                    assert_same_as_sql(params, offset, limit)
                raise Rollback
        except Rollback:
            pass

    check()


def test_a_page_lists_its_cards_in_the_order_of_the_sort(client, shop_catalog):
    response = client.get("/catalog/?sort=price", **JSON)
    names = [product["name"] for product in response.json()["results"]]
    expected = Product.objects.published().order_by(*ORDERINGS["price"])
    assert names == [product.name for product in expected]
