"""Notes that fit, in the finder (issue 13, item 6): a water lube never shows the oil note, in
HTML and JSON; a category's shared notes appear once per section, each card keeps its own."""

import json

import pytest

from tests.factories import ProductFactory, SafetyNoteFactory, kind_category

pytestmark = pytest.mark.django_db
OIL_NOTE = "Oil-based lube weakens latex condoms."
SHARED = "Reapply early and often."
OWN = "Rinse the pump after use."


@pytest.fixture
def lubes():
    oil_note = SafetyNoteFactory(
        text=OIL_NOTE,
        severity="warning",
        condition_attribute="lubricant_base",
        condition_value="oil",
    )
    shared = SafetyNoteFactory(text=SHARED, severity="info")
    category = kind_category("lubricants", safety_notes=[oil_note, shared])
    ProductFactory(category=category, name="Water Glide", lubricant_base="water", price=9)
    ProductFactory(
        category=category,
        name="Pump Gel",
        lubricant_base="water",
        price=12,
        safety_notes=[SafetyNoteFactory(text=OWN)],
    )
    return category


def test_the_results_page_shows_shared_notes_once_and_no_oil_note_on_water_lubes(client, lubes):
    page = client.post("/finder/", {"step": 4, "level": "beginner", "categories": "lubricants"})
    html = page.content.decode()
    section = html.split('id="category-lubricants"')[1]
    assert section.count(SHARED) == 1
    assert "Safety notes for all lubricants" in section
    assert section.count(OWN) == 1 and "Its own safety notes" in section
    assert OIL_NOTE not in html


def test_the_api_gives_each_product_exactly_the_notes_that_apply(client, lubes):
    body = client.post(
        "/finder/api/",
        json.dumps({"level": "beginner", "categories": ["lubricants"]}),
        content_type="application/json",
    ).json()
    notes = {p["name"]: [n["text"] for n in p["safety_notes"]] for p in body["picks"]["lubricants"]}
    assert notes == {"Water Glide": [SHARED], "Pump Gel": [OWN, SHARED]}
