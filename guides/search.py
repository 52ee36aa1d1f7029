"""Guides suggested by a catalog search that found nothing (catalog.suggestions makes the
rest of the page's search help; catalog cannot import guides, so the guides' catalog views
add these). The guides that talk about the words, or about a category the words name, come
first; without any, the first guides of the shop: never a dead end.

What is found depends only on the guides, each word and the categories, so it is kept in this
process per content version without stock (`core.content`, read from the database in this
request; every change to a guide moves it, a stock sync does not) and per script prefix (the
links hold it): the published guides in their order, the guides each word is found in
(`icontains` over titles, summaries and every section's heading and text) and those about each
set of categories, read together in one query for the words not seen yet. A search that finds
nothing (a quarter of varied two-word searches) then costs no query once its words were seen:
the same words come back in other searches. Up to `MAX_KEPT` words and category sets per
version, then forgotten; `KEEP_PER_VERSION` off (the tests) reads them afresh for every
search (in one query too)."""

import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.urls import get_script_prefix

from catalog.search_terms import SearchPlan
from catalog.suggestions import Suggestion
from core.content import content_version_without_stock
from guides.models import Guide, Section

MAX_GUIDE_SUGGESTIONS = 3
MAX_TERMS = 12  # words looked for in the guides' text
MIN_TERM_LENGTH = 3
MAX_KEPT = 4096  # words and category sets kept per version (a set of guide ids each)


@dataclass
class KeptGuides:
    """The published guides in order and which of them each word and category set finds,
    for one version and script prefix."""

    key: tuple  # (content version without stock, script prefix)
    guides: list[tuple[int, Suggestion]]  # every published guide, in the suggestions' order
    found: dict = field(default_factory=dict)  # a word, or a frozenset of categories -> ids

    def keep(self, found: dict) -> None:
        if len(self.found) + len(found) > MAX_KEPT:
            self.found.clear()
        self.found.update(found)


_lock = threading.Lock()
_kept: KeptGuides | None = None


def finds(key) -> ExpressionWrapper:
    """Whether a guide has the word in its title, summary or a section's heading or text
    (`icontains`), or, for a frozenset of categories, a section about one of them."""
    sections = Section.objects.filter(guide_id=OuterRef("pk"))
    if isinstance(key, frozenset):
        condition = Q(Exists(sections.filter(category_id__in=key)))
    else:
        in_sections = sections.filter(Q(heading__icontains=key) | Q(body__icontains=key))
        condition = Q(title__icontains=key) | Q(summary__icontains=key) | Q(Exists(in_sections))
    return ExpressionWrapper(condition, output_field=BooleanField())


def kept_guides(keys: list) -> KeptGuides:
    """This process's copy for this request's version and script prefix, knowing the keys
    (words, category sets): at most one query, for the keys not known yet (and the guides
    themselves at a new version)."""
    global _kept
    version = (content_version_without_stock(), get_script_prefix())
    kept = _kept if settings.KEEP_PER_VERSION else None  # tests: read afresh every time
    if kept is not None and kept.key != version:
        kept = None
    unknown = [key for key in dict.fromkeys(keys) if kept is None or key not in kept.found]
    if kept is not None and not unknown:
        return kept
    flags = {f"finds_{number}": finds(key) for number, key in enumerate(unknown)}
    guides = Guide.objects.published().order_by("position", "title", "pk").annotate(**flags)
    if kept is None:
        guides = list(guides)
        kept = KeptGuides(
            version, [(g.pk, Suggestion("guide", g.title, g.get_absolute_url())) for g in guides]
        )
        rows = [(g.pk, *(getattr(g, name) for name in flags)) for g in guides]
    else:
        rows = list(guides.values_list("pk", *flags))
    kept.keep(
        {
            key: frozenset(row[0] for row in rows if row[number + 1])
            for number, key in enumerate(unknown)
        }
    )
    if settings.KEEP_PER_VERSION:
        with _lock:
            _kept = kept
    return kept


def forget() -> None:
    """Drop this process's copy (as a freshly started worker would have none)."""
    global _kept
    with _lock:
        _kept = None


def search_terms(search_plan: SearchPlan) -> list[str]:
    terms = [alt for group in search_plan.groups for alt in group]
    terms += [*search_plan.related, *search_plan.corrections.values()]
    kept = [t for t in dict.fromkeys(terms) if len(t) >= MIN_TERM_LENGTH]
    return kept[:MAX_TERMS]


def guide_suggestions(search_plan: SearchPlan) -> list[Suggestion]:
    """The first guides (in position, title order) that have one of the words in their text
    or a section about one of the categories; else the first guides. At most one query."""
    keys: list = list(search_terms(search_plan))
    categories = set(search_plan.category_ids)
    if search_plan.related and search_plan.vocab:
        categories |= set(search_plan.categories_named(search_plan.related))
    if categories:
        keys.append(frozenset(categories))
    kept = kept_guides(keys)
    matching = set().union(*(kept.found[key] for key in keys))
    found = [suggestion for pk, suggestion in kept.guides if pk in matching]
    if not found:
        found = [suggestion for _pk, suggestion in kept.guides]
    return found[:MAX_GUIDE_SUGGESTIONS]
