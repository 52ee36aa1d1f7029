"""What a catalog page shows around its products: canonical links that add or remove one
filter, the chips of active filters and the facet panels. Presentation only: no queries.

A `Selection` holds the valid parameters of the page as strings, in the canonical order of
`catalog.filters.PARAMETERS`, so every link the page makes is stable and clean (no empty or
invalid parameters, no page number, the default sort left out).
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from urllib.parse import urlencode

from catalog.attributes import INTENSITY_MAX, INTENSITY_MIN
from catalog.facets import FacetCounts, Option, is_relevant
from catalog.forms import DEFAULT_SORT, PARAMETERS, REPEATABLE
from catalog.models import Level

# Facets as the page shows them, in order; the JSON lists them in the brief's order.
FACET_LABELS = {
    "category": "Category",
    "level": "Experience level",
    "price": "Price",  # chosen in the form (from/to), no counts
    "material": "Material",
    "latex_free": "Latex",
    "in_stock": "Availability",
    "intensity": "Intensity",
    "sensation": "Sensation",
    "quick_release": "Quick release",
    "ring_fit": "Ring fit",
    "lubricant_base": "Lubricant base",
    "vibrator_type": "Vibrator type",
    "water_resistance": "Water resistance",
}
JSON_FACETS = (
    "category",
    "level",
    "material",
    "latex_free",
    "quick_release",
    "lubricant_base",
    "sensation",
    "intensity",
    "ring_fit",
    "vibrator_type",
    "water_resistance",
    "in_stock",
)
# Shown only when some product in the results has them, or a value is chosen.
ATTRIBUTE_FACETS = frozenset(
    {
        "intensity",
        "sensation",
        "quick_release",
        "ring_fit",
        "lubricant_base",
        "vibrator_type",
        "water_resistance",
    }
)
RANGE_FACETS = frozenset({"price", "intensity"})  # chosen in the form (from/to), not by links
FORM_PARAMETERS = ("price_min", "price_max", "intensity_min", "intensity_max")


def as_text(value) -> str:
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def money(value: str | Decimal) -> str:
    amount = Decimal(value)
    return f"£{amount:.0f}" if amount == amount.to_integral_value() else f"£{amount:.2f}"


def selection_params(cleaned: dict) -> dict[str, list[str]]:
    """The valid, non-default parameters from a FilterSet's cleaned data, as strings."""
    params: dict[str, list[str]] = {}
    for name in PARAMETERS:
        value = cleaned.get(name)
        if name == "page" or value in (None, "", False):
            continue
        if name == "sort" and value == DEFAULT_SORT:
            continue
        if name in {"category", "material"}:
            values = [row.slug for row in value]
        elif name in REPEATABLE:
            values = list(value)
        elif value is True:
            values = ["1"]
        else:
            values = [as_text(value).strip()]
        if any(values):
            params[name] = values
    return params


def selected_values(selection: "Selection") -> dict[str, list[str]]:
    """The chosen values by facet; for intensity, every level inside the chosen range."""
    selected = dict(selection.params)
    low, high = selection.value("intensity_min"), selection.value("intensity_max")
    if low or high:
        levels = range(int(low or INTENSITY_MIN), int(high or INTENSITY_MAX) + 1)
        selected["intensity"] = [str(level) for level in levels]
    return selected


def toggled_values(name: str, current: list[str], value: str) -> list[str]:
    """A parameter's values once `value` is toggled: removed when chosen, else added (a
    single-valued parameter's value replaced)."""
    if value in current:
        return [v for v in current if v != value]
    if name not in REPEATABLE:
        return [value]
    return [*current, value]


