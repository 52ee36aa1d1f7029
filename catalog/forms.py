"""Validation of the catalog's query parameters (docs/openapi.yaml, `GET /catalog/`).

`catalog.filters.ProductFilterSet` builds its form from `CatalogForm` and these fields: every
parameter is checked (known choices, numbers in range, one value where one is expected, not too
many where several are allowed) and gets a message a person can act on.
"""

from collections.abc import Callable, Sequence
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from catalog.attributes import INTENSITY_LABELS, INTENSITY_MAX, INTENSITY_MIN

PAGE_SIZE = 24
MAX_PAGE = 10_000  # higher pages are refused (400); lower ones past the end show the last
MAX_VALUES = 30  # values of one repeatable parameter
MAX_QUERY_LENGTH = 200
PRICE_CEILING = Decimal("999999.99")  # the largest price a product can have

SORT_CHOICES = [
    ("featured", "Featured"),
    ("price", "Price, low to high"),
    ("-price", "Price, high to low"),
    ("newest", "Newest first"),
    ("name", "Name, A to Z"),
]
DEFAULT_SORT = "featured"

# Every parameter, in the order canonical URLs list them.
PARAMETERS = (
    "q",
    "category",
    "level",
    "price_min",
    "price_max",
    "material",
    "latex_free",
    "quick_release",
    "lubricant_base",
    "intensity_min",
    "intensity_max",
    "sensation",
    "ring_fit",
    "vibrator_type",
    "water_resistance",
    "in_stock",
    "sort",
    "page",
)
REPEATABLE = frozenset(
    {
        "category",
        "material",
        "lubricant_base",
        "sensation",
        "ring_fit",
        "vibrator_type",
        "water_resistance",
    }
)
SINGLE_VALUED = tuple(name for name in PARAMETERS if name not in REPEATABLE)


def too_many_values(values) -> ValidationError:
    return ValidationError(
        "Pick at most %(max)d of these at once (you gave %(count)d).",
        code="too_many",
        params={"max": MAX_VALUES, "count": len(values)},
    )


# --- form fields ------------------------------------------------------------------------------


class FlagField(forms.Field):
    """An on/off parameter: `name=1` turns it on; leaving it out turns it off."""

    default_error_messages = {"invalid": "This filter is either on (1) or left out."}

    def to_python(self, value):
        if value in (None, ""):
            return False
        if value == "1":
            return True
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class ChoicesField(forms.MultipleChoiceField):
    """Several of a fixed set of values; duplicates dropped, in the order of the choices."""

    def clean(self, value):
        if value and len(value) > MAX_VALUES:
            raise too_many_values(value)
        chosen = set(super().clean(value))
        return [key for key, _label in self.choices if key in chosen]


class SlugsField(forms.ModelMultipleChoiceField):
    """Several rows picked by slug, counted before the database sees them.

    `known`, when given, returns the rows this process already holds for the current content
    version (each with `pk` and `slug`, in the model's order), or None: when every slug is
    among them, the chosen rows come from there, in that order, with no query; otherwise
    (no such rows kept, or a slug they do not hold: unknown, or a row they leave out) the
    database decides, as it always did (one query), with the same messages."""

    def __init__(self, *args, known: Callable[[], Sequence | None] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.known = known

    def clean(self, value):
        if value and len(value) > MAX_VALUES:
            raise too_many_values(value)
        if not value and not self.required:
            return []  # not `queryset.none()`: reading even that costs the ORM ~0.4 ms
        found = self.known_rows(value)
        return super().clean(value) if found is None else found

    def known_rows(self, value) -> list | None:
        if not value or not isinstance(value, list | tuple) or self.known is None:
            return None
        rows = self.known()
        if rows is None:
            return None
        wanted = set(value)
        found = [row for row in rows if row.slug in wanted]
        return found if len(found) == len(wanted) else None


def price_field(label: str) -> dict:
    """The keyword arguments of a price bound's filter (its form field and messages)."""
    return {
        "field_class": forms.DecimalField,
        "label": label,
        "max_digits": 8,
        "decimal_places": 2,
        "min_value": 0,
        "max_value": PRICE_CEILING,
        "error_messages": {
            "invalid": "Give a price as a plain number, like 25 or 25.50.",
            "min_value": "A price cannot be below zero.",
            "max_value": "That is more than anything here costs; leave it out instead.",
            "max_digits": "That is more than anything here costs; leave it out instead.",
            "max_whole_digits": "That is more than anything here costs; leave it out instead.",
            "max_decimal_places": "Give a price in pounds and pence, at most two decimals.",
        },
    }


def intensity_field(label: str) -> dict:
    """The keyword arguments of an intensity bound's filter."""
    message = (
        f"Intensity goes from {INTENSITY_MIN} ({INTENSITY_LABELS[INTENSITY_MIN].lower()}) "
        f"to {INTENSITY_MAX} ({INTENSITY_LABELS[INTENSITY_MAX].lower()})."
    )
    return {
        "field_class": forms.IntegerField,
        "label": label,
        "min_value": INTENSITY_MIN,
        "max_value": INTENSITY_MAX,
        "error_messages": {"invalid": message, "min_value": message, "max_value": message},
    }


def no_such(thing: str) -> dict:
    return {
        "invalid_choice": f"There is no {thing} “%(value)s”.",
        "invalid_list": f"Give {thing} names one at a time.",
        "invalid_pk_value": f"There is no {thing} “%(pk)s”.",
    }


class CatalogForm(forms.Form):
    """The FilterSet's form: the parameters that are not filters, and cross-field checks."""

    sort = forms.ChoiceField(
        label="Sort by",
        choices=SORT_CHOICES,
        required=False,
        error_messages={"invalid_choice": "Sort by featured, price, -price, newest or name."},
    )
    page = forms.IntegerField(
        label="Page",
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": "A page number is a whole number, like 2.",
            "min_value": "Pages start at 1.",
            "max_value": "That page number is far too large.",
        },
    )

    def clean(self):
        cleaned = super().clean()
        getlist = getattr(self.data, "getlist", None)
        if getlist is not None:
            for name in SINGLE_VALUED:
                if name in self.fields and len(getlist(name)) > 1:
                    self.add_error(name, "Give this only once.")
        self._check_range("price_min", "price_max", "The lowest price is above the highest.")
        self._check_range(
            "intensity_min", "intensity_max", "The gentlest intensity is above the strongest."
        )
        return cleaned

    def _check_range(self, low: str, high: str, message: str):
        start, end = self.cleaned_data.get(low), self.cleaned_data.get(high)
        if start is not None and end is not None and start > end:
            self.add_error(low, f"{message} Swap them, or change one.")
            self.cleaned_data.pop(high, None)
