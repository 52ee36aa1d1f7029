"""The finder's view of the catalog: recommendable products grouped into classes.

Everything the finder decides about a product (the hard rules, the score, the kit's
compatibility flags, the safety add-ons) depends on a handful of values: its category, its
level tags, the attributes a customer can ask about, and whether it contains latex or
silicone. Products that share those values (a *class*) are interchangeable for the finder
except for their price (and their id, the last tie-break), and within a class the cheapest are
always the best: the best picks, the best hidden examples, the only kit candidate worth trying
(see `engine`). So the index keeps, per class, how many products it holds, its three cheapest
and its cheapest featured product (the safety add-ons prefer featured ones), with what the
finder asks of every class worked out once: the hard rules it breaks, its kit compatibility.
A few hundred classes whatever the size of the catalog (their number is bounded by the
attribute choices, not by the number of products).

It is built with one pass over the recommendable products and kept in the shared cache under
the content version (`shop.page_cache.content_version`), which any catalog or guide change
bumps: it is rebuilt after every change and never served stale. A process also keeps the last
index it used, checked against the shared version on every call. Answers never reach it: it is
the same catalog data for every customer, and nothing about a request is stored.
"""

import hashlib
from bisect import insort
from dataclasses import dataclass, fields, replace
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef

from catalog.models import Category, Product

from .rules import all_rules, compatibility_flags, pickable

CHEAPEST_PER_CLASS = 3  # as many as the finder shows per category (picks, hidden examples)

# The product fields that make up a class, besides the material flags.
CLASS_FIELDS = (
    "category_id",
    "for_beginner",
    "for_experienced",
    "intensity",
    "sensation",
    "restraint_type",
    "quick_release",
    "ring_fit",
    "lubricant_base",
    "vibrator_type",
)
MATERIAL_FLAGS = ("has_latex", "has_silicone")


@dataclass(frozen=True, slots=True)
class Offer:
    """One product as the finder ranks it (the name, for the hidden examples)."""

    pk: int
    price: Decimal
    featured: bool
    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class ProductClass:
    """Recommendable products of one category that the finder cannot tell apart but by price
    (and, for the safety add-ons, by being featured). Attribute names follow `Product`, so the
    rules read the same on either."""

    category_id: int
    kind: str
    for_beginner: bool
    for_experienced: bool
    intensity: int | None
    sensation: str
    restraint_type: str
    quick_release: bool | None
    ring_fit: str
    lubricant_base: str
    vibrator_type: str
    has_latex: bool
    has_silicone: bool
    size: int  # how many products the class holds
    cheapest: tuple[Offer, ...]  # up to CHEAPEST_PER_CLASS, by price then id
    featured: Offer | None  # its cheapest featured product
    # Worked out once, when the index is built:
    pickable: bool = True  # may be picked at all (safety shears are add-ons only)
    flags: int = 0  # kit compatibility flags (rules.compatibility_flags)
    breaks: frozenset = frozenset()  # the keys of every hard rule it breaks


@dataclass(frozen=True)
class FinderIndex:
    categories: tuple[Category, ...]  # every category, in shop order
    by_category: dict[int, tuple[ProductClass, ...]]
    by_kind: dict[str, tuple[ProductClass, ...]]

    @property
    def classes(self) -> tuple[ProductClass, ...]:
        return tuple(c for classes in self.by_category.values() for c in classes)


def _has_material(**material_filter) -> Exists:
    through = Product.materials.through.objects.filter(
        product_id=OuterRef("pk"), **{f"material__{k}": v for k, v in material_filter.items()}
    )
    return Exists(through)


