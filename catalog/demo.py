"""Loading the demo catalog from its data files (idempotent), and generating large catalogs
for load tests.

The demo catalog is TOML in `catalog/demo_data/` (its README says what each file holds and
the rules the data keeps). The helpers that read those files and name the file and the entry
in any error are shared with `guides.demo`.
"""

import random
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import FieldError, ValidationError
from django.db import DatabaseError, transaction

from catalog.attributes import (
    CategoryKind,
    LubricantBase,
    Placement,
    RestraintType,
    RingFit,
    Sensation,
    Thickness,
    VibratorType,
    WaterResistance,
)
from catalog.beginner_rules import BEGINNER_MAX_INTENSITY, BEGINNER_RING_FITS
from catalog.drawings import Drawing
from catalog.models import Category, Material, Product, SafetyNote, SearchSynonym, StorePage

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
GENERATED_SKU_PREFIX = "GEN-"

PRODUCT_KEYS = {"sku", "name", "brand", "description", "price", "stock", "published", "featured"}
PRODUCT_KEYS |= {"levels", "materials", "notes", "attributes"}
OPTIONAL_PRODUCT_KEYS = frozenset({"checkout_ref", "sizes"})
SIZE_FIELDS = {
    "ring_inner_diameter_mm",
    "cuff_min_mm",
    "cuff_max_mm",
    "insertable_length_mm",
    "insertable_width_mm",
}


class DemoDataError(Exception):
    """A demo data file is missing, malformed or names something unknown. The message names
    the file and the entry."""


def read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except OSError as error:
        raise DemoDataError(f"{path}: cannot read it ({error.strerror}).") from error
    except tomllib.TOMLDecodeError as error:
        raise DemoDataError(f"{path}: not valid TOML ({error}).") from error


@contextmanager
def entry(path: Path, name: str) -> Iterator[None]:
    """Turn any problem while loading one entry into a DemoDataError naming the file and it."""
    try:
        yield
    except (LookupError, TypeError, ValueError, AttributeError, FieldError, DatabaseError) as e:
        raise DemoDataError(f"{path}, {name}: {e}") from e
    except ValidationError as error:
        problems = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
        raise DemoDataError(f"{path}, {name}: {problems}") from error


def check_keys(row, required: set[str], optional: frozenset[str] = frozenset()) -> None:
    """Refuse an entry that is not a table, lacks a required key or has one nobody reads (a
    typo would otherwise be ignored)."""
    if not isinstance(row, dict):
        raise ValueError("expected a table of keys and values.")
    problems = []
    if missing := required - row.keys():
        problems.append(f"missing {', '.join(sorted(missing))}")
    if unknown := row.keys() - required - optional:
        problems.append(f"unknown key {', '.join(sorted(unknown))}")
    if problems:
        raise ValueError("; ".join(problems) + ".")


def find(known: dict, key: str, what: str):
    """The object `key` names in `known`, or an error saying there is no such thing."""
    if key not in known:
        raise ValueError(f"no {what} '{key}'.")
    return known[key]


