"""The catalog's facet and listing index: the listed products as bitmaps of their ids.

A catalog page counts every option of every facet over all its matches (`catalog.facets`
says what the counts mean). In SQL that is an aggregate over every listed product, ~0.4 s at
100,000 products; here each facet option is a Roaring bitmap (`pyroaring.BitMap`) of product
ids, so a count is the cardinality of an intersection, a few microseconds, and a page is the
first ids of the result in a precomputed sort order (`Order`). The page's cards are then read
by id from the database (`catalog.facet_listing`), which stays the source of truth for what
they show.

Built with one pass over the listed products (`Product.objects.published()`, with their
category, attributes and level tags) plus the materials with their products (two queries), and
kept in this process under
`core.content.content_version_without_stock()`, which every change but a stock-only one moves:
every worker of every server reads that number from the database on each request, so none
uses an index older than the content, and a stock sync rebuilds nothing. Stock is not in the
index: what depends on it (the in-stock facet, and which categories are live, i.e. listed in
the category facet) is a `StockView`, worked out once per `content_version()` (which every
stock change moves) from `catalog.stock.out_of_stock_ids()` and `Category.objects.live()`, or
taken from the build's own pass when it ran at that version (the pass reads stock and liveness
too: that saves the first page after a change two queries).

Sort orders use the database's own collation for names: the product query is ordered by
(name, pk) and every order is derived from that rank, so pages come in the order SQL gives.
"""

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, F, IntegerField, Q
from django.db.models.expressions import Window
from django.db.models.functions import Cast, DenseRank, Round, RowNumber
from pyroaring import BitMap

from catalog import per_version
from catalog.models import Category, Material, Product
from catalog.stock import out_of_stock_ids
from core.content import content_version

CHUNK = 1024  # ids per chunk of a sort order: a page skips whole chunks by counting

# Product fields whose every value gets a bitmap (the choice facets and intensity).
VALUE_FIELDS = (
    "lubricant_base",
    "sensation",
    "ring_fit",
    "vibrator_type",
    "water_resistance",
    "intensity",
)
FLAG_FIELDS = ("for_beginner", "for_experienced", "quick_release")


