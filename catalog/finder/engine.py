"""Answers in, recommendations out.

The finder ranks the whole catalog without a query of its own: it reads the finder's index
(`index`: recommendable products grouped into classes that it cannot tell apart but by price,
with each class's size and cheapest products), applies the hard rules and the score to each
class, and takes the best few. That is exact, not an approximation: within a class the score
can only fall as the price rises (the budget point), so the best few products of a category
are among the cheapest few of its classes, and so are the best hidden examples; the kit only
ever needs the cheapest of a class; and hidden counts and the empty-category diagnosis are sums
of class sizes. Then the products shown are loaded with their card data (`load_cards`: from
the shared cache, else 4 queries), among the recommendable products only; if one has gone since
the index was built, the index is rebuilt and the recommendation made again.
Queries: none when the index and the cards are cached; 3 to rebuild the index after a catalog
change, 4 to load cards that are not cached yet.
"""

from catalog.attributes import CategoryKind, LubricantBase, RestraintType
from catalog.models import Category

from . import kit as kit_search
from .answers import Answers
from .emptiness import diagnose
from .index import (
    CHEAPEST_PER_CLASS,
    FinderIndex,
    build_index,
    finder_index,
    load_cards,
)
from .results import (
    AddOn,
    CategoryResult,
    HiddenGroup,
    HiddenProduct,
    Kit,
    Pick,
    Recommendations,
)
from .rules import (
    LUBE_CONTACT_KINDS,
    OIL_BASES,
    SILICONE_BASES,
    allowed,
    hard_rules,
)
from .scoring import budget_points, explain, preference_points

PICKS_PER_CATEGORY = 3
HIDDEN_EXAMPLES = 3
assert max(PICKS_PER_CATEGORY, HIDDEN_EXAMPLES) <= CHEAPEST_PER_CLASS

SHEARS_WHY = (
    "Keep safety shears within reach whenever anyone is restrained: they cut through a stuck "
    "strap in seconds."
)
LUBE_WHY = "A lube that is safe with the toys above: rough or long play needs plenty of it."


def chosen_categories(answers: Answers, index: FinderIndex) -> list[Category]:
    """The chosen categories in shop order; no choice means every category."""
    categories = index.categories
    if answers.categories:
        wanted = set(answers.categories)
        return [category for category in categories if category.slug in wanted]
    return list(categories)


def _ranked(offers, limit: int) -> list[tuple]:
    """The best few scored offers by score, then price, then id."""
    return sorted(offers, key=lambda offer: (-offer[0], offer[1], offer[2]))[:limit]


def _scored_offers(classes, answers: Answers) -> list[tuple]:
    """(score, price, pk, class, offer) for the cheapest few products of each class."""
    offers = []
    for product_class in classes:
        points = preference_points(product_class, answers)
        for offer in product_class.cheapest:
            score = points + budget_points(offer.price, answers)
            offers.append((score, offer.price, offer.pk, product_class, offer))
    return offers


def recommend(answers: Answers, categories: list[Category] | None = None) -> Recommendations:
    """`categories`: the chosen categories when the caller has loaded them already (in shop
    order, as `chosen_categories` gives them)."""
    return _recommend(answers, categories, finder_index(), fresh=False)


