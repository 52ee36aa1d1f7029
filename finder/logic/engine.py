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
the index was read, the recommendation is made again with the stock read afresh, and if one is
still missing, over an index rebuilt from scratch.
Queries: none when the index and the cards are cached; 1 (the stock) after a stock change; 3
to rebuild the index after any other catalog change; 4 to load cards that are not cached yet.

The steps: `plan_category` (per chosen category, at the customer's level there: the rules,
`sort_by_rules`, `rank`, `hidden_examples`), the kit (`starter_kit`), the add-ons
(`add_ons`), then `assemble` with the loaded products.
"""

import heapq
from dataclasses import dataclass, field

from catalog.attributes import CategoryKind
from catalog.models import Category

from . import kit as kit_search
from . import starter_kit
from .add_ons import add_on_rows
from .answers import Answers
from .emptiness import diagnose_category
from .hard_rules import ASKED_ONLY_KINDS, Rule, hard_rules
from .index import (
    CHEAPEST_PER_CLASS,
    FinderIndex,
    build_index,
    finder_index,
    load_cards,
    restocked_index,
)
from .results import (
    AddOn,
    CategoryResult,
    HiddenGroup,
    HiddenProduct,
    Kit,
    LeftOut,
    Pick,
    Recommendations,
)
from .rule_groups import rule_groups
from .scoring import PREFERENCE_WEIGHT, points_by_price_from, rows_scorer
from .scoring import reasons as reasons_for

PICKS_PER_CATEGORY = 3
HIDDEN_EXAMPLES = 3
assert max(PICKS_PER_CATEGORY, HIDDEN_EXAMPLES) <= CHEAPEST_PER_CLASS


def chosen_categories(answers: Answers, index: FinderIndex) -> list[Category]:
    """The chosen categories in shop order. No choice means every category that assumes
    nothing about the customer's body (cock rings only when chosen)."""
    categories = index.categories
    if answers.categories:
        wanted = set(answers.categories)
        return [category for category in categories if category.slug in wanted]
    return [category for category in categories if category.kind not in ASKED_ONLY_KINDS]


def rank(rows, limit: int, answers: Answers) -> list[tuple]:
    """The best few products, (score, price, pk, class, offer), by score, then price, then
    id, of the classes scored in `rows` (`scoring.rows_scorer`'s: their own order is that
    one, and no two share an id). Within a class a dearer product never scores more, so a class's
    cheapest is its best and the best few products lie in the classes whose cheapest are the
    best few: only their cheapest few are scored."""
    offers = []
    for negative, price, _, product_class in heapq.nsmallest(limit, rows):
        by_price = points_by_price_from(-negative, price, answers)
        for offer in product_class.cheapest:
            offers.append((-by_price(offer.price), offer.price, offer.pk, product_class, offer))
    return [
        (-negative, price, pk, product_class, offer)
        for negative, price, pk, product_class, offer in heapq.nsmallest(limit, offers)
    ]


@dataclass
class CategoryPlan:
    """What the finder decided about one chosen category, over the index."""

    category: Category
    answers: Answers  # at the customer's level in this category
    rules: tuple[Rule, ...]
    fitting: list = field(default_factory=list)  # the classes that break no rule
    breaking: dict[str, list] = field(default_factory=dict)  # rule key -> classes it hides
    counts: dict[str, int] = field(default_factory=dict)  # rule key -> products it hides
    scored: list = field(default_factory=list)  # the fitting classes, scored (`rows_scorer`)
    picks: list = field(default_factory=list)
    hidden: dict[str, list] = field(default_factory=dict)  # rule key -> example offers


def sort_by_rules(plan: CategoryPlan, groups) -> None:
    """Each class goes to the first rule it breaks, or to the fitting ones. `groups`: the
    category's classes by the rules they break (`rule_groups`): the first broken rule is found
    once a group, not once a class."""
    keys = [rule.key for rule in plan.rules]
    for group in groups:
        breaks = group.breaks
        broken = next((key for key in keys if key in breaks), "")
        if broken:
            plan.breaking.setdefault(broken, []).extend(group.classes)
            plan.counts[broken] = plan.counts.get(broken, 0) + group.size
        else:
            plan.fitting.extend(group.classes)


def hidden_examples(plan: CategoryPlan, score) -> dict[str, list]:
    """Per rule, the best few products it hides (their names only)."""
    return {
        key: [offer for *_, offer in rank(score(classes), HIDDEN_EXAMPLES, plan.answers)]
        for key, classes in plan.breaking.items()
    }


def plan_category(category: Category, answers: Answers, index: FinderIndex, kinds) -> CategoryPlan:
    own = answers.for_category(category.slug)
    plan = CategoryPlan(category=category, answers=own, rules=hard_rules(own, kinds))
    sort_by_rules(plan, rule_groups(index, category.pk))
    score = rows_scorer(category.kind, own)
    plan.scored = score(plan.fitting)
    plan.picks = rank(plan.scored, PICKS_PER_CATEGORY, own)
    plan.hidden = hidden_examples(plan, score)
    return plan


def recommend(answers: Answers, categories: list[Category] | None = None) -> Recommendations:
    """`categories`: the chosen categories when the caller has loaded them already (in shop
    order, as `chosen_categories` gives them)."""
    return _recommend(answers, categories, finder_index(), again=(restocked_index, build_index))


