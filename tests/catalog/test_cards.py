"""A listing's cards (made a page at a time, catalog.cards.Cards) show exactly what the card
of one product shows elsewhere (catalog/_product_card.html: the home page; a product page's
related products are cards made by Cards too, catalog/product_page.py), whatever the product
has: a photo, an older image or a drawing; a safety note; stock."""

import re

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.test import RequestFactory

from catalog.cards import Cards
from catalog.models import Product
from tests.catalog.test_pictures import add_photo, jpeg
from tests.factories import ProductFactory, SafetyNoteFactory, kind_category

pytestmark = pytest.mark.django_db

ARTICLE = re.compile(r"<article class=\"card product-card\">.*?</article>", re.S)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def cards_of(html: str) -> list[str]:
    return [TOKEN.sub("token", card) for card in ARTICLE.findall(html)]


def test_listing_cards_are_the_product_card(client):
    category = kind_category("impact")
    note = SafetyNoteFactory(severity="warning", text="Avoid the lower back.")
    drawn = ProductFactory(name="A Drawn Paddle", category=category, safety_notes=[note])
    sold_out = ProductFactory(name="B Sold Out", category=category, stock=0, for_experienced=True)
    photographed = ProductFactory(name="C Photographed", category=category)
    add_photo(photographed, alt="The paddle from the side")
    imaged = ProductFactory(name="D Imaged", category=category)
    imaged.image.save("old.jpg", ContentFile(jpeg()), save=True)

    response = client.get("/catalog/?sort=name")
    listed = cards_of(response.content.decode())

    request = RequestFactory().get("/catalog/?sort=name")
    products = Product.objects.with_card_data().order_by("name")
    alone = [
        cards_of(render_to_string("catalog/_product_card.html", {"product": p}, request))[0]
        for p in products
    ]
    assert listed == alone
    assert [p.pk for p in products] == [drawn.pk, sold_out.pk, photographed.pk, imaged.pk]
    assert "Avoid the lower back." in listed[0] and "Out of stock" in listed[1]
    assert 'alt="The paddle from the side"' in listed[2] and "old" in listed[3]


def test_card_urls_are_the_products_own():
    products = [ProductFactory(slug="soft-cuffs"), ProductFactory(slug="x_1-2")]
    cards = Cards().of(products)
    assert [card.url for card in cards] == [p.get_absolute_url() for p in products]


FORM = re.compile(r"<form method=\"post\".*?</form>", re.S)


def test_a_cards_add_form_is_the_basket_form_for_its_product(client):
    """The form is rendered once per page and filled in per card: each card's form is still
    exactly the basket's form for its own product, names with HTML in them escaped, with the
    visitor's token, and none for a product out of stock."""
    category = kind_category("impact")
    odd = ProductFactory(name='A <b>"Bold"</b> & Paddle', slug="a-bold-paddle", category=category)
    plain = ProductFactory(name="B Plain Paddle", category=category)
    ProductFactory(name="C Sold Out", category=category, stock=0)

    response = client.get("/catalog/?sort=name")
    html = response.content.decode()
    listed = ARTICLE.findall(html)
    forms = [FORM.findall(card) for card in listed]

    request = RequestFactory().get("/catalog/?sort=name")
    token = response.context["csrf_token"]
    expected = [
        render_to_string("basket/_add_form.html", {"product": p, "csrf_token": token}, request)
        for p in (odd, plain)
    ]
    assert [len(found) for found in forms] == [1, 1, 0]
    assert [forms[0][0], forms[1][0]] == [FORM.findall(form)[0] for form in expected]
    assert (
        'Add <span class="visually-hidden">A &lt;b&gt;&quot;Bold&quot;&lt;/b&gt; &amp; Paddle '
        in html
    )
    assert 'name="product" value="a-bold-paddle"' in forms[0][0]
    assert 'name="product" value="' + plain.slug + '"' in forms[1][0]
    assert "\x00" not in html


def test_a_product_pages_related_cards_are_the_product_card(client, settings):
    """The related products under a product are kept as HTML once per category (and version),
    yet each card is the product card, its form bringing the visitor back to this page."""
    settings.RENDER_CACHE_SECONDS = 3600  # kept, as in production
    category = kind_category("impact")
    note = SafetyNoteFactory(severity="warning", text="Avoid the lower back.")
    shown = ProductFactory(name="A Shown Paddle", category=category)
    ProductFactory(name="B Drawn Paddle", category=category, safety_notes=[note])
    ProductFactory(name="C Sold Out", category=category, stock=0, for_experienced=True)
    photographed = ProductFactory(name="D Photographed", category=category)
    add_photo(photographed, alt="The paddle from the side")
    other = ProductFactory(name="E Other", category=category)

    for page in (shown, other):  # the second reads the kept cards
        url = page.get_absolute_url()
        related = cards_of(client.get(url).content.decode())
        request = RequestFactory().get(url)
        products = Product.objects.with_card_data().exclude(pk=page.pk).order_by("name")
        alone = [
            cards_of(render_to_string("catalog/_product_card.html", {"product": p}, request))[0]
            for p in products
        ]
        assert related == alone and len(related) == 4
        assert f'name="next" value="{url}"' in related[0]
    assert "Avoid the lower back." in related[1] and "Out of stock" in related[2]
