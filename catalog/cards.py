"""What a product card shows (templates/catalog/_card.html), worked out in Python: the values
a card needs, read once per product, with what is the same for every card of a page (the URL
pattern, the drawings' static URLs) worked out once per page rather than once per card.

`Cards.of(products)` makes a page's cards; the `card` filter (catalog/templatetags) makes one,
for templates that show a product or two (`_product_card.html`). Both give the same HTML. A
card kept (`keepable`) is written by `catalog.card_html`, which writes what the template
renders (the template stays its definition and its tests' oracle).
Load the products with `Product.objects.with_card_data()` (or as the listing does) so a card
runs no query.

A listing's cards (`page_cards`) are kept as HTML in each process, the last `KEPT_CARDS` of
them, under the content version without stock, the product and whether it is in stock: a card
shows nothing else (its photo, notes and category are content, so any change to them moves
the version). A page miss then reads and renders only the products whose card this process
has not made yet at this version; the same product shows in many listings (sorts, filters,
pages). It is safe for the reason `catalog.render_cache`'s local parts are: the version is read
from the database on each request, so a card kept under an older one is never asked for
again. The card's add-to-basket form is left out and filled in per page (it holds the
visitor's CSRF token and the page's address: catalog_cards.kept_card).

The cards are also shared between workers through the shared cache (with the parts of pages,
`RENDER_CACHE_SECONDS`), under the same version, product and stock state: the cards a process
has not kept are asked for in one `get_many` per page, and the ones it had to make are stored
in one `set_many`, so a card one worker made is found by the others (and by itself once its
`KEPT_CARDS` have moved on). A failure of the shared cache is a miss (`shop.shared_cache`).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from catalog.card_html import card_parts
from catalog.drawings import drawing_url
from catalog.models import Level, Product
from catalog.render_cache import LocalParts
from catalog.stock import out_of_stock_ids
from core.content import content_version_without_stock

# As `capfirst` shows a level.
LEVEL_LABELS = {level.value: level.value[:1].upper() + level.value[1:] for level in Level}
SLUG = "--slug--"  # stands for a product's slug in its URL pattern
PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")  # what the URL's `slug` converter takes, as is
CARD_TEMPLATE = "catalog/_card.html"
FORM_MARK = "\x00add-form\x00"  # where a kept card's form goes (a NUL never comes from content)
KEPT_CARDS = 4096  # cards a process keeps, the most recently used
KEPT_SECONDS = 24 * 3600  # a card under an old version is never asked for again anyway
SHARED_PREFIX = "card:"  # the shared cache's keys of cards


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


@dataclass(frozen=True, slots=True)
class KeptCard:
    """A card's HTML around its add-to-basket form, and what the form needs."""

    before: str
    after: str
    slug: str
    name: str
    in_stock: bool


kept_cards = LocalParts(KEPT_CARDS)  # the same least-recently-used store as kept parts'


def forget() -> None:
    """Drop this process's cards (as a freshly started worker would have none)."""
    from catalog import card_rows

    kept_cards.clear()
    card_rows.notes.forget()
    card_rows.noted.forget()


def keepable(card: Card) -> KeptCard:
    """The card made for keeping: its HTML around the place of its add-to-basket form, as
    `CARD_TEMPLATE` renders it, written by `catalog.card_html`."""
    before, after = card_parts(card)
    return KeptCard(before, after, card.product.slug, card.name, card.in_stock)


def shared_key(key: tuple) -> str:
    """The shared cache's key of a card kept locally under `key` (version, URL start, product
    id, in stock)."""
    version, url_start, pk, in_stock = key
    return f"{SHARED_PREFIX}{version}:{url_start}:{pk}:{int(in_stock)}"


def shared_cards(keys: dict[int, tuple]) -> dict[int, KeptCard]:
    """The cards other workers have made for these products (id -> local key), by id."""
    by_shared = {shared_key(key): pk for pk, key in keys.items()}
    found = cache.get_many(list(by_shared))
    return {by_shared[name]: KeptCard(*value) for name, value in found.items()}


def share(made: dict[tuple, KeptCard], seconds: int) -> None:
    """Store the cards this process made for the other workers (as plain tuples: a pickled
    class would tie the stored value to this version of the code)."""
    values = {
        shared_key(key): (c.before, c.after, c.slug, c.name, c.in_stock) for key, c in made.items()
    }
    cache.set_many(values, timeout=seconds)


def page_cards(ids: list[int], read: Callable[[list[int]], list[Product]]) -> list[KeptCard]:
    """The cards of the products `ids`, in that order: kept ones as they are (this process's,
    else the shared cache's), the others made from `read(missing ids)` (the products, as the
    listing reads them) and kept. A product `read` does not return (no longer listed) has no
    card."""
    if not ids:
        return []
    cards = Cards()
    keep = settings.KEEP_PER_VERSION  # off in tests, whose changes do not move the version
    shared_seconds = settings.RENDER_CACHE_SECONDS if keep else 0
    found = {}
    if keep:
        version, out = content_version_without_stock(), out_of_stock_ids()
        keys = {}
        for pk in ids:
            keys[pk] = key = (version, cards.url_start, pk, pk not in out)
            kept = kept_cards.get(key)
            if kept is not None:
                found[pk] = kept
        unkept = {pk: key for pk, key in keys.items() if pk not in found}
        if unkept and shared_seconds > 0:
            for pk, kept in shared_cards(unkept).items():
                found[pk] = kept
                kept_cards.put(unkept[pk], kept, KEPT_SECONDS)
    missing = [pk for pk in ids if pk not in found]
    if missing:
        made_now = {}
        for product in read(missing):
            card = cards.card(product)
            found[product.pk] = made = keepable(card)
            if keep:
                key = (version, cards.url_start, product.pk, card.in_stock)
                kept_cards.put(key, made, KEPT_SECONDS)
                made_now[key] = made
        if made_now and shared_seconds > 0:
            share(made_now, shared_seconds)
    return [found[pk] for pk in ids if pk in found]
