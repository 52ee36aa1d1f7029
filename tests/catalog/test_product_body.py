"""catalog.product_body: the product page's body is made without the request, its "Add to
basket" forms from a shape rendered once per process, and gives what the templates give."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import set_script_prefix

from catalog import product_body
from catalog.models import Severity
from catalog.render_cache import TOKEN_PLACEHOLDER
from tests.factories import CategoryFactory, ProductFactory, SafetyNoteFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


def included_form(product, path: str) -> str:
    """What `{% include "basket/_add_form.html" %}` gives on the page at `path`."""
    request = RequestFactory().get(path)
    context = {"product": product, "csrf_token": TOKEN_PLACEHOLDER}
    return render_to_string("basket/_add_form.html", context, request)


@pytest.mark.parametrize("stock", [3, 0])
def test_a_form_is_the_one_the_template_gives_for_the_product_and_page(stock):
    product = ProductFactory(name='Rope & "Knot" <kit>', stock=stock)
    path = product.get_absolute_url()
    form = product_body.add_forms(path)(product.slug, product.name, product.in_stock)
    assert form == included_form(product, path)
    assert ("Rope &amp; &quot;Knot&quot; &lt;kit&gt;" in form) is (stock > 0)


def test_a_form_follows_the_prefix_the_site_is_served_at():
    product = ProductFactory()
    path = product.get_absolute_url()
    product_body.add_forms(path)(product.slug, product.name, True)  # the shape under "/"
    set_script_prefix("/shop/")
    try:
        form = product_body.add_forms(path)(product.slug, product.name, True)
        assert form == included_form(product, path)
    finally:
        set_script_prefix("/")
    assert 'action="/shop/basket/add/"' in form


def test_the_page_gives_the_visitor_a_form_for_it_and_each_related_product(client):
    category = CategoryFactory()
    product, in_stock, sold_out = (
        ProductFactory(category=category, name="A Rope"),
        ProductFactory(category=category, name="B Cuffs"),
        ProductFactory(category=category, name="C Gag", stock=0),
    )
    html = client.get(product.get_absolute_url()).content.decode()
    path = product.get_absolute_url()
    for shown in (product, in_stock):
        assert f'<input type="hidden" name="product" value="{shown.slug}">' in html
    assert f'value="{sold_out.slug}"' not in html  # no form for a product out of stock
    assert html.count(f'<input type="hidden" name="next" value="{path}">') == 2
    tokens = TOKEN.findall(html)  # the visitor's own token in each form
    assert len(tokens) == 2 and len(set(tokens)) == 1 and tokens[0]
    assert TOKEN_PLACEHOLDER not in html


def test_the_notes_say_each_severity_as_the_note_does():
    notes = [SafetyNoteFactory(severity=severity) for severity in Severity.values]
    product = ProductFactory(safety_notes=notes)
    product.category.safety_notes.clear()
    shown = product_body.notes(product)
    assert [str(label) for _, label, _ in shown] == ["Warning", "Caution", "Info"]
    said = [(note.severity, note.get_severity_display(), note.text) for note in notes]
    assert sorted((severity, str(label), text) for severity, label, text in shown) == sorted(said)
