"""The starter kit over the finder's index: one group per kind of product (a vibrating ring is
a cock ring: never two of a kind), the exact search (`kit`), and what it leaves out."""

from decimal import Decimal

from catalog.attributes import CategoryKind

from . import kit as kit_search
from .hard_rules import LUBE_CONTACT_KINDS, kit_slot

INCOMPATIBLE = (
    "silicone-based and hybrid lubes damage silicone toys, and oil-based lube weakens latex"
)


def category_slot(category) -> str:
    """The kind of product a chosen category stands for in the kit."""
    if category.kind == CategoryKind.GENERAL:
        return f"category-{category.pk}"
    return category.kind


def kit_groups(plans, scored) -> tuple[list[str], list[list[kit_search.Candidate]]]:
    """(slots, candidates per slot), slots in the order of the chosen categories. `scored`:
    category id -> its fitting classes scored at their cheapest product (`scoring.rows_scorer`:
    (-score, price, pk, class)).
    Per slot, the cheapest product of each (score, compatibility) is all the search needs
    (within a class the cheapest has the best score too)."""
    by_slot: dict[str, dict[tuple, tuple]] = {}  # slot -> (score, flags) -> (price, pk)
    for plan in plans:
        rows = scored.get(plan.category.pk, ())
        if not rows:
            continue
        # A category's classes share its slot, but for vibrators (a vibrating ring is a ring).
        if plan.category.kind != CategoryKind.VIBRATORS:
            _keep_cheapest(by_slot.setdefault(kit_slot(rows[0][3]), {}), rows)
            continue
        own_slots: dict[str, list] = {}
        for row in rows:
            own_slots.setdefault(kit_slot(row[3]), []).append(row)
        for slot, slot_rows in own_slots.items():
            _keep_cheapest(by_slot.setdefault(slot, {}), slot_rows)
    candidates = {
        slot: [
            kit_search.Candidate(pk=pk, score=score, price=price, flags=flags)
            for (score, flags), (price, pk) in cheapest.items()
        ]
        for slot, cheapest in by_slot.items()
    }
    order = [category_slot(plan.category) for plan in plans]
    slots = sorted(by_slot, key=lambda s: (order.index(s) if s in order else len(order), s))
    groups = [sorted(candidates[s], key=lambda c: (c.score, c.flags, c.pk)) for s in slots]
    return slots, groups


def _keep_cheapest(cheapest: dict, rows) -> None:
    """Into `cheapest` ((score, flags) -> (price, pk)), the cheapest of `rows` (scored classes
    of one slot) at each score and compatibility. One call per category's rows, not per row:
    this runs over every fitting class of every request."""
    get = cheapest.get
    for negative, price, pk, product_class in rows:
        key = (-negative, product_class.flags)
        known = get(key)
        if known is None or (price, pk) < known:
            cheapest[key] = (price, pk)


def left_out(categories, slots, groups, solution, budget) -> list[tuple]:
    """(category, reason, cost) for each chosen category the kit has nothing of."""
    covered = set()
    if solution:
        covered = {slots[i] for i in range(len(slots)) if i not in solution.left_out}
    rows = []
    for category in categories:
        slot = category_slot(category)
        if slot in covered:
            continue
        name = category.name.lower()
        if slot not in slots:
            rows.append((category, f"Nothing in {name} fits your answers right now.", None))
            continue
        group = groups[slots.index(slot)]
        base = solution or kit_search.Solution(items=(), score=0, total=Decimal("0"))
        cost = kit_search.cost_to_add(base, group)
        if cost is None:
            reason = f"Nothing in {name} that suits you is safe with the rest of the kit: "
            rows.append((category, reason + INCOMPATIBLE + ".", None))
        else:
            rows.append(
                (
                    category,
                    f"Left out to stay within your budget: the {name} that suits you best for "
                    f"the money costs £{cost:.2f}, which would bring the kit to "
                    f"£{base.total + cost:.2f}.",
                    cost,
                )
            )
    return rows


def kit_message(solution, groups, budget, missing) -> str:
    """What the page says above (or instead of) the kit."""
    if solution is None:
        if not groups:
            return "No kit this time: nothing fits in the categories you chose."
        cheapest = min(c.price for group in groups for c in group)
        return (
            f"No kit fits a budget of £{budget:.2f}: the least that suits you costs "
            f"£{cheapest:.2f}. Raise the budget a little; the picks below are still worth a look."
        )
    if missing:
        names = [category.name.lower() for category, _, _ in missing]
        words = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return f"The kit leaves out {words}: see below for why, and what adding it would cost."
    return ""


def kit_notes(items) -> tuple[str, ...]:
    """Say why the kit's lube is safe with the toys beside it."""
    lubes = [p.product for p in items if p.product.category.kind == CategoryKind.LUBRICANTS]
    toys = [p.product for p in items if p.product.category.kind in LUBE_CONTACT_KINDS]
    notes = []
    for lube in lubes:
        base = lube.get_lubricant_base_display().lower()
        for toy in toys:
            materials = list(toy.materials.all())
            if any(material.is_silicone for material in materials):
                notes.append(
                    f"{lube.name} is {base}, so it is safe with the silicone in {toy.name}."
                )
            if any(material.contains_latex for material in materials):
                notes.append(
                    f"{lube.name} is not oil-based, so it is safe with the latex in {toy.name}."
                )
    return tuple(notes)
