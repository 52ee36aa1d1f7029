"""What a product's page shows that is the same for many products, read once per page version
(`catalog.render_cache.remember`) rather than once per product: the product's category with
its safety notes, the category's first products as cards (the page's related products are
those, less the product itself), and the delivery and returns pages.

A visitor asking for a product nobody asked for under this version (the common case in a big
catalog) then reads only the product itself. What is kept holds no visitor's data, and its
key holds the page version, so a change anywhere shows on the next request everywhere (as
for the kept body). With `RENDER_CACHE_SECONDS = 0` each is read afresh.
"""

from dataclasses import dataclass

from django.db.models import prefetch_related_objects

from catalog.cards import Card, Cards
from catalog.models import Category, Product, StorePage
from catalog.render_cache import remember

RELATED_PRODUCTS = 4


@dataclass(frozen=True)
class CategoryPart:
    category: Category  # with its safety notes loaded
    cards: list[Card]  # its first RELATED_PRODUCTS + 1 published products, in related order


def read_category_part(category_id: int) -> CategoryPart:
    category = Category.objects.prefetch_related("safety_notes").get(pk=category_id)
    first = list(
        Product.objects.published()
        .filter(category_id=category_id)
        .with_cover()
        .order_by("-is_featured", "name", "pk")[: RELATED_PRODUCTS + 1]
    )
    for product in first:
        product.category = category  # one instance: its notes are read once
    prefetch_related_objects(first, "safety_notes")
    return CategoryPart(category=category, cards=Cards().of(first))


def category_part(category_id: int) -> CategoryPart:
    return remember("product-page-category", [category_id], lambda: read_category_part(category_id))


def related_cards(part: CategoryPart, product: Product) -> list[Card]:
    """The published products of the product's category shown under it, as cards."""
    return [card for card in part.cards if card.product.pk != product.pk][:RELATED_PRODUCTS]


def read_store_pages() -> dict[str, StorePage]:
    pages = StorePage.objects.filter(slug__in=[StorePage.DELIVERY, StorePage.RETURNS])
    return {page.slug: page for page in pages}


def store_pages() -> dict[str, StorePage]:
    """The delivery and returns pages by slug (those that exist)."""
    return remember("product-page-store-pages", [], read_store_pages)
