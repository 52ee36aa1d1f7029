"""Guides suggested by a catalog search that found nothing (catalog.suggestions makes the
rest of the page's search help; catalog cannot import guides, so the guides' catalog views
add these). The guides that talk about the words, or about a category the words name, come
first; without any, the first guides of the shop: never a dead end. At most two queries.

What is found depends only on the guides, the words looked for and the categories, so it is
kept in this process per content version without stock (`core.content`, read from the
database in this request; every change to a guide moves it, a stock sync does not): a search
that finds nothing is asked again and again by visitors ("steady whisper"), and the guides'
query (`icontains` over every section's text, ~1-3 ms of the worker's and the database's CPU)
is then run once per version and worker, not per search. Up to `MAX_KEPT` searches, then
forgotten; `KEEP_PER_VERSION` off (the tests) reads afresh every time."""

import threading

from django.conf import settings
from django.db.models import Q
from django.urls import get_script_prefix

from catalog.search_terms import SearchPlan
from catalog.suggestions import Suggestion
from core.content import content_version_without_stock
from guides.models import Guide

MAX_GUIDE_SUGGESTIONS = 3
MAX_TERMS = 12  # words looked for in the guides' text
MIN_TERM_LENGTH = 3
MAX_KEPT = 4096  # searches' suggestions kept per process (a few hundred bytes each)

_lock = threading.Lock()
_kept: dict[tuple, list[Suggestion]] = {}  # (version, prefix, terms, categories) -> found


def search_terms(search_plan: SearchPlan) -> list[str]:
    terms = [alt for group in search_plan.groups for alt in group]
    terms += [*search_plan.related, *search_plan.corrections.values()]
    kept = [t for t in dict.fromkeys(terms) if len(t) >= MIN_TERM_LENGTH]
    return kept[:MAX_TERMS]


def guide_suggestions(search_plan: SearchPlan) -> list[Suggestion]:
    terms = tuple(search_terms(search_plan))
    categories = set(search_plan.category_ids)
    if search_plan.related and search_plan.vocab:
        categories |= set(search_plan.categories_named(search_plan.related))
    if not settings.KEEP_PER_VERSION:  # tests: their changes do not move the version
        return found_guides(terms, categories)
    # The links hold the script prefix the site is served under: part of the key too.
    key = (content_version_without_stock(), get_script_prefix(), terms, frozenset(categories))
    found = _kept.get(key)
    if found is None:
        found = found_guides(terms, categories)
        with _lock:
            if len(_kept) >= MAX_KEPT:
                _kept.clear()  # older versions' are never asked for again
            _kept[key] = found
    return list(found)


def forget() -> None:
    """Drop this process's copies (as a freshly started worker would have none)."""
    with _lock:
        _kept.clear()


def found_guides(terms: tuple[str, ...], categories: set[int]) -> list[Suggestion]:
    """The guides about the terms or the categories, else the shop's first guides."""
    guides = Guide.objects.published().order_by("position", "title", "pk")
    condition = Q()
    for term in terms:
        for field in ("title", "summary", "sections__heading", "sections__body"):
            condition |= Q(**{f"{field}__icontains": term})
    if categories:
        condition |= Q(sections__category_id__in=categories)
    found = list(guides.filter(condition).distinct()[:MAX_GUIDE_SUGGESTIONS]) if condition else []
    if not found:
        found = list(guides[:MAX_GUIDE_SUGGESTIONS])
    return [Suggestion("guide", guide.title, guide.get_absolute_url()) for guide in found]
