"""Numbers written into HTML by the catalog's Python writers are shown as `{{ value }}` shows
them (catalog/html_values.py), though each is localized once per process."""

from decimal import Decimal

import pytest
from django.utils.formats import localize
from django.utils.html import conditional_escape

from catalog.html_values import shown

NUMBERS = [
    Decimal("12.50"),
    Decimal("12.5"),
    Decimal("1E+1"),
    Decimal("1234.50"),
    1234567,
    0,
    -3,
    3.25,
    1e20,
    True,
]


@pytest.mark.parametrize("value", NUMBERS, ids=repr)
def test_a_number_is_shown_as_the_template_shows_it(value):
    for _ in range(2):  # the first time worked out, the second remembered
        assert shown(value) == conditional_escape(localize(value))


def test_equal_numbers_keep_their_own_places():
    assert [shown(Decimal("12.5")), shown(Decimal("12.50")), shown(12)] == ["12.5", "12.50", "12"]


def test_a_changed_format_setting_shows_at_once(settings):
    assert shown(Decimal("1234.50")) == "1234.50"
    settings.USE_THOUSAND_SEPARATOR = True
    assert shown(Decimal("1234.50")) == "1,234.50"
