"""Curator tool: which answers would leave a category (nearly) empty?

Counts, for every combination of experience level x category x the safety answers (latex
allergy, owns silicone toys, uses latex condoms), what the finder could pick, over the finder's
index (class sizes): no query of its own once the index is current.
"""

from dataclasses import dataclass
from itertools import product as cartesian

from catalog.models import Category, Level

from .answers import Answers
from .hard_rules import allowed, hard_rules
from .index import finder_index

SAFETY_ANSWERS = ("latex_allergy", "owns_silicone_toys", "uses_latex_condoms")
MINIMUM = 2  # fewer safe, in-stock products than this for a combination is a gap


@dataclass(frozen=True)
class Combination:
    category: Category
    level: str
    latex_allergy: bool
    owns_silicone_toys: bool
    uses_latex_condoms: bool
    count: int  # safe, in-stock products the finder could pick

    @property
    def answers(self) -> Answers:
        return Answers(
            level=self.level,
            categories=(self.category.slug,),
            latex_allergy=self.latex_allergy,
            owns_silicone_toys=self.owns_silicone_toys,
            uses_latex_condoms=self.uses_latex_condoms,
        )


def _combinations():
    for level in Level.values:
        for flags in cartesian((False, True), repeat=len(SAFETY_ANSWERS)):
            yield level, dict(zip(SAFETY_ANSWERS, flags, strict=True))


def coverage() -> list[Combination]:
    """Every combination with the number of products the finder could pick for it."""
    index = finder_index()
    rows = []
    for category in index.categories:
        own = [c for c in index.by_category.get(category.pk, ()) if c.pickable]
        for level, flags in _combinations():
            rules = hard_rules(Answers(level=level, **flags), {category.kind})
            count = sum(c.size for c in own if allowed(c, rules))
            rows.append(Combination(category=category, level=level, count=count, **flags))
    return rows


def gaps(minimum: int = MINIMUM) -> list[Combination]:
    """The combinations that return fewer than `minimum` safe, in-stock products."""
    return [combination for combination in coverage() if combination.count < minimum]
