from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.template.defaultfilters import truncatewords
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterMixin

from catalog import card_rows, product_body, selectors
from catalog.canonical import canonical_query
from catalog.cards import page_cards
from catalog.drafts import description_draft_for
from catalog.facet_index import FacetIndex, current_index
from catalog.facet_listing import IndexedIds
from catalog.filters import ProductFilterSet
from catalog.forms import PAGE_SIZE
from catalog.html_values import escaped
from catalog.models import Category, Product, StorePage
from catalog.product_page import assurances, category_part, related_cards
from catalog.product_read import load_relations, read_product, read_product_and_versions
from catalog.render_cache import remember, with_token
from catalog.serializers import listing_object
from catalog.sizes import RingSizeForm
from core.content import content_version, versions_read
from core.curators import is_staff
from core.page_frame import FramedTemplateResponse


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


class ProductListView(FilterMixin, ListView):
    """The catalog: published products filtered by the shared query parameters (validated by
    `ProductFilterSet`), with facet counts, 24 a page; JSON for `Accept: application/json`.

    Bad parameters give 400 with the page (or JSON with `errors`), filtered by the valid
    parameters that remain. A page past the end shows the last page. The page's data comes
    from `catalog.selectors`; the view picks the parameters, paginates and renders.
    """

    template_name = "catalog/product_list.html"
    response_class = FramedTemplateResponse  # the layout around the listing: core/page_frame.py
    context_object_name = "products"
    filterset_class = ProductFilterSet
    category: Category | None = None  # a category page's own category
    index: FacetIndex | None = None  # the facet index, when the view has read it already
    paginate_by = PAGE_SIZE
    paginator_class = CountedPaginator
    # The whole-page cache keys these pages by their canonical parameters (shop.page_cache).
    page_cache_query = staticmethod(canonical_query)

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

    def get_queryset(self):
        return Product.objects.published()

    def filter_data(self):
        return self.request.GET

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "data": self.filter_data()}

    def listing_response(self):
        as_json = wants_json(self.request)
        self.listing = selectors.product_listing(
            self.get_filterset(self.get_filterset_class()),
            list_url=reverse("catalog:list"),
            category=self.category,
            materials=as_json,
            index=self.index,
        )
        help_ = self.listing.search_help
        if help_ is not None and not help_.found:
            help_.suggestions += self.more_suggestions(self.listing)
        # A page of products for the JSON; of ids for the HTML, whose cards read what they need
        # (catalog.card_rows: the columns a card shows).
        products = self.listing.products
        self.object_list = products if as_json else IndexedIds(products)
        context = self.get_context_data()
        status = 400 if self.listing.errors else 200
        if as_json:
            response = JsonResponse(
                listing_object(self.listing, context["page_obj"]), status=status
            )
        else:
            context["cards"] = page_cards(context["products"], card_rows.read)
            response = self.render_to_response(context, status=status)
            response.framed = not is_staff(self.request)
        if self.listing.page_number > context["paginator"].num_pages:
            response.page_cache = False  # the last page, shown under another page's address
        return response

    def more_suggestions(self, listing) -> list:
        """Suggestions beyond the catalog's own when a search found nothing (a floor up, the
        guides add theirs: see guides.views.GuidedProductListView)."""
        return []

    def get_paginator(self, queryset, per_page, **kwargs):
        return self.paginator_class(queryset, per_page, count=self.listing.counts.total, **kwargs)

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.listing.page_number)  # past the end: the last page
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.page_context(self.listing))
        return context


class CategoryView(ProductListView):
    """A category's page: the catalog with the category chosen, under its intro and notes."""

    template_name = "catalog/category.html"

    def get(self, request, *args, **kwargs):
        try:
            self.category = self.category_of(kwargs["slug"])
        except Category.DoesNotExist:
            if wants_json(request):
                response = JsonResponse(
                    {"errors": {"category": ["There is no such category."]}}, status=404
                )
                patch_vary_headers(response, ["Accept"])
                return response
            raise Http404("No such category") from None
        return super().get(request, *args, **kwargs)

    def category_of(self, slug: str) -> Category:
        """The page's category with its safety notes, or Category.DoesNotExist."""
        categories = Category.objects.prefetch_related("safety_notes")
        if is_staff(self.request):  # staff see it before it goes live, with a banner
            return categories.get(slug=slug)
        # Live as the facet index knows it (Category.objects.live(), at this request's stock):
        # no query of its own, and the page's index is that one. The category with its notes
        # is the same for every customer for one page version: kept (catalog/render_cache.py).
        self.index = current_index()
        live = [row.pk for row in self.index.stock().live_categories if row.slug == slug]
        if not live:
            raise Category.DoesNotExist
        return remember("category-page-category", live, lambda: categories.get(pk=live[0]))

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

    def get_context_data(self, **kwargs):
        hidden_reason = self.category.hidden_reason if is_staff(self.request) else ""
        return super().get_context_data(
            category=self.category, category_hidden_reason=hidden_reason, **kwargs
        )


