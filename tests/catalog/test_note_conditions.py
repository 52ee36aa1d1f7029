"""A category note may carry a condition on attributes ("oil-based lube weakens latex" applies
to lubricants whose base is oil): pages, cards and JSON show exactly the notes that apply."""

import pytest
from django.core.exceptions import ValidationError

from catalog.models import Product, SafetyNote
from tests.catalog.conftest import get_json
from tests.factories import ProductFactory, SafetyNoteFactory, kind_category

pytestmark = pytest.mark.django_db

OIL_NOTE = "Oil-based lube weakens latex condoms."


@pytest.fixture
def lubes():
    oil_note = SafetyNoteFactory(
        text=OIL_NOTE,
        severity="warning",
        condition_attribute="lubricant_base",
        condition_value="oil",
    )
    shared = SafetyNoteFactory(text="Reapply early and often.", severity="info")
    category = kind_category("lubricants", safety_notes=[oil_note, shared])
    water = ProductFactory(
        category=category, name="Water Glide", slug="water-glide", lubricant_base="water"
    )
    oil = ProductFactory(category=category, name="Oil Balm", slug="oil-balm", lubricant_base="oil")
    return water, oil


def cards(*products):
    loaded = Product.objects.with_card_data().filter(pk__in=[x.pk for x in products])
    return {p.slug: p for p in loaded}


def test_a_water_lube_never_shows_the_oil_note_and_an_oil_lube_shows_it_first(lubes):
    loaded = cards(*lubes)
    water, oil = loaded["water-glide"], loaded["oil-balm"]
    assert [note.text for note in water.all_safety_notes] == ["Reapply early and often."]
    assert [note.text for note in oil.all_safety_notes] == [OIL_NOTE, "Reapply early and often."]


def notes_section(client, url) -> str:
    page = client.get(url).content.decode()
    return page.split('id="safety-heading"')[1].split("</section>")[0]


def test_the_product_page_and_its_json_show_only_the_notes_that_apply(client, lubes):
    section = notes_section(client, "/products/water-glide/")
    assert "Reapply early and often." in section
    assert OIL_NOTE not in section
    assert OIL_NOTE in notes_section(client, "/products/oil-balm/")
    payload = get_json(client, "/catalog/?category=lubricants")
    notes = {row["slug"]: [n["text"] for n in row["safety_notes"]] for row in payload["results"]}
    assert notes == {
        "water-glide": ["Reapply early and often."],
        "oil-balm": [OIL_NOTE, "Reapply early and often."],
    }


def test_a_product_whose_only_note_does_not_apply_is_never_recommendable(lubes):
    water, oil = lubes
    water.category.safety_notes.remove(SafetyNote.objects.get(text="Reapply early and often."))
    assert list(Product.objects.recommendable()) == [oil]
    assert list(Product.objects.without_safety_notes()) == [water]


def test_a_condition_needs_an_attribute_and_one_of_its_values():
    note = SafetyNote(text="A note.", condition_attribute="lubricant_base", condition_value="")
    with pytest.raises(ValidationError):
        note.full_clean()
    note.condition_value = "olive"
    with pytest.raises(ValidationError, match="water, silicone, oil, hybrid"):
        note.full_clean()
    note.condition_value = "oil"
    note.full_clean()
    assert note.condition_label == "Lubricant base is oil"


def test_the_admin_edits_a_notes_condition(admin_client, lubes):
    note = SafetyNote.objects.get(text=OIL_NOTE)
    page = admin_client.get(f"/admin/catalog/safetynote/{note.pk}/change/").content.decode()
    assert 'name="condition_attribute"' in page and 'name="condition_value"' in page
    listing = admin_client.get("/admin/catalog/safetynote/").content.decode()
    assert "Lubricant base is oil" in listing
