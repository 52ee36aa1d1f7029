"""The catalog's query parameters (docs/openapi.yaml), validated by one FilterSet.

Every filter states its condition as a `Q` (`FacetFilter.q`), grouped by facet, so the listing
and the facet counts (`catalog.facets`) share one definition of what each parameter means:
the listing ANDs all the groups; a facet's counts AND every group but its own.

Invalid parameters do not stop the page: the form drops them (they are missing from
`cleaned_data`), the listing is filtered by the valid ones that remain, and the view answers
400 with the form's errors.
"""

import copy
from functools import cache, cached_property
from typing import ClassVar

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from catalog import search, search_terms
from catalog.attributes import (
    INTENSITY_LABELS,
    LubricantBase,
    RingFit,
    Sensation,
    VibratorType,
    WaterResistance,
)
from catalog.facet_index import kept_index
from catalog.forms import (
    DEFAULT_SORT,
    MAX_QUERY_LENGTH,
    CatalogForm,
    ChoicesField,
    FlagField,
    SlugsField,
    intensity_field,
    no_such,
    price_field,
)
from catalog.models import Category, Level, Material, Product
from catalog.models.product_queries import LEVEL_FIELDS

ORDERINGS = {
    "featured": search.USUAL_ORDER,
    "price": ("price", "name", "pk"),
    "-price": ("-price", "name", "pk"),
    "newest": ("-created_at", "-pk"),
    "name": ("name", "pk"),
}


class FacetFilter(django_filters.Filter):
    """A filter that belongs to a facet and can state its condition as a Q. `costly`: the
    condition is a subquery, so its facet is counted on its own (see `catalog.facets`)."""

    def __init__(self, *args, facet: str, costly: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.facet = facet
        self.costly = costly

    def q(self, value) -> Q | None:
        if value is None or value == "" or value == []:
            return None  # not given (0 is a real bound: "up to £0")
        return Q(**{f"{self.field_name}__{self.lookup_expr}": value})

    def filter(self, qs, value):
        condition = self.q(value)
        return qs if condition is None else qs.filter(condition)

    def options(self) -> list[tuple[str, str, Q]]:
        """(value, label, condition) for each option the facet counts; none by default."""
        return []


class ChoicesFilter(FacetFilter):
    field_class = ChoicesField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "in")
        super().__init__(*args, **kwargs)

    def options(self):
        return [(key, label, self.q([key])) for key, label in self.extra["choices"]]


class LevelFilter(FacetFilter):
    field_class = forms.ChoiceField

    def q(self, value):
        return Q(**{LEVEL_FIELDS[Level(value)]: True}) if value else None

    def options(self):
        return [(level.value, level.label, self.q(level.value)) for level in Level]


class CategoryFilter(FacetFilter):
    field_class = SlugsField

    def q(self, value):
        return Q(category__in=[category.pk for category in value]) if value else None


class MaterialFilter(FacetFilter):
    """Products made of any of the materials (one row each, whatever the matches)."""

    field_class = SlugsField

    def q(self, value):
        if not value:
            return None
        return Q(pk__in=products_with_materials(material__in=[row.pk for row in value]))


