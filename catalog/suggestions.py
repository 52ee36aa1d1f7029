"""What a search page says about the search itself: the correction it used ("Showing matches
for paddle"), a "did you mean" when nothing matched, and suggestions to browse instead.

Categories are suggested here, from the search's vocabulary (no query). Guides are a floor up:
the guides' catalog view adds them (`guides.search.guide_suggestions`), since catalog never
imports guides. Every link is a plain GET: a corrected search or a page.
"""

from dataclasses import asdict, dataclass, field

from django.urls import reverse

from catalog.listing import Selection
from catalog.search_terms import SearchPlan, loose_corrections, words_of_query

MAX_CATEGORY_SUGGESTIONS = 5


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "category" or "guide"
    name: str
    url: str

    def as_json(self) -> dict:
        return asdict(self)


@dataclass
class SearchHelp:
    """`corrected`: the query as the search read it (results found) or as it might have been
    meant (nothing found); `found`: whether anything matched; `suggestions`: only when not."""

    query: str
    found: bool
    corrected: str | None = None
    corrected_url: str | None = None
    search_only: bool = True  # no other filter narrowed the page
    suggestions: list[Suggestion] = field(default_factory=list)

    @property
    def category_suggestions(self) -> list[Suggestion]:
        return [s for s in self.suggestions if s.kind == "category"]

    @property
    def guide_suggestions(self) -> list[Suggestion]:
        return [s for s in self.suggestions if s.kind == "guide"]

    def as_json(self) -> dict:
        did_you_mean = None
        if self.corrected:
            did_you_mean = {"q": self.corrected, "url": self.corrected_url}
        return {
            "did_you_mean": did_you_mean,
            "suggestions": [suggestion.as_json() for suggestion in self.suggestions],
        }


def search_help(search_plan: SearchPlan, total: int, selection: Selection) -> SearchHelp | None:
    """None without a search. With nothing found: a looser correction, and categories."""
    if not search_plan.groups:
        return None
    help_ = SearchHelp(
        query=search_plan.text,
        found=total > 0,
        search_only=set(selection.params) - {"sort"} == {"q"},
    )
    corrections = search_plan.corrections if total else loose_corrections(search_plan)
    if corrections:
        corrected = " ".join(corrections.get(w, w) for w in words_of_query(search_plan.text))
        help_.corrected = corrected
        help_.corrected_url = selection.url(selection.changed("q", [corrected]))
    if not total:
        help_.suggestions = category_suggestions(search_plan, corrections)
    return help_


def category_suggestions(search_plan: SearchPlan, corrections: dict[str, str]) -> list[Suggestion]:
    """The categories the words (or their related terms, or their corrections) name first,
    then the others: something to browse is better than a dead end."""
    alternatives = [*search_plan.related, *corrections.values()]
    named = set(search_plan.categories_named(alternatives)) if alternatives else set()
    named |= search_plan.category_ids
    categories = sorted(search_plan.vocab.categories, key=lambda c: c.pk not in named)
    return [
        Suggestion("category", c.name, reverse("catalog:category", kwargs={"slug": c.slug}))
        for c in categories[:MAX_CATEGORY_SUGGESTIONS]
    ]
