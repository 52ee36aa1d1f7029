"""A catalog page from the facet index (`catalog.facet_index`): the valid filters as bitmaps,
the facet counts as intersections, and the page's products as one query by id.

The counts mean exactly what `catalog.facets.count_facets` computes in SQL (a test compares
them over random catalogs and filters): each facet is counted with every OTHER facet's
condition (values ORed within a facet, facets ANDed), the total with all of them, the price
range with all but the price's own; every option is listed, zeros included, categories only
when live.
"""

from django.db.models import prefetch_related_objects
from pyroaring import BitMap

from catalog import search, search_indexed
from catalog.facet_index import FacetIndex, StockView, current_index
from catalog.facets import FacetCounts, Option
from catalog.filters import (
    BoundFilter,
    CategoryFilter,
    ChoicesFilter,
    FacetFilter,
    FlagFilter,
    LevelFilter,
    MaterialFilter,
    ProductFilterSet,
)
from catalog.forms import DEFAULT_SORT
from catalog.models import Product
from catalog.models.product_queries import LEVEL_FIELDS, Level


def ranked_groups(search_plan) -> list[BitMap]:
    """The matches by relevance: from the search index (`catalog.search_indexed`), or from
    SQL (`search.ranked_groups`) for what the index does not answer."""
    found = search_indexed.ranked_groups(search_plan)
    if found is None:
        found = [BitMap(ids) for ids in search.ranked_groups(search_plan)]
    return found


def matching(search_plan) -> BitMap:
    found = search_indexed.matching(search_plan)
    return BitMap(search.matching_ids(search_plan)) if found is None else found


# Flag facets: the option's value "1" -> its bitmap.
FLAG_FACETS = ("latex_free", "quick_release", "in_stock")


class IndexedQuery:
    """One request's view of the index: the scope (the search's matches, or everything), the
    conditions by facet, and the result."""

    def __init__(self, filterset: ProductFilterSet, index: FacetIndex | None = None):
        self.filterset = filterset
        self.index = index if index is not None else current_index()
        self.stock: StockView = self.index.stock()
        # The matches by relevance, if it sorts by that: groups of equally relevant matches,
        # best first, each in the usual order (`search.ranked_groups`; the index's own order).
        self.ranked: list[BitMap] | None = None
        if filterset.search_plan.groups:
            if filterset.sort == DEFAULT_SORT:
                self.ranked = ranked_groups(filterset.search_plan)
                matches = _union(self.ranked)
            else:  # sorted by price, name...: the index's own order, no ranking needed
                matches = matching(filterset.search_plan)
            self.scope = matches & self.index.all
        else:
            self.scope = self.index.all
        self.conditions = self._conditions()
        self.result = self.without(None)

    # Conditions.

    def flag(self, facet: str) -> BitMap:
        if facet == "latex_free":
            return self.index.all - self.index.latex
        if facet == "in_stock":
            return self.stock.in_stock
        return self.index.flags[facet]

    def value(self, field_name: str, value) -> BitMap:
        return self.index.values[field_name].get(value, BitMap())

    def _condition(self, filter_: FacetFilter, value) -> BitMap | None:
        if value is None or value == "" or value == []:  # as FacetFilter.q: not given
            return None
        if not isinstance(filter_, BoundFilter | ChoicesFilter) and not value:
            return None  # an empty choice of rows, an unticked flag (as their q)
        index = self.index
        if isinstance(filter_, CategoryFilter):
            return _union(index.by_category.get(row.pk) for row in value)
        if isinstance(filter_, MaterialFilter):
            return _union(index.by_material.get(row.pk) for row in value)
        if isinstance(filter_, LevelFilter):
            return index.flags[LEVEL_FIELDS[Level(value)]]
        if isinstance(filter_, FlagFilter):
            return self.flag(filter_.facet)
        if isinstance(filter_, ChoicesFilter):
            return _union(self.value(filter_.field_name, v) for v in value)
        if isinstance(filter_, BoundFilter):
            low = value if filter_.lookup_expr == "gte" else None
            high = value if filter_.lookup_expr == "lte" else None
            if filter_.field_name == "price":
                return index.price_between(low, high)
            return self.intensity_between(low, high)
        raise TypeError(f"no bitmap for {filter_!r}")  # a new filter must say what it means

    def intensity_between(self, low, high) -> BitMap:
        chosen = [
            ids
            for value, ids in self.index.values["intensity"].items()
            if (low is None or value >= low) and (high is None or value <= high)
        ]
        return _union(chosen)

    def _conditions(self) -> dict[str, BitMap]:
        """The valid filters as one bitmap per facet (AND within the facet's parameters)."""
        groups: dict[str, BitMap] = {}
        cleaned = self.filterset.cleaned
        for name, filter_ in self.filterset.filters.items():
            if not isinstance(filter_, FacetFilter):
                continue
            condition = self._condition(filter_, cleaned.get(name))
            if condition is not None:
                facet = filter_.facet
                groups[facet] = groups[facet] & condition if facet in groups else condition
        return groups

    def without(self, facet: str | None) -> BitMap:
        """The scope narrowed by every condition but the facet's own (all for None)."""
        found = self.scope
        for name, condition in self.conditions.items():
            if name != facet:
                found = found & condition
        return found

    def others(self, facet: str) -> BitMap:
        return self.without(facet) if facet in self.conditions else self.result

    # Counts.

    def option_ids(self, facet: str, value: str) -> BitMap:
        if facet == "level":
            return self.index.flags[LEVEL_FIELDS[Level(value)]]
        if facet in FLAG_FACETS:
            return self.flag(facet)
        if facet == "intensity":
            return self.value("intensity", int(value))
        return self.value(facet, value)

    def counts(self, selected: dict[str, list[str]]) -> FacetCounts:
        index = self.index
        counts = FacetCounts(len(self.result), *index.price_range(self.others("price")))
        chosen = {name: set(values) for name, values in selected.items()}
        for facet, options in self.filterset.choice_options().items():
            others = self.others(facet)
            counts.facets[facet] = [
                Option(
                    value,
                    label,
                    others.intersection_cardinality(self.option_ids(facet, value)),
                    value in chosen.get(facet, ()),
                )
                for value, label, _condition in options
            ]
        for facet, rows, bitmaps in (
            ("category", self.stock.live_categories, index.by_category),
            ("material", index.materials, index.by_material),
        ):
            others = self.others(facet)
            counts.facets[facet] = [
                Option(
                    row.slug,
                    row.name,
                    others.intersection_cardinality(bitmaps[row.pk]),
                    row.slug in chosen.get(facet, ()),
                )
                for row in rows
            ]
        return counts

    # The page.

    def page_ids(self, offset: int, limit: int) -> list[int]:
        """The ids of the result at positions offset .. offset + limit - 1, in the page's order
        (by relevance while searching with the default sort)."""
        if limit <= 0:
            return []
        sort = self.filterset.sort
        if self.ranked is not None and sort == DEFAULT_SORT:
            found: list[int] = []
            skip, usual = offset, self.index.orders[DEFAULT_SORT]  # the usual order
            for group in self.ranked:
                in_group = self.result.intersection_cardinality(group)
                if in_group <= skip:
                    skip -= in_group
                    continue
                found += usual.first(self.result & group, skip, limit - len(found))
                skip = 0
                if len(found) == limit:
                    break
            return found
        return self.index.orders[sort].first(self.result, offset, limit)


