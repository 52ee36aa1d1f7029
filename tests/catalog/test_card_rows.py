"""A listing reads its cards' products as plain rows (catalog.card_rows), not model instances:
every card is exactly the card made from the product itself (photo, older image, drawing,
levels, stock, the most severe note that applies), in the page's order, published only."""

import pytest

from catalog import card_rows
from catalog.cards import Cards, keepable
from catalog.demo import generate_products, load_catalog
from catalog.models import Product
from tests.catalog.test_pictures import add_photo
from tests.factories import oil_and_water_lubes

pytestmark = pytest.mark.django_db


def html(products) -> list[str]:
    cards = Cards()
    made = [keepable(cards.card(product)) for product in products]
    return [f"{card.before}|{card.after}|{card.slug}|{card.name}|{card.in_stock}" for card in made]


def from_products(ids: list[int]) -> list[str]:
    rows = Product.objects.published().with_card_data().in_bulk(ids)
    return html(rows[pk] for pk in ids if pk in rows)


@pytest.fixture
def catalog(settings, tmp_path):
    """The demo catalog (conditional notes, every kind of drawing) and generated products,
    with a photo, an older image, notes of a product's own, sold out and unpublished ones."""
    settings.MEDIA_ROOT = tmp_path
    load_catalog()
    generate_products(120)
    products = list(Product.objects.order_by("pk"))
    add_photo(products[0], alt="The cuffs laid flat")
    add_photo(products[1], alt="A paddle's face", size=(200, 150))
    Product.objects.filter(pk=products[2].pk).update(image="products/older.jpg")
    oil_and_water_lubes()
    Product.objects.filter(pk__in=[p.pk for p in products[3:9]]).update(stock=0)
    Product.objects.filter(pk__in=[p.pk for p in products[9:12]]).update(is_published=False)
    return list(Product.objects.values_list("pk", flat=True))


@pytest.mark.parametrize("keep", [False, True])
def test_cards_from_rows_are_the_cards_from_the_products(settings, catalog, keep):
    settings.KEEP_PER_VERSION = keep
    ids = sorted(catalog, key=lambda pk: (pk * 7919) % 1009)  # any order
    pages = [ids[start : start + 24] for start in range(0, len(ids), 24)]
    for page in pages:
        assert html(card_rows.read(page)) == from_products(page)
    assert len(html(card_rows.read(ids))) == Product.objects.published().count()


def test_a_page_reads_its_rows_and_notes_in_two_statements(
    settings, catalog, django_assert_num_queries
):
    settings.KEEP_PER_VERSION = True
    card_rows.read(catalog[:24])  # the notes, categories and noted products, once per version
    noted = set(Product.safety_notes.through.objects.values_list("product_id", flat=True))
    with_notes = next(p for p in catalog[24:] if p in noted)
    without = [pk for pk in catalog if pk not in noted][:24]
    with django_assert_num_queries(3):  # the version, the products, their own notes
        card_rows.read([*without[:23], with_notes])
    with django_assert_num_queries(2):  # the version, the products: none has notes of its own
        card_rows.read(without)
    assert card_rows.read([]) == []
