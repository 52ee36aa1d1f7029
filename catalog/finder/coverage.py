"""Curator tool: which answers would leave a category (nearly) empty?

Runs every combination of experience level x category x the safety answers (latex allergy,
owns silicone toys, uses latex condoms) in two queries whatever the number of categories or
products: one for the categories, one grouped count with a filtered COUNT per combination.
"""

from dataclasses import dataclass
from itertools import product as cartesian

from django.db.models import Count

from catalog.models import Category, Level

from .answers import Answers
from .rules import allowed_q, pickable

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
    combinations = list(_combinations())
    aggregates = {
        f"n{index}": Count("pk", filter=allowed_q(Answers(level=level, **flags)))
        for index, (level, flags) in enumerate(combinations)
    }
    counts = {
        row.pop("category_id"): row
        for row in pickable().order_by().values("category_id").annotate(**aggregates)
    }
    rows = []
    for category in Category.objects.order_by("position", "name", "pk"):
        found = counts.get(category.pk, {})
        for index, (level, flags) in enumerate(combinations):
            rows.append(
                Combination(
                    category=category, level=level, count=found.get(f"n{index}", 0), **flags
                )
            )
    return rows


def gaps(minimum: int = MINIMUM) -> list[Combination]:
    """The combinations that return fewer than `minimum` safe, in-stock products."""
    return [combination for combination in coverage() if combination.count < minimum]