def _recommend(answers, categories, index: FinderIndex, again=()) -> Recommendations:
    """Plan each category, find the kit and the add-ons over the index, then load the products
    shown and assemble the results; if one has gone since the index was read, once more over
    the next of `again` (index makers, each fresher than the last)."""
    if categories is None:
        categories = chosen_categories(answers, index)
    if not categories:
        return Recommendations(answers=answers, results=(), kit=None, kit_message="")
    kinds = {category.kind for category in categories}
    plans = [plan_category(category, answers, index, kinds) for category in categories]
    scored = {plan.category.pk: plan.scored for plan in plans}
    slots, groups = starter_kit.kit_groups(plans, scored)
    solution = kit_search.solve(groups, answers.budget)
    classes = {pk: c for plan in plans for _, _, pk, c, _ in plan.picks}
    if solution:
        kit_pks = {item.pk for item in solution.items}
        classes.update({pk: c for plan in plans for _, _, pk, c in plan.scored if pk in kit_pks})
    toy_flags = 0
    for plan in plans:
        for *_, product_class, _ in plan.picks:
            toy_flags |= product_class.flags
    if solution:
        toy_flags |= solution.flags
    add_ons = add_on_rows(index, categories, answers, toy_flags)
    classes.update({offer.pk: product_class for offer, product_class, *_ in add_ons})

    shown = {pk for plan in plans for _, _, pk, _, _ in plan.picks}
    shown |= {offer.pk for offer, *_ in add_ons}
    if solution:
        shown |= {item.pk for item in solution.items}
    # The products on the page, with their card data (the hidden examples need only their
    # names, which the index holds), among the recommendable ones only.
    products = load_cards(shown)
    if len(products) < len(shown) and again:
        # The catalog changed since the index was read: look again.
        return _recommend(answers, categories, again[0](), again[1:])
    return assemble(answers, plans, products, classes, (slots, groups, solution), add_ons)


def assemble(answers, plans, products, classes, kit_search_result, add_ons) -> Recommendations:
    """The results as the customer sees them, from the plans and the loaded products (a
    product that has gone since is left out)."""

    def pick(pk: int, score: int, own: Answers) -> Pick:
        product = products[pk]
        reasons = reasons_for(product, own, classes[pk])
        over = answers.budget is not None and product.price > answers.budget
        shown = score // PREFERENCE_WEIGHT
        return Pick(product=product, score=shown, reasons=reasons, over_budget=over)

    results = tuple(_category_result(plan, pick, products) for plan in plans)
    slots, groups, solution = kit_search_result
    categories = [plan.category for plan in plans]
    own_answers = {plan.category.pk: plan.answers for plan in plans}
    kit, message = None, ""
    if solution and all(item.pk in products for item in solution.items):
        items = tuple(
            pick(item.pk, item.score, own_answers.get(products[item.pk].category_id, answers))
            for item in solution.items
        )
        missing = starter_kit.left_out(categories, slots, groups, solution, answers.budget)
        kit = Kit(
            items=items,
            total=solution.total,
            score=solution.score,
            notes=starter_kit.kit_notes(items),
            left_out=tuple(LeftOut(category, reason, cost) for category, reason, cost in missing),
        )
        message = starter_kit.kit_message(solution, groups, answers.budget, missing)
    elif solution:
        message = "No kit this time: the catalog just changed."
    else:
        message = starter_kit.kit_message(None, groups, answers.budget, [])
    extras = tuple(
        AddOn(pick=pick(offer.pk, 0, answers), why=why, for_category=slug)
        for offer, _, why, slug in add_ons
        if offer.pk in products
    )
    return Recommendations(
        answers=answers, results=results, kit=kit, kit_message=message, add_ons=extras
    )


GENTLEST = {CategoryKind.IMPACT: "The gentlest impact toy we have in stock"}


def _category_result(plan: CategoryPlan, pick, products) -> CategoryResult:
    category = plan.category
    rules = {rule.key: rule for rule in plan.rules}
    order = [rule.key for rule in plan.rules]
    picks = [pick(pk, score, plan.answers) for score, _, pk, _, _ in plan.picks if pk in products]
    if picks and plan.answers.is_beginner and category.kind in GENTLEST:
        intensities = {c.intensity for c in plan.fitting}
        intensities.discard(None)
        lowest = min(intensities, default=None)
        first = picks[0]
        if lowest is not None and first.product.intensity == lowest:
            reasons = (GENTLEST[category.kind], *first.reasons)
            picks[0] = Pick(first.product, first.score, reasons, first.over_budget)
    hidden = tuple(
        HiddenGroup(
            rule=key,
            reason=rules[key].why_not,
            count=plan.counts[key],
            examples=tuple(
                HiddenProduct(offer.slug, offer.name, category.slug, key, rules[key].why_not)
                for offer in plan.hidden[key]
            ),
        )
        for key in sorted(plan.hidden, key=order.index)
    )
    empty = None if plan.fitting else diagnose_category(category, plan.counts, plan.rules)
    return CategoryResult(
        category=category,
        picks=tuple(picks),
        hidden=hidden,
        empty=empty,
        level=plan.answers.level,
    )
