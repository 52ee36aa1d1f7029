"""Which products are out of stock, for what is kept across stock changes.

A stock sync changes stock all day, one product at a time. Customers see stock only as "in
stock" or "out of stock" (a card's label, the in-stock filter and its count, a pick or a
category shown only while something is in stock), never as a number. So:

- the finder's index and the catalog's facet index are built once per
  `core.content.content_version_without_stock()`, which a stock sync does not move, and ask
  `out_of_stock_ids()` at use instead of trusting the stock they saw when they were built;
- whole pages (`shop.page_cache`) and parts of pages (`catalog.render_cache`) are kept under
  `page_version()`: that version and `out_of_stock_digest()`, which changes only when some
  product goes out of stock or comes back: a sync that moves a product from 12 units to 30
  keeps every page.

The set is read with one query (the ids alone, from the partial index `product_out_of_stock`,
through a plain cursor) once per `content_version()`, which every stock change moves, and kept
in this process until it moves again. Freshness comes from the database's numbers, so every
worker of every server agrees at once; the process only saves repeating the query within one
version. A shop keeps most of its catalog in stock, so the set stays small (about one product
in forty in the demo catalog).
"""

import hashlib
import threading
from array import array
from dataclasses import dataclass

from django.conf import settings
from django.db import connections

from catalog.models import Product
from core.content import content_version, content_version_without_stock


@dataclass(frozen=True)
class OutOfStock:
    version: int  # the content version it was read under
    ids: frozenset[int]
    digest: str


_lock = threading.Lock()
_kept: OutOfStock | None = None


def out_of_stock_query():
    """The ids of the products whose stock is 0 (read from the index `product_out_of_stock`)."""
    return Product.objects.filter(stock=0).order_by().values_list("pk", flat=True)


def _ids() -> list[int]:
    """`out_of_stock_query()`'s ids, sorted. Read with a plain cursor: ~10,000 ids at 100,000
    products, which the ORM's row iteration turns into ints at twice the CPU (~3 ms against
    ~1.5 ms a read; one read per stock change per process)."""
    query = out_of_stock_query()
    sql, params = query.query.sql_with_params()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        return sorted([pk for (pk,) in cursor.fetchall()])


def _read(version: int) -> OutOfStock:
    ids = _ids()
    digest = hashlib.blake2b(array("q", ids).tobytes(), digest_size=16).hexdigest()
    return OutOfStock(version, frozenset(ids), digest)


def _current() -> OutOfStock:
    global _kept
    version = content_version()
    kept = _kept
    if kept is not None and kept.version == version:
        return kept
    fresh = _read(version)
    if settings.KEEP_PER_VERSION:
        with _lock:
            if _kept is None or _kept.version <= version:
                _kept = fresh
    return fresh


def out_of_stock_ids() -> frozenset[int]:
    """The ids of every product (published or not) whose stock is 0, as of this request."""
    return _current().ids


def out_of_stock_digest() -> str:
    """A short digest of `out_of_stock_ids()`: equal digests, equal sets."""
    return _current().digest


def page_version() -> str:
    """What every customer's page depends on: the content version without stock and which
    products are out of stock (one query per request, the set once per content version)."""
    return f"{content_version_without_stock()}:{out_of_stock_digest()}"


def forget() -> None:
    """Drop this process's copy (as a freshly started worker would have none)."""
    global _kept
    with _lock:
        _kept = None


def read_out_of_stock_ids() -> frozenset[int]:
    """The same, read now (one query), whatever this process keeps: for a caller that has
    seen a product go since the version was read."""
    return frozenset(_ids())
