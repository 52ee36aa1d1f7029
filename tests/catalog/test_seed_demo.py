from io import StringIO

import pytest
from django.core.management import call_command

from catalog.models import Category, Material, Product, SafetyNote

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "categories": list(Category.objects.values_list("slug", "kind", "position")),
        "products": list(
            Product.objects.order_by("slug").values_list(
                "slug", "sku", "price", "stock", "is_published", "for_beginner", "for_experienced"
            )
        ),
        "materials": sorted(
            Product.materials.through.objects.values_list("product__slug", "material__slug")
        ),
        "product_notes": Product.safety_notes.through.objects.count(),
        "category_notes": Category.safety_notes.through.objects.count(),
        "notes": SafetyNote.objects.count(),
        "material_rows": Material.objects.count(),
    }


def seed(*args):
    call_command("seed_demo", *args, stdout=StringIO())


def test_seed_demo_loads_the_five_categories_and_enough_products():
    seed()
    slugs = set(Category.objects.values_list("slug", flat=True))
    assert slugs == {"impact", "restraints", "cock-rings", "lubricants", "vibrators"}
    assert Product.objects.count() >= 40
    for category in Category.objects.all():
        assert category.products.count() >= 8
        assert category.safety_notes.exists()


def test_seed_demo_is_idempotent():
    seed()
    first = snapshot()
    seed()
    assert snapshot() == first


def test_every_demo_product_is_valid():
    seed()
    for product in Product.objects.select_related("category"):
        product.full_clean()


def test_demo_data_covers_what_matters_to_safety():
    seed()
    products = Product.objects.all()
    assert products.filter(quick_release=True).exists()
    assert products.filter(quick_release=False).exists()
    assert {"soft", "adjustable", "rigid"} <= set(products.values_list("ring_fit", flat=True))
    assert {"water", "silicone", "oil", "hybrid"} <= set(
        products.values_list("lubricant_base", flat=True)
    )
    assert products.filter(intensity__lte=2).exists() and products.filter(intensity__gte=4).exists()
    assert products.filter(materials__contains_latex=True).exists()
    assert products.exclude(materials__contains_latex=True).exists()
    assert products.filter(is_published=False).count() >= 3
    assert products.filter(stock=0).count() >= 3


def test_seed_demo_products_adds_generated_products_deterministically():
    seed("--products", "300")
    assert Product.objects.filter(sku__startswith="GEN-").count() == 300
    first = list(
        Product.objects.filter(sku__startswith="GEN-")
        .order_by("sku")
        .values_list(
            "sku", "name", "price", "category__slug", "for_beginner", "quick_release", "ring_fit"
        )
    )
    seed("--products", "300")
    again = list(
        Product.objects.filter(sku__startswith="GEN-")
        .order_by("sku")
        .values_list(
            "sku", "name", "price", "category__slug", "for_beginner", "quick_release", "ring_fit"
        )
    )
    assert again == first
    seed("--products", "450")
    assert Product.objects.filter(sku__startswith="GEN-").count() == 450


def test_generated_products_are_valid_and_keep_the_beginner_rules():
    seed("--products", "200")
    for product in Product.objects.filter(sku__startswith="GEN-").select_related("category"):
        product.full_clean()


def test_negative_product_count_is_refused():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        seed("--products", "-1")
