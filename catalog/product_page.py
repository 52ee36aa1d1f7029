"""What a product's page shows that is the same for many products, read once per page version
(`catalog.render_cache.remember`) rather than once per product: the product's category with
its safety notes, the category's first products as cards rendered to HTML (the page's related
products are those, less the product itself; each card's add-to-basket form is filled in per
page, as a listing's kept cards are: `catalog_cards.kept_card`), and the delivery and returns
pages (and their section, `basket/_assurances.html`, rendered to HTML).

A visitor asking for a product nobody asked for under this version (the common case in a big
catalog) then reads only the product itself. What is kept holds no visitor's data, and its
key holds the page version, so a change anywhere shows on the next request everywhere (as
for the kept body). With `RENDER_CACHE_SECONDS = 0` each is read afresh.
"""

from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.utils.safestring import SafeString, mark_safe

from catalog.cards import Cards, KeptCard, keepable
from catalog.models import Category, Product, SafetyNote, StorePage
from catalog.render_cache import remember, render_part

RELATED_PRODUCTS = 4


@dataclass(frozen=True)
class RelatedCard:
    product_id: int
    card: KeptCard


@dataclass(frozen=True)
class CategoryPart:
    category: Category  # with its safety notes loaded
    notes: list[SafetyNote]  # the category's safety notes (each product shows those that apply)
    url: str  # the category's page
    cards: list[RelatedCard]  # its first RELATED_PRODUCTS + 1 published products, in order


def kept_cards_of(products: list[Product]) -> list[RelatedCard]:
    """The products' cards as HTML around their forms (as `catalog.cards.page_cards` makes them)."""
    return [RelatedCard(card.product.pk, keepable(card)) for card in Cards().of(products)]


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
    url = category.get_absolute_url()
    notes = list(category.safety_notes.all())
    return CategoryPart(category=category, notes=notes, url=url, cards=kept_cards_of(first))


def category_part(category_id: int) -> CategoryPart:
    # The name says what shape is kept: workers of an older release may keep another under
    # the same version while a release rolls out.
    name = "product-page-category-4"
    return remember(name, [category_id], lambda: read_category_part(category_id))


def related_cards(part: CategoryPart, product: Product) -> list[KeptCard]:
    """The published products of the product's category shown under it, as kept cards."""
    related = [related.card for related in part.cards if related.product_id != product.pk]
    return related[:RELATED_PRODUCTS]


def read_store_pages() -> dict[str, StorePage]:
    pages = StorePage.objects.filter(slug__in=[StorePage.DELIVERY, StorePage.RETURNS])
    return {page.slug: page for page in pages}


def store_pages() -> dict[str, StorePage]:
    """The delivery and returns pages by slug (those that exist)."""
    return remember("product-page-store-pages", [], read_store_pages)


ASSURANCES = "basket/_assurances.html"


def assurances(request) -> SafeString:
    """The delivery and returns section every product page shows, rendered once per version."""
    html = remember(
        "product-page-assurances",
        [ASSURANCES],
        lambda: str(render_part(ASSURANCES, {"store_pages": store_pages()}, request)),
    )
    return mark_safe(html)  # rendered by the template, autoescaped there
