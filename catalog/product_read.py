"""A product for its page in one query: its row carries how many photos it has (and its first
photo's columns), and the ids of its materials and of its own safety notes, each as one text
column ("3,7"). Its page then needs no other query for them when

- it has no photo, or one (the cover columns are that photo), and
- it has no material and no note of its own, or the ones it has are among all materials and
  notes, read once per page version and kept (`catalog.render_cache.remember`: the key holds
  the version this request read from the database, so a change shows on the next request on
  every worker). Materials and notes are the editors' short lists, not the catalog's.

Anything else (a second photo, an id the kept lists do not hold because it was added after
they were read, nothing kept with `RENDER_CACHE_SECONDS = 0`) is read by `load_relations`, by
the query a prefetch would run. The page gets them as lists (`Relations`), not through related
managers made for each request. A customer's first visit also reads the content version in the
same query (`read_product_and_versions`). Works the same on SQLite and PostgreSQL.
"""

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db import connections
from django.db.models import DEFERRED, Aggregate, CharField, Count, OuterRef, QuerySet, Subquery

from catalog.models import Material, Product, ProductPhoto, SafetyNote
from catalog.render_cache import remember
from core.content import VERSION_FIELDS, take_versions, version_columns
from core.statements import Statement


class Joined(Aggregate):
    """The values of a column joined by commas, as text: GROUP_CONCAT (SQLite), STRING_AGG
    (PostgreSQL)."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        template = "%(function)s(CAST(%(expressions)s AS text), ',')"
        return self.as_sql(
            compiler, connection, function="STRING_AGG", template=template, **extra_context
        )


def joined_ids(relation: str) -> Subquery:
    """The ids a product's many-to-many `relation` points at, as "3,7" (None for none)."""
    field = Product._meta.get_field(relation)
    own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = field.remote_field.through.objects.filter(**{own: OuterRef("pk")}).values(own)
    return Subquery(rows.annotate(ids=Joined(other)).values("ids"))


def with_relations(products: QuerySet) -> QuerySet:
    """The products with the columns `load_relations` reads."""
    photos = ProductPhoto.objects.filter(product=OuterRef("pk")).values("product")
    return products.with_cover().annotate(
        photo_count=Subquery(photos.annotate(count=Count("pk")).values("count")),
        material_ids=joined_ids("materials"),
        note_ids=joined_ids("safety_notes"),
    )


SLUG = "\x00slug\x00"  # stands for the slug asked for in the compiled statement
# Columns no product page shows: not read (a deferred field, read if ever asked for). The
# search document is a long text for the search only; the two times, each a value to parse.
NOT_SHOWN = ("search_document", "created_at", "updated_at")


@dataclass(frozen=True)
class ProductStatement:
    """`with_relations`'s query for one product by slug, compiled, and where its row holds
    the product's own columns and the annotations."""

    statement: Statement
    own: list[int | None]  # each concrete field's place in the row (None: not read)
    fields: list[str]  # the concrete fields' names, in the model's order
    annotations: dict[str, int]  # the annotations' positions in the row


@cache
def statement(alias: str, vendor: str, published: bool, versions: bool = False) -> ProductStatement:
    """Compiled once per process and database (`core.statements`): building and compiling the
    query's subqueries cost the ORM ~2 ms, and reading its row through a queryset ~0.5 ms
    more, several times running it. It depends on the code alone. Prepared on PostgreSQL:
    planning it costs more than running it. `versions`: the row also holds the content
    version's (`core.content.version_columns`)."""
    products = Product.objects.published() if published else Product.objects.all()
    products = with_relations(products).defer(*NOT_SHOWN)
    if versions:
        products = products.annotate(**version_columns())
    query = products.filter(slug=SLUG).order_by()[:2]
    known = Statement.compile(query, [SLUG], alias, prepare=True)
    positions = known.compiled.klass_info["select_fields"]
    read = {known.columns[place].target.attname: place for place in positions}
    fields = [field.attname for field in Product._meta.concrete_fields]
    own = [read.get(name) for name in fields]
    return ProductStatement(known, own, fields, dict(known.compiled.annotation_col_map))


def read_product(slug: str, *, published: bool, using: str = "default") -> Product | None:
    """The product with this slug (published only, or any), with the columns
    `load_relations` reads, or None: one query, as a queryset would read it."""
    return read(slug, statement(using, connections[using].vendor, published), using)


def read_product_and_versions(slug: str) -> Product | None:
    """The published product with this slug, as `read_product` reads it, and the content
    version in the same query, taken as this request's (`core.content.take_versions`): a
    customer's first visit to a product makes its page from the product, and reads both
    anyway. None when there is no such product or the versions could not be taken (the
    product is then read again, after them)."""
    known = statement("default", connections["default"].vendor, True, versions=True)
    product = read(slug, known, "default")
    if product is None:
        return None
    versions = [vars(product).pop(f"content_{name}") for name in VERSION_FIELDS]
    return product if take_versions(*versions) else None


def read(slug: str, known: ProductStatement, using: str) -> Product | None:
    rows = known.statement.rows([slug], using)
    if not rows:
        return None
    row = rows[0]
    # Every field's value, the ones not read as DEFERRED: what `from_db` would make of the
    # read ones alone, without looking each field up among their names.
    values = [DEFERRED if place is None else row[place] for place in known.own]
    product = Product.from_db(using, known.fields, values)
    for name, position in known.annotations.items():
        setattr(product, name, row[position])
    return product


@dataclass(frozen=True)
class Shared:
    materials: list[Material]  # all of them, in their order (by name)
    notes: dict[int, SafetyNote]  # all of them by id, in their order (severity, text)


def read_shared() -> Shared:
    notes = {note.pk: note for note in SafetyNote.objects.all()}
    return Shared(materials=list(Material.objects.all()), notes=notes)


def shared() -> Shared | None:
    """All materials and safety notes under this page version, or None when nothing is kept."""
    if settings.RENDER_CACHE_SECONDS <= 0:
        return None
    return remember("product-page-materials-notes", [], read_shared)


@dataclass(frozen=True)
class Relations:
    """A product's photos (in their order), materials (by name) and own safety notes, as its
    page shows them: lists, so the page asks no related manager for them."""

    photos: list[ProductPhoto]
    materials: list[Material]
    own_notes: list[SafetyNote]

    @classmethod
    def of(cls, product: Product) -> "Relations":
        """From the product's related managers (prefetched, or a query each)."""
        return cls(
            list(product.photos.all()),
            list(product.materials.all()),
            list(product.safety_notes.all()),
        )


def load_relations(product: Product) -> Relations:
    """The photos, materials and own notes of a product read by `with_relations`: from its row
    and what is kept where they say them all, else read (a query each, as a prefetch would)."""
    count = product.photo_count or 0
    photos = [product.cover_photo] if count == 1 else [] if count == 0 else None
    material_ids, note_ids = ids(product.material_ids), ids(product.note_ids)
    kept = shared() if material_ids or note_ids else None
    materials = notes = None
    if not material_ids:
        materials = []
    elif kept is not None and material_ids <= {material.pk for material in kept.materials}:
        materials = [material for material in kept.materials if material.pk in material_ids]
    if not note_ids:
        notes = []
    elif kept is not None and note_ids <= kept.notes.keys():
        notes = [note for pk, note in kept.notes.items() if pk in note_ids]
    return Relations(
        photos if photos is not None else list(product.photos.all()),
        materials if materials is not None else list(product.materials.all()),
        notes if notes is not None else list(product.safety_notes.all()),
    )


def ids(joined: str | None) -> set[int]:
    return {int(pk) for pk in joined.split(",")} if joined else set()
