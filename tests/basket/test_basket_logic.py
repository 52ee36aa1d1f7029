"""The basket's maths and rules, without HTTP: a plain dict stands in for the session."""

from decimal import Decimal

import pytest

from basket.basket import MAX_LINES, MAX_QUANTITY, SESSION_KEY, Basket, BasketFull, price
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


def test_totals_are_exact_decimals():
    basket = Basket({})
    basket.add(ProductFactory(price=Decimal("0.10")).pk, 3)
    basket.add(ProductFactory(price=Decimal("19.99")).pk, 2)
    priced = price(basket)
    assert priced.total == Decimal("40.28")  # 0.30 + 39.98, no float drift
    assert isinstance(priced.total, Decimal)
    assert [line.line_total for line in priced.lines] == [Decimal("0.30"), Decimal("39.98")]
    assert priced.count == 5


def test_an_empty_basket_totals_zero_without_a_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert price(Basket({})).total == Decimal("0.00")


def test_adding_again_adds_up_and_never_passes_the_maximum():
    product = ProductFactory()
    basket = Basket({})
    assert basket.add(product.pk, 4) == 4
    assert basket.add(product.pk, 4) == 8
    assert basket.add(product.pk, 9) == MAX_QUANTITY
    assert basket.quantities == {product.pk: MAX_QUANTITY}


def test_lines_keep_the_order_they_were_added_in():
    first, second = ProductFactory(name="Zed"), ProductFactory(name="Alpha")
    basket = Basket({})
    basket.add(first.pk, 1)
    basket.add(second.pk, 1)
    assert [line.product for line in price(basket).lines] == [first, second]


def test_set_remove_and_clear():
    product = ProductFactory()
    session = {}
    basket = Basket(session)
    assert not basket.set(product.pk, 2)  # not in the basket yet
    basket.add(product.pk, 1)
    assert basket.set(product.pk, 3) and basket.quantities == {product.pk: 3}
    assert basket.remove(product.pk) and basket.quantities == {}
    basket.add(product.pk, 1)
    basket.clear()
    assert SESSION_KEY not in session


def test_a_basket_holds_a_bounded_number_of_lines():
    basket = Basket({SESSION_KEY: {str(pk): 1 for pk in range(1, MAX_LINES + 1)}})
    with pytest.raises(BasketFull):
        basket.add(MAX_LINES + 1, 1)
    basket.add(1, 1)  # a line already there still grows


@pytest.mark.parametrize(
    "stored",
    [None, "junk", [1, 2], {"abc": 1}, {"1": "2"}, {"1": 0}, {"1": 10**20}, {"1": True}],
)
def test_whatever_the_session_holds_reads_as_a_basket(stored):
    basket = Basket({SESSION_KEY: stored})
    assert basket.quantities == {}
    assert price(basket).lines == []


def test_out_of_stock_or_unpublished_lines_are_flagged_not_dropped_nor_counted():
    cuffs = ProductFactory(name="Cuffs", price=Decimal("30.00"), stock=3)
    lube = ProductFactory(name="Lube", price=Decimal("8.50"), stock=3)
    paddle = ProductFactory(name="Paddle", price=Decimal("25.00"), stock=3)
    ring = ProductFactory(name="Ring", price=Decimal("12.00"), stock=2)
    basket = Basket({})
    for product in (cuffs, lube, paddle, ring):
        basket.add(product.pk, 2)
    assert price(basket).total == Decimal("151.00")

    lube.stock = 0
    lube.save()
    paddle.is_published = False
    paddle.save()
    ring.stock = 1
    ring.save()
    priced = price(basket)
    assert [line.product.name for line in priced.lines] == ["Cuffs", "Lube", "Paddle", "Ring"]
    problems = {line.product.name: line.problem for line in priced.lines}
    assert problems == {
        "Cuffs": None,
        "Lube": "out_of_stock",
        "Paddle": "unpublished",
        "Ring": "short",  # 2 wanted, 1 left
    }
    assert priced.total == Decimal("60.00")
    assert "Only 1 left" in priced.lines[3].problem_message


def test_a_deleted_product_leaves_the_basket_and_is_counted_as_gone():
    kept, deleted = ProductFactory(), ProductFactory()
    basket = Basket({})
    basket.add(kept.pk, 1)
    basket.add(deleted.pk, 1)
    deleted.delete()
    priced = price(basket)
    assert [line.product for line in priced.lines] == [kept]
    assert priced.gone == 1
    assert basket.quantities == {kept.pk: 1}


def test_pricing_runs_the_same_queries_for_one_line_or_twenty(django_assert_num_queries):
    small, big = Basket({}), Basket({})
    small.add(ProductFactory().pk, 1)
    for _ in range(20):
        big.add(ProductFactory().pk, 2)
    with django_assert_num_queries(4):  # products, materials, notes, category notes
        [line.product.all_safety_notes for line in price(small).lines]
    with django_assert_num_queries(4):
        [line.product.all_safety_notes for line in price(big).lines]