class Order:
    """The listed products' ids in one sort order, cut into chunks with a bitmap each, so the
    first matches of a result past an offset are found by counting whole chunks, then walking
    one or two."""

    def __init__(self, ids: Iterable[int], chunk: int = 0):
        self.ids = array("I", ids)  # pyroaring reads 32-bit unsigned ids without a copy
        self.chunk = size = chunk or CHUNK
        self.chunks = [BitMap(self.ids[i : i + size]) for i in range(0, len(self.ids), size)]

    def first(self, result: BitMap, offset: int, limit: int) -> list[int]:
        """The ids of `result` at positions offset .. offset + limit - 1 in this order."""
        found: list[int] = []
        skip, size = offset, self.chunk
        for number, chunk in enumerate(self.chunks):
            in_chunk = result.intersection_cardinality(chunk)
            if in_chunk <= skip:
                skip -= in_chunk
                continue
            for pk in self.ids[number * size : (number + 1) * size]:
                if pk in result:
                    if skip:
                        skip -= 1
                        continue
                    found.append(pk)
                    if len(found) == limit:
                        return found
        return found

    def end(self, result: BitMap, *, last: bool) -> int | None:
        """The position in this order of the first (or last) id of `result`; None if empty."""
        size = self.chunk
        numbers = range(len(self.chunks) - 1, -1, -1) if last else range(len(self.chunks))
        for number in numbers:
            if result.intersection_cardinality(self.chunks[number]):
                positions = range(number * size, min((number + 1) * size, len(self.ids)))
                for position in reversed(positions) if last else positions:
                    if self.ids[position] in result:
                        return position
        return None

    def between(self, low: int, high: int) -> BitMap:
        """The ids at positions low .. high - 1 (whole chunks unioned, edges added)."""
        if low >= high:
            return BitMap()
        size = self.chunk
        first_full, last_full = -(-low // size), high // size
        if first_full >= last_full:
            return BitMap(self.ids[low:high])
        found = BitMap.union(BitMap(), *self.chunks[first_full:last_full])
        found.update(self.ids[low : first_full * size])
        found.update(self.ids[last_full * size : high])
        return found


@dataclass(frozen=True)
class CategoryRow:
    pk: int
    slug: str
    name: str
    published: bool
    kind: str = ""


@dataclass(frozen=True)
class MaterialRow:
    pk: int
    slug: str
    name: str


@dataclass
class StockView:
    """What depends on stock, worked out once per `content_version()`."""

    version: int  # the content_version() it holds for
    in_stock: BitMap
    live_categories: list[CategoryRow]


@dataclass
class FacetIndex:
    version: int
    all: BitMap
    categories: list[CategoryRow]  # every category with a listed product, in (position, name)
    by_category: dict[int, BitMap]
    materials: list[MaterialRow]  # every material, by name
    by_material: dict[int, BitMap]
    latex: BitMap  # made of a material that contains latex
    flags: dict[str, BitMap]  # field -> ids where it is True
    values: dict[str, dict] = field(default_factory=dict)  # field -> value -> ids
    orders: dict[str, Order] = field(default_factory=dict)  # sort name -> order
    sorted_cents: array = field(default_factory=lambda: array("q"))  # pence, in "price" order
    _stock: StockView | None = None

    def stock(self) -> StockView:
        """In stock and live categories, as of this request's `content_version()`: from the
        out-of-stock set (`catalog.stock`), or from the build when it ran at this version."""
        version = content_version()
        kept = self._stock
        if kept is not None and kept.version == version:
            return kept
        live = set(Category.objects.live().values_list("pk", flat=True))
        view = self.stock_view(version, self.all - BitMap(out_of_stock_ids()), live)
        if settings.KEEP_PER_VERSION:
            self._stock = view
        return view

    def stock_view(self, version: int, in_stock: BitMap, live: set[int]) -> StockView:
        """`live`: the live categories' ids (`Category.objects.live()`, which checks stock)."""
        return StockView(version, in_stock, [row for row in self.categories if row.pk in live])

    def price_between(self, low: Decimal | None, high: Decimal | None) -> BitMap:
        """Products priced from `low` to `high` (either may be None: open)."""
        start = 0 if low is None else bisect_left(self.sorted_cents, _ceil(low * 100))
        stop = (
            len(self.sorted_cents)
            if high is None
            else bisect_right(self.sorted_cents, _floor(high * 100))
        )
        return self.orders["price"].between(start, stop)

    def price_range(self, ids: BitMap) -> tuple[Decimal | None, Decimal | None]:
        """The lowest and highest price among `ids` (None, None when empty)."""
        order = self.orders["price"]
        low, high = order.end(ids, last=False), order.end(ids, last=True)
        if low is None:
            return None, None
        return _pounds(self.sorted_cents[low]), _pounds(self.sorted_cents[high])


def _pounds(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


def _ceil(value: Decimal) -> int:
    return -int((-value).to_integral_value(rounding="ROUND_FLOOR"))


def _floor(value: Decimal) -> int:
    return int(value.to_integral_value(rounding="ROUND_FLOOR"))


def build(version: int) -> FacetIndex:
    """One pass over the listed products, one over the materials and their products."""
    category_rank = Window(
        DenseRank(), order_by=[F("category__position"), F("category__name"), F("category_id")]
    )
    rows = (
        Product.objects.published()
        .annotate(
            live=ExpressionWrapper(
                Q(category_id__in=Category.objects.live().values("pk")),
                output_field=BooleanField(),
            ),
            category_rank=category_rank,
            newest_rank=Window(RowNumber(), order_by=[F("created_at").desc(), F("pk").desc()]),
            cents=Cast(Round(F("price") * 100), IntegerField()),
        )
        .order_by("name", "pk")
        .values_list(
            "pk",
            "cents",
            "is_featured",
            "newest_rank",
            "live",
            "category_id",
            "category__slug",
            "category__name",
            "category__is_published",
            "category_rank",
            "stock",
            *FLAG_FIELDS,
            *VALUE_FIELDS,
            "category__kind",
        )
    )
    flags = {name: BitMap() for name in FLAG_FIELDS}
    values: dict[str, dict] = {name: {} for name in VALUE_FIELDS}
    by_category: dict[int, BitMap] = {}
    live_now: set[int] = set()  # live categories as of this request's stock
    category_info: dict[int, tuple] = {}
    names, cents, newest, featured = array("I"), array("q"), array("I"), []
    out_of_stock = BitMap()
    flag_at = 11
    value_at = flag_at + len(FLAG_FIELDS)
    for row in rows.iterator(chunk_size=2000):
        pk, price_cents, is_featured, newest_rank, live, category_id = row[:6]
        names.append(pk)
        cents.append(price_cents)
        newest.append(newest_rank)
        if is_featured:
            featured.append(pk)
        if category_id not in by_category:
            by_category[category_id] = BitMap()
            category_info[category_id] = (*row[6:10], row[-1])
            if live:
                live_now.add(category_id)
        by_category[category_id].add(pk)
        if not row[10]:
            out_of_stock.add(pk)
        for offset, name in enumerate(FLAG_FIELDS):
            if row[flag_at + offset]:
                flags[name].add(pk)
        for offset, name in enumerate(VALUE_FIELDS):
            value = row[value_at + offset]
            if value is not None and value != "":
                values[name].setdefault(value, BitMap()).add(pk)
    everything = BitMap(names)
    categories = [
        CategoryRow(pk, slug, name, published, kind)
        for pk, (slug, name, published, _rank, kind) in sorted(
            category_info.items(), key=lambda item: item[1][3]
        )
    ]
    materials, by_material, latex = _materials(everything)

    # `names` is in (name, pk) order and sorts are stable, so ties keep that order, as the
    # SQL orderings (catalog.filters.ORDERINGS) break them.
    by_price = sorted(range(len(names)), key=cents.__getitem__)
    by_newest = array("I", bytes(4 * len(names)))
    for position, rank in enumerate(newest):
        by_newest[rank - 1] = names[position]
    featured_set = set(featured)
    orders = {
        "name": Order(names),
        "featured": Order([*featured, *(pk for pk in names if pk not in featured_set)]),
        "price": Order(names[i] for i in by_price),
        "-price": Order(names[i] for i in sorted(range(len(names)), key=lambda i: -cents[i])),
        "newest": Order(by_newest),
    }
    index = FacetIndex(
        version=version,
        all=everything,
        categories=categories,
        by_category=by_category,
        materials=materials,
        by_material=by_material,
        latex=latex,
        flags=flags,
        values=values,
        orders=orders,
        sorted_cents=array("q", (cents[i] for i in by_price)),
    )
    # The stock read by this pass holds for this request's content_version() (which moves with
    # every stock change), so the first page after a change needs no second read of it.
    index._stock = index.stock_view(content_version(), everything - out_of_stock, live_now)
    return index


def _materials(listed: BitMap) -> tuple[list[MaterialRow], dict[int, BitMap], BitMap]:
    """Every material by name with its listed products (one query: a row per pair, and one
    with no product for a material that has none)."""
    rows = Material.objects.order_by("name", "pk").values_list(
        "pk", "slug", "name", "contains_latex", "products"
    )
    materials: list[MaterialRow] = []
    by_material: dict[int, BitMap] = {}
    latex = BitMap()
    for pk, slug, name, contains_latex, product_id in rows.iterator(chunk_size=20000):
        if pk not in by_material:
            materials.append(MaterialRow(pk, slug, name))
            by_material[pk] = BitMap()
        if product_id is not None and product_id in listed:
            by_material[pk].add(product_id)
            if contains_latex:
                latex.add(product_id)
    return materials, by_material, latex


# This process's copy, for the current version only (`catalog.per_version`); a fresh
# `Keeper()` is what another worker sees.
Keeper = partial(per_version.Keeper, build)

_keeper = Keeper()


def forget() -> None:
    """Drop this process's copy (as a freshly started worker would have none)."""
    _keeper.forget()


def current_index() -> FacetIndex:
    """The index of the catalog as of this request (built on first use per version)."""
    return _keeper.current()


def kept_index() -> FacetIndex | None:
    """The index of the catalog as of this request if this process has it, else None."""
    return _keeper.kept()
