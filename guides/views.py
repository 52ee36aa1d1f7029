from django.conf import settings
from django.http import Http404
from django.views.generic import DetailView, ListView

from catalog.views import CategoryView, ProductDetailView
from guides import selectors
from guides.models import Guide
from guides.pages import article_json_ld, guide_word_count, section_page
from guides.rendering import reading_minutes


class GuideListView(ListView):
    template_name = "guides/guide_list.html"
    context_object_name = "guides"

    def get_queryset(self):
        return selectors.published_guides()


class GuideDetailView(DetailView):
    """A guide with its sections, callouts and picks. Unpublished guides are a 404 for
    customers and a preview for staff."""

    template_name = "guides/guide_detail.html"
    context_object_name = "guide"

    def get_object(self, queryset=None):
        try:
            return selectors.guide_for_page(self.kwargs["slug"], self.request.user)
        except Guide.DoesNotExist:
            raise Http404("No such guide.") from None

    def get_context_data(self, **kwargs):
        guide = self.object
        words = guide_word_count(guide)
        sections = [section_page(section) for section in guide.sections.all()]
        return super().get_context_data(
            sections=sections,
            reading_minutes=reading_minutes(words),
            hidden_pick_count=sum(len(page.hidden) for page in sections),
            article_json_ld=article_json_ld(
                guide=guide,
                url=self.request.build_absolute_uri(guide.get_absolute_url()),
                words=words,
                publisher=settings.SITE_NAME,
            ),
            **kwargs,
        )


class GuidedProductDetailView(ProductDetailView):
    """The catalog's product page, plus the guides that pick the product."""

    template_name = "guides/product_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["featured_in"] = selectors.featured_in(self.object)
        return context


class GuidedCategoryView(CategoryView):
    """The catalog's category page, plus a link to the guide section about the category."""

    template_name = "guides/category.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        category = context["category"]
        section = selectors.sections_for_categories([category.pk]).get(category.pk)
        context["guide_section"] = section
        context["guide_section_url"] = section.get_absolute_url() if section else None
        return context
