"""A listing's cards are kept as HTML in each process under the content version without stock
(catalog.cards.page_cards): a page miss reads and renders only the products whose card the
process has not made at this version. Customers get the same page, their own token in each
card's form, and every change at once, on every worker. The cards are shared between workers
through the shared cache, under the same keys."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from catalog import cards, stock
from catalog.models import Product, SafetyNote
from tests.catalog.test_pictures import add_photo
from tests.conftest import give_pass
from tests.factories import ProductFactory, SafetyNoteFactory, kind_category

pytestmark = pytest.mark.django_db

ARTICLE = re.compile(r"<article class=\"card product-card\">.*?</article>", re.S)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')
URL = "/catalog/?sort=name"


@pytest.fixture
def shop(settings, django_capture_on_commit_callbacks):
    settings.KEEP_PER_VERSION = True  # kept per version, as in production
    category = kind_category("impact")
    note = SafetyNoteFactory(severity="warning", text="Avoid the lower back.")
    with django_capture_on_commit_callbacks(execute=True):
        made = [
            ProductFactory(name="A Paddle", category=category, safety_notes=[note]),
            ProductFactory(name="B Crop", category=category),
            ProductFactory(name="C Flogger", category=category),
        ]
    return made


def change(django_capture_on_commit_callbacks, action):
    """A change, committed: the content version moves, as outside tests."""
    with django_capture_on_commit_callbacks(execute=True):
        action()


def page(client, url=URL) -> tuple[list[str], int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "\x00" not in html
    return [TOKEN.sub("token", card) for card in ARTICLE.findall(html)], len(queries)


def test_kept_cards_are_the_cards_made_afresh_and_save_the_products_read(client, shop):
    fresh, fresh_queries = page(client)
    kept, kept_queries = page(client)
    assert kept == fresh and len(kept) == 3
    assert kept_queries <= fresh_queries - 3  # the products and their notes: not read again
    cards.forget()  # another worker, with nothing kept
    assert page(client)[0] == fresh


def test_a_kept_card_shows_a_change_at_once(client, shop, django_capture_on_commit_callbacks):
    page(client)
    paddle, crop, _flogger = shop
    change(
        django_capture_on_commit_callbacks,
        lambda: Product.objects.filter(pk=paddle.pk).update(name="A Wide Paddle"),
    )
    shown, _ = page(client)
    assert "A Wide Paddle" in shown[0] and "Avoid the lower back." in shown[0]
    note = SafetyNote.objects.get(text="Avoid the lower back.")
    note.text = "Never the lower back."
    change(django_capture_on_commit_callbacks, note.save)
    assert "Never the lower back." in page(client)[0][0]
    change(
        django_capture_on_commit_callbacks,
        lambda: Product.objects.filter(pk=crop.pk).update(stock=0),  # stock only
    )
    shown, _ = page(client)
    assert "Out of stock" in shown[1] and "<form" not in shown[1]
    assert "Out of stock" not in shown[0] and "<form" in shown[0]


def test_a_note_given_to_a_product_without_one_shows_at_once(
    client, shop, django_capture_on_commit_callbacks
):
    """Which products have notes of their own is kept per version (catalog.card_rows): a
    product given its first note shows it, on this worker and on one with nothing kept."""
    page(client)
    _paddle, crop, _flogger = shop
    note = SafetyNoteFactory(severity="caution", text="Check the tips first.")
    change(django_capture_on_commit_callbacks, lambda: crop.safety_notes.add(note))
    assert "Check the tips first." in page(client)[0][1]
    cards.forget()
    assert "Check the tips first." in page(client)[0][1]
    change(django_capture_on_commit_callbacks, lambda: crop.safety_notes.remove(note))
    assert "Check the tips first." not in page(client)[0][1]


def test_each_visitor_gets_a_working_form_with_their_own_token(client, shop):
    page(client)  # the cards are kept now
    strict = give_pass(Client(enforce_csrf_checks=True))
    html = strict.get(URL).content.decode()
    tokens = TOKEN.findall(html)
    assert len(tokens) == 3 and len(set(tokens)) == 1
    slug = re.search(r'name="product" value="([^"]+)"', html).group(1)
    response = strict.post(
        "/basket/add/",
        {"product": slug, "quantity": "1", "next": "/catalog/", "csrfmiddlewaretoken": tokens[0]},
    )
    assert response.status_code == 302
    assert 'name="next" value="/catalog/"' in html


# --- cards shared between workers through the shared cache -------------------------------------


@pytest.fixture
def shared(settings, shop, tmp_path):
    """The shared cache on, as in production (the parts of pages' setting), and empty."""
    settings.RENDER_CACHE_SECONDS = 300
    settings.MEDIA_ROOT = tmp_path  # for a photo added by a test
    cache.clear()
    yield shop
    cache.clear()


def another_worker() -> None:
    """What a second worker has: the shared cache, none of this process's memory."""
    cards.forget()
    stock.forget()


def test_a_card_one_worker_made_is_found_by_another(client, shared):
    made, made_queries = page(client)
    another_worker()
    found, found_queries = page(client)
    assert found == made and len(found) == 3
    assert found_queries <= made_queries - 3  # the products and their notes: not read again
    another_worker()
    cards.kept_cards.clear()
    cache.clear()  # the shared cache emptied (or down): the cards are made again, the same
    assert page(client)[0] == made


def rename(paddle):
    Product.objects.filter(pk=paddle.pk).update(name="A Wide Paddle")


def reprice(paddle):
    Product.objects.filter(pk=paddle.pk).update(price="12.34")


def sell_out(paddle):
    Product.objects.filter(pk=paddle.pk).update(stock=0)  # stock only


def photograph(paddle):
    add_photo(paddle, alt="The paddle seen from above")


@pytest.mark.parametrize(
    "action, shows",
    [
        (rename, "A Wide Paddle"),
        (reprice, "£12.34"),
        (sell_out, "Out of stock"),
        (photograph, 'alt="The paddle seen from above"'),
    ],
)
def test_a_change_shows_at_once_on_every_worker(
    client, shared, django_capture_on_commit_callbacks, action, shows
):
    paddle = shared[0]
    page(client)  # this worker's cards, shared
    another_worker()
    before, _ = page(client)  # the other worker's, from the shared cache
    assert shows not in before[0]
    change(django_capture_on_commit_callbacks, lambda: action(paddle))
    for _worker in range(2):
        shown, _ = page(client)
        assert shows in shown[0]
        assert shown[1:] == before[1:]  # the other cards as they were
        another_worker()