def build_index() -> FinderIndex:
    """Three queries: the categories; one pass over the recommendable products (their class
    values, price and id only, streamed in chunks), grouped here; the names of the few kept.
    Grouping in Python beats a window function: PostgreSQL would sort every row on a dozen
    columns first; this keeps a count and the cheapest few per class as the rows go by."""
    categories = tuple(Category.objects.order_by("position", "name", "pk"))
    kinds = {category.pk: category.kind for category in categories}
    names = (*CLASS_FIELDS, *MATERIAL_FLAGS)
    width = len(names)
    rows = (
        Product.objects.recommendable()
        .annotate(
            has_latex=_has_material(contains_latex=True),
            has_silicone=_has_material(is_silicone=True),
        )
        .order_by()
        .values_list(*names, "price", "pk", "is_featured")
    )
    sizes: dict[tuple, int] = {}
    cheapest: dict[tuple, list] = {}
    featured: dict[tuple, tuple] = {}
    for row in rows.iterator(chunk_size=10_000):
        values, offer = row[:width], row[width:]
        sizes[values] = sizes.get(values, 0) + 1
        kept = cheapest.setdefault(values, [])
        if len(kept) < CHEAPEST_PER_CLASS:
            insort(kept, offer)
        elif offer < kept[-1]:
            kept.pop()
            insort(kept, offer)
        if offer[2] and (values not in featured or offer < featured[values]):
            featured[values] = offer
    kept_pks = {pk for kept in cheapest.values() for _, pk, _ in kept}
    kept_pks |= {pk for _, pk, _ in featured.values()}
    labels = {
        pk: (slug, name)
        for pk, slug, name in Product.objects.filter(pk__in=kept_pks).values_list(
            "pk", "slug", "name"
        )
    }

    def make_offer(price, pk, is_featured) -> Offer:
        return Offer(pk, price, is_featured, *labels[pk])

    every_rule = all_rules()
    classes = []
    for values, size in sizes.items():
        fields = dict(zip(names, values, strict=True))
        for flag in MATERIAL_FLAGS:
            fields[flag] = bool(fields[flag])
        product_class = ProductClass(
            kind=kinds[fields["category_id"]],
            size=size,
            cheapest=tuple(make_offer(*offer) for offer in cheapest[values]),
            featured=make_offer(*featured[values]) if values in featured else None,
            **fields,
        )
        classes.append(
            replace(
                product_class,
                pickable=pickable(product_class),
                flags=compatibility_flags(product_class),
                breaks=frozenset(r.key for r in every_rule if not r.allows(product_class)),
            )
        )
    # A stable order, so the same catalog always gives the same index.
    classes.sort(key=lambda c: (c.category_id, c.cheapest[0].price, c.cheapest[0].pk))
    by_category: dict[int, list] = {}
    by_kind: dict[str, list] = {}
    for product_class in classes:
        by_category.setdefault(product_class.category_id, []).append(product_class)
        by_kind.setdefault(product_class.kind, []).append(product_class)
    return FinderIndex(
        categories=categories,
        by_category={key: tuple(value) for key, value in by_category.items()},
        by_kind={key: tuple(value) for key, value in by_kind.items()},
    )


MEMO_CARDS = 2000  # product cards a process keeps for the current version, at most

# The shape of what is cached, in its keys: a server running new code never unpickles an index
# of another shape left in the shared cache by the old code (during a deploy, say).
SHAPE = hashlib.sha256(
    repr(
        [[(f.name, str(f.type)) for f in fields(cls)] for cls in (Offer, ProductClass, FinderIndex)]
        + [[f.attname for f in Product._meta.concrete_fields]]
    ).encode()
).hexdigest()[:12]


class _Memo:
    """This process's copy of the current version's index and of the cards it has shown.
    Checked against the shared content version on every recommendation, so never stale."""

    key: str | None = None
    index: FinderIndex | None = None
    cards: dict[int, Product] = {}

    @classmethod
    def current(cls) -> "type[_Memo]":
        key = f"finder:{SHAPE}:{_version_key()}"
        if cls.key != key:
            cls.key, cls.index, cls.cards = key, None, {}
        return cls

    @classmethod
    def forget(cls) -> None:
        cls.key, cls.index, cls.cards = None, None, {}


def drop_process_copy() -> None:
    """Forget this process's copy (as a freshly started server would have none)."""
    _Memo.forget()


def _caching() -> bool:
    return settings.FINDER_INDEX_SECONDS > 0


def _version_key() -> str:
    from shop.page_cache import content_version

    return str(content_version())


def finder_index() -> FinderIndex:
    """The index for the current content version: this process's copy when it is current,
    else the shared cache's, else a fresh build (stored for every server).
    `FINDER_INDEX_SECONDS = 0` (the tests) builds it afresh on every call."""
    if not _caching():
        return build_index()
    memo = _Memo.current()
    if memo.index is None:
        key = f"{memo.key}:index"
        index = cache.get(key)
        if index is None:
            index = build_index()
            cache.set(key, index, timeout=settings.FINDER_INDEX_SECONDS)
        memo.index = index
    return memo.index


def shop_categories() -> tuple[Category, ...]:
    """Every category, in shop order: the index's, when it is kept (no query once warm)."""
    if not _caching():
        return tuple(Category.objects.order_by("position", "name", "pk"))
    return finder_index().categories


def cards_query(pks):
    """These products, if still recommendable, with their card data (by primary key)."""
    return Product.objects.recommendable().with_card_data().filter(pk__in=pks)


def load_cards(pks) -> dict[int, Product]:
    """The products to show, by id, with everything a card shows (`with_card_data`), among
    the recommendable products only. Cards are kept like the index, under the content
    version: in this process (read-only, shared by the requests it serves), in the shared
    cache, and only then loaded from the database (4 queries) and stored for next time."""
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