DESCRIPTION_WORDS = 30  # the description block's words: its template's `truncatewords:30`


def head_blocks(name: str, description: str) -> dict[str, str]:
    """The product page's title and description blocks (`catalog/product_detail.html`:
    `{{ page.name }}`, `{{ page.description|truncatewords:30 }}`), as they render: made once
    with the kept body, not rendered by the template at every visit."""
    words = description.split()
    if len(words) <= DESCRIPTION_WORDS:  # what `truncatewords` makes of it: its words, spaced
        short = " ".join(words)
    else:
        short = truncatewords(description, DESCRIPTION_WORDS)
    return {"title": escaped(name), "description": escaped(short)}


class ProductDetailView(DetailView):
    """A product. `?preview=draft` shows its description draft to staff who may change
    products (anyone else gets the published page); such a page is never cached.

    The page's body is the same for every customer for one content version, so it is kept
    (catalog/render_cache.py, keyed by the slug): a customer's request then reads no product.
    Staff always get it made afresh (they see unpublished products, drafts and warnings)."""

    template_name = "catalog/product_detail.html"
    context_object_name = "product"
    response_class = FramedTemplateResponse  # the layout around the body: core/page_frame.py
    draft = None
    read_first = None  # the product, read with the content version (`read_with_versions`)

    def get_object(self, queryset=None):
        content_version()  # publishes a scheduled description draft that is due
        # One query: its row says its photos, materials and notes, mostly with no other
        # query (catalog.product_read). Its category, with the category's notes, comes from
        # what product pages share (catalog.product_page). Curators may look at a product
        # before publishing it.
        slug = self.kwargs[self.slug_url_kwarg]
        product = self.read_first or read_product(slug, published=not is_staff(self.request))
        if product is None:
            raise Http404(f"No {Product._meta.verbose_name} found matching the query")
        self.relations = load_relations(product)
        self.category_part = category_part(product.category_id)
        product.category = self.category_part.category  # with its notes, kept per version
        if (
            is_staff(self.request)  # first: a customer's query string is never parsed
            and self.request.GET.get("preview") == "draft"
            and self.request.user.has_perm("catalog.change_product")
        ):
            self.draft = description_draft_for(product)
            if self.draft is not None:
                product.description = self.draft.description
        return product

    def get(self, request, *args, **kwargs):
        if is_staff(request):
            page = self.page_part()
        else:
            self.read_with_versions()
            parts = [product_body.BODY, type(self).__name__, self.kwargs[self.slug_url_kwarg]]
            # Most products are asked for once per version in a big catalog (render_cache).
            page = remember("product-page", parts, self.page_part, long_tail=True)
        context = {**page, "body": with_token(request, page["body"])}
        response = self.render_to_response({"page": context})
        response.framed = not is_staff(request) and self.draft is None
        response.blocks = {**page["blocks"], "content": context["body"]}
        if self.draft is not None:  # a preview: never kept by any cache (shop/page_cache.py)
            response.page_cache = False
            add_never_cache_headers(response)
        return response

    def read_with_versions(self) -> None:
        """A customer's request that has not read the content version yet (the whole-page
        cache is off, or did not need it) reads it and the product in one query
        (`catalog.product_read.read_product_and_versions`): one round trip where there were
        two. Most visits to a big catalog's products are its first under the version, so its
        body is made from that product; when the body is kept, the product goes unused."""
        if not versions_read():
            self.read_first = read_product_and_versions(self.kwargs[self.slug_url_kwarg])

    def page_part(self) -> dict:
        """What the page shows of the product: its name and description for the head, and
        the body's HTML (a 404 when there is no such product for this visitor)."""
        product = self.object = self.get_object()
        body = product_body.body(
            product,
            category_url=self.category_part.url,
            related=related_cards(self.category_part, product),
            relations=self.relations,
            category_notes=self.category_part.notes,
            path=self.request.path,
            extra=self.product_extra(),
            draft=self.draft,
            assurances=assurances(self.request),
        )
        return {
            "name": product.name,
            "description": product.description,
            "body": body,
            "blocks": head_blocks(product.name, product.description),
        }

    def product_extra(self) -> str:
        """HTML shown below the product's details (none here; see guides.views)."""
        return ""


class StorePageView(DetailView):
    """A staff-editable page (delivery, returns): `catalog.StorePage`."""

    template_name = "catalog/store_page.html"
    context_object_name = "page"
    model = StorePage


class SizeGuideView(TemplateView):
    """How sizes are measured, and a ring's inner diameter from a measured circumference (a
    GET form: nothing is stored; the page's script does the same sum as you type)."""

    template_name = "catalog/size_guide.html"

    def get(self, request, *args, **kwargs):
        form = RingSizeForm(request.GET if "circumference" in request.GET else None)
        status = 400 if form.is_bound and not form.is_valid() else 200
        context = self.get_context_data(form=form, diameter=form.diameter(), **kwargs)
        return self.render_to_response(context, status=status)
