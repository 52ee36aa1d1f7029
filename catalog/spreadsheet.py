"""Products as a spreadsheet (CSV): export, and an import that changes exactly what it says.

- Columns (`COLUMNS`): `slug` is the key (or `sku` when the file has no slug column); every
  other column is optional, so a file of `sku,stock` is a bulk stock update and `slug,price`
  a price update. A row whose key is unknown adds a product (then the required columns must be
  there). Columns left out keep their values.
- Values are as the export writes them: yes/no for flags (empty: not answered), `;` between
  levels, material slugs and safety-note numbers (the note's id in the admin), the category by
  slug, prices with a dot.
- Every row passes the validation of the admin's product form (a ModelForm: field checks,
  `Product.clean` with the safety rules, unique slug and SKU). Errors name the row (as the
  spreadsheet numbers it: the header is row 1) and the column.
- All or nothing: one refused row and nothing is saved. The content version moves once for the
  whole import (`core.content.one_bump`).
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db import transaction

from catalog.models import Category, Material, Product, SafetyNote
from core.content import one_bump

COLUMNS = (
    "slug",
    "sku",
    "name",
    "brand",
    "category",
    "price",
    "stock",
    "published",
    "featured",
    "levels",
    "materials",
    "safety_notes",
    "intensity",
    "sensation",
    "restraint_type",
    "quick_release",
    "ring_fit",
    "lubricant_base",
    "thickness",
    "vibrator_type",
    "placement",
    "water_resistance",
    "flared_base",
    "numbing",
    "drawing",
    "ring_inner_diameter_mm",
    "cuff_min_mm",
    "cuff_max_mm",
    "insertable_length_mm",
    "insertable_width_mm",
    "checkout_ref",
    "description",
)
# Column -> the Product (and form) field it fills, where the names differ.
FIELD_OF = {"published": "is_published", "featured": "is_featured"}
FLAGS = {"published", "featured", "quick_release", "flared_base", "numbing"}
REQUIRED_FOR_NEW = ("slug", "sku", "name", "brand", "category", "price", "levels")
NEW_DEFAULTS = {
    "stock": "0",
    "published": "no",
    "featured": "no",
    "numbing": "no",
}  # as the admin's add form
MAX_ROWS = 20_000
FORM_FIELDS = [FIELD_OF.get(c, c) for c in COLUMNS if c not in ("levels",)] + [
    "for_beginner",
    "for_experienced",
]

ProductRowForm = forms.modelform_factory(Product, fields=FORM_FIELDS)


class SpreadsheetError(Exception):
    """The file cannot be read at all (not CSV, no key column, unknown columns)."""


@dataclass
class Change:
    row: int
    slug: str
    created: bool
    fields: dict[str, tuple[str, str]] = field(default_factory=dict)  # column -> (old, new)

    def describe(self) -> str:
        if self.created:
            return f"Row {self.row}: add “{self.slug}”"
        changes = "; ".join(f"{c}: {old!r} → {new!r}" for c, (old, new) in self.fields.items())
        return f"Row {self.row}: “{self.slug}”: {changes}"


@dataclass
class ImportResult:
    changes: list[Change] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "Row 3, price: ..."
    saved: bool = False

    @property
    def changed(self) -> list[Change]:
        return [c for c in self.changes if c.created or c.fields]


# --- export --------------------------------------------------------------------------------


def _flag(value) -> str:
    return "" if value is None else ("yes" if value else "no")


def cells(product: Product) -> dict[str, str]:
    """A product's row, as text (what the export writes and the import compares)."""
    row = {}
    for column in COLUMNS:
        if column == "category":
            value = product.category.slug
        elif column == "levels":
            value = ";".join(product.levels)
        elif column == "materials":
            value = ";".join(sorted(m.slug for m in product.materials.all()))
        elif column == "safety_notes":
            value = ";".join(str(pk) for pk in sorted(n.pk for n in product.safety_notes.all()))
        else:
            value = getattr(product, FIELD_OF.get(column, column))
            if column in FLAGS:
                value = _flag(value)
            elif isinstance(value, Decimal):
                value = f"{value:f}"
            elif value is None:
                value = ""
        row[column] = str(value)
    return row


# A cell a spreadsheet program would run as a formula (CSV injection): the export writes it
# with a leading apostrophe, which spreadsheets show as text and the import takes off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_COLUMNS = ("sku", "name", "brand", "description")


def _defused(row: dict[str, str]) -> dict[str, str]:
    return {
        c: ("'" + v if c in TEXT_COLUMNS and v.startswith(FORMULA_STARTS) else v)
        for c, v in row.items()
    }


def _restored(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def export_csv(out, products=None) -> int:
    products = products if products is not None else Product.objects.all()
    products = products.select_related("category").prefetch_related("materials", "safety_notes")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for product in products.order_by("slug"):
        writer.writerow(_defused(cells(product)))
        count += 1
    return count


# --- import --------------------------------------------------------------------------------


def read_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in reader.fieldnames or []]
    if not header:
        raise SpreadsheetError("The file is empty: the first row must name the columns.")
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise SpreadsheetError(
            f"Unknown column(s): {', '.join(unknown)}. Columns: {', '.join(COLUMNS)}."
        )
    if len(set(header)) != len(header):
        raise SpreadsheetError("A column is named twice in the first row.")
    if "slug" not in header and "sku" not in header:
        raise SpreadsheetError("The file needs a slug or sku column to find each product.")
    reader.fieldnames = header
    rows = []
    for row in reader:
        if None in row:
            raise SpreadsheetError(f"Row {reader.line_num}: more cells than columns.")
        rows.append({k: _restored((v or "").strip()) for k, v in row.items()})
        if len(rows) > MAX_ROWS:
            raise SpreadsheetError(f"At most {MAX_ROWS} rows at a time.")
    return header, rows