def upsert(model, lookup: dict, fields: dict):
    """The object `lookup` finds, created or updated to hold `fields` and checked as the admin
    would check it (the database holds the unique and check constraints itself, so they are
    left to it: a query each). Saved only when something differs, so a second run changes
    nothing, not even a timestamp."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **fields)
    elif all(getattr(obj, name) == value for name, value in fields.items()):
        return obj
    else:
        for name, value in fields.items():
            setattr(obj, name, value)
    obj.full_clean(validate_unique=False, validate_constraints=False)
    obj.save()
    return obj


@transaction.atomic
def load_catalog(folder: Path | None = None) -> dict[str, int]:
    """Create or update the demo notes, materials, categories and products from the data files
    in `folder` (by default `DATA_DIR`). Running it twice gives the same result as running it
    once; a bad file raises DemoDataError and changes nothing."""
    folder = folder or DATA_DIR
    notes, materials, categories, products = {}, {}, {}, 0

    path = folder / "notes.toml"
    for key, row in read_toml(path).items():
        with entry(path, f"note [{key}]"):
            check_keys(row, {"severity", "text"}, frozenset({"condition"}))
            attribute, _, value = row.get("condition", "").partition("=")
            notes[key] = upsert(
                SafetyNote,
                {"text": row["text"]},
                {
                    "severity": row["severity"],
                    "condition_attribute": attribute.strip(),
                    "condition_value": value.strip(),
                },
            )

    path = folder / "materials.toml"
    for slug, row in read_toml(path).items():
        with entry(path, f"material [{slug}]"):
            check_keys(
                row, {"name", "body_safe", "contains_latex", "is_silicone"}, frozenset({"care"})
            )
            materials[slug] = upsert(Material, {"slug": slug}, row)

    path = folder / "pages.toml"
    pages = 0
    for slug, row in (read_toml(path) if path.exists() else {}).items():
        with entry(path, f"page [{slug}]"):
            check_keys(row, {"title", "summary", "body"})
            upsert(StorePage, {"slug": slug}, row)
            pages += 1

    path = folder / "categories.toml"
    for slug, row in read_toml(path).items():
        with entry(path, f"category [{slug}]"):
            check_keys(row, {"name", "kind", "published", "position", "intro", "notes"})
            fields = {k: v for k, v in row.items() if k not in ("notes", "published")}
            fields["is_published"] = row["published"]
            category = upsert(Category, {"slug": slug}, fields)
            category_notes = [find(notes, key, "safety note") for key in row["notes"]]
            category.safety_notes.set(category_notes)
            categories[slug] = category, category_notes

    for category_slug, (category, category_notes) in categories.items():
        path = folder / "products" / f"{category_slug}.toml"
        for slug, row in read_toml(path).items():
            with entry(path, f"product [{slug}]"):
                _load_product(slug, row, category, notes, materials)
                if not (row["notes"] or category_notes):
                    raise ValueError("no safety note: give it one, or give its category some.")
                products += 1
    _load_drawings(folder / "drawings.toml")
    if stray := {p.stem for p in (folder / "products").glob("*.toml")} - categories.keys():
        raise DemoDataError(
            f"{folder / 'products'}: no category in categories.toml for {', '.join(sorted(stray))}."
        )
    return {
        "notes": len(notes),
        "materials": len(materials),
        "categories": len(categories),
        "products": products,
        "pages": pages,
    }


def _load_drawings(path: Path) -> None:
    """Each listed product's drawing (`drawings.toml`: slug = drawing); the others get theirs
    from their attributes (an empty field), so removing a line takes its drawing away too."""
    chosen = read_toml(path) if path.exists() else {}
    known = dict(
        Product.objects.exclude(sku__startswith=GENERATED_SKU_PREFIX).values_list("slug", "drawing")
    )
    for slug, drawing in chosen.items():
        with entry(path, slug):
            if slug not in known:
                raise ValueError("no such product in products/*.toml.")
            if drawing not in Drawing.values:
                raise ValueError(
                    f"'{drawing}' is not a drawing: one of {', '.join(Drawing.values)}."
                )
    for slug, current in known.items():
        wanted = chosen.get(slug, "")
        if current != wanted:
            Product.objects.filter(slug=slug).update(drawing=wanted)


@transaction.atomic
def load_synonyms(folder: Path | None = None) -> int:
    """Create or update the search synonyms of `synonyms.toml` (idempotent, like the rest);
    synonyms a curator added in the admin are left alone. Returns how many the file holds."""
    path = (folder or DATA_DIR) / "synonyms.toml"
    rows = read_toml(path)
    for term, row in rows.items():
        with entry(path, f"synonym [{term}]"):
            check_keys(row, {"replacements"}, frozenset({"related_only", "note"}))
            if not isinstance(row["replacements"], list) or not row["replacements"]:
                raise ValueError("replacements: a list of words.")
            upsert(
                SearchSynonym,
                {"term": term},
                {
                    "replacements": ", ".join(row["replacements"]),
                    "related_only": row.get("related_only", False),
                    "note": row.get("note", ""),
                },
            )
    return len(rows)


def _load_product(slug: str, row, category: Category, notes: dict, materials: dict) -> None:
    check_keys(row, PRODUCT_KEYS, OPTIONAL_PRODUCT_KEYS)
    sizes = row.get("sizes", {})
    if not isinstance(sizes, dict) or sizes.keys() - SIZE_FIELDS:
        raise ValueError(f"sizes: a table of {', '.join(sorted(SIZE_FIELDS))}.")
    if "ring_inner_diameter_mm" in sizes:
        try:
            diameter = Decimal(str(sizes["ring_inner_diameter_mm"]))
        except InvalidOperation:
            raise ValueError("sizes: ring_inner_diameter_mm is not a number.") from None
        sizes = {**sizes, "ring_inner_diameter_mm": diameter}
    product_notes = [find(notes, key, "safety note") for key in row["notes"]]
    try:
        price = Decimal(row["price"])
    except InvalidOperation:
        raise ValueError(f"price '{row['price']}' is not a number.") from None
    levels = set(row["levels"]) if isinstance(row["levels"], list) else None
    if not levels or levels - {"beginner", "experienced"}:
        raise ValueError("levels: a list of 'beginner', 'experienced' or both.")
    product = upsert(
        Product,
        {"slug": slug},
        {
            "sku": row["sku"],
            "name": row["name"],
            "brand": row["brand"],
            "category": category,
            "description": row["description"],
            "price": price,
            "stock": row["stock"],
            "is_published": row["published"],
            "is_featured": row["featured"],
            "for_beginner": "beginner" in levels,
            "for_experienced": "experienced" in levels,
            "checkout_ref": row.get("checkout_ref", ""),
            **row["attributes"],
            **sizes,
        },
    )
    product.materials.set([find(materials, key, "material") for key in row["materials"]])
    product.safety_notes.set(product_notes)


# --- generated catalogs ---------------------------------------------------------------------

ADJECTIVES = ["Calm", "Bold", "Soft", "Steady", "Bright", "Quiet", "Warm", "Deep", "Light", "Firm"]
NOUNS = {
    CategoryKind.IMPACT: ["Paddle", "Slapper", "Flogger", "Strap"],
    CategoryKind.RESTRAINTS: ["Cuffs", "Tether", "Restraint Set", "Bar"],
    CategoryKind.COCK_RINGS: ["Ring", "Loop", "Band"],
    CategoryKind.LUBRICANTS: ["Glide", "Gel", "Serum", "Balm"],
    CategoryKind.VIBRATORS: ["Bullet", "Wand", "Massager", "Egg"],
    CategoryKind.GENERAL: ["Kit", "Set"],
}


# Generated impact toys look like what their name says; the rest follow their attributes.
GENERATED_DRAWINGS = {
    "Paddle": Drawing.PADDLE,
    "Slapper": Drawing.SLAPPER,
    "Flogger": Drawing.FLOGGER,
    "Strap": Drawing.STRAP,
}


def _generated_attributes(kind: str, rng: random.Random, beginner: bool) -> dict:
    if kind == CategoryKind.IMPACT:
        top = BEGINNER_MAX_INTENSITY if beginner else 5
        return {"intensity": rng.randint(1, top), "sensation": rng.choice(Sensation.values)}
    if kind == CategoryKind.RESTRAINTS:
        kinds = [v for v in RestraintType.values if v != RestraintType.SAFETY_SHEARS]
        return {
            "restraint_type": rng.choice(kinds),
            "quick_release": True if beginner else rng.random() < 0.5,
        }
    if kind == CategoryKind.COCK_RINGS:
        fits = BEGINNER_RING_FITS if beginner else RingFit.values
        return {"ring_fit": rng.choice(fits)}
    if kind == CategoryKind.LUBRICANTS:
        return {
            "lubricant_base": rng.choice(LubricantBase.values),
            "thickness": rng.choice(Thickness.values),
        }
    if kind == CategoryKind.VIBRATORS:
        vibrator_type = rng.choice(VibratorType.values)
        placement = rng.choice(Placement.values)
        return {
            "vibrator_type": vibrator_type,
            "placement": placement,
            # One draw, as the yes/no it replaced took: the same N keeps the same catalog.
            "water_resistance": rng.choices(WaterResistance.values, weights=(2, 1, 7))[0],
            # Generated internal toys are all made safe for any use: they have a flared base.
            "flared_base": placement == Placement.INTERNAL,
        }
    return {}


def generate_products(count: int, batch_size: int = 2000) -> int:
    """Make sure generated products 1..count exist (deterministic for a given number), adding
    only the missing ones with bulk inserts. Returns how many were created."""
    categories = list(Category.objects.order_by("position", "pk"))
    materials = list(Material.objects.order_by("pk"))
    if not categories:
        raise ValueError("Load the demo catalog first: generated products need categories.")
    existing = set(
        Product.objects.filter(sku__startswith=GENERATED_SKU_PREFIX).values_list("sku", flat=True)
    )
    created = 0
    for start in range(1, count + 1, batch_size):
        numbers = [
            n
            for n in range(start, min(start + batch_size, count + 1))
            if f"{GENERATED_SKU_PREFIX}{n:07d}" not in existing
        ]
        if not numbers:
            continue
        products, material_picks = [], []
        for n in numbers:
            rng = random.Random(n)  # one seed per product: the same N gives the same catalog
            category = categories[n % len(categories)]
            beginner = rng.random() < 0.5
            experienced = not beginner or rng.random() < 0.4
            adjective = rng.choice(ADJECTIVES)
            noun = rng.choice(NOUNS.get(category.kind, ["Item"]))
            name = f"{adjective} {noun} {n}"
            products.append(
                Product(
                    name=name,
                    slug=f"gen-{n:07d}",
                    sku=f"{GENERATED_SKU_PREFIX}{n:07d}",
                    brand=f"Loadtest Brand {n % 40:02d}",
                    category=category,
                    description=f"{name}: a generated product for load tests of the "
                    f"{category.name.lower()} catalog.",
                    price=Decimal(rng.randint(500, 15000)) / 100,
                    stock=0 if rng.random() < 0.1 else rng.randint(1, 50),
                    is_published=rng.random() < 0.95,
                    is_featured=rng.random() < 0.02,
                    for_beginner=beginner,
                    for_experienced=experienced,
                    **_generated_attributes(category.kind, rng, beginner),
                    drawing=GENERATED_DRAWINGS.get(noun, ""),
                )
            )
            if materials and category.kind != CategoryKind.LUBRICANTS:
                material_picks.append(rng.sample(materials, k=min(2, len(materials))))
            else:
                material_picks.append([])
        with transaction.atomic():
            Product.objects.bulk_create(products, batch_size=batch_size)
            skus = [p.sku for p in products]
            ids = dict(Product.objects.filter(sku__in=skus).values_list("sku", "pk"))
            Through = Product.materials.through
            Through.objects.bulk_create(
                [
                    Through(product_id=ids[product.sku], material_id=material.pk)
                    for product, picks in zip(products, material_picks, strict=True)
                    for material in picks
                ],
                batch_size=batch_size * 2,
            )
        created += len(products)
    return created