class FlagFilter(FacetFilter):
    field_class = FlagField

    def __init__(self, *args, condition: Q, option_label: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.condition = condition
        self.option_label = option_label

    def q(self, value):
        return self.condition if value else None

    def options(self):
        return [("1", self.option_label, self.condition)]


class BoundFilter(FacetFilter):
    """One end of a range (price, intensity)."""

    def __init__(self, *args, field_class, **kwargs):
        self.field_class = field_class
        super().__init__(*args, **kwargs)


class SearchFilter(django_filters.CharFilter):
    """`q`: not a facet but the scope every count is taken in (see `ProductFilterSet.scope`)."""

    def filter(self, qs, value):
        if getattr(self, "parent", None) is not None and value == self.parent.search_text:
            return search.matching(qs, self.parent.search_plan)  # read once per request
        return search.matching(qs, value or "")


def kept_categories():
    """The categories with a listed product, in their order, when this process has the
    current facet index (else None: the database is asked)."""
    index = kept_index()
    return None if index is None else index.categories


def kept_materials():
    """Every material, by name, when this process has the current facet index."""
    index = kept_index()
    return None if index is None else index.materials


def products_with_materials(**conditions) -> QuerySet:
    """Ids of products with a material matching the conditions. An uncorrelated subquery:
    the database builds it once per query (a hashed subplan on PostgreSQL) instead of once
    per product and per facet count, as a correlated EXISTS would be."""
    return Product.materials.through.objects.filter(**conditions).values("product_id")


def latex_free_q() -> Q:
    return ~Q(pk__in=products_with_materials(material__contains_latex=True))


class CopiedOneLevel(dict):
    """Filters (or form fields) that each request copies one level deep, not deeply.

    A FilterSet deep-copies its filters for every request and a form its fields (widgets,
    choices, validators, a queryset each), in case one request changes them: ~2 ms of a
    catalog page's ~7. Ours are never changed after the class is made; a request sets its own
    attributes on them (the FilterSet sets `parent` and `model`), so a shallow copy of each is
    enough, and what they hold (choices, messages, widgets) is shared read-only."""

    def __deepcopy__(self, memo):
        return {name: copy.copy(item) for name, item in self.items()}


class ProductFilterSet(django_filters.FilterSet):
    q = SearchFilter(
        label="Search",
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": f"Search for at most {MAX_QUERY_LENGTH} characters."},
    )
    category = CategoryFilter(
        facet="category",
        label="Category",
        queryset=Category.objects.all(),
        to_field_name="slug",
        known=kept_categories,
        error_messages=no_such("category"),
    )
    level = LevelFilter(
        facet="level",
        label="Experience level",
        choices=Level.choices,
        error_messages={
            "invalid_choice": "There is no level “%(value)s”: choose beginner or experienced."
        },
    )
    price_min = BoundFilter("price", "gte", facet="price", **price_field("Lowest price"))
    price_max = BoundFilter("price", "lte", facet="price", **price_field("Highest price"))
    material = MaterialFilter(
        facet="material",
        label="Material",
        queryset=Material.objects.all(),
        to_field_name="slug",
        known=kept_materials,
        error_messages=no_such("material"),
    )
    latex_free = FlagFilter(
        facet="latex_free",
        label="Latex-free",
        condition=latex_free_q(),
        option_label="Latex-free",
        costly=True,
    )
    quick_release = FlagFilter(
        facet="quick_release",
        label="Quick release",
        condition=Q(quick_release=True),
        option_label="Quick release",
    )
    lubricant_base = ChoicesFilter(
        facet="lubricant_base",
        label="Lubricant base",
        choices=LubricantBase.choices,
        error_messages=no_such("lubricant base"),
    )
    intensity_min = BoundFilter(
        "intensity", "gte", facet="intensity", **intensity_field("Gentlest intensity")
    )
    intensity_max = BoundFilter(
        "intensity", "lte", facet="intensity", **intensity_field("Strongest intensity")
    )
    sensation = ChoicesFilter(
        facet="sensation",
        label="Sensation",
        choices=Sensation.choices,
        error_messages=no_such("sensation"),
    )
    ring_fit = ChoicesFilter(
        facet="ring_fit", label="Ring fit", choices=RingFit.choices, error_messages=no_such("fit")
    )
    vibrator_type = ChoicesFilter(
        facet="vibrator_type",
        label="Vibrator type",
        choices=VibratorType.choices,
        error_messages=no_such("vibrator type"),
    )
    water_resistance = ChoicesFilter(
        facet="water_resistance",
        label="Water resistance",
        choices=WaterResistance.choices,
        error_messages=no_such("water resistance"),
    )
    in_stock = FlagFilter(
        facet="in_stock",
        label="Availability",
        condition=Q(stock__gt=0),
        option_label="In stock",
    )

    class Meta:
        model = Product
        fields: list[str] = []
        form = CatalogForm

    _form_classes: ClassVar[dict[type, type]] = {}

    def get_form_class(self):
        """The form class, made once per FilterSet class rather than once per request: its
        fields are the filters' own, the same every time (each form copies them one level
        deep: `CopiedOneLevel`)."""
        form_class = self._form_classes.get(type(self))
        if form_class is None:
            form_class = super().get_form_class()
            form_class.base_fields = CopiedOneLevel(form_class.base_fields)
            self._form_classes[type(self)] = form_class
        return form_class

    # What the view and the facets read (call `is_valid()` first).

    @property
    def cleaned(self) -> dict:
        return self.form.cleaned_data

    @property
    def search_text(self) -> str:
        return self.cleaned.get("q") or ""

    @cached_property
    def search_plan(self) -> search_terms.SearchPlan:
        """What the search means (synonyms, corrections), worked out once per request."""
        return search_terms.plan(self.search_text)

    @property
    def sort(self) -> str:
        return self.cleaned.get("sort") or DEFAULT_SORT

    @property
    def page_number(self) -> int:
        return self.cleaned.get("page") or 1

    def scope(self, queryset: QuerySet) -> QuerySet:
        """What every count is taken over: the queryset narrowed by the text search."""
        return self.filters["q"].filter(queryset, self.search_text)

    def conditions(self) -> dict[str, Q]:
        """The valid filters as one Q per facet (AND within the facet's own parameters)."""
        groups: dict[str, Q] = {}
        for name, filter_ in self.filters.items():
            if not isinstance(filter_, FacetFilter):
                continue
            condition = filter_.q(self.cleaned.get(name))
            if condition is not None:
                groups[filter_.facet] = groups.get(filter_.facet, Q()) & condition
        return groups

    def choice_options(self) -> dict[str, list[tuple[str, str, Q]]]:
        """The facets whose options are known before counting: name -> (value, label, Q).
        The same for every request (fixed choices, fixed conditions): made once per class,
        and shared read-only."""
        return dict(choice_options_of(type(self)))

    def costly_facets(self) -> list[str]:
        return [
            filter_.facet
            for filter_ in self.filters.values()
            if isinstance(filter_, FacetFilter) and filter_.costly
        ]

    def order(self, queryset: QuerySet) -> QuerySet:
        if self.sort == DEFAULT_SORT and self.search_plan.groups:
            return search.ranked(queryset, self.search_plan)
        return queryset.order_by(*ORDERINGS[self.sort])

    def filter_queryset(self, queryset):
        products = self.scope(queryset)
        for condition in self.conditions().values():
            products = products.filter(condition)
        return self.order(products)


ProductFilterSet.base_filters = CopiedOneLevel(ProductFilterSet.base_filters)


@cache
def choice_options_of(filterset_class) -> dict[str, list[tuple[str, str, Q]]]:
    """`ProductFilterSet.choice_options` of a FilterSet class, made from its filters."""
    options = {}
    for filter_ in filterset_class.base_filters.values():
        if isinstance(filter_, FacetFilter) and (choices := filter_.options()):
            options[filter_.facet] = choices
    options["intensity"] = [
        (str(value), f"{value} · {label}", Q(intensity=value))
        for value, label in INTENSITY_LABELS.items()
    ]
    return options
