"""Loading the demo catalog (idempotent) and generating large catalogs for load tests."""

import random
from decimal import Decimal

from django.db import transaction

from catalog import demo_data
from catalog.attributes import (
    CategoryKind,
    LubricantBase,
    Placement,
    RestraintType,
    RingFit,
    Sensation,
    Thickness,
    VibratorType,
)
from catalog.models import Category, Material, Product, SafetyNote
from catalog.rules import BEGINNER_MAX_INTENSITY, BEGINNER_RING_FITS

GENERATED_SKU_PREFIX = "GEN-"


@transaction.atomic
def load_catalog() -> dict[str, int]:
    """Create or update the demo notes, materials, categories and products. Running it twice
    gives the same result as running it once."""
    notes = {}
    for key, (severity, text) in demo_data.SAFETY_NOTES.items():
        note, _ = SafetyNote.objects.update_or_create(text=text, defaults={"severity": severity})
        notes[key] = note

    materials = {}
    for row in demo_data.MATERIALS:
        fields = {k: v for k, v in row.items() if k != "slug"}
        materials[row["slug"]], _ = Material.objects.update_or_create(
            slug=row["slug"], defaults=fields
        )

    categories = {}
    for row in demo_data.CATEGORIES:
        category, _ = Category.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "kind": row["kind"],
                "position": row["position"],
                "intro": row["intro"],
            },
        )
        category.safety_notes.set([notes[key] for key in row["notes"]])
        categories[row["slug"]] = category

    for row in demo_data.PRODUCTS:
        product, _ = Product.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "sku": row["sku"],
                "name": row["name"],
                "brand": row["brand"],
                "category": categories[row["category"]],
                "description": row["description"],
                "price": Decimal(row["price"]),
                "stock": row["stock"],
                "is_published": row["published"],
                "is_featured": row["featured"],
                "for_beginner": "beginner" in row["levels"],
                "for_experienced": "experienced" in row["levels"],
                **row["attributes"],
            },
        )
        product.materials.set([materials[slug] for slug in row["materials"]])
        product.safety_notes.set([notes[key] for key in row["notes"]])

    return {
        "notes": len(notes),
        "materials": len(materials),
        "categories": len(categories),
        "products": len(demo_data.PRODUCTS),
    }


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
        return {
            "vibrator_type": rng.choice(VibratorType.values),
            "placement": rng.choice(Placement.values),
            "waterproof": rng.random() < 0.7,
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
            name = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS.get(category.kind, ['Item']))} {n}"
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
