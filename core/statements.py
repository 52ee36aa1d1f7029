"""Queries the ORM compiles once per process: only the values asked for vary.

Building and compiling a queryset costs the ORM a millisecond or two per request on a busy
page (more with subqueries), for SQL that depends on the code alone. A `Statement` is a
queryset compiled once with markers standing for the values that vary (a slug, a page's ids);
`rows()` runs its SQL with the values put in the markers' places and turns the columns into
Python values with the asking connection's own converters, exactly as the queryset would.

The statement keeps no connection: each call asks `connections[using]`, this thread's.
"""

from dataclasses import dataclass

from django.db import connections
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

    @classmethod
    def compile(cls, queryset: QuerySet, markers: list, using: str = "default") -> "Statement":
        """`queryset`, made with `markers` (values no row holds, each once) where the asked-for
        values go."""
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
        return cls(sql, tuple(params), places, queryset.query, columns, compiler)

    def rows(self, values, using: str = "default") -> list[list]:
        """The rows for `values` (in the markers' order), their columns as Python values."""
        params = list(self.params)
        for place, n in self.places:
            params[place] = values[n]
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = [list(row) for row in cursor.fetchall()]
        compiler = self.query.get_compiler(using)
        converters = compiler.get_converters(self.columns)
        if converters and rows:
            rows = [list(row) for row in compiler.apply_converters(rows, converters)]
        return rows
