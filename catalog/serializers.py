"""The public product object (PRODUCT.md, "Public JSON contracts"), built in one place.

The catalog's JSON view and the finder API both call `product_object`; load products with
`Product.objects.with_card_data()` first so this runs no queries.
"""

from catalog.models import Product


def product_object(product: Product) -> dict:
    return {
        "slug": product.slug,
        "name": product.name,
        "url": product.get_absolute_url(),
        "category": product.category.slug,
        "price": f"{product.price:.2f}",
        "in_stock": product.in_stock,
        "levels": product.levels,
        "materials": [
            {
                "name": material.name,
                "body_safe": material.body_safe,
                "contains_latex": material.contains_latex,
                "is_silicone": material.is_silicone,
            }
            for material in product.materials.all()
        ],
        "attributes": product.attributes,
        "safety_notes": [
            {"severity": note.severity, "text": note.text} for note in product.all_safety_notes
        ],
    }
