"""The finder's index checks stock at use (finder/logic/index.py `in_stock`): over the catalog
index built without regard to stock, it must give exactly the classes, sizes, cheapest
products and live categories that the products in stock give, however few offers a class
keeps (hypothesis, over random catalogs with random products sold out)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.models import Category, Product
from catalog.stock import read_out_of_stock_ids
from finder.logic.index import build_catalog_index, in_stock
from finder.logic.stocked import apply_stock
from tests.factories import ProductFactory, kind_category
from tests.finder.logic.random_catalogs import DB_EXAMPLES, build, catalogs, rolled_back

pytestmark = pytest.mark.django_db


def cheapest_in_stock(index) -> dict:
    """Per category, its products in stock by price then id, as the index lists them."""
    return {
        category_id: sorted(
            (offer.price, offer.pk) for product_class in classes for offer in product_class.cheapest
        )
        for category_id, classes in index.by_category.items()
    }


@DB_EXAMPLES
@given(catalog=catalogs, kept=st.integers(0, 4), data=st.data())
def test_the_stock_is_applied_exactly_whatever_a_class_keeps(db, catalog, kept, data):
    with rolled_back():
        build(catalog)
        pks = sorted(Product.objects.values_list("pk", flat=True))
        if pks:
            sold_out = data.draw(st.sets(st.sampled_from(pks)))
            Product.objects.filter(pk__in=sold_out).update(stock=0)
        out_of_stock = read_out_of_stock_ids()
        index = in_stock(build_catalog_index(), out_of_stock)
        # However few offers a class keeps (the rest read when needed), the same index.
        assert in_stock(build_catalog_index(kept=kept), out_of_stock) == index
        live = list(Category.objects.live().order_by("position", "name", "pk"))
        assert list(index.categories) == live
        recommendable = Product.objects.recommendable().filter(category__in=live)
        for category in live:
            own = recommendable.filter(category=category)
            classes = index.by_category[category.pk]
            assert sum(c.size for c in classes) == own.count()
            assert {o.pk for c in classes for o in c.cheapest} <= set(
                own.values_list("pk", flat=True)
            )
            for product_class in classes:
                assert all(o.pk not in out_of_stock for o in product_class.cheapest)
                assert len(product_class.cheapest) == min(product_class.size, 3)
                assert product_class.featured == (
                    product_class.cheapest[0] if product_class.is_featured else None
                )


@DB_EXAMPLES
@given(catalog=catalogs, kept=st.integers(0, 4), data=st.data())
def test_the_stock_applied_change_by_change_is_the_stock_applied_afresh(db, catalog, kept, data):
    """A worker works out the finder's index again after a stock change from the one it had
    (only the classes whose stock moved): it must be the index worked out from scratch."""
    with rolled_back():
        build(catalog)
        pks = sorted(Product.objects.values_list("pk", flat=True))
        catalog_index = build_catalog_index(kept=kept)
        stocked = None
        sold_out: set = set()
        for _ in range(4):
            if pks:  # a stock sync: a few products sell out, a few come back
                sold_out ^= data.draw(st.sets(st.sampled_from(pks), max_size=3))
            stocked = apply_stock(catalog_index, sold_out, stocked)
            assert stocked.index == in_stock(build_catalog_index(), sold_out)


def test_a_class_whose_kept_offers_are_sold_out_reads_the_next_ones(django_assert_num_queries):
    impact = kind_category("impact")
    made = [
        ProductFactory(category=impact, name=f"Paddle {price}", price=price, sensation="thud")
        for price in (10, 20, 30, 40, 50)
    ]
    catalog = build_catalog_index(kept=4)
    sold_out = {made[0].pk, made[1].pk, made[2].pk}
    with django_assert_num_queries(1):  # the offer past the four kept
        (product_class,) = in_stock(catalog, sold_out).classes
    assert [offer.name for offer in product_class.cheapest] == ["Paddle 40", "Paddle 50"]
    assert product_class.size == 2
    with django_assert_num_queries(0):  # within the kept ones
        (product_class,) = in_stock(catalog, {made[0].pk}).classes
    assert product_class.size == 4
    assert [offer.name for offer in product_class.cheapest] == [
        "Paddle 20",
        "Paddle 30",
        "Paddle 40",
    ]


def test_a_sold_out_product_listed_before_its_cheaper_classmate_is_left_out():
    """The index finds products by id from the lowest id of all: a dearer product made first
    (a lower id than its class's cheapest) must still be found when it sells out."""
    impact = kind_category("impact")
    dearer = ProductFactory(category=impact, name="Paddle 50", price=50, sensation="thud")
    ProductFactory(category=impact, name="Paddle 10", price=10, sensation="thud")
    (product_class,) = in_stock(build_catalog_index(), {dearer.pk}).classes
    assert product_class.size == 1
    assert [offer.name for offer in product_class.cheapest] == ["Paddle 10"]
