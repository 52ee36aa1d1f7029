"""Queries the ORM compiles once per process: only the values asked for vary.

Building and compiling a queryset costs the ORM a millisecond or two per request on a busy
page (more with subqueries), for SQL that depends on the code alone. A `Statement` is a
queryset compiled once with markers standing for the values that vary (a slug, a page's ids);
`rows()` runs its SQL with the values put in the markers' places and turns the columns into
Python values with the asking connection's own converters, exactly as the queryset would.

The statement keeps no connection: each call asks `connections[using]`, this thread's.

A statement compiled with `prepare=True` is also prepared on PostgreSQL (psycopg 3's
`execute(..., prepare=True)`, on a cursor that binds its values on the server): each connection
plans it once, the first time it runs it, and afterwards only executes the plan with the new
values. For a page's fixed query with subqueries, planning costs PostgreSQL more than running
it (~0.4 ms against ~0.15 ms for the product page's). Only when `settings.DB_PREPARED_STATEMENTS`
is on (a pooler that hands each transaction another server connection, PgBouncer in
transaction mode, would find the statement missing: docs/deploying.md, "Connection poolers"),
outside a transaction (in autocommit, as a request runs), and while the connection does not
log its queries (debug, a test's `CaptureQueriesContext`: the log shows each query with its
values, as for any other).

A migration that changes a table a prepared statement reads may make its kept plan invalid
("cached plan must not change result type"): the statement is then run again on a new
connection, which plans it afresh.
"""

from dataclasses import dataclass
from functools import cache
from weakref import WeakKeyDictionary

from django.conf import settings
from django.db import NotSupportedError, connections
from django.db.models import QuerySet
from django.db.models.sql import Query


def same(a, b) -> bool:
    return type(a) is type(b) and a == b  # a marker 1 is not True


@dataclass(frozen=True)
class Statement:
    sql: str
    params: tuple
    places: tuple  # (place among the parameters, index of the value that goes there)
    query: Query  # for a compiler on the asking thread's connection
    columns: tuple  # the selected expressions, in the row's order
    compiled: object  # the compiler that made it: its select, klass_info, annotation_col_map
    prepare: bool = False  # prepared on PostgreSQL (see above)

    @classmethod
    def compile(
        cls, queryset: QuerySet, markers: list, using: str = "default", *, prepare: bool = False
    ) -> "Statement":
        """`queryset`, made with `markers` (values no row holds, each once) where the asked-for
        values go. `prepare`: only for values PostgreSQL can type from the SQL alone (a slug
        compared with a column, not a list of ids for `IN`)."""
        compiler = queryset.query.get_compiler(using)
        sql, params = compiler.as_sql()
        places = tuple(
            (place, n)
            for place, param in enumerate(params)
            for n, marker in enumerate(markers)
            if same(param, marker)
        )
        if sorted(n for _place, n in places) != list(range(len(markers))):
            raise ValueError("each marker must stand once among the query's parameters")
        columns = tuple(column for column, _sql, _alias in compiler.select)
        return cls(sql, tuple(params), places, queryset.query, columns, compiler, prepare)

    def rows(self, values, using: str = "default") -> list[list]:
        """The rows for `values` (in the markers' order), their columns as Python values."""
        params = list(self.params)
        for place, n in self.places:
            params[place] = values[n]
        connection = connections[using]
        if self.prepare and preparing(connection):
            rows = prepared_rows(connection, self.sql, params)
        else:
            with connection.cursor() as cursor:
                cursor.execute(self.sql, params)
                rows = [list(row) for row in cursor.fetchall()]
        compiler, converters = self.converting(connection, using)
        if converters and rows:
            rows = [list(row) for row in compiler.apply_converters(rows, converters)]
        return rows

    def converting(self, connection, using: str) -> tuple:
        """A compiler on `connection` and the converters of its columns, worked out once per
        connection (they depend on the code and the connection alone; each thread has its own
        connection, so nothing here is shared between threads)."""
        kept = _converting.setdefault(connection, {})
        found = kept.get(self.sql)
        if found is None:
            compiler = self.query.get_compiler(using)
            found = kept[self.sql] = (compiler, compiler.get_converters(self.columns))
        return found


# connection -> {statement's SQL: (compiler, converters)}; a closed thread's connection goes.
_converting: WeakKeyDictionary = WeakKeyDictionary()


def preparing(connection) -> bool:
    """Whether statements that may be prepared are, on this connection now."""
    return (
        connection.vendor == "postgresql"
        and settings.DB_PREPARED_STATEMENTS
        and not connection.in_atomic_block
        and not connection.queries_logged
    )


def prepared_rows(connection, sql: str, params: list) -> list[list]:
    """The rows of `sql` prepared on this connection; once more on a new connection when a
    migration made the prepared plan invalid (outside a transaction, nothing is lost)."""
    try:
        return run_prepared(connection, sql, params)
    except NotSupportedError as error:
        if not stale_plan(error):
            raise
        connection.close()  # its prepared statements go with it
        return run_prepared(connection, sql, params)


def stale_plan(error: Exception) -> bool:
    cause = error.__cause__
    return getattr(cause, "sqlstate", None) == "0A000" and "cached plan" in str(cause)


@cache
def preparing_cursor() -> type:
    from psycopg import Cursor  # PostgreSQL only: SQLite needs no psycopg

    class Preparing(Cursor):
        """psycopg's cursor that binds values on the server, preparing what it runs."""

        def execute(self, query, params=None, **options):
            return super().execute(query, params, prepare=True)

    return Preparing


def run_prepared(connection, sql: str, params: list) -> list[list]:
    # What opening a cursor does first (`connection.cursor()`): the health check, once per
    # request, opening the connection if needed, and the check that no other thread uses it.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    with connection.wrap_database_errors:
        raw = preparing_cursor()(connection.connection)
    with connection.make_cursor(raw) as cursor:  # Django's wrapper: its execute wrappers run
        cursor.execute(sql, params)
        return [list(row) for row in cursor.fetchall()]
