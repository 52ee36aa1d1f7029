"""The starter kit: one product per category, the best total score within the budget, exact.

Pure Python over a handful of candidates per category. Scores are small integers, so for
each category only the cheapest product at each score matters, and only per compatibility
class (a silicone toy and a silicone lube must never share a kit, nor latex and oil). The
search is a dynamic programme over (total score, compatibility flags) that keeps, for each
state, the cheapest way to reach it: exact, and tiny whatever the catalog's size.

Ties: the higher total score wins; then the lower total price; then the smaller tuple of
product ids in category order (deterministic, and independent of database collation).
"""

from dataclasses import dataclass
from decimal import Decimal

# Compatibility flags of one product (a bit mask).
SILICONE_LUBE = 1  # silicone-based or hybrid lube
OIL_LUBE = 2  # oil-based lube
SILICONE_TOY = 4  # a toy that meets lube and contains silicone
LATEX_TOY = 8  # a toy that meets lube and contains latex
CONFLICTS = (SILICONE_LUBE | SILICONE_TOY, OIL_LUBE | LATEX_TOY)


def compatible(flags: int) -> bool:
    """True when the products whose flags are OR-ed together are safe in one kit."""
    return all(flags & conflict != conflict for conflict in CONFLICTS)


@dataclass(frozen=True)
class Candidate:
    pk: int
    score: int
    price: Decimal
    flags: int = 0


@dataclass(frozen=True)
class Solution:
    items: tuple[Candidate, ...]  # one per group, in group order
    score: int
    total: Decimal


def _better(a: tuple, b: tuple) -> bool:
    """Is partial solution a = (price, ids, items) cheaper, or as cheap and smaller, than b?"""
    return (a[0], a[1]) < (b[0], b[1])


def _search(groups: list[list[Candidate]], budget: Decimal | None) -> dict:
    states = {(0, 0): (Decimal("0"), (), ())}
    for group in groups:
        following: dict = {}
        for (score, flags), (price, ids, items) in states.items():
            for candidate in group:
                new_flags = flags | candidate.flags
                if not compatible(new_flags):
                    continue
                new_price = price + candidate.price
                if budget is not None and new_price > budget:
                    continue  # prices are never negative: an over-budget prefix never recovers
                key = (score + candidate.score, new_flags)
                value = (new_price, ids + (candidate.pk,), items + (candidate,))
                if key not in following or _better(value, following[key]):
                    following[key] = value
        states = following
        if not states:
            break
    return states


def solve(groups: list[list[Candidate]], budget: Decimal | None) -> Solution | None:
    """The best kit taking exactly one candidate from every group, or None when no safe
    combination fits the budget (or a group is empty)."""
    if not groups or any(not group for group in groups):
        return None
    states = _search(groups, budget)
    if not states:
        return None
    (score, _), (total, _, items) = min(
        states.items(), key=lambda item: (-item[0][0], item[1][0], item[1][1])
    )
    return Solution(items=items, score=score, total=total)


def cheapest_total(groups: list[list[Candidate]]) -> Decimal | None:
    """What the cheapest safe combination costs, whatever its score (None if there is none)."""
    if not groups or any(not group for group in groups):
        return None
    states = _search(groups, None)
    return min((price for price, _, _ in states.values()), default=None)
