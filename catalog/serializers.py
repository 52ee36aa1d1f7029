"""The public product object (docs/openapi.yaml, `Product`), built in one place.

The catalog's JSON view and the finder API both call `product_object`; load products with
`Product.objects.with_card_data()` first so this runs no queries.
"""

from catalog.listing import JSON_FACETS
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
        "checkout_ref": product.checkout_ref or None,
    }


def listing_object(product_listing, page) -> dict:
    """A catalog page as JSON: `page` is the Paginator's page of `product_listing.products`."""
    payload = {
        "count": page.paginator.count,
        "page": page.number,
        "num_pages": page.paginator.num_pages,
        "results": [product_object(product) for product in page.object_list],
        "facets": {
            name: [option.as_json() for option in product_listing.counts.facets[name]]
            for name in JSON_FACETS
        },
    }
    if product_listing.search_help is not None:
        payload["search"] = product_listing.search_help.as_json()
    if product_listing.errors:
        payload["errors"] = {
            name: [str(message) for message in messages]
            for name, messages in product_listing.errors.items()
        }
    return payload
