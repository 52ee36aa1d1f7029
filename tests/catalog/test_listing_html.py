"""The search form, the sort form and a category's safety notes are written in Python
(catalog.listing_html) rather than by their templates: each is, character for character, what
its template (`catalog/_search.html`, `catalog/_sort.html`, `catalog/_safety_note.html`, kept
as the oracle) renders in the page's own context, for the catalog and category pages with
searches, sorts, filters, bad input, and names and notes that need escaping."""

import pytest
from django.template import Context, Template

from catalog.demo import generate_products, load_catalog
from catalog.models import Category, SafetyNote
from tests.factories import CategoryFactory, ProductFactory, SafetyNoteFactory

pytestmark = pytest.mark.django_db

PAIRS = [
    ('{% include "catalog/_search.html" %}', "{% load catalog_listing %}{% search_form %}"),
    ('{% include "catalog/_sort.html" %}', "{% load catalog_listing %}{% sort_form %}"),
]
NOTES = (
    '{% for note in notes %}{% include "catalog/_safety_note.html" %}{% endfor %}',
    "{% load catalog_listing %}{% safety_notes notes %}",
)
QUERIES = [
    "",
    "?q=paddle",
    "?q=%3Cb%3E%22x%22+%26+y",
    "?q=" + "x" * 300,
    "?sort=price",
    "?sort=-price&level=beginner",
    "?sort=nope",
    "?q=cuffs&sort=name&in_stock=1",
    "?price_min=abc&price_max=10",
    "?material=silicone&latex_free=1&page=2",
    "?intensity_min=2&intensity_max=4&sort=name",
    "?category=impact&category=restraints",
]


@pytest.fixture
def catalog():
    load_catalog()
    generate_products(40)
    odd = CategoryFactory(name='Odd <b>"Things"</b> & Co', slug="odd-things")
    odd.safety_notes.add(
        SafetyNoteFactory(severity="warning", text='Never <script> & "quotes".'),
        SafetyNoteFactory(severity="info", text="Wash it."),
    )
    ProductFactory(category=odd, name="An odd thing")
    return list(Category.objects.values_list("slug", flat=True))


def rendered(source: str, context: dict) -> str:
    return Template(source).render(Context(context))


def test_search_and_sort_forms_are_their_templates(client, catalog):
    paths = ["/catalog/"] + [f"/catalog/{slug}/" for slug in catalog]
    compared = 0
    for path in paths:
        for query in QUERIES:
            if query.startswith("?category") and path != "/catalog/":
                continue  # a category page sends those to the catalog
            response = client.get(path + query)
            if response.status_code not in (200, 400):
                continue
            context = response.context_data
            for oracle, tag in PAIRS:
                assert rendered(tag, context) == rendered(oracle, context), (path, query)
                compared += 1
    assert compared > 150


def test_safety_notes_are_their_template(catalog):
    for category in Category.objects.prefetch_related("safety_notes"):
        context = {"notes": category.safety_notes.all()}
        assert rendered(NOTES[1], context) == rendered(NOTES[0], context)
    every = {"notes": SafetyNote.objects.all()}
    assert "&lt;script&gt;" in rendered(NOTES[1], every)
    assert rendered(NOTES[1], every) == rendered(NOTES[0], every)
