"""Reads of the catalog for its pages: a listing page's products, facet counts and selection,
put together from a validated `ProductFilterSet` (no request objects, no rendering)."""

from dataclasses import dataclass, field

from catalog import listing, search
from catalog.facet_index import FacetIndex
from catalog.facet_listing import IndexedProducts, IndexedQuery
from catalog.facets import FacetCounts, RelatedFacet, count_facets
from catalog.filters import ProductFilterSet
from catalog.forms import DEFAULT_SORT, SORT_CHOICES
from catalog.models import Category, Material
from catalog.suggestions import SearchHelp, search_help


@dataclass
class ProductListing:
    """What a catalog page lists: the filtered products (read a page at a time, with card
    data), the facet counts over all of them, and the valid parameters as a `Selection`."""

    filterset: ProductFilterSet
    selection: listing.Selection
    counts: FacetCounts
    products: IndexedProducts
    search_help: SearchHelp | None = field(default=None)  # with a search: corrections, tips

    @property
    def errors(self) -> dict:
        return self.filterset.errors

    @property
    def page_number(self) -> int:
        return self.filterset.page_number

    @property
    def search_plan(self):
        return self.filterset.search_plan


def product_listing(
    filterset: ProductFilterSet,
    *,
    list_url: str,
    category: Category | None = None,
    materials: bool = True,
    index: FacetIndex | None = None,
) -> ProductListing:
    """Validate the parameters (invalid ones are dropped, the rest still apply) and read the
    page's products and facet counts. `category`: the category page's own category;
    `materials`: read the products' materials too (the JSON lists them, the cards do not);
    `index`: the facet index if the caller has it (else the current one)."""
    filterset.is_valid()
    urls = {"list_url": list_url}
    if category is not None:
        urls.update(category_slug=category.slug, category_url=category.get_absolute_url())
    selection = listing.Selection(listing.selection_params(filterset.cleaned), **urls)
    query = IndexedQuery(filterset, index)
    counts = query.counts(listing.selected_values(selection))
    return ProductListing(
        filterset=filterset,
        selection=selection,
        counts=counts,
        products=IndexedProducts(query, materials=materials),
        search_help=search_help(filterset.search_plan, counts.total, selection),
    )


def sql_counts(filterset: ProductFilterSet, selection: listing.Selection) -> FacetCounts:
    """The facet counts in SQL (`catalog.facets`), over a validated filterset: what the index
    must give (tests compare them), and the listing's products are `filterset.qs`."""
    return count_facets(
        filterset.scope(filterset.queryset),
        filterset.conditions(),
        filterset.choice_options(),
        related=[
            RelatedFacet("category", Category.objects.live()),
            RelatedFacet("material", Material.objects.all()),
        ],
        selected=listing.selected_values(selection),
        separate=filterset.costly_facets(),
    )


def page_context(product_listing: ProductListing) -> dict:
    """What the page shows around its products: the form, sort, chips, panels and errors."""
    filterset, counts, selection = (
        product_listing.filterset,
        product_listing.counts,
        product_listing.selection,
    )
    form = filterset.form
    return {
        "form": form,
        "sort_choices": sort_choices(filterset.search_text),
        "current_sort": "" if filterset.sort == DEFAULT_SORT else filterset.sort,
        "intensity_bounds": [
            {
                "name": name,
                "label": label,
                "value": str(form[name].value() or ""),
                "errors": form[name].errors,
            }
            for name, label in (("intensity_min", "From"), ("intensity_max", "To"))
        ],
        "selection": selection,
        "search_help": product_listing.search_help,
        "page_query": selection.page_query,
        "counts": counts,
        "price_range": (
            (listing.money(counts.price_low), listing.money(counts.price_high))
            if counts.price_low is not None
            else None
        ),
        "panels": listing.panels(selection, counts),
        "chips": listing.chips(selection, counts),
        "input_errors": [
            (form.fields[name].label if name in form.fields else name, message)
            for name, messages in form.errors.items()
            for message in messages
        ],
    }


def sort_choices(search_text: str) -> list[tuple[str, str]]:
    """For the select: the default sort has an empty value, so it stays out of URLs."""
    ranked = search.ranks(search_text)
    return [
        ("", "Best match" if ranked else label) if value == DEFAULT_SORT else (value, label)
        for value, label in SORT_CHOICES
    ]