def _union(bitmaps) -> BitMap:
    return BitMap.union(BitMap(), *(bitmap for bitmap in bitmaps if bitmap is not None))


class IndexedProducts:
    """The listing's products for the paginator: its length is the total, and a slice is read
    from the database by id, in the index's order, with what a card shows: the products with
    their category and cover (one query), their own safety notes, and the notes of the page's
    few categories (one query each, read once per category, not once per card). Materials
    only when asked (`materials`: the JSON shows them, a card does not)."""

    def __init__(self, query: IndexedQuery, *, materials: bool = True):
        self.query = query
        self.materials = materials

    def __len__(self) -> int:
        return len(self.query.result)

    def __getitem__(self, key):
        return self.read(self.ids(key))

    def ids(self, key) -> list[int]:
        """The ids of a slice of the listing, in its order."""
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("a listing is read a page at a time")
        start, stop, _ = key.indices(len(self))
        return self.query.page_ids(start, max(stop - start, 0))

    def read(self, ids: list[int]) -> list[Product]:
        """These products, in this order (one still listed: published)."""
        if not ids:
            return []
        rows = Product.objects.published().select_related("category").with_cover().in_bulk(ids)
        products = [rows[pk] for pk in ids if pk in rows]
        return with_notes(products, materials=self.materials)


class IndexedIds:
    """The listing's ids for the paginator, read from the index only: the page's cards are
    then made from them (catalog.cards.page_cards), reading only the products they need."""

    def __init__(self, products: IndexedProducts):
        self.products = products

    def __len__(self) -> int:
        return len(self.products)

    def __getitem__(self, key) -> list[int]:
        return self.products.ids(key)


def with_notes(products: list[Product], *, materials: bool) -> list[Product]:
    """Prefetch what `with_card_data` does, sharing one instance per category among the
    products so its notes are read and kept once (the same rows, fewer objects)."""
    categories = {}
    for product in products:
        product.category = categories.setdefault(product.category_id, product.category)
    prefetch_related_objects(list(categories.values()), "safety_notes")
    prefetch_related_objects(products, "safety_notes", *(["materials"] if materials else []))
    return products
