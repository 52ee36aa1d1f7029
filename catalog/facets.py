"""Facet counts for the catalog, as plain functions over querysets.

Counts are taken over the whole result set, never one page, with the usual faceted semantics:
an option's count is the number of results that option gives when added to the current
filters. So for each facet every OTHER facet's condition applies (values of one facet are ORed
by their filter, facets are ANDed), and ticking a value never hides its siblings.

Queries, whatever the catalog size or page: one for the facets whose options are known up
front (level, flags, attribute choices), in a single pass with conditional aggregates,
together with the total and the price range; one per facet over a related model (category,
material), which lists every row with its count, zeros included; and one per facet whose
condition is a subquery (latex-free), kept out of the others' conditional counts.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool

    def as_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class RelatedFacet:
    """A facet whose options are the rows of a related model, e.g. categories."""

    name: str
    rows: QuerySet
    related_name: str = "products"
    value_field: str = "slug"
    label_field: str = "name"


@dataclass
class FacetCounts:
    total: int
    price_low: Decimal | None
    price_high: Decimal | None
    facets: dict[str, list[Option]] = field(default_factory=dict)


def without(conditions: Mapping[str, Q], facet: str | None = None) -> Q:
    """Every condition except the facet's own (all of them for None), ANDed."""
    combined = Q()
    for name, condition in conditions.items():
        if name != facet:
            combined &= condition
    return combined


def _filtered(condition: Q) -> dict:
    return {"filter": condition} if condition else {}


def count_facets(
    scope: QuerySet,
    conditions: Mapping[str, Q],
    choices: Mapping[str, Sequence[tuple[str, str, Q]]],
    related: Iterable[RelatedFacet] = (),
    selected: Mapping[str, Iterable[str]] | None = None,
    separate: Iterable[str] = (),
) -> FacetCounts:
    """Count every option of every facet over `scope` (the catalog, narrowed by search).

    `conditions`: facet name -> the Q of its active filter. `choices`: facet name ->
    (value, label, Q) per option. `related`: facets over related rows. `selected`: facet
    name -> the values currently chosen. `separate`: choice facets whose condition is costly
    (a subquery): each is counted in a small query of its own, so that its condition is
    evaluated once per query in WHERE instead of once per option of every other facet.
    """
    selected = {name: set(values) for name, values in (selected or {}).items()}
    separate = [name for name in separate if name in choices]
    related = list(related)
    # Conditions of the facets counted elsewhere hold for every count of the main query.
    counted_elsewhere = {*separate, *(facet.name for facet in related)}
    inner = {name: q for name, q in conditions.items() if name not in counted_elsewhere}
    outer = [q for name, q in conditions.items() if name in counted_elsewhere]

    aggregates = {
        "total": Count("pk", **_filtered(without(inner))),
        "price_low": Min("price", **_filtered(without(inner, "price"))),
        "price_high": Max("price", **_filtered(without(inner, "price"))),
    }
    main = [name for name in choices if name not in separate]
    keys = {name: _option_aggregates(aggregates, name, choices[name], inner) for name in main}
    row = scope.filter(*outer).aggregate(**aggregates)

    counts = FacetCounts(row["total"], row["price_low"], row["price_high"])
    for name in separate:
        own: dict = {}
        keys[name] = _option_aggregates(own, name, choices[name], {})
        row.update(scope.filter(without(conditions, name)).aggregate(**own))
    for name, options in choices.items():
        chosen = selected.get(name, set())
        counts.facets[name] = [
            Option(value, label, row[key], value in chosen)
            for (value, label, _condition), key in zip(options, keys[name], strict=True)
        ]
    for facet in related:
        counts.facets[facet.name] = related_counts(
            scope, conditions, facet, selected.get(facet.name, set())
        )
    return counts


def _option_aggregates(aggregates: dict, name: str, options, conditions) -> list[str]:
    """Add one conditional count per option to `aggregates`; return their keys."""
    others = without(conditions, name)
    keys = []
    for index, (_value, _label, condition) in enumerate(options):
        key = f"n_{name}_{index}"
        aggregates[key] = Count("pk", filter=others & condition)
        keys.append(key)
    return keys


def related_counts(
    scope: QuerySet, conditions: Mapping[str, Q], facet: RelatedFacet, chosen: set[str]
) -> list[Option]:
    """Every row of the related model with the count of matching products (one query)."""
    matching = scope.filter(without(conditions, facet.name))
    rows = facet.rows
    if not rows.query.order_by:  # Meta.ordering does not apply to GROUP BY queries: restate it
        rows = rows.order_by(*rows.model._meta.ordering)
    relation = rows.model._meta.get_field(facet.related_name)
    if relation.one_to_many:
        # A foreign key on the product (its category): a count per row, in a correlated
        # subquery that reads the product index on that key, instead of joining every
        # product to the rows and testing each against the matching ids.
        key = relation.field.name
        per_row = (
            matching.filter(**{key: OuterRef("pk")})
            .order_by()
            .values(key)
            .annotate(n=Count("*"))
            .values("n")
        )
        rows = rows.annotate(facet_count=Coalesce(Subquery(per_row), 0))
    else:
        rows = rows.annotate(
            facet_count=Count(
                facet.related_name,
                filter=Q(**{f"{facet.related_name}__in": matching.values("pk")}),
            )
        )
    rows = rows.values_list(facet.value_field, facet.label_field, "facet_count")
    return [Option(value, label, count, value in chosen) for value, label, count in rows]


def is_relevant(options: Sequence[Option]) -> bool:
    """Worth showing: some option would give results, or one is chosen (never hide those)."""
    return any(option.count or option.selected for option in options)
