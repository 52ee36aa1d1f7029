"""The finder's view of the catalog: recommendable products grouped into classes.

Products the finder cannot tell apart but by price form a *class* (`classes`); the finder
ranks classes, not products. A few hundred classes whatever the size of the catalog (their
number is bounded by the attribute choices, not by the number of products).

Two layers, so that a stock sync (one product's stock a second) costs milliseconds, not a
rebuild:

- The catalog index (`CatalogIndex`): every product that could be recommended whatever its
  stock (published, with a safety note), in classes, each with every product by price then
  id. One pass over the products (`build_catalog_index`, ~1 s at 100,000 products), kept in
  the shared cache under `core.content.content_version_without_stock()`, which every content
  change moves except stock-only ones.
- The finder's index (`FinderIndex`), what the engine reads: the same classes with only the
  products in stock (`catalog.stock.out_of_stock_ids()`), so each class's size, cheapest few
  and cheapest featured product are those in stock, and a class with none in stock is left
  out (an empty category then says it is out of stock, as before). Worked out from the
  catalog index (`stocked.apply_stock`: touching only the classes with a product out of
  stock, and after a stock change only those whose stock moved) and kept under
  `content_version()`, which every change moves, stock included.

Both versions live in the database and are read by one query per request, so every worker
sees a change at once and nothing is served stale. A process also keeps the last catalog
index, finder's index and cards it used, checked against the versions on every call. Answers
never reach any of it: it is the same catalog data for every customer, and nothing about a
request is stored.
"""

import hashlib
from array import array
from dataclasses import dataclass, fields

from django.conf import settings
from django.core.cache import cache

from catalog.models import Category, Product

from .classes import (
    CHEAPEST_PER_CLASS,
    Offer,
    ProductClass,
    item_for,
    make_classes,
    scan_products,
)
from .stocked import FinderIndex, Stocked, apply_stock, class_order

__all__ = [
    "CHEAPEST_PER_CLASS",
    "CatalogIndex",
    "FinderIndex",
    "Offer",
    "ProductClass",
    "build_catalog_index",
    "build_index",
    "cards_query",
    "drop_process_copy",
    "finder_index",
    "in_stock",
    "item_for",
    "load_cards",
    "shop_categories",
]


KEPT_OFFERS = 10  # offers a class keeps in the catalog index (the rest by id only)


@dataclass(frozen=True)
class CatalogIndex:
    """Every product that could be recommended, whatever its stock, in classes. Compact: the
    cheapest few offers of a class (`KEPT_OFFERS`) and only the ids of the rest."""

    categories: tuple[Category, ...]  # every published category, in shop order
    classes: tuple[ProductClass, ...]  # sizes and cheapest as if everything were in stock
    kept: tuple[tuple[Offer, ...], ...]  # per class, its cheapest few products
    order: tuple[array, ...]  # per class, every product's id by price then id
    first_pk: int  # the lowest id in the index
    places: array  # by id - first_pk: the position of its class in `classes`, or -1 (none)


def build_catalog_index(kept: int | None = None) -> CatalogIndex:
    """Two queries: the categories; one pass over the products (`classes.scan_products`).
    Every published category: which of them are live (`Category.objects.live()`: with a
    product in stock) is the stock's to say (`in_stock`). `kept`: offers kept per class
    (default `KEPT_OFFERS`)."""
    categories = tuple(Category.objects.published().order_by("position", "name", "pk"))
    kinds = {category.pk: category.kind for category in categories}
    kept = KEPT_OFFERS if kept is None else kept
    scan = scan_products(max(kept, CHEAPEST_PER_CLASS))
    made = sorted(make_classes(scan, kinds, kept), key=lambda m: class_order(m[0]))
    first = min((min(order) for *_, order in made), default=0)  # order is by price, not id
    last = max((max(order) for *_, order in made), default=-1)
    places = array("i", [-1]) * (last - first + 1)  # ids are dense: 4 bytes an id
    for place, (*_, order) in enumerate(made):
        for pk in order:
            places[pk - first] = place
    return CatalogIndex(
        categories=categories,
        classes=tuple(product_class for product_class, _, _ in made),
        kept=tuple(kept for _, kept, _ in made),
        order=tuple(order for _, _, order in made),
        first_pk=first,
        places=places,
    )


def in_stock(catalog: CatalogIndex, out_of_stock) -> FinderIndex:
    """The finder's index: the catalog's classes with their products in stock only, worked
    out from scratch (`stocked.apply_stock`)."""
    return apply_stock(catalog, out_of_stock).index


def build_index() -> FinderIndex:
    """The finder's index afresh: three queries (the catalog index's two, the stock)."""
    from catalog.stock import read_out_of_stock_ids

    return in_stock(build_catalog_index(), read_out_of_stock_ids())


INDEX_SECONDS = 120  # the finder's index lives in the shared cache this long at most
MEMO_CARDS = 2000  # product cards a process keeps for the current version, at most

# The shape of what is cached, in its keys: a server running new code never unpickles an index
# of another shape left in the shared cache by the old code (during a deploy, say).
SHAPE = hashlib.sha256(
    repr(
        [
            [(f.name, str(f.type)) for f in fields(cls)]
            for cls in (Offer, ProductClass, FinderIndex, CatalogIndex)
        ]
        + [[f.attname for f in Product._meta.concrete_fields]]
    ).encode()
).hexdigest()[:12]


