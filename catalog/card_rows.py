"""A listing's products as its cards need them (catalog.cards.page_cards), read cheaply: the
columns a card shows as plain values, not model instances, by statements the ORM builds once
per process (per number of products asked for: only the ids vary).

`read(ids)` gives a `CardRow` per published product among `ids`, in that order, with what
`catalog.cards.Cards.card` reads of a product: its name, slug, price, stock, levels, cover photo
(`with_cover`'s columns), older image, drawing and most severe safety note. A page reads its
products' rows and, when some of them have notes of their own, those notes (one or two
statements); the categories' notes (a few dozen editorial texts) and which products have
notes of their own are read once per content version without stock (`KEEP_PER_VERSION`), as
everything a process keeps: under a version read from the database on each request, so a
change to a note shows at once (attaching a note moves the version: core.content).
"""

import threading

from django.conf import settings
from django.db import connection

from catalog.drawings import drawing_name
from catalog.models import Category, Product, SafetyNote
from catalog.models.photo import cover_from_columns
from catalog.models.product_queries import LEVEL_FIELDS
from catalog.models.safety import CONDITION_CHOICES, by_severity
from core.content import content_version_without_stock
from core.statements import Statement

# What a card reads of a product's own row (and what a note's condition or the drawing test).
FIELDS = (
    "pk",
    "name",
    "slug",
    "price",
    "stock",
    "image",
    "drawing",
    "category_id",
    "category__kind",
    *LEVEL_FIELDS.values(),
    *CONDITION_CHOICES,  # the drawing's attributes among them (catalog.drawings.BY_ATTRIBUTE)
)
COVER_FIELDS = ("cover_image", "cover_alt", "cover_width", "cover_height")
LARGEST_KEPT = 64  # statements are kept for pages of up to this many products
IMAGE_STORAGE = Product._meta.get_field("image").storage


def products_query(ids):
    published = Product.objects.published().filter(pk__in=ids).with_cover()
    return published.values_list(*FIELDS, *COVER_FIELDS).order_by()


NOTE_FIELDS = ("id", "text", "severity", "condition_attribute", "condition_value")


def notes_query(ids):
    through = Product.safety_notes.through.objects.filter(product_id__in=ids)
    return through.values_list("product_id", *(f"safetynote__{f}" for f in NOTE_FIELDS)).order_by()


def notes_by_owner(rows) -> dict[int, list[SafetyNote]]:
    """(owner id, a note's `NOTE_FIELDS`) rows as each owner's notes."""
    found: dict[int, list[SafetyNote]] = {}
    for owner, *note in rows:
        found.setdefault(owner, []).append(SafetyNote(**dict(zip(NOTE_FIELDS, note, strict=True))))
    return found


class Statements:
    """This process's statements (`core.statements`), by query and count (compiled the first
    time asked for)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.made: dict = {}

    def rows(self, query, ids: list[int]) -> list[list]:
        key = (query, connection.alias, connection.vendor, len(ids))
        statement = self.made.get(key)
        if statement is None:
            marks = [-(n + 1) for n in range(len(ids))]  # ids no row has, to find their places
            statement = Statement.compile(query(marks), marks, connection.alias)
            if len(ids) <= LARGEST_KEPT:
                with self.lock:
                    self.made[key] = statement
        return statement.rows(ids, connection.alias)


statements = Statements()


class PerVersion:
    """What `read_all()` gives (a few dozen editorial texts, a set of ids), read once per
    content version without stock when a process keeps things per version
    (`KEEP_PER_VERSION`), else on every page."""

    def __init__(self, read_all):
        self.read_all = read_all
        self.lock = threading.Lock()
        self.kept = None  # (version, what was read)

    def current(self, version: int | None):
        """What was read at this content version without stock (None: not kept, read now)."""
        kept = self.kept
        if version is not None and kept is not None and kept[0] == version:
            return kept[1]
        read = self.read_all()
        if version is not None:
            with self.lock:
                self.kept = (version, read)
        return read

    def forget(self) -> None:
        with self.lock:
            self.kept = None


def category_notes() -> dict[int, list[SafetyNote]]:
    """Each category's safety notes."""
    through = Category.safety_notes.through.objects.order_by()
    fields = (f"safetynote__{f}" for f in NOTE_FIELDS)
    return notes_by_owner(through.values_list("category_id", *fields))


def noted_products() -> frozenset[int]:
    """The ids of the products with notes of their own (a few, in a real catalog): a page
    asks for the notes of those only, and of none when it shows none of them."""
    through = Product.safety_notes.through.objects.order_by()
    return frozenset(through.values_list("product_id", flat=True).distinct())


notes = PerVersion(category_notes)
noted = PerVersion(noted_products)


class Kind:
    """A product's category as its drawing reads it."""

    __slots__ = ("kind",)

    def __init__(self, kind: str):
        self.kind = kind


class CardRow:
    """A product as its card reads it (catalog.cards.Cards.card), from a row of `FIELDS`."""

    def __init__(self, row, category_notes: list, own_notes: list):
        values = dict(zip((*FIELDS, *COVER_FIELDS), row, strict=True))
        self.__dict__.update(values)
        self.category = Kind(values["category__kind"])
        self.image = ImageName(values["image"] or "")
        self.drawing_name = drawing_name(self)
        self.levels = [level.value for level, field in LEVEL_FIELDS.items() if values[field]]
        self.in_stock = self.stock > 0
        # As Product.top_safety_note: the category's and its own that apply, most severe first.
        applying = [note for note in category_notes + own_notes if note.applies_to(self)]
        ordered = by_severity(applying)
        self.top_safety_note = ordered[0] if ordered else None

    @property
    def cover_photo(self):
        """As Product.cover_photo from `with_cover`'s columns."""
        return cover_from_columns(self)

    def get_absolute_url(self) -> str:
        return Product(slug=self.slug).get_absolute_url()


class ImageName(str):
    """A product's older image as a card reads it: its name (empty: none) and its URL."""

    @property
    def url(self) -> str:
        return IMAGE_STORAGE.url(str(self))


def read(ids: list[int]) -> list[CardRow]:
    """The card rows of the published products among `ids`, in that order."""
    if not ids:
        return []
    version = content_version_without_stock() if settings.KEEP_PER_VERSION else None
    rows = {row[0]: row for row in statements.rows(products_query, ids)}
    asked = ids  # kept per version, the products with notes say whose notes to read
    if version is not None:
        with_notes = noted.current(version)
        asked = [pk for pk in ids if pk in with_notes]
    own = notes_by_owner(statements.rows(notes_query, asked)) if asked else {}
    by_category = notes.current(version)
    category_at = FIELDS.index("category_id")
    return [
        CardRow(rows[pk], by_category.get(rows[pk][category_at], []), own.get(pk, []))
        for pk in ids
        if pk in rows
    ]
