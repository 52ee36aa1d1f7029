from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.generic import DetailView, ListView

from catalog import listing, search
from catalog.facets import RelatedFacet, count_facets
from catalog.filters import ProductFilterSet
from catalog.forms import DEFAULT_SORT, PAGE_SIZE, SORT_CHOICES
from catalog.models import Category, Material, Product
from catalog.serializers import product_object

RELATED_PRODUCTS = 4


def wants_json(request) -> bool:
    """JSON only when the client prefers it to HTML (browsers send */* as well)."""
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def without_empty_values(query) -> list[tuple[str, str]] | None:
    """The query's parameters minus the empty ones, or None when none is empty."""
    pairs = [(name, value) for name, values in query.lists() for value in values]
    kept = [(name, value) for name, value in pairs if value.strip()]
    return kept if len(kept) < len(pairs) else None


class CountedPaginator(Paginator):
    """A paginator told the number of results, which the facet query has already counted."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count = count


class ProductListView(ListView):
    """The catalog: published products filtered by the shared query parameters (validated by
    `ProductFilterSet`), with facet counts, 24 a page; JSON for `Accept: application/json`.

    Bad parameters give 400 with the page (or JSON with `errors`), filtered by the valid
    parameters that remain. A page past the end shows the last page.
    """

    template_name = "catalog/product_list.html"
    context_object_name = "products"
    paginate_by = PAGE_SIZE
    paginator_class = CountedPaginator

    def get(self, request, *args, **kwargs):
        response = self.redirect_to_clean_url()
        if response is None:
            response = self.listing_response()
        patch_vary_headers(response, ["Accept"])
        return response

    def redirect_to_clean_url(self):
        """A GET form sends its empty fields: drop them (302) so URLs stay clean."""
        kept = without_empty_values(self.request.GET)
        if kept is None:
            return None
        query = urlencode(kept)
        return HttpResponseRedirect(f"{self.request.path}?{query}" if query else self.request.path)

    def filter_data(self):
        return self.request.GET

    def listing_response(self):
        self.filterset = ProductFilterSet(
            self.filter_data(), queryset=Product.objects.published(), request=self.request
        )
        self.filterset.is_valid()  # invalid parameters are dropped; the rest still apply
        self.selection = listing.Selection(
            listing.selection_params(self.filterset.cleaned), **self.selection_urls()
        )
        self.counts = count_facets(
            self.filterset.scope(self.filterset.queryset),
            self.filterset.conditions(),
            self.filterset.choice_options(),
            related=[
                RelatedFacet("category", Category.objects.all()),
                RelatedFacet("material", Material.objects.all()),
            ],
            selected=listing.selected_values(self.selection),
            separate=self.filterset.costly_facets(),
        )
        self.object_list = self.filterset.qs.with_card_data()
        context = self.get_context_data()
        status = 400 if self.filterset.errors else 200
        if wants_json(self.request):
            return JsonResponse(self.json_payload(context), status=status)
        return self.render_to_response(context, status=status)

    def selection_urls(self) -> dict:
        return {"list_url": reverse("catalog:list")}

    def get_paginator(self, queryset, per_page, **kwargs):
        return self.paginator_class(queryset, per_page, count=self.counts.total, **kwargs)

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.filterset.page_number)  # past the end: the last page
        return paginator, page, page.object_list, page.has_other_pages()

    def error_list(self) -> list[tuple[str, str]]:
        form = self.filterset.form
        return [
            (form.fields[name].label if name in form.fields else name, message)
            for name, messages in form.errors.items()
            for message in messages
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filterset.form
        context.update(
            form=form,
            sort_choices=self.sort_choices(),
            current_sort="" if self.filterset.sort == DEFAULT_SORT else self.filterset.sort,
            intensity_bounds=[
                {
                    "name": name,
                    "label": label,
                    "value": str(form[name].value() or ""),
                    "errors": form[name].errors,
                }
                for name, label in (("intensity_min", "From"), ("intensity_max", "To"))
            ],
            selection=self.selection,
            page_query=self.selection.page_query,
            counts=self.counts,
            price_range=(
                (listing.money(self.counts.price_low), listing.money(self.counts.price_high))
                if self.counts.price_low is not None
                else None
            ),
            panels=listing.panels(self.selection, self.counts),
            chips=listing.chips(self.selection, self.counts),
            input_errors=self.error_list(),
        )
        return context

    def sort_choices(self) -> list[tuple[str, str]]:
        """For the select: the default sort has an empty value, so it stays out of URLs."""
        ranked = search.ranks(self.filterset.search_text)
        return [
            ("", "Best match" if ranked else label) if value == DEFAULT_SORT else (value, label)
            for value, label in SORT_CHOICES
        ]

    def json_payload(self, context) -> dict:
        paginator, page = context["paginator"], context["page_obj"]
        payload = {
            "count": paginator.count,
            "page": page.number,
            "num_pages": paginator.num_pages,
            "results": [product_object(product) for product in page.object_list],
            "facets": {
                name: [option.as_json() for option in self.counts.facets[name]]
                for name in listing.JSON_FACETS
            },
        }
        if self.filterset.errors:
            payload["errors"] = {
                name: [str(message) for message in messages]
                for name, messages in self.filterset.errors.items()
            }
        return payload


class CategoryView(ProductListView):
    """A category's page: the catalog with the category chosen, under its intro and notes."""

    template_name = "catalog/category.html"

    def get(self, request, *args, **kwargs):
        try:
            self.category = Category.objects.prefetch_related("safety_notes").get(
                slug=kwargs["slug"]
            )
        except Category.DoesNotExist:
            if wants_json(request):
                response = JsonResponse(
                    {"errors": {"category": ["There is no such category."]}}, status=404
                )
                patch_vary_headers(response, ["Accept"])
                return response
            raise Http404("No such category") from None
        return super().get(request, *args, **kwargs)

    def redirect_to_clean_url(self):
        """`?category=` on a category page means several categories: that is the catalog."""
        if "category" not in self.request.GET:
            return super().redirect_to_clean_url()
        pairs = [(n, v) for n, values in self.request.GET.lists() for v in values if v.strip()]
        categories = dict.fromkeys([self.category.slug, *(v for n, v in pairs if n == "category")])
        others = [(name, value) for name, value in pairs if name != "category"]
        query = urlencode([("category", slug) for slug in categories] + others)
        return HttpResponseRedirect(f"{reverse('catalog:list')}?{query}")

    def filter_data(self):
        data = self.request.GET.copy()
        data.setlist("category", [self.category.slug])
        return data

    def selection_urls(self) -> dict:
        return {
            "list_url": reverse("catalog:list"),
            "category_slug": self.category.slug,
            "category_url": self.category.get_absolute_url(),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class ProductDetailView(DetailView):
    template_name = "catalog/product_detail.html"
    context_object_name = "product"

    def get_queryset(self):
        products = Product.objects.with_card_data()
        if self.request.user.is_staff:
            return products  # curators may look at a product before publishing it
        return products.published()

    def get_context_data(self, **kwargs):
        product = self.object
        related = (
            Product.objects.published()
            .with_card_data()
            .filter(category_id=product.category_id)
            .exclude(pk=product.pk)
            .order_by("-is_featured", "name")[:RELATED_PRODUCTS]
        )
        return super().get_context_data(related=related, **kwargs)
