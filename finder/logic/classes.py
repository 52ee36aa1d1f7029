"""Classes of products the finder cannot tell apart but by price, as one pass over the catalog
finds them (`scan_products`, `make_classes`), and for one loaded product (`item_for`).

Everything the finder decides about a product (the hard rules, the score, the kit's
compatibility flags, the safety add-ons) depends on a handful of values: its category, its
level tags, the attributes a customer can ask about, and whether it contains latex or
silicone. Products that share those values (a *class*) are interchangeable for the finder
except for their price (and their id, the last tie-break), and within a class the cheapest are
always the best: the best picks, the best hidden examples, the only kit candidate worth trying
(see `engine`). Stock is not among those values: the scan reads every product that could be
recommended whatever its stock, and `index.in_stock` keeps those in stock.
"""

from array import array
from dataclasses import dataclass, field, replace
from decimal import Decimal
from heapq import heappush, heapreplace

from django.db.models import Exists, OuterRef

from catalog.models import Level, Product
from guides.models import Pick as GuidePick

from .hard_rules import all_rules, compatibility_flags, pickable
from .tiers import base_points

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
    "thickness",
    "numbing",
    "vibrator_type",
    "placement",
    "flared_base",
    "is_featured",
)
# Flags worked out in the query: the materials, and whether a published guide picks it.
MATERIAL_FLAGS = ("has_latex", "has_silicone", "beginner_pick", "experienced_pick")
CLASS_COLUMNS = (*CLASS_FIELDS, *MATERIAL_FLAGS)


@dataclass(frozen=True, slots=True)
class Offer:
    """One product as the finder ranks it (the name, for the hidden examples)."""

    pk: int
    price: Decimal
    featured: bool
    slug: str
    name: str

    def __reduce__(self):
        return (Offer, (self.pk, self.price, self.featured, self.slug, self.name))


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
    thickness: str
    numbing: bool
    vibrator_type: str
    placement: str
    flared_base: bool | None
    is_featured: bool
    has_latex: bool
    has_silicone: bool
    beginner_pick: bool  # a published guide picks it for beginners
    experienced_pick: bool  # ... for experienced people
    size: int  # how many products the class holds
    cheapest: tuple[Offer, ...]  # up to CHEAPEST_PER_CLASS, by price then id
    featured: Offer | None  # its cheapest featured product
    # Worked out once, when the index is built:
    pickable: bool = True  # may be picked at all (safety shears are add-ons only)
    flags: int = 0  # kit compatibility flags (rules.compatibility_flags)
    breaks: frozenset = frozenset()  # the keys of every hard rule it breaks
    bases: tuple[int, ...] = ()  # its score below the preferences, per `scoring.MODES`

    def __reduce__(self):
        # Pickled as its values in order (the shared cache): several times faster than the
        # generic state of a slotted dataclass, which looks its fields up for every object.
        return (ProductClass, tuple(getattr(self, name) for name in _CLASS_SLOTS))


_CLASS_SLOTS = ProductClass.__slots__


def _guide_pick(level: str) -> Exists:
    """A published guide picks the product at this level (curators' picks weigh in)."""
    picks = GuidePick.objects.filter(
        product_id=OuterRef("pk"), level=level, section__guide__is_published=True
    )
    return Exists(picks)


def _has_material(**material_filter) -> Exists:
    through = Product.materials.through.objects.filter(
        product_id=OuterRef("pk"), **{f"material__{k}": v for k, v in material_filter.items()}
    )
    return Exists(through)


ID_BITS = 32  # a scanned offer is one integer: its price in pence, then its id in these bits
ID_MASK = (1 << ID_BITS) - 1


@dataclass
class _Scan:
    """What one pass over the products keeps: per class values, every product as one integer
    (price in pence, then id: sorting them sorts by price then id), 8 bytes a product, and the
    label (slug, name) of the `keep` cheapest only. Keeping every product's Decimal price and
    label made a worker's memory jump by ~25 MB at 100,000 products on each build, memory the
    process never gave back."""

    keep: int = CHEAPEST_PER_CLASS
    offers: dict[tuple, array] = field(default_factory=dict)
    labels: dict[tuple, list] = field(default_factory=dict)  # heap of (-key, slug, name)

    def add(self, values: tuple, price: Decimal, pk: int, slug: str, name: str) -> None:
        key = (int(price * 100) << ID_BITS) | pk
        offers = self.offers.get(values)
        if offers is None:
            offers = self.offers[values] = array("q")
            self.labels[values] = []
        offers.append(key)
        heap = self.labels[values]
        if len(heap) < self.keep:
            heappush(heap, (-key, slug, name))
        elif -key > heap[0][0]:  # cheaper than the dearest kept
            heapreplace(heap, (-key, slug, name))

    def sort(self) -> None:
        for values, offers in self.offers.items():
            self.offers[values] = array("q", sorted(offers))

    def label(self, values: tuple) -> dict[int, tuple[str, str]]:
        """The kept cheapest offers' labels by id."""
        return {-key & ID_MASK: (slug, name) for key, slug, name in self.labels[values]}


