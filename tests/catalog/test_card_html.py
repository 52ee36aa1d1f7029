"""A listing card's HTML is written in Python (catalog.card_html) rather than by its template:
it is, character for character, what `catalog/_card.html` renders (the oracle, kept as the
card's definition) around the place of the add-to-basket form, for every kind of product:
a photo (small, large, of unknown size), an older image, each kind's drawing, notes of each
severity and conditions, stock, levels, prices, and names, alt texts and notes that need
escaping; for cards made from products and from a listing's rows."""

from decimal import Decimal

import pytest
from django.template.loader import get_template

from catalog import card_rows
from catalog.card_html import card_parts
from catalog.cards import CARD_TEMPLATE, FORM_MARK, Cards
from catalog.demo import generate_products, load_catalog
from catalog.models import Product, ProductPhoto
from tests.catalog.test_pictures import add_photo
from tests.factories import ProductFactory, SafetyNoteFactory, kind_category, oil_and_water_lubes

pytestmark = pytest.mark.django_db


def by_template(card) -> tuple[str, str]:
    html = get_template(CARD_TEMPLATE).render({"card": card, "card_form_mark": FORM_MARK})
    before, after = html.split(FORM_MARK)
    return before, after


@pytest.fixture
def catalog(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_catalog()
    generate_products(150)
    products = list(Product.objects.order_by("pk"))
    add_photo(products[0], alt="The cuffs laid flat")
    add_photo(products[1], alt='A "paddle" <face> & its edge', size=(200, 150))
    unsized = add_photo(products[2], alt="Width not known", size=(600, 400))
    ProductPhoto.objects.filter(pk=unsized.pk).update(width=None, height=None)
    Product.objects.filter(pk=products[3].pk).update(image="products/old <one>.jpg")
    Product.objects.filter(pk__in=[p.pk for p in products[4:12]]).update(stock=0)
    Product.objects.filter(pk=products[12].pk).update(price=Decimal("1234.50"))
    Product.objects.filter(pk=products[13].pk).update(price=Decimal("0.99"))
    oil_and_water_lubes()
    info = SafetyNoteFactory(severity="info", text="Wash before use.")
    ProductFactory(safety_notes=[info], name="Info only").category.safety_notes.clear()
    ProductFactory(
        name="The <b>\"Bold\"</b> & 'odd' paddle",
        slug="odd-paddle",
        category=kind_category("impact"),
        for_beginner=True,
        for_experienced=True,
        stock=0,
    )
    return list(Product.objects.published().order_by("pk").values_list("pk", flat=True))


def test_cards_from_products_are_the_template(catalog):
    products = Product.objects.with_card_data().filter(pk__in=catalog).order_by("pk")
    cards = Cards().of(products)
    assert len(cards) == len(catalog) > 150
    for card in cards:
        assert card_parts(card) == by_template(card), card.name


@pytest.mark.parametrize("keep", [False, True])
def test_cards_from_listing_rows_are_the_template(settings, catalog, keep):
    settings.KEEP_PER_VERSION = keep
    cards = Cards()
    for start in range(0, len(catalog), 24):
        for row in card_rows.read(catalog[start : start + 24]):
            card = cards.card(row)
            assert card_parts(card) == by_template(card), card.name


def test_the_kinds_of_card_are_all_there(catalog):
    """The oracle's comparison covers each branch of the template."""
    cards = Cards().of(Product.objects.with_card_data().filter(pk__in=catalog))
    html = [before + after for before, after in map(card_parts, cards)]
    assert any("srcset=" in h and " width=" in h for h in html)
    assert any('alt="Width not known"' in h for h in html)
    assert any("old%20%3Cone%3E.jpg" in h or "old &lt;one&gt;.jpg" in h for h in html)
    assert any("data-drawing=" in h for h in html)
    assert any("Out of stock" in h for h in html)
    assert any("safety-note--warning" in h for h in html)
    assert any("safety-note--info" in h for h in html)
    assert any("&lt;b&gt;&quot;Bold&quot;&lt;/b&gt; &amp; &#x27;odd&#x27;" in h for h in html)
    assert any("£1234.50" in h for h in html)
