"""The catalog's query parameters in canonical form: what the whole-page cache keys a catalog
page by (`shop.page_cache`), so that equal pages share one entry and parameters the catalog
does not know cannot mint new ones.

Each value is cleaned by the very form field the page validates it with, so a value the page
would refuse is never merged with one it accepts: such a request (like one with an unknown
parameter) gets None, and is served but not cached. Accepted values are written one way
(`010.50` and `10.5` are both `10.5`; repeated choices sorted, duplicates dropped); the default
sort and page 1 are left out, as the page's own links leave them out.
"""

from decimal import Decimal
from functools import cache

from django import forms
from django.core.exceptions import ValidationError

from catalog.filters import ProductFilterSet
from catalog.forms import DEFAULT_SORT, MAX_VALUES, PARAMETERS, REPEATABLE, CatalogForm

# Checked against the database by the page itself; here only counted and put in order.
ROW_PARAMETERS = frozenset({"category", "material"})
DEFAULTS = {"sort": DEFAULT_SORT, "page": 1}


@cache
def form_fields() -> dict[str, forms.Field]:
    """The page's own form field for each parameter (no query: built once per process)."""
    fields = dict(CatalogForm.base_fields)
    fields.update({name: f.field for name, f in ProductFilterSet.base_filters.items()})
    return fields


def as_text(value) -> str:
    if value is True:
        return "1"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def canonical_value(name: str, values: list[str]) -> list[str] | None:
    """The parameter's values as the cache key writes them; [] for "as if left out"."""
    if name in ROW_PARAMETERS:
        return None if len(values) > MAX_VALUES else sorted(set(values))
    field = form_fields()[name]
    if name not in REPEATABLE and len(values) > 1:
        return None  # "give this only once": the page answers 400
    try:
        cleaned = field.clean(values if name in REPEATABLE else values[0])
    except ValidationError:
        return None
    if name in REPEATABLE:
        return [as_text(value) for value in cleaned]
    if cleaned in (None, "", False) or DEFAULTS.get(name) == cleaned:
        return []
    return [as_text(cleaned)]


def canonical_query(query) -> list[tuple[str, str]] | None:
    """(name, value) pairs in `PARAMETERS` order, or None: do not cache this request."""
    if any(name not in PARAMETERS for name in query):
        return None
    pairs = []
    for name in PARAMETERS:
        values = query.getlist(name)
        if not values:
            continue
        canonical = canonical_value(name, values)
        if canonical is None:
            return None
        pairs.extend((name, value) for value in canonical)
    return pairs