class _Memo:
    """This process's copy of the current catalog index and the cards it has shown (under the
    stock-free version), and of the current finder's index (under the content version).
    Checked against the versions in the database on every recommendation, so never stale."""

    key: str | None = None  # the stock-free version's key
    catalog: CatalogIndex | None = None
    cards: dict[int, Product] = {}
    stock_key: str | None = None  # the content version's key
    index: FinderIndex | None = None
    stocked: Stocked | None = None  # the last finder's index worked out here, and how

    @classmethod
    def current(cls) -> "type[_Memo]":
        from core.content import content_versions

        version, without_stock = content_versions()
        key = f"finder:{SHAPE}:{without_stock}"
        if cls.key != key:
            cls.key, cls.catalog, cls.cards, cls.stocked = key, None, {}, None
        stock_key = f"{key}:stock:{version}"
        if cls.stock_key != stock_key:
            cls.stock_key, cls.index = stock_key, None
        return cls

    @classmethod
    def forget(cls) -> None:
        cls.key, cls.catalog, cls.cards = None, None, {}
        cls.stock_key, cls.index, cls.stocked = None, None, None


def drop_process_copy() -> None:
    """Forget this process's copy (as a freshly started server would have none)."""
    _Memo.forget()


def _caching() -> bool:
    return settings.FINDER_INDEX_SECONDS > 0


def catalog_index() -> CatalogIndex:
    """The catalog index for the current stock-free version: this process's copy when it is
    current, else the shared cache's, else a fresh build (stored for every server)."""
    memo = _Memo.current()
    if memo.catalog is None:
        key = f"{memo.key}:catalog"
        catalog = cache.get(key)
        if catalog is None:
            catalog = build_catalog_index()
            cache.set(key, catalog, timeout=settings.FINDER_INDEX_SECONDS)
        memo.catalog = catalog
    return memo.catalog


def finder_index() -> FinderIndex:
    """The finder's index for the current content version: this process's copy when it is
    current; else, when this process worked out the index for an earlier stock over the same
    catalog index, worked out again for the classes whose stock moved only (a stock sync: one
    class or none, under a millisecond, no shared cache); else the shared cache's; else
    worked out from the catalog index and the stock (and stored for every server).
    `FINDER_INDEX_SECONDS = 0` (the tests) builds both afresh on every call."""
    if not _caching():
        return build_index()
    memo = _Memo.current()
    if memo.index is None:
        from catalog.stock import out_of_stock_ids

        previous = memo.stocked
        if previous is not None and previous.catalog is memo.catalog:
            stocked = apply_stock(memo.catalog, out_of_stock_ids(), previous)
        else:
            key = f"{memo.stock_key}:index"
            index = cache.get(key)
            if index is not None:
                memo.index = index
                return index
            stocked = apply_stock(catalog_index(), out_of_stock_ids())
            # Of use while its content version is current only (a second or so under a stock
            # sync), to a server without an index of its own: not kept for long.
            cache.set(key, stocked.index, timeout=min(settings.FINDER_INDEX_SECONDS, INDEX_SECONDS))
        memo.stocked, memo.index = stocked, stocked.index
    return memo.index


def restocked_index() -> FinderIndex:
    """The finder's index with the stock read again now (one query), over the current catalog
    index: for when a product shown has gone since the stock was read."""
    from catalog.stock import read_out_of_stock_ids

    catalog = catalog_index() if _caching() else build_catalog_index()
    return in_stock(catalog, read_out_of_stock_ids())


def shop_categories() -> tuple[Category, ...]:
    """Every live category, in shop order: the index's, when it is kept (no query once warm)."""
    if not _caching():
        return tuple(Category.objects.live().order_by("position", "name", "pk"))
    return finder_index().categories


def cards_query(pks):
    """These products, if still recommendable, with their card data (by primary key)."""
    return Product.objects.recommendable().with_card_data().filter(pk__in=pks)


def load_cards(pks) -> dict[int, Product]:
    """The products to show, by id, with everything a card shows (`with_card_data`), among
    the recommendable products only. Cards are kept like the catalog index, under the
    stock-free version (in this process, read-only and shared by the requests it serves; in
    the shared cache; and only then loaded from the database, 4 queries, and stored for next
    time): a card shows whether its product is in stock, but the finder shows only products
    in stock now (its index says so, under the content version) and loads cards of products
    in stock only, so a kept card says "in stock" exactly when it is shown."""
    pks = set(pks)
    if not pks:
        return {}
    if not _caching():
        return cards_query(pks).in_bulk()
    # The version the index was just read under (one look at the shared version per request).
    memo = _Memo if _Memo.key is not None else _Memo.current()
    cards = {pk: memo.cards[pk] for pk in pks if pk in memo.cards}
    missing = pks - cards.keys()
    if missing:
        keys = {f"{memo.key}:card:{pk}": pk for pk in missing}
        shared = {keys[key]: card for key, card in cache.get_many(list(keys)).items()}
        missing -= shared.keys()
        loaded = cards_query(missing).in_bulk() if missing else {}
        if loaded:
            cache.set_many(
                {f"{memo.key}:card:{pk}": card for pk, card in loaded.items()},
                timeout=settings.FINDER_INDEX_SECONDS,
            )
        if len(memo.cards) > MEMO_CARDS:
            memo.cards = {}
        memo.cards.update(shared)
        memo.cards.update(loaded)
        cards.update(shared)
        cards.update(loaded)
    return cards
