"""The finder-gaps report grouped by cause, so one cause is one line of work for a curator.

A category that is not live (unpublished, or nothing recommendable in it) is left out of the
finder altogether (`catalog.models.CategoryQuerySet.live`): it is one row, with its reason,
instead of a row for every answer combination. For a live category each gap is put down to
the first of:
- the experience level alone (with no safety answer the level already finds too few);
- one safety answer alone (that answer by itself leaves too few: latex allergy, ...);
- the safety answers together (each is fine alone, not together).
"""

from dataclasses import dataclass, field

from catalog.models import Category

from .logic.coverage import MINIMUM, SAFETY_ANSWERS, Combination

ANSWER_WORDS = {
    "latex_allergy": "a latex allergy",
    "owns_silicone_toys": "owning silicone toys",
    "uses_latex_condoms": "using latex condoms",
}


@dataclass
class GapGroup:
    category: Category
    cause: str
    rows: list[Combination] = field(default_factory=list)


def _flags(row: Combination) -> tuple[bool, ...]:
    return tuple(getattr(row, name) for name in SAFETY_ANSWERS)


def cause_of(row: Combination, counts: dict, minimum: int = MINIMUM) -> str:
    """`counts`: (category pk, level, flags) -> count, for every combination."""
    none = (False,) * len(SAFETY_ANSWERS)
    if counts[(row.category.pk, row.level, none)] < minimum:
        return f"Too few products tagged for {row.level} people, whatever the answers"
    for i, name in enumerate(SAFETY_ANSWERS):
        if getattr(row, name):
            alone = tuple(j == i for j in range(len(SAFETY_ANSWERS)))
            if counts[(row.category.pk, row.level, alone)] < minimum:
                return f"Too few products safe for {ANSWER_WORDS[name]}"
    on = [ANSWER_WORDS[name] for name in SAFETY_ANSWERS if getattr(row, name)]
    return "Too few products safe for " + " and ".join(on) + " together"


def group_gaps(rows: list[Combination], minimum: int = MINIMUM) -> list[GapGroup]:
    """The gaps among `rows` (every combination), one group per category and cause, in the
    order the rows come (shop order)."""
    counts = {(r.category.pk, r.level, _flags(r)): r.count for r in rows}
    groups: dict[tuple[int, str], GapGroup] = {}
    for row in rows:
        if row.count >= minimum:
            continue
        cause = cause_of(row, counts, minimum)
        key = (row.category.pk, cause)
        if key not in groups:
            groups[key] = GapGroup(category=row.category, cause=cause)
        groups[key].rows.append(row)
    return list(groups.values())


def hidden_categories() -> list[tuple[Category, str]]:
    """Categories customers do not see, with why (the finder leaves them out): one query."""
    live = Category.objects.live().values("pk")
    hidden = Category.objects.exclude(pk__in=live).order_by("position", "name", "pk")
    return [
        (
            category,
            "Not published"
            if not category.is_published
            else "No published, in-stock product with a safety note",
        )
        for category in hidden
    ]
