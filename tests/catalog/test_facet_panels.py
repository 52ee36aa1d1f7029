"""The filter form's panels are written by a tag (catalog_facets.facet_panels) rather than by
the template's loop: the HTML is, character for character, what the loop wrote (kept here as
the tag's oracle, with each option's markup as the loop had it), for pages with and without
chosen values, with bad input and its messages, and with names that need escaping."""

from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.template import Context, Template

from catalog import selectors
from catalog.filters import ProductFilterSet
from catalog.models import Product
from tests.factories import CategoryFactory, MaterialFactory, ProductFactory

pytestmark = pytest.mark.django_db

# What `catalog/_filters.html` had in place of `{% facet_panels %}`.
LOOP = Template(
    """{% load catalog_facets %}{% for panel in panels %}
    {% if panel.name == "price" %}
    <fieldset class="facet facet--range">
      <legend class="facet__title">Price</legend>
      {% if price_range %}<p class="facet__hint" id="price-hint">{% if price_range.0 == price_range.1 %}Everything here costs {{ price_range.0 }}.{% else %}From {{ price_range.0 }} to {{ price_range.1 }} here.{% endif %}</p>{% endif %}
      <div class="range">
        <p class="range__field"><label for="id_price_min">From £</label>
          <input type="text" inputmode="decimal" id="id_price_min" name="price_min" size="7" value="{{ form.price_min.value|default_if_none:'' }}"{% if form.price_min.errors %} aria-invalid="true"{% endif %} {% if price_range or form.price_min.errors %} aria-describedby="{% if price_range %}price-hint{% endif %}{% if form.price_min.errors %} id_price_min_error{% endif %}"{% endif %}></p>
        <p class="range__field"><label for="id_price_max">To £</label>
          <input type="text" inputmode="decimal" id="id_price_max" name="price_max" size="7" value="{{ form.price_max.value|default_if_none:'' }}"{% if form.price_max.errors %} aria-invalid="true"{% endif %} {% if price_range or form.price_max.errors %} aria-describedby="{% if price_range %}price-hint{% endif %}{% if form.price_max.errors %} id_price_max_error{% endif %}"{% endif %}></p>
      </div>
      {% for error in form.price_min.errors %}<p class="field-error" id="id_price_min_error">{{ error }}</p>{% endfor %}
      {% for error in form.price_max.errors %}<p class="field-error" id="id_price_max_error">{{ error }}</p>{% endfor %}
      <button type="submit" class="button--secondary">Apply price</button>
    </fieldset>
    {% elif panel.name == "intensity" %}
    <fieldset class="facet facet--range">
      <legend class="facet__title">Intensity</legend>
      <p class="facet__hint">From 1 (very gentle) to 5 (intense). Start lighter than you think.</p>
      <div class="range">
        {% for bound in intensity_bounds %}
        <p class="range__field"><label for="id_{{ bound.name }}">{{ bound.label }}</label>
          <select id="id_{{ bound.name }}" name="{{ bound.name }}"{% if bound.errors %} aria-invalid="true" aria-describedby="id_{{ bound.name }}_error"{% endif %}>
            <option value="">Any</option>
            {% for option in panel.options %}<option value="{{ option.value }}"{% if option.value == bound.value %} selected{% endif %}>{{ option.label }} ({{ option.count }})</option>{% endfor %}
          </select></p>
        {% endfor %}
      </div>
      {% for bound in intensity_bounds %}{% for error in bound.errors %}<p class="field-error" id="id_{{ bound.name }}_error">{{ error }}</p>{% endfor %}{% endfor %}
      <button type="submit" class="button--secondary">Apply intensity</button>
    </fieldset>
    {% else %}
    <section class="facet" aria-labelledby="facet-{{ panel.name }}">
      <h3 class="facet__title" id="facet-{{ panel.name }}">{{ panel.label }}</h3>
      <ul class="facet__options">
        {% for option in panel.options %}
        <li>{% if option.url %}<a class="facet__option{% if option.selected %} facet__option--selected{% endif %}" href="{{ option.url }}" rel="nofollow"><span class="facet__box" aria-hidden="true"></span><span class="facet__label">{{ option.label }}</span> <span class="facet__count">{{ option.count }}</span><span class="visually-hidden"> product{{ option.count|pluralize }}{% if option.selected %}, chosen: select to remove{% endif %}</span></a>{% else %}<span class="facet__option facet__option--empty" aria-disabled="true"><span class="facet__box" aria-hidden="true"></span><span class="facet__label">{{ option.label }}</span> <span class="facet__count">0</span><span class="visually-hidden"> products</span></span>{% endif %}</li>
        {% endfor %}
      </ul>
    </section>
    {% endif %}
    {% endfor %}"""  # noqa: E501
)
TAG = Template("{% load catalog_facets %}{% facet_panels %}")

QUERIES = [
    {},
    {"level": "beginner", "in_stock": "1", "price_max": "60"},
    {"material": ["steel", "silicone"], "sort": "price"},
    {"intensity_min": "2", "intensity_max": "4", "sensation": "thud"},
    {"intensity_min": "02"},  # valid, but no option is written "02": none selected
    {"price_min": "20", "price_max": "20"},
    {"price_min": "cheap", "price_max": '<b>&"9"', "intensity_min": "9"},
    {"price_min": "50", "price_max": "10", "intensity_min": "4", "intensity_max": "2"},
    {"category": "restraints", "quick_release": "1", "latex_free": "1"},
    {"lubricant_base": ["water", "oil"]},
    {"q": "paddle", "material": "odd-one"},
    {"ring_fit": "rigid", "category": "impact"},  # nothing found: no price range
]


def context(params) -> Context:
    filterset = ProductFilterSet(
        QueryDict(urlencode(params, doseq=True)), Product.objects.published()
    )
    listing = selectors.product_listing(filterset, list_url="/catalog/")
    return Context(selectors.page_context(listing))


@pytest.mark.parametrize("params", QUERIES, ids=lambda params: urlencode(params, doseq=True))
def test_the_panels_are_what_the_templates_loop_wrote(shop_catalog, params):
    odd = MaterialFactory(slug="odd-one", name="Rope & “Ties” <b>'x'</b>")
    ProductFactory(name="Odd Paddle", category=shop_catalog.impact, materials=[odd], intensity=3)
    CategoryFactory(slug="odd-shelf", name="A <shelf> & more")  # no products: not shown
    page = context(params)
    written = TAG.render(page)
    assert written == LOOP.render(page)
    assert "<b>" not in written.replace("<b>&amp;", "")  # every name and typed value escaped