def _recommend(answers, categories, index: FinderIndex, fresh: bool) -> Recommendations:
    if categories is None:
        categories = chosen_categories(answers, index)
    if not categories:
        return Recommendations(answers=answers, results=(), kit=None, kit_message="")
    kinds = {category.kind for category in categories}
    rules = hard_rules(answers, kinds)
    rule_keys = [rule.key for rule in rules]
    classes = [
        c for category in categories for c in index.by_category.get(category.pk, ()) if c.pickable
    ]

    picks_by_category: dict[int, list[tuple]] = {}
    hidden_by_category: dict[int, dict[str, list]] = {}
    kit_by_category: dict[int, dict[tuple, kit_search.Candidate]] = {}
    fitting: dict[int, list] = {}
    breaking: dict[tuple[int, str], list] = {}
    counts: dict[tuple[int, str], int] = {}
    for product_class in classes:
        cid = product_class.category_id
        broken = next((key for key in rule_keys if key in product_class.breaks), "")
        if broken:
            breaking.setdefault((cid, broken), []).append(product_class)
            counts[cid, broken] = counts.get((cid, broken), 0) + product_class.size
        else:
            fitting.setdefault(cid, []).append(product_class)
    for cid, fits in fitting.items():
        offers = _scored_offers(fits, answers)
        picks_by_category[cid] = _ranked(offers, PICKS_PER_CATEGORY)
        # The kit: the cheapest product of each (score, compatibility) class is all it needs
        # (within a class, the cheapest has the best score too).
        cheapest: dict[tuple, kit_search.Candidate] = {}
        for score, price, pk, product_class, offer in offers:
            if offer is not product_class.cheapest[0]:
                continue
            flags = product_class.flags
            known = cheapest.get((score, flags))
            if known is None or (price, pk) < (known.price, known.pk):
                cheapest[score, flags] = kit_search.Candidate(
                    pk=pk, score=score, price=price, flags=flags
                )
        kit_by_category[cid] = cheapest
    for (cid, broken), broken_classes in breaking.items():
        examples = _ranked(_scored_offers(broken_classes, answers), HIDDEN_EXAMPLES)
        hidden_by_category.setdefault(cid, {})[broken] = [offer for *_, offer in examples]

    # Only the categories where nothing fits need the diagnosis.
    empty = [category for category in categories if category.pk not in fitting]
    empty_ids = {category.pk for category in empty}
    empties = diagnose([c for c in classes if c.category_id in empty_ids], empty, answers)
    kit_groups = [
        sorted(kit_by_category[category.pk].values(), key=lambda c: (c.score, c.flags))
        for category in categories
        if kit_by_category.get(category.pk)
    ]
    solution, kit_message = _solve_kit(categories, kit_groups, answers, empties)
    pick_flags = [
        product_class.flags
        for picks in picks_by_category.values()
        for _, _, _, product_class, _ in picks
    ]
    add_on_rows = _add_on_rows(index, kinds, answers, pick_flags, solution)

    shown = {pk for picks in picks_by_category.values() for _, _, pk, _, _ in picks}
    shown |= {pk for pk, _ in add_on_rows}
    if solution:
        shown |= {item.pk for item in solution.items}
    # The products on the page, with their card data (the hidden examples need only their
    # names, which the index holds), among the recommendable ones only.
    products = load_cards(shown)
    if len(products) < len(shown):
        if not fresh:  # the catalog changed since the index was built: look again
            return _recommend(answers, categories, build_index(), fresh=True)
        if solution and any(item.pk not in products for item in solution.items):
            solution, kit_message = None, "No kit this time: the catalog just changed."
        add_on_rows = [(pk, why) for pk, why in add_on_rows if pk in products]

    def pick(pk: int, score: int) -> Pick:
        product = products[pk]
        reasons = explain(product, answers).reasons
        over = answers.budget is not None and product.price > answers.budget
        return Pick(product=product, score=score, reasons=reasons, over_budget=over)

    rules_by_key = {rule.key: rule for rule in rules}
    results = []
    for category in categories:
        picks = tuple(
            pick(pk, score)
            for score, _, pk, _, _ in picks_by_category.get(category.pk, ())
            if pk in products
        )
        groups = hidden_by_category.get(category.pk, {})
        hidden = tuple(
            HiddenGroup(
                rule=key,
                reason=rules_by_key[key].why_not,
                count=counts[category.pk, key],
                examples=tuple(
                    HiddenProduct(
                        offer.slug, offer.name, category.slug, key, rules_by_key[key].why_not
                    )
                    for offer in groups[key]
                ),
            )
            for key in sorted(groups, key=rule_keys.index)
        )
        results.append(
            CategoryResult(
                category=category, picks=picks, hidden=hidden, empty=empties.get(category.pk)
            )
        )

    kit = None
    if solution:
        items = tuple(pick(item.pk, item.score) for item in solution.items)
        kit = Kit(
            items=items,
            total=solution.total,
            score=solution.score,
            notes=_kit_notes(items),
        )
    add_ons = tuple(AddOn(pick=pick(pk, 0), why=why) for pk, why in add_on_rows)
    return Recommendations(
        answers=answers,
        results=tuple(results),
        kit=kit,
        kit_message=kit_message,
        add_ons=add_ons,
    )


def _solve_kit(categories, groups, answers, empties):
    left_out = [category.name.lower() for category in categories if category.pk in empties]
    if not groups:
        return None, "No kit this time: nothing fits in the categories you chose."
    solution = kit_search.solve(groups, answers.budget)
    if solution is None:
        cheapest = kit_search.cheapest_total(groups)
        if cheapest is None:
            return None, (
                "No kit this time: nothing here is safe to combine. Silicone-based and hybrid "
                "lubes damage silicone toys, and oil-based lube weakens latex, so do not pair "
                "the picks below with each other."
            )
        return None, (
            f"No kit fits a budget of £{answers.budget:.2f}: the cheapest safe combination of "
            f"these categories costs £{cheapest:.2f}. Raise the budget or leave a category out; "
            "the picks below are still worth a look."
        )
    if left_out:
        return solution, (
            f"The kit leaves out {_join(left_out)}: nothing there fits your answers yet."
        )
    return solution, ""


def _kit_notes(items: tuple[Pick, ...]) -> tuple[str, ...]:
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


def _add_on_rows(index, kinds, answers, pick_flags, solution) -> list[tuple[int, str]]:
    """Safety add-ons: a compatible lube with toys that meet lube (unless lube is chosen),
    safety shears with restraints, each the best product of its kind (in any category of that
    kind) under every hard rule."""
    rows = []

    def best(kind, accept, order):
        rules = hard_rules(answers, {kind})
        offers = []
        for product_class in index.by_kind.get(kind, ()):
            if accept(product_class) and allowed(product_class, rules):
                for offer in (product_class.cheapest[0], product_class.featured):
                    if offer is not None:
                        offers.append((order(product_class, offer), offer.pk))
        return min(offers)[1] if offers else None

    if kinds & set(LUBE_CONTACT_KINDS) and CategoryKind.LUBRICANTS not in kinds:
        # Safe with every toy shown, in the kit or among the picks: any of them may be bought.
        toy_flags = 0
        for flags in pick_flags + [item.flags for item in (solution.items if solution else ())]:
            toy_flags |= flags
        refused = set()
        if toy_flags & kit_search.SILICONE_TOY:
            refused |= set(SILICONE_BASES)
        if toy_flags & kit_search.LATEX_TOY:
            refused |= set(OIL_BASES)
        pk = best(
            CategoryKind.LUBRICANTS,
            lambda c: c.lubricant_base not in refused,
            lambda c, offer: (
                c.lubricant_base != LubricantBase.WATER,
                not offer.featured,
                offer.price,
                offer.pk,
            ),
        )
        if pk is not None:
            rows.append((pk, LUBE_WHY))
    if CategoryKind.RESTRAINTS in kinds:
        pk = best(
            CategoryKind.RESTRAINTS,
            lambda c: c.restraint_type == RestraintType.SAFETY_SHEARS,
            lambda c, offer: (not offer.featured, offer.price, offer.pk),
        )
        if pk is not None:
            rows.append((pk, SHEARS_WHY))
    return rows


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
