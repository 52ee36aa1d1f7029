"""Guides suggested by a catalog search that found nothing (catalog.suggestions makes the
rest of the page's search help; catalog cannot import guides, so the guides' catalog views
add these). The guides that talk about the words, or about a category the words name, come
first; without any, the first guides of the shop: never a dead end. At most two queries."""

from django.db.models import Q

from catalog.search_terms import SearchPlan
from catalog.suggestions import Suggestion
from guides.models import Guide

MAX_GUIDE_SUGGESTIONS = 3
MAX_TERMS = 12  # words looked for in the guides' text
MIN_TERM_LENGTH = 3


def search_terms(search_plan: SearchPlan) -> list[str]:
    terms = [alt for group in search_plan.groups for alt in group]
    terms += [*search_plan.related, *search_plan.corrections.values()]
    kept = [t for t in dict.fromkeys(terms) if len(t) >= MIN_TERM_LENGTH]
    return kept[:MAX_TERMS]


def guide_suggestions(search_plan: SearchPlan) -> list[Suggestion]:
    guides = Guide.objects.published().order_by("position", "title", "pk")
    condition = Q()
    for term in search_terms(search_plan):
        for field in ("title", "summary", "sections__heading", "sections__body"):
            condition |= Q(**{f"{field}__icontains": term})
    categories = set(search_plan.category_ids)
    if search_plan.related and search_plan.vocab:
        categories |= set(search_plan.categories_named(search_plan.related))
    if categories:
        condition |= Q(sections__category_id__in=categories)
    found = list(guides.filter(condition).distinct()[:MAX_GUIDE_SUGGESTIONS]) if condition else []
    if not found:
        found = list(guides[:MAX_GUIDE_SUGGESTIONS])
    return [Suggestion("guide", guide.title, guide.get_absolute_url()) for guide in found]
