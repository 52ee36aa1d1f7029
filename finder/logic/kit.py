"""The starter kit: at most one product per group (one kind of product), exact.

Pure Python over a handful of candidates per group. For each group only the cheapest product
at each score matters, and only per compatibility class (a silicone toy and a silicone lube
must never share a kit, nor latex and oil). The search is a dynamic programme over (products
taken, total score, compatibility flags) that keeps, for each state, the cheapest way to reach
it: exact, and tiny whatever the catalog's size.

The best kit covers as many groups as the budget and compatibility allow (a partial kit says
what it leaves out); then the higher total score wins; then the lower total price; then the
smaller tuple of product ids in group order (deterministic, independent of collation).
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


_SAFE = tuple(map(compatible, range(2 * LATEX_TOY)))  # `compatible` of every mask of flags


@dataclass(frozen=True)
class Candidate:
    pk: int
    score: int
    price: Decimal
    flags: int = 0


@dataclass(frozen=True)
class Solution:
    items: tuple[Candidate, ...]  # at most one per group, in group order
    score: int
    total: Decimal
    left_out: tuple[int, ...] = ()  # the indexes of the groups it has nothing from

    @property
    def flags(self) -> int:
        flags = 0
        for item in self.items:
            flags |= item.flags
        return flags


def dominated(candidate: Candidate, other: Candidate) -> bool:
    """`other` is at least as good as `candidate` in any kit: it fits wherever `candidate` fits
    (no more flags, no dearer), scores as much, and wins the tie on price or id; so a best kit
    never holds `candidate` (put `other` in its place and the kit is better)."""
    return (
        other.flags | candidate.flags == candidate.flags
        and other.score >= candidate.score
        and other.price <= candidate.price
        and (
            other.score > candidate.score
            or other.price < candidate.price
            or other.pk < candidate.pk
        )
    )


def front(group: list[Candidate]) -> list[Candidate]:
    """The group's candidates that no other candidate dominates (`dominated`), in the group's
    order: the only ones the best kit can hold. Dominance is transitive, so comparing with the
    candidates kept so far (best first) is enough."""
    kept: list[Candidate] = []
    for candidate in sorted(group, key=lambda c: (-c.score, c.price, c.pk)):
        # `dominated(candidate, other)` written out: a call per pair cost more than the test
        flags, score, price, pk = candidate.flags, candidate.score, candidate.price, candidate.pk
        for other in kept:
            if (
                other.flags | flags == flags
                and other.score >= score
                and other.price <= price
                and (other.score > score or other.price < price or other.pk < pk)
            ):
                break
        else:
            kept.append(candidate)
    keep = set(map(id, kept))
    return [candidate for candidate in group if id(candidate) in keep]


def _search(groups: list[list[Candidate]], budget: Decimal | None) -> dict:
    """Every reachable (products taken, total score, flags), each with its cheapest way (then
    the smallest ids): a group may be passed over, so partial kits are states too. Only each
    group's `front` is tried: the rest never make the best kit."""
    states = {(0, 0, 0): (Decimal("0"), (), (), ())}
    for position, group in enumerate(groups):
        # Each state keeps its first way, or a cheaper one (then smaller ids) found later.
        following: dict = {}
        known_way = following.get
        # (pk, score, price, flags, candidate) read once a group, not once a state
        tried = [(c.pk, c.score, c.price, c.flags, c) for c in front(group)]
        for (count, score, flags), (price, ids, items, skipped) in states.items():
            key = (count, score, flags)  # passing this group over
            known = known_way(key)
            if known is None or (price, ids) < (known[0], known[1]):
                following[key] = (price, ids, items, skipped + (position,))
            for pk, points, cost, own_flags, candidate in tried:
                new_flags = flags | own_flags
                if not _SAFE[new_flags]:
                    continue
                new_price = price + cost
                if budget is not None and new_price > budget:
                    continue  # prices are never negative: an over-budget prefix never recovers
                key = (count + 1, score + points, new_flags)
                known = known_way(key)
                new_ids = ids + (pk,)
                if known is None or (new_price, new_ids) < (known[0], known[1]):
                    following[key] = (new_price, new_ids, items + (candidate,), skipped)
        states = following
    return states


def solve(groups: list[list[Candidate]], budget: Decimal | None) -> Solution | None:
    """The best kit within the budget: as many groups covered as can be (safely, within the
    budget), then the best total score, the lowest total, the smallest ids in group order.
    None when no product at all fits."""
    if not groups:
        return None
    states = _search(groups, budget)
    (count, score, _), (total, _, items, skipped) = min(
        states.items(), key=lambda item: (-item[0][0], -item[0][1], item[1][0], item[1][1])
    )
    if not count:
        return None
    return Solution(items=items, score=score, total=total, left_out=skipped)


def cost_to_add(solution: Solution, group: list[Candidate]) -> Decimal | None:
    """What the cheapest product of a group left out costs, among those safe with the kit
    (None when none is)."""
    flags = solution.flags
    prices = [c.price for c in group if compatible(flags | c.flags)]
    return min(prices, default=None)