class Selection:
    """The page's valid parameters and the links that change them.

    On a category page (`category_slug` and `category_url` given) the category is part of the
    path: a link whose only category is that one stays on the page; any other goes to the
    catalog with `?category=` parameters.
    """

    def __init__(self, params, *, list_url: str, category_slug=None, category_url=None):
        self.params = {name: list(values) for name, values in params.items() if values}
        self.list_url = list_url
        self.category_slug = category_slug
        self.category_url = category_url

    def values(self, name: str) -> list[str]:
        return self.params.get(name, [])

    def value(self, name: str) -> str:
        values = self.values(name)
        return values[0] if values else ""

    def pairs(self, params=None, exclude=()) -> list[tuple[str, str]]:
        params = self.params if params is None else params
        return [
            (name, value)
            for name in PARAMETERS
            if name not in exclude
            for value in params.get(name, [])
        ]

    @cached_property
    def encoded(self) -> dict[str, str]:
        """Each parameter's part of a query string (`urlencode` of its pairs), made once per
        page: a query is these parts joined by "&", as `urlencode` joins its pairs."""
        return {
            name: urlencode([(name, v) for v in values]) for name, values in self.params.items()
        }

    def query(self, params=None, exclude=()) -> str:
        """`urlencode(self.pairs(params, exclude))`, with the parameters that are the page's
        own (the same values) taken as encoded once."""
        params = self.params if params is None else params
        own, encoded = self.params, self.encoded
        parts = []
        for name in PARAMETERS:
            values = params.get(name)
            if not values or name in exclude:
                continue
            if values is own.get(name):
                parts.append(encoded[name])
            else:
                parts.append(urlencode([(name, v) for v in values]))
        return "&".join(parts)

    def url(self, params=None) -> str:
        params = self.params if params is None else params
        path, exclude = self.list_url, ()
        if self.category_slug and params.get("category") == [self.category_slug]:
            path, exclude = self.category_url, ("category",)
        query = self.query(params, exclude)
        return f"{path}?{query}" if query else path

    def changed(self, name: str, values: list[str]) -> dict[str, list[str]]:
        params = dict(self.params)
        if values:
            params[name] = values
        else:
            params.pop(name, None)
        return params

    def toggled(self, name: str, value: str) -> str:
        """Add the value, or remove it when chosen; a single-valued parameter is replaced."""
        return self.url(self.changed(name, toggled_values(name, self.values(name), value)))

    def toggler(self, name: str):
        """`toggled(name, value)` for many values of one parameter (a panel's options): the
        rest of the query is encoded once, not once per option."""
        if name == "category" or name not in PARAMETERS:
            # The category decides the path (a category page's own or the catalog's); a
            # range's panel (intensity) is not one parameter and has no option links.
            return lambda value: self.toggled(name, value)
        path, exclude = self.list_url, ()
        if self.category_slug and self.params.get("category") == [self.category_slug]:
            path, exclude = self.category_url, ("category",)
        at = PARAMETERS.index(name)
        before = self.query(exclude=(*exclude, *PARAMETERS[at:]))
        after = self.query(exclude=(*exclude, *PARAMETERS[: at + 1]))
        current = self.values(name)

        def url(value: str) -> str:
            values = toggled_values(name, current, value)
            parts = (before, urlencode([(name, v) for v in values]), after)
            query = "&".join(part for part in parts if part)
            return f"{path}?{query}" if query else path

        return url

    def without(self, *names: str) -> str:
        params = {name: values for name, values in self.params.items() if name not in names}
        return self.url(params)

    # For templates.

    @property
    def page_query(self) -> str:
        """The query string for pagination links (they add `page`)."""
        return self.query(exclude=self.category_exclude)

    @property
    def category_exclude(self) -> tuple[str, ...]:
        on_page = self.category_slug and self.values("category") == [self.category_slug]
        return ("category",) if on_page else ()

    def hidden_inputs(self, *exclude: str) -> list[tuple[str, str]]:
        """Hidden fields that carry the rest of the selection through a form."""
        return self.pairs(exclude=(*exclude, *self.category_exclude))

    @property
    def hidden_for_search(self):
        return self.hidden_inputs("q")

    @property
    def hidden_for_sort(self):
        return self.hidden_inputs("sort")

    @property
    def hidden_for_filters(self):
        return self.hidden_inputs(*FORM_PARAMETERS)

    @property
    def clear_url(self) -> str:
        """No filters and no search; the sort order and a category page stay."""
        keep = {"sort": self.values("sort")}
        if self.category_exclude:
            keep["category"] = [self.category_slug]
        return self.url({name: values for name, values in keep.items() if values})

    @property
    def form_action(self) -> str:
        return self.category_url if self.category_exclude else self.list_url


@dataclass(frozen=True)
class Chip:
    label: str
    url: str


def chips(selection: Selection, counts: FacetCounts) -> list[Chip]:
    """The active filters as removable chips (the category of a category page is its title)."""
    labels = {
        name: {option.value: option.label for option in options}
        for name, options in counts.facets.items()
    }
    found: list[Chip] = []
    if q := selection.value("q"):
        found.append(Chip(f"Search: “{q}”", selection.without("q")))
    for name in ("category", "level", "material", "latex_free", "quick_release"):
        for value in selection.values(name):
            if name == "category" and selection.category_exclude:
                continue
            label = labels.get(name, {}).get(value, value)
            if name == "level":
                label = f"{Level(value).label} level"
            found.append(Chip(label, selection.toggled(name, value)))
    low, high = selection.value("price_min"), selection.value("price_max")
    if low or high:
        label = range_label("Price", low, high, money)
        found.append(Chip(label, selection.without("price_min", "price_max")))
    for name in ("lubricant_base", "sensation", "ring_fit", "vibrator_type", "in_stock"):
        for value in selection.values(name):
            label = labels.get(name, {}).get(value, value)
            found.append(Chip(label, selection.toggled(name, value)))
    low, high = selection.value("intensity_min"), selection.value("intensity_max")
    if low or high:
        label = range_label("Intensity", low, high, str)
        found.append(Chip(label, selection.without("intensity_min", "intensity_max")))
    return found


def range_label(what: str, low: str, high: str, show) -> str:
    if low and high:
        return f"{what} {show(low)}" if low == high else f"{what} {show(low)} to {show(high)}"
    if low:
        return f"{what} from {show(low)}"
    return f"{what} up to {show(high)}"


@dataclass(frozen=True)
class PanelOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str | None  # None: greyed out, nothing to add


@dataclass(frozen=True)
class Panel:
    name: str
    label: str
    options: list[PanelOption]

    @property
    def is_range(self) -> bool:
        return self.name in RANGE_FACETS


def panels(selection: Selection, counts: FacetCounts) -> list[Panel]:
    """The facets the page shows, each option with the link that toggles it."""
    shown = []
    for name, label in FACET_LABELS.items():
        options: list[Option] = counts.facets.get(name, [])
        if name == "price":
            shown.append(Panel(name, label, []))
            continue
        if not options or (name in ATTRIBUTE_FACETS and not is_relevant(options)):
            continue
        toggled = selection.toggler(name)
        shown.append(
            Panel(
                name,
                label,
                [
                    PanelOption(
                        option.value,
                        option.label,
                        option.count,
                        option.selected,
                        None
                        if name in RANGE_FACETS or not (option.count or option.selected)
                        else toggled(option.value),
                    )
                    for option in options
                ],
            )
        )
    return shown
