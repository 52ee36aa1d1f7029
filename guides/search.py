"""Guides suggested by a catalog search that found nothing (catalog.suggestions makes the
rest of the page's search help; catalog cannot import guides, so the guides' catalog views
add these). The guides that talk about the words, or about a category the words name, come
first; without any, the first guides of the shop: never a dead end.

What is found depends only on the guides, each word and the categories, so it is kept in this
process per content version without stock (`catalog.per_version`, the keeper the catalog's
indexes use: every change to a guide moves the version, a stock sync does not): the published
guides in their order, and the guides each word is found in (`icontains` over titles,
summaries and every section's heading and text) and those about each set of categories, read
together in one query for the words not seen yet. A search that finds nothing (a quarter of
varied two-word searches) then costs no query once its words were seen: the same words come
back in other searches. Up to `MAX_KEPT` words and category sets per version, then forgotten;
`KEEP_PER_VERSION` off (the tests) reads them afresh for every search."""

from dataclasses import dataclass, field

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q

from catalog import per_version
from catalog.search_terms import SearchPlan
from catalog.suggestions import Suggestion
from guides.models import Guide, Section

MAX_GUIDE_SUGGESTIONS = 3
MAX_TERMS = 12  # words looked for in the guides' text
MIN_TERM_LENGTH = 3
MAX_KEPT = 4096  # words and category sets kept per version (a set of guide ids each)


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


@dataclass
class KeptGuides:
    """The published guides in order and which of them each word and category set finds, for
    one version."""

    version: int
    guides: list[Guide]  # every published guide, in the suggestions' order
    found: dict = field(default_factory=dict)  # a word, or a frozenset of categories -> ids

    def found_for(self, keys: list) -> dict:
        """The ids of the guides each key finds: one query for the keys not known yet."""
        unknown = [key for key in dict.fromkeys(keys) if key not in self.found]
        if unknown:
            flags = {f"finds_{number}": finds(key) for number, key in enumerate(unknown)}
            rows = list(Guide.objects.published().annotate(**flags).values_list("pk", *flags))
            if len(self.found) + len(unknown) > MAX_KEPT:
                self.found = {key: self.found[key] for key in keys if key in self.found}
            for number, key in enumerate(unknown):
                self.found[key] = frozenset(row[0] for row in rows if row[number + 1])
        return {key: self.found[key] for key in keys}


def read_guides(version: int) -> KeptGuides:
    return KeptGuides(version, list(Guide.objects.published().order_by("position", "title", "pk")))


keeper = per_version.Keeper(read_guides)


def forget() -> None:
    """Drop this process's copy (as a freshly started worker would have none)."""
    keeper.forget()


def search_terms(search_plan: SearchPlan) -> list[str]:
    terms = [alt for group in search_plan.groups for alt in group]
    terms += [*search_plan.related, *search_plan.corrections.values()]
    kept = [t for t in dict.fromkeys(terms) if len(t) >= MIN_TERM_LENGTH]
    return kept[:MAX_TERMS]


def guide_suggestions(search_plan: SearchPlan) -> list[Suggestion]:
    """The first guides (in position, title order) that have one of the words in their text
    or a section about one of the categories; else the first guides."""
    keys: list = list(search_terms(search_plan))
    categories = set(search_plan.category_ids)
    if search_plan.related and search_plan.vocab:
        categories |= set(search_plan.categories_named(search_plan.related))
    if categories:
        keys.append(frozenset(categories))
    kept = keeper.current()
    matching = set().union(*kept.found_for(keys).values())
    found = [guide for guide in kept.guides if guide.pk in matching] or kept.guides
    return [
        Suggestion("guide", guide.title, guide.get_absolute_url())
        for guide in found[:MAX_GUIDE_SUGGESTIONS]
    ]