def _parse_flag(text: str):
    value = text.strip().lower()
    if value in ("yes", "y", "true", "1"):
        return True
    if value in ("no", "n", "false", "0"):
        return False
    if value == "":
        return None
    raise ValueError("Write yes or no (or leave it empty).")


def _form_data(product: Product | None, row: dict[str, str], lookups) -> tuple[dict, dict]:
    """The form data for a row: the product's current values, overlaid with the row's."""
    base = cells(product) if product else {**{c: "" for c in COLUMNS}, **NEW_DEFAULTS}
    merged = {**base, **row}
    data, errors = {}, {}
    for column in COLUMNS:
        text = merged[column]
        name = FIELD_OF.get(column, column)
        try:
            if column in FLAGS:
                flag = _parse_flag(text)
                if name in ("is_published", "is_featured", "numbing"):  # never empty
                    flag = bool(flag)
                data[name] = flag
            elif column == "category":
                category = lookups["categories"].get(text)
                if text and category is None:
                    raise ValueError(f"There is no category “{text}”.")
                data[name] = category.pk if category else None
            elif column == "levels":
                levels = {v.strip().lower() for v in text.split(";") if v.strip()}
                if levels - {"beginner", "experienced"}:
                    raise ValueError("Write beginner, experienced or beginner;experienced.")
                data["for_beginner"] = "beginner" in levels
                data["for_experienced"] = "experienced" in levels
            elif column in ("materials", "safety_notes"):
                table = lookups[column]
                keys = [v.strip() for v in text.split(";") if v.strip()]
                missing = [k for k in keys if k not in table]
                if missing:
                    raise ValueError(f"Unknown: {', '.join(missing)}.")
                data[name] = [table[k] for k in keys]
            else:
                data[name] = text
        except ValueError as error:
            errors[column] = str(error)
    return data, errors


def _column_of(field_name: str) -> str:
    if field_name in ("for_beginner", "for_experienced"):
        return "levels"
    return {v: k for k, v in FIELD_OF.items()}.get(field_name, field_name)


def import_csv(text: str, *, dry_run: bool = False) -> ImportResult:
    """Check every row, then save them all, or nothing. Raises SpreadsheetError for a file
    that cannot be read as a product sheet."""
    header, rows = read_rows(text)
    key = "slug" if "slug" in header else "sku"
    lookups = {
        "categories": {c.slug: c for c in Category.objects.all()},
        "materials": {m.slug: m.pk for m in Material.objects.all()},
        "safety_notes": {str(pk): pk for pk in SafetyNote.objects.values_list("pk", flat=True)},
    }
    wanted = [row[key] for row in rows if row.get(key)]
    existing = {
        getattr(p, key): p
        for p in Product.objects.filter(**{f"{key}__in": wanted})
        .select_related("category")
        .prefetch_related("materials", "safety_notes")
    }
    result = ImportResult()
    forms_to_save, seen = [], set()
    for number, row in enumerate(rows, start=2):
        where = f"Row {number}"
        if not row.get(key):
            result.errors.append(f"{where}, {key}: every row needs a {key}.")
            continue
        if row[key] in seen:
            result.errors.append(f"{where}, {key}: “{row[key]}” is in the file twice.")
            continue
        seen.add(row[key])
        product = existing.get(row[key])
        if product is None:
            missing = [c for c in REQUIRED_FOR_NEW if c not in header]
            if missing:
                result.errors.append(
                    f"{where}, {key}: no product “{row[key]}”; to add one, the file needs the "
                    f"columns {', '.join(missing)}."
                )
                continue
        data, errors = _form_data(product, row, lookups)
        for column, message in errors.items():
            result.errors.append(f"{where}, {column}: {message}")
        if errors:
            continue
        before = cells(product) if product else {}  # before the form touches the instance
        form = ProductRowForm(data=data, instance=product)
        if not form.is_valid():
            for name, messages in form.errors.items():
                column = _column_of(name) if name != "__all__" else "row"
                for message in messages:
                    result.errors.append(f"{where}, {column}: {message}")
            continue
        change = Change(row=number, slug=data.get("slug") or row[key], created=product is None)
        forms_to_save.append((form, change, before))
    if result.errors:
        return result
    with transaction.atomic(), one_bump():
        for form, change, before in forms_to_save:
            if before and form.has_changed():
                product = form.save()
                after = cells(Product.objects.with_card_data().get(pk=product.pk))
                change.fields = {c: (before[c], after[c]) for c in COLUMNS if before[c] != after[c]}
            elif not before:
                form.save()
            result.changes.append(change)
        if dry_run:
            transaction.set_rollback(True)
        else:
            result.saved = True
    return result
