"""core.statements: a query compiled once gives, for any values, what the queryset gives."""

from decimal import Decimal

import pytest

from catalog.models import Product
from core.statements import Statement
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


def by_ids(ids):
    return Product.objects.filter(pk__in=ids).values_list("pk", "name", "price").order_by("pk")


def test_rows_for_other_values_are_what_the_queryset_reads():
    products = ProductFactory.create_batch(4, price=Decimal("12.50"))
    marks = [-1, -2]
    statement = Statement.compile(by_ids(marks), marks)
    for pair in ([products[0].pk, products[2].pk], [products[3].pk, -99]):
        rows = statement.rows(pair)
        assert rows == [list(row) for row in by_ids(pair)]
        assert all(type(row[2]) is Decimal for row in rows)  # converted as the ORM does
    assert statement.rows([-7, -8]) == []


def test_a_marker_that_is_not_among_the_parameters_once_is_refused():
    with pytest.raises(ValueError, match="once"):
        Statement.compile(by_ids([-1]), [-1, -2])
    with pytest.raises(ValueError, match="once"):
        Statement.compile(Product.objects.filter(name="\x00", slug="\x00"), ["\x00"])
