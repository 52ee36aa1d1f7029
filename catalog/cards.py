"""What a product card shows (templates/catalog/_card.html), worked out in Python: the values
a card needs, read once per product, with what is the same for every card of a page (the URL
pattern, the drawings' static URLs) worked out once per page rather than once per card.

`Cards.of(products)` makes a page's cards; the `card` filter (catalog/templatetags) makes one,
for templates that show a product or two (`_product_card.html`). Both give the same HTML.
Load the products with `Product.objects.with_card_data()` (or as the listing does) so a card
runs no query.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from catalog.drawings import drawing_url
from catalog.models import Level, Product

# As `capfirst` shows a level.
LEVEL_LABELS = {level.value: level.value[:1].upper() + level.value[1:] for level in Level}
SLUG = "--slug--"  # stands for a product's slug in its URL pattern
PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")  # what the URL's `slug` converter takes, as is


@dataclass(frozen=True, slots=True)
class Card:
    product: Product  # for the add-to-basket form
    url: str
    name: str
    price: Decimal
    levels: list[tuple[str, str]]  # (value, label) of each level the product suits
    in_stock: bool
    photo: object  # its cover photo (a ProductPhoto) or None
    image_url: str  # its older single image, "" when it has none
    drawing_url: str  # when it has neither: its kind's drawing
    drawing_name: str
    note: object  # its most severe safety note (a SafetyNote) or None


class Cards:
    """Cards for one page: what every card shares is worked out once."""

    def __init__(self):
        pattern = reverse("catalog:product", kwargs={"slug": SLUG})
        self.url_start, self.url_end = pattern.split(SLUG)
        self.drawings: dict[str, str] = {}

    def of(self, products) -> list[Card]:
        return [self.card(product) for product in products]

    def url(self, product: Product) -> str:
        if not PLAIN_SLUG.fullmatch(product.slug):
            return product.get_absolute_url()  # reverse() says what it makes of anything else
        return f"{self.url_start}{product.slug}{self.url_end}"

    def drawing_url(self, name: str) -> str:
        found = self.drawings.get(name)
        if found is None:
            found = self.drawings[name] = drawing_url(name)
        return found

    def card(self, product: Product) -> Card:
        photo = product.cover_photo
        image_url = product.image.url if photo is None and product.image else ""
        drawing = product.drawing_name if photo is None and not image_url else ""
        return Card(
            product=product,
            url=self.url(product),
            name=product.name,
            price=product.price,
            levels=[(level, LEVEL_LABELS[level]) for level in product.levels],
            in_stock=product.in_stock,
            photo=photo,
            image_url=image_url,
            drawing_url=self.drawing_url(drawing) if drawing else "",
            drawing_name=drawing,
            note=product.top_safety_note,
        )
