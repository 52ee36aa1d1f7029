"""The header's categories (shop.context_processors.live_categories) are
`Category.objects.live()`, in its order, whether they come from the database or from the facet
index this process keeps for the current version: the same list, before and after changes."""

import pytest

from catalog import facet_index
from catalog.models import Category, Product
from core.content import content_changed
from shop.context_processors import live_categories
from tests.factories import CategoryFactory, ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(settings):
    settings.KEEP_PER_VERSION = True  # the index is kept per version, as in production
    made = {}
    for slug, name, kind, position in [
        ("ropes", "Ropes", "restraints", 2),
        ("cuffs", "Cuffs", "restraints", 2),  # same position: by name
        ("paddles", "Paddles", "impact", 1),
        ("lubes", "Lubes", "lubricants", 3),
        ("rings", "Rings", "cock-rings", 0),
    ]:
        made[slug] = CategoryFactory(slug=slug, name=name, kind=kind, position=position)
    for slug in ("ropes", "cuffs", "paddles", "lubes"):
        ProductFactory(category=made[slug], name=f"{slug} one")
    ProductFactory(category=made["rings"], stock=0)  # sold out: not live
    draft = CategoryFactory(slug="candles", name="Candles", is_published=False)
    ProductFactory(category=draft)
    note_less = CategoryFactory(slug="feathers", name="Feathers", safety_notes=[])
    ProductFactory(category=note_less)
    hidden = CategoryFactory(slug="masks", name="Masks")
    ProductFactory(category=hidden, is_published=False)
    return made


def from_the_database():
    facet_index.forget()
    assert facet_index.kept_index() is None
    return live_categories()


def from_the_index():
    facet_index.current_index()
    assert facet_index.kept_index() is not None
    return live_categories()


def slugs(categories) -> list[str]:
    return [c.url.rstrip("/").rsplit("/", 1)[-1] for c in categories]


def test_the_index_gives_the_databases_live_categories(shop):
    expected = from_the_database()
    assert slugs(expected) == [c.slug for c in Category.objects.live()]
    assert slugs(expected) == ["paddles", "cuffs", "ropes", "lubes"]
    assert from_the_index() == expected
    assert "restraints.svg" in expected[1].drawing_url  # names, addresses and drawings alike


def test_they_agree_after_stock_and_content_changes(shop, django_capture_on_commit_callbacks):
    def change(action):
        with django_capture_on_commit_callbacks(execute=True):
            action()
        return from_the_index(), from_the_database()

    # Stock only: the index is kept, what depends on stock is read again.
    indexed, read = change(lambda: Product.objects.filter(category__slug="ropes").update(stock=0))
    assert indexed == read and "ropes" not in slugs(read)
    indexed, read = change(lambda: Product.objects.filter(category__slug="rings").update(stock=5))
    assert indexed == read and slugs(read)[0] == "rings"
    # Content: a category published, renamed, moved.
    candles = Category.objects.get(slug="candles")
    candles.is_published, candles.position = True, 1
    indexed, read = change(candles.save)
    assert indexed == read and "candles" in slugs(read)
    paddles = shop["paddles"]
    paddles.name = "Aardvark paddles"
    indexed, read = change(paddles.save)
    assert indexed == read and [c.name for c in read][:3] == [
        "Rings",
        "Aardvark paddles",
        "Candles",
    ]


def test_a_stale_index_is_not_used(shop, django_capture_on_commit_callbacks):
    facet_index.current_index()
    with django_capture_on_commit_callbacks(execute=True):
        Category.objects.filter(slug="lubes").update(is_published=False)
        content_changed.send(sender=Category)
    assert facet_index.kept_index() is None  # kept for an older version: the database answers
    assert "lubes" not in slugs(live_categories())
