"""A product's page reads the product in one query whose row says its photos, materials and
notes (catalog/product_read.py): what it shows is exactly what the database holds, a change
shows at once, and a note added behind the kept lists' back is still shown."""

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string

from catalog import stock
from catalog.models import Product, SafetyNote
from catalog.product_read import NOT_SHOWN, read_product
from catalog.render_cache import local_parts
from tests.catalog.test_pictures import add_photo
from tests.factories import MaterialFactory, ProductFactory, SafetyNoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(autouse=True)
def render_cache_on(settings):
    settings.RENDER_CACHE_SECONDS = 300
    settings.KEEP_PER_VERSION = True
    stock.forget()
    cache.clear()
    local_parts.clear()
    yield
    cache.clear()
    local_parts.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def page(client, product) -> str:
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_row_names_its_materials_notes_and_photos():
    materials = MaterialFactory.create_batch(3)
    notes = SafetyNoteFactory.create_batch(2)
    product = ProductFactory(materials=materials, safety_notes=notes)
    add_photo(product, alt="Front")
    add_photo(product, alt="Side", position=1)
    bare = ProductFactory()

    read = read_product(product.slug, published=True)
    assert read.material_ids and {int(i) for i in read.material_ids.split(",")} == {
        material.pk for material in materials
    }
    assert {int(i) for i in read.note_ids.split(",")} == {note.pk for note in notes}
    assert (read.photo_count, read.cover_alt) == (2, "Front")
    read = read_product(bare.slug, published=True)
    assert (read.material_ids, read.note_ids, read.photo_count) == (None, None, None)


def test_what_no_page_shows_is_not_read_but_is_there_when_asked_for(
    django_assert_num_queries,
):
    made = ProductFactory()
    made.refresh_from_db()
    read = read_product(made.slug, published=True)
    assert read.get_deferred_fields() == set(NOT_SHOWN)
    shown = [f.attname for f in Product._meta.concrete_fields if f.attname not in NOT_SHOWN]
    assert {name: getattr(read, name) for name in shown} == {
        name: getattr(made, name) for name in shown
    }
    with django_assert_num_queries(1):
        assert read.updated_at == made.updated_at


def test_an_unpublished_product_is_read_for_staff_only():
    hidden = ProductFactory(is_published=False)
    assert read_product(hidden.slug, published=True) is None
    assert read_product(hidden.slug, published=False).pk == hidden.pk
    assert read_product("no-such-thing", published=False) is None


def test_a_product_with_one_photo_materials_and_notes_reads_only_itself(
    client, committed, django_assert_num_queries
):
    with committed():
        warm = ProductFactory(materials=[MaterialFactory(name="Steel")])
        product = ProductFactory(
            category=warm.category,
            materials=[MaterialFactory(name="Silicone"), MaterialFactory(name="Glass")],
            safety_notes=[SafetyNoteFactory(text="Never use it numb.")],
        )
        add_photo(product, alt="The plug from the side")
    page(client, warm)  # what product pages share under this version is read here
    with django_assert_num_queries(1):  # the product, with the content version
        html = page(client, product)
    assert "Glass, Silicone" in html  # by name, as always
    assert "Never use it numb." in html
    assert 'alt="The plug from the side"' in html


def test_several_photos_are_read_in_their_order(client, committed, django_assert_num_queries):
    with committed():
        warm = ProductFactory()
        product = ProductFactory(category=warm.category)
        add_photo(product, alt="Third", position=2)
        add_photo(product, alt="First", position=0)
        add_photo(product, alt="Second", position=1)
    page(client, warm)
    with django_assert_num_queries(2):  # the product with the version, its photos
        html = page(client, product)
    assert html.index('alt="First"') < html.index('alt="Second"') < html.index('alt="Third"')
    assert html.count('class="product__thumb"') == 2


def test_a_change_to_its_material_note_or_photo_shows_at_once(client, committed):
    with committed():
        material = MaterialFactory(name="Leather")
        note = SafetyNoteFactory(text="Oil it monthly.")
        product = ProductFactory(materials=[material], safety_notes=[note])
    html = page(client, product)
    assert "Leather" in html and "Oil it monthly." in html
    with committed():
        material.name = "Vegan leather"
        material.save()
        note.text = "Wipe it after use."
        note.save()
        product.safety_notes.add(SafetyNoteFactory(text="Not for the neck."))
        add_photo(product, alt="The collar, buckled")
    html = page(client, product)
    assert "Vegan leather" in html and "Wipe it after use." in html
    assert "Oil it monthly." not in html
    assert "Not for the neck." in html
    assert 'alt="The collar, buckled"' in html
    with committed():
        product.materials.clear()
        product.safety_notes.clear()
    html = page(client, product)
    assert "Vegan leather" not in html and "Not for the neck." not in html
    assert "<dt>Materials</dt><dd>Not applicable</dd>" in html


def test_a_note_attached_after_the_kept_lists_were_read_still_shows(client, committed):
    """A note added between the kept lists' read and the product's (a bulk insert announces
    nothing, so the version stays): the product's own query reads it."""
    with committed():
        first = ProductFactory(safety_notes=[SafetyNoteFactory(text="Kept note.")])
        second = ProductFactory(category=first.category)
    assert "Kept note." in page(client, first)  # the kept lists are read now
    [late] = SafetyNote.objects.bulk_create([SafetyNote(text="A late note.", severity="warning")])
    through = Product.safety_notes.through
    through.objects.bulk_create([through(product_id=second.pk, safetynote_id=late.pk)])
    assert "A late note." in page(client, second)


def test_the_body_shows_photos_badges_and_notes_as_their_own_templates_do(client):
    """The body writes out _photo.html, _picture.html, _level_badges.html and _safety_note.html
    (an include costs more than what it shows): what it writes is what they render."""
    product = ProductFactory(
        for_experienced=True, safety_notes=[SafetyNoteFactory(text="Stop if it <tingles>.")]
    )
    photos = [add_photo(product, alt=f"Photo {n} & more", position=n) for n in range(3)]
    drawn, pictured = ProductFactory(), ProductFactory(image="products/old.jpg")
    html = page(client, product)
    main = {"class": "product__photo", "sizes": "(max-width: 35.99rem) 100vw, 30rem"}
    assert (
        render_to_string("catalog/_photo.html", {**main, "photo": photos[0], "eager": True}) in html
    )
    thumb = {"class": "product__thumb", "sizes": "(max-width: 35.99rem) 45vw, 9rem"}
    for photo in photos[1:]:
        assert (
            f"<li>{render_to_string('catalog/_photo.html', {**thumb, 'photo': photo})}</li>" in html
        )
    assert (
        f"Suits: {render_to_string('catalog/_level_badges.html', {'product': product})}</p>" in html
    )
    for note in product.all_safety_notes:
        assert render_to_string("catalog/_safety_note.html", {"note": note}) in html
    for other in (drawn, pictured):
        context = {**main, "product": other, "eager": True, "label_drawing": True}
        assert render_to_string("catalog/_picture.html", context) in page(client, other)
