"""The results page reads lightly: a picture on every pick and kit item, a category's shared
safety notes once per section with each card keeping only its own, and no filled button but
the basket's; the page's script keeps the answers out of every URL."""

import re

import pytest

from catalog.models import ProductPhoto
from tests.factories import ProductFactory, SafetyNoteFactory, kind_category

pytestmark = pytest.mark.django_db
URL = "/finder/"


def results(client, **answers) -> str:
    response = client.post(URL, {"step": 4, "action": "next", "level": "beginner", **answers})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your starter picks" in html
    return html


def cards(html: str) -> list[str]:
    return re.findall(r'<article class="card finder-pick[^"]*">.*?</article>', html, re.S)


@pytest.fixture
def restraints(db):
    shared = SafetyNoteFactory(text="Check hands and feet for tingling every few minutes.")
    category = kind_category("restraints", safety_notes=[shared])
    own = SafetyNoteFactory(text="The buckle is metal: take it off before a scan.")
    ProductFactory(category=category, name="Clip Cuffs", safety_notes=[own])
    ProductFactory(category=category, name="Soft Cuffs", restraint_type="ankle")
    ProductFactory(
        category=category, name="Blunt Shears", restraint_type="safety-shears", price="8.00"
    )
    return category


def test_every_pick_and_kit_item_has_a_picture(client, restraints):
    html = results(client, categories="restraints")
    found = cards(html)
    assert len(found) >= 2
    assert all("<img " in card for card in found)
    kit = re.search(r'<ul class="finder-kit__items">(.*?)</ul>', html, re.S).group(1)
    assert kit.count("<li>") == kit.count("<img ") >= 1
    assert 'data-drawing="cuffs"' in html


def test_a_photo_shows_in_the_results_with_its_alt_text(client, restraints, settings, tmp_path):
    from django.core.files.base import ContentFile

    from tests.catalog.test_pictures import jpeg

    settings.MEDIA_ROOT = tmp_path
    photo = ProductPhoto(product=restraints.products.get(name="Clip Cuffs"), alt="Clip cuffs")
    photo.image.save("c.jpg", ContentFile(jpeg((500, 375))), save=True)
    html = results(client, categories="restraints")
    sizes = r'srcset="[^"]+ 240w, [^"]+ 480w, [^"]+ 500w"'  # the original is 500 wide
    assert re.search(rf'<img [^>]*{sizes}[^>]*alt="Clip cuffs"', html)


def test_the_category_notes_show_once_per_section_and_cards_keep_their_own(client, restraints):
    html = results(client, categories="restraints")
    shared = "Check hands and feet for tingling every few minutes."
    own = "The buckle is metal: take it off before a scan."
    section = re.search(r'<section class="finder-category".*?</section>', html, re.S).group(0)
    assert section.count(shared) == 1
    assert "Safety notes for all restraints" in section
    clip = next(card for card in cards(section) if "Clip Cuffs" in card)
    assert own in clip and shared not in clip
    soft = next(card for card in cards(section) if "Soft Cuffs" in card)
    assert shared not in soft and "safety notes" not in soft.lower()


def test_start_again_is_not_the_filled_button_and_the_answers_are_kept_for_the_script(
    client, restraints
):
    html = results(client, categories="restraints", budget="50")
    assert 'class="button button--secondary" href="/finder/" data-finder-restart' in html
    assert '<script src="/static/js/finder.js"></script>' in html
    form = re.search(r"<form [^>]*data-finder-answers=\"4\"[^>]*>(.*?)</form>", html, re.S)
    assert 'name="budget" value="50.00"' in form.group(1)


def test_the_first_question_marks_a_fresh_start_and_an_answered_one_does_not(client, restraints):
    assert "data-finder-fresh" in client.get(URL).content.decode()
    step2 = client.post(URL, {"step": 1, "action": "next", "level": "beginner"})
    assert "data-finder-fresh" not in step2.content.decode()
