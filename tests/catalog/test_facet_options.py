"""A facet option is written by a tag (catalog_facets.facet_option) rather than by template
lookups: the HTML is the markup the filters template had, for every kind of option."""

import pytest
from django.template import Context, Template

from catalog.listing import PanelOption

# The markup `catalog/_filters.html` had for one option, kept here as the tag's oracle.
MARKUP = Template(
    "{% load catalog_facets %}"
    '<li>{% if option.url %}<a class="facet__option{% if option.selected %}'
    ' facet__option--selected{% endif %}" href="{{ option.url }}" rel="nofollow"><span class='
    '"facet__box" aria-hidden="true"></span><span class="facet__label">{{ option.label }}</span> '
    '<span class="facet__count">{{ option.count }}</span><span class="visually-hidden"> product'
    "{{ option.count|pluralize }}{% if option.selected %}, chosen: select to remove{% endif %}"
    '</span></a>{% else %}<span class="facet__option facet__option--empty" aria-disabled="true">'
    '<span class="facet__box" aria-hidden="true"></span><span class="facet__label">'
    '{{ option.label }}</span> <span class="facet__count">0</span><span class="visually-hidden">'
    " products</span></span>{% endif %}</li>|{% facet_option option %}"
)


@pytest.mark.parametrize(
    "option",
    [
        PanelOption("impact", "Impact toys", 12, False, "/catalog/?category=impact"),
        PanelOption("one", "Rope & “Ties” <b>", 1, False, "/catalog/?a=1&b=%22x%22"),
        PanelOption("chosen", "Beginner", 100000, True, "/catalog/?category=impact"),
        PanelOption("chosen-none", "Soft, stretchy", 0, True, "/catalog/"),
        PanelOption("empty", "Leather <'&'>", 0, False, None),
    ],
)
def test_an_option_is_the_markup_the_template_had(option):
    old, new = MARKUP.render(Context({"option": option})).split("|")
    assert new == old