def _offer(key: int, featured: bool, labels: dict) -> Offer:
    pk = key & ID_MASK
    return Offer(pk, Decimal(key >> ID_BITS).scaleb(-2), featured, *labels[pk])


def scan_products(keep: int = CHEAPEST_PER_CLASS) -> _Scan:
    """One pass over every product the finder could recommend whatever its stock (published,
    with a safety note; `recommendable()` without `in_stock()`): their class values, price, id
    and label, streamed in chunks; the labels of the `keep` cheapest of each class are kept.
    Grouping in Python beats a window function: PostgreSQL would sort every row on a dozen
    columns first."""
    width = len(CLASS_COLUMNS)
    rows = (
        Product.objects.published()
        .with_safety_notes()
        .annotate(
            has_latex=_has_material(contains_latex=True),
            has_silicone=_has_material(is_silicone=True),
            beginner_pick=_guide_pick(Level.BEGINNER),
            experienced_pick=_guide_pick(Level.EXPERIENCED),
        )
        .order_by()
        .values_list(*CLASS_COLUMNS, "price", "pk", "slug", "name")
    )
    scan = _Scan(keep=keep)
    for row in rows.iterator(chunk_size=2000):
        scan.add(row[:width], *row[width:])
    scan.sort()
    return scan


def make_classes(scan: _Scan, kinds: dict[int, str], kept: int) -> list[tuple]:
    """(class, its `kept` cheapest offers, every product's id by price then id) for each class
    of a scan whose category is live, with what the finder asks of each class worked out once
    (whether it may be picked, its kit compatibility, the hard rules it breaks). The class's
    size, cheapest and featured count every product, as if all were in stock."""
    every_rule = all_rules()
    made = []
    for values, rows in scan.offers.items():
        labels = scan.label(values)
        attributes = dict(zip(CLASS_COLUMNS, values, strict=True))
        if attributes["category_id"] not in kinds:
            continue  # its category is not live: the finder leaves it out
        for flag in MATERIAL_FLAGS:
            attributes[flag] = bool(attributes[flag])
        featured = attributes["is_featured"]
        offers = tuple(
            _offer(key, featured, labels) for key in rows[: max(kept, CHEAPEST_PER_CLASS)]
        )
        product_class = ProductClass(
            kind=kinds[attributes["category_id"]],
            size=len(rows),
            cheapest=offers[:CHEAPEST_PER_CLASS],
            # Being featured is one of a class's values: all its products are, or none.
            featured=offers[0] if attributes["is_featured"] else None,
            **attributes,
        )
        product_class = replace(
            product_class,
            pickable=pickable(product_class),
            flags=compatibility_flags(product_class),
            breaks=frozenset(r.key for r in every_rule if not r.allows(product_class)),
            bases=base_points(product_class),
        )
        made.append((product_class, offers[:kept], array("q", (key & ID_MASK for key in rows))))
    return made


def item_for(product: Product) -> ProductClass:
    """The class one loaded product belongs to, worked out from the product itself (its
    prefetched materials, one query for its guide picks): for checks and tests, where the
    index's class of the product is not at hand."""
    materials = list(product.materials.all())
    picked = set(
        GuidePick.objects.filter(product=product, section__guide__is_published=True)
        .values_list("level", flat=True)
        .distinct()
    )
    attributes = {name: getattr(product, name) for name in CLASS_FIELDS}
    offer = Offer(product.pk, product.price, product.is_featured, product.slug, product.name)
    item = ProductClass(
        kind=product.category.kind,
        has_latex=any(material.contains_latex for material in materials),
        has_silicone=any(material.is_silicone for material in materials),
        beginner_pick=Level.BEGINNER in picked,
        experienced_pick=Level.EXPERIENCED in picked,
        size=1,
        cheapest=(offer,),
        featured=offer if product.is_featured else None,
        **attributes,
    )
    return replace(
        item, pickable=pickable(item), flags=compatibility_flags(item), bases=base_points(item)
    )
