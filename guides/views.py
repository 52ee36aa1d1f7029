from functools import cache

from django.conf import settings
from django.http import Http404
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView

from catalog.product_body import render_plain
from catalog.render_cache import remember, render_part, with_token
from catalog.views import CategoryView, ProductDetailView, ProductListView
from core.content import content_version
from core.curators import is_staff
from core.page_frame import FramedTemplateResponse
from core.site import absolute_url
from guides import selectors
from guides.canonical import guide_list_query, guide_page_query
from guides.drafts import draft_for, previewed
from guides.filters import GuideFilterSet, GuideLevelForm
from guides.models import Audience, Guide
from guides.pages import (
    article_json_ld,
    guide_word_count,
    level_switch,
    section_page,
    varies_by_level,
)
from guides.rendering import reading_minutes
from guides.search import guide_suggestions


def may_preview(user) -> bool:
    return user.is_authenticated and user.is_staff and user.has_perm("guides.change_guide")


class GuideListView(ListView):
    """The published guides, filtered by who they are written for (`level`) and by the
    catalog category they cover (`category`): a GET form. A bad value is left out and named,
    with a 400."""

    template_name = "guides/guide_list.html"
    context_object_name = "guides"
    page_cache_query = staticmethod(guide_list_query)

    def get(self, request, *args, **kwargs):
        content_version()  # publishes a scheduled draft that is due (core/content.py)
        self.filterset = GuideFilterSet(request.GET or None, queryset=selectors.published_guides())
        self.object_list = self.filterset.qs  # validates the form: bad values are left out
        bound = self.filterset.is_bound
        context = self.get_context_data(
            filter=self.filterset,
            filtered=bound and any(self.filterset.form.cleaned_data.values()),
            input_errors=self.filterset.input_errors() if bound else [],
        )
        return self.render_to_response(context, status=400 if context["input_errors"] else 200)


class GuideDetailView(DetailView):
    """A guide with its sections, callouts and picks. Unpublished guides are a 404 for
    customers and a preview for staff. `?level=beginner` or `?level=experienced` shows only
    that level's picks and callouts (the page's level switch); a bad level shows everything,
    says why, and answers 400.

    `?preview=draft` shows the guide's draft instead, to signed-in staff who may change guides
    only (anyone else gets the published page); such a page is never cached anywhere."""

    template_name = "guides/guide_detail.html"
    context_object_name = "guide"
    page_cache_query = staticmethod(guide_page_query)
    response_class = FramedTemplateResponse  # the layout around the page: core/page_frame.py
    draft = None

    def get(self, request, *args, **kwargs):
        self.level_form = GuideLevelForm(request.GET)
        self.level = self.level_form.chosen()
        if is_staff(request) or self.level_form.errors:
            page = self.page_part()  # previews, staff warnings, the visitor's bad level
        else:
            page = remember("guide-page", [self.kwargs["slug"], self.level], self.page_part)
        shown = {
            **page,
            "json_ld": mark_safe(page["json_ld"]),  # escaped by article_json_ld
            "body": with_token(request, page["body"]),
        }
        response = self.render_to_response(
            {"page": shown}, status=400 if self.level_form.errors else 200
        )
        response.framed = not is_staff(request) and self.draft is None
        if self.draft is not None:
            response.page_cache = False  # shop/page_cache.py: never kept, whoever asks
            add_never_cache_headers(response)
        return response

    def page_part(self) -> dict:
        """What the page shows of the guide: the head's title, summary, robots rule and
        schema.org data, and the body's HTML (a 404 when there is no such guide for this
        visitor). The same for every customer for one content version and level, so
        customers' pages keep it (catalog/render_cache.py)."""
        self.object = guide = self.get_object()
        context = self.get_context_data(object=guide)
        return {
            "title": guide.title,
            "summary": guide.summary,
            "noindex": not guide.is_published or self.draft is not None,
            "json_ld": str(context["article_json_ld"]),
            "body": render_part("guides/_guide_body.html", context, self.request),
        }

    def get_object(self, queryset=None):
        content_version()  # publishes a scheduled draft that is due (core/content.py)
        user = self.request.user
        try:
            guide = selectors.guide_for_page(self.kwargs["slug"], user)
        except Guide.DoesNotExist:
            raise Http404("No such guide.") from None
        if self.request.GET.get("preview") == "draft" and may_preview(user):
            self.draft = draft_for(guide)
            if self.draft is not None:
                return previewed(guide, self.draft)
        return guide

    def get_context_data(self, **kwargs):
        guide = self.object
        words = guide_word_count(guide)
        sections = [section_page(section, self.level) for section in guide.sections.all()]
        switch = varies_by_level(guide)
        return super().get_context_data(
            sections=sections,
            level=self.level,
            level_label=Audience(self.level).label,
            level_switch=level_switch(self.request.path, self.level) if switch else [],
            level_errors=self.level_form.errors.get("level", []),
            reading_minutes=reading_minutes(words),
            hidden_pick_count=sum(len(page.hidden) for page in sections),
            draft=self.draft,
            article_json_ld=article_json_ld(
                guide=guide,
                url=absolute_url(guide.get_absolute_url()),
                words=words,
                publisher=settings.SITE_NAME,
            ),
            **kwargs,
        )


def featured_in(product) -> list[dict]:
    """The guide sections that pick the product: from every product's picks, read once per
    page version and kept, or, when nothing is kept, from this product's picks alone."""
    if settings.RENDER_CACHE_SECONDS <= 0:
        return selectors.featured_in(product)
    featured = remember("product-page-featured-in", [], selectors.featured_in_by_product)
    return featured.get(product.pk, [])


FEATURED_IN = "guides/_featured_in.html"


@cache
def featured_nowhere() -> str:
    """What the section shows for a product no guide picks (most of a big catalog, where the
    template's render cost more than its few blank characters): rendered once per process."""
    return render_plain(FEATURED_IN, {"featured_in": []})


class GuidedProductDetailView(ProductDetailView):
    """The catalog's product page, plus the guides that pick the product."""

    def product_extra(self) -> str:
        entries = featured_in(self.object)
        if not entries:
            return featured_nowhere()
        return render_plain(FEATURED_IN, {"featured_in": entries})


class GuideSuggestionsMixin:
    """A catalog search that finds nothing suggests guides as well (guides/search.py)."""

    def more_suggestions(self, listing) -> list:
        return [*super().more_suggestions(listing), *guide_suggestions(listing.search_plan)]


class GuidedProductListView(GuideSuggestionsMixin, ProductListView):
    """The catalog, whose empty searches suggest guides too."""


class GuidedCategoryView(GuideSuggestionsMixin, CategoryView):
    """The catalog's category page, plus a link to the guide section about the category."""

    template_name = "guides/category.html"

    def guide_section(self, category):
        """The guide section about the category, or None; for customers, kept per page
        version as the category is (catalog/render_cache.py)."""

        def read():
            return [selectors.sections_for_categories([category.pk]).get(category.pk)]

        if is_staff(self.request):
            return read()[0]
        return remember("category-page-guide-section", [category.pk], read)[0]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        section = self.guide_section(context["category"])
        context["guide_section"] = section
        context["guide_section_url"] = section.get_absolute_url() if section else None
        return context
