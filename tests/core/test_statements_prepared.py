"""core.statements on PostgreSQL: a statement compiled with `prepare=True` is prepared once per
connection, gives what the queryset gives, survives a migration that changes what it reads,
and is not prepared when `DB_PREPARED_STATEMENTS` is off (PgBouncer in transaction mode)."""

from decimal import Decimal

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections

from catalog.models import Product
from core.statements import Statement
from tests.factories import ProductFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements: PostgreSQL"),
    # Outside a transaction, as a request runs: statements are prepared only there.
    pytest.mark.django_db(transaction=True),
]

SLUG = "\x00slug\x00"


def by_slug(slug):
    return Product.objects.filter(slug=slug).values_list("pk", "sku", "price").order_by()


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql")
        return [row[0] for row in cursor.fetchall()]


def test_a_prepared_statement_is_prepared_once_and_reads_what_the_queryset_reads():
    products = ProductFactory.create_batch(3, price=Decimal("9.99"))
    statement = Statement.compile(by_slug(SLUG), [SLUG], prepare=True)
    connection.close()  # a fresh connection: nothing prepared yet
    for product in products + products:
        rows = statement.rows([product.slug])
        assert rows == [list(row) for row in by_slug(product.slug)]
        assert type(rows[0][2]) is Decimal
    assert statement.rows(["no-such-product"]) == []
    assert prepared_statements().count(statement.sql.replace("%s", "$1")) == 1


def test_a_migration_that_changes_what_it_reads_is_survived(request):
    product = ProductFactory(sku="ROPE-1")
    statement = Statement.compile(by_slug(SLUG), [SLUG], prepare=True)
    assert statement.rows([product.slug])[0][1] == "ROPE-1"  # prepared, its plan kept

    table, length = Product._meta.db_table, Product._meta.get_field("sku").max_length

    def sku_length(n):
        # What a migration lengthening the SKU would do, from another process (psycopg forgets
        # what it prepared when its own connection alters a table).
        other = connections.create_connection(DEFAULT_DB_ALIAS)
        try:
            with other.cursor() as cursor:
                cursor.execute(f'ALTER TABLE "{table}" ALTER COLUMN "sku" TYPE varchar({n})')
        finally:
            other.close()

    sku_length(length + 1)
    request.addfinalizer(lambda: sku_length(length))

    # The kept plan's result type is no longer the table's: run again on a new connection.
    assert statement.rows([product.slug]) == [[product.pk, "ROPE-1", product.price]]


def test_nothing_is_prepared_when_prepared_statements_are_off(settings):
    settings.DB_PREPARED_STATEMENTS = False
    product = ProductFactory()
    statement = Statement.compile(by_slug(SLUG), [SLUG], prepare=True)
    connection.close()
    for _ in range(3):
        assert statement.rows([product.slug]) == [list(row) for row in by_slug(product.slug)]
    assert prepared_statements() == []
