"""Answers in, recommendations out: the finder's queries.

Every step is one grouped query with indexed filters and LIMIT-like window filters, so the
number of queries is the same for fifty products or fifty thousand: categories (1, or 0
when the caller passes them), picks, kit candidates and hidden examples (1, one pass), empty
categories (1), safety add-ons (0-2, by the kinds chosen), then the card data of the
products shown (4). The expressions are written for the chosen categories only (`Scope`),
which keeps them small: compiling SQL is most of the finder's time.
"""

from django.db.models import Count, F, IntegerField, Q, Value, Window
from django.db.models.expressions import Case, When
from django.db.models.functions import RowNumber

from catalog.attributes import CategoryKind, LubricantBase, RestraintType
from catalog.models import Category, Product

from . import kit as kit_search
from .answers import Answers
from .emptiness import diagnose
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
    ANY,
    LUBE_CONTACT_KINDS,
    OIL_BASES,
    SILICONE_BASES,
    Scope,
    allowed_q,
    broken_rule_expression,
    hard_rules,
    has_material,
    pickable,
)
from .scoring import explain, score_expression

PICKS_PER_CATEGORY = 3
HIDDEN_EXAMPLES = 3
ORDER = [F("score").desc(), F("price").asc(), F("pk").asc()]

SHEARS_WHY = (
    "Keep safety shears within reach whenever anyone is restrained: they cut through a stuck "
    "strap in seconds."
)
LUBE_WHY = "A lube that is safe with the toys above: rough or long play needs plenty of it."


def compatibility_flags(scope: Scope = ANY):
    """The kit compatibility flags of a product as a SQL expression (see `kit`)."""
    lubes = scope.kind_q(CategoryKind.LUBRICANTS)
    toys = scope.kind_q(*LUBE_CONTACT_KINDS)

    def flag(condition, bit):
        return Case(When(condition, then=Value(bit)), default=Value(0), output_field=IntegerField())

    flags = []
    if lubes is not None:
        flags.append(flag(lubes & Q(lubricant_base__in=SILICONE_BASES), kit_search.SILICONE_LUBE))
        flags.append(flag(lubes & Q(lubricant_base__in=OIL_BASES), kit_search.OIL_LUBE))
    if toys is not None:
        flags.append(flag(toys & Q(has_material(is_silicone=True)), kit_search.SILICONE_TOY))
        flags.append(flag(toys & Q(has_material(contains_latex=True)), kit_search.LATEX_TOY))
    if not flags:
        return Value(0, output_field=IntegerField())
    total = flags[0]
    for part in flags[1:]:
        total = total + part
    return total


def chosen_categories(answers: Answers) -> list[Category]:
    """The chosen categories in shop order; no choice means every category."""
    categories = Category.objects.order_by("position", "name", "pk")
    if answers.categories:
        categories = categories.filter(slug__in=answers.categories)
    return list(categories)


def candidates(answers: Answers, categories: list[Category]):
    """What may be considered in the chosen categories (`base`), with the scope and the hard
    rules written for them."""
    scope = Scope.of(categories)
    base = pickable(scope).filter(category_id__in=[category.pk for category in categories])
    return base, scope, hard_rules(answers, scope)


def ranked(base, answers: Answers, rules, scope: Scope):
    """Picks, kit candidates and hidden examples in one pass over the chosen categories.

    Every product gets the key of the first hard rule it breaks ("" when it breaks none),
    its score and its compatibility flags; then, within its category and that key, its rank
    by score and price (picks and hidden examples are the first few), the count of its group
    (how many are hidden for that reason) and, among those that break no rule, its rank by
    price within its (score, flags) class (the kit only needs the cheapest of each class).
    Rows: (pk, category_id, broken, score, price, flags, rank, total, kit_rank); narrow on
    purpose, as every product in the chosen categories is sorted (names come later, with
    the card data).
    """
    group = [F("category_id"), F("broken")]
    fits = Q(broken="")
    return (
        base.annotate(
            broken=broken_rule_expression(rules),
            score=score_expression(answers, scope),
            flags=compatibility_flags(scope),
        )
        .annotate(
            rank=Window(RowNumber(), partition_by=group, order_by=ORDER),
            total=Window(Count("pk"), partition_by=group),
            kit_rank=Window(
                RowNumber(),
                partition_by=[*group, F("score"), F("flags")],
                order_by=[F("price").asc(), F("pk").asc()],
            ),
        )
        .filter(
            (fits & Q(rank__lte=PICKS_PER_CATEGORY))
            | (~fits & Q(rank__lte=HIDDEN_EXAMPLES))
            | (fits & Q(kit_rank=1))
        )
        .order_by()
        .values_list(
            "pk",
            "category_id",
            "broken",
            "score",
            "price",
            "flags",
            "rank",
            "total",
            "kit_rank",
        )
    )


def recommend(answers: Answers, categories: list[Category] | None = None) -> Recommendations:
    """`categories`: the chosen categories when the caller has loaded them already (in shop
    order, as `chosen_categories` gives them), to save a query."""
    if categories is None:
        categories = chosen_categories(answers)
    if not categories:
        return Recommendations(answers=answers, results=(), kit=None, kit_message="")
    base, scope, rules = candidates(answers, categories)
    rows = list(ranked(base, answers, rules, scope))
    fitting = [row for row in rows if row[2] == ""]
    pick_rows = [
        (pk, cid, score, flags)
        for pk, cid, _, score, _, flags, *_ in sorted(
            (row for row in fitting if row[6] <= PICKS_PER_CATEGORY),
            key=lambda row: (row[1], row[6]),
        )
    ]
    kit_rows = sorted(
        (
            (pk, cid, score, price, flags)
            for pk, cid, _, score, price, flags, _, _, kit_rank in fitting
            if kit_rank == 1
        ),
        key=lambda row: (row[1], row[2], row[4]),
    )
    hidden_rows = [
        (pk, cid, broken, total)
        for pk, cid, broken, _, _, _, _, total, _ in sorted(
            (row for row in rows if row[2] != "" and row[6] <= HIDDEN_EXAMPLES),
            key=lambda row: (row[1], row[2], row[6]),
        )
    ]

    empties = diagnose(base, categories, answers)

    solution, kit_message = _solve_kit(categories, kit_rows, answers, empties)
    add_on_rows = _add_on_rows(categories, answers, pick_rows, solution)

    shown = {pk for pk, *_ in pick_rows} | {pk for pk, _ in add_on_rows}
    if solution:
        shown |= {item.pk for item in solution.items}
    # The hidden examples come along for their names (one query for all).
    loaded = shown | {pk for pk, *_ in hidden_rows}
    products = Product.objects.with_card_data().in_bulk(loaded) if loaded else {}

    def pick(pk: int, score: int) -> Pick:
        product = products[pk]
        reasons = explain(product, answers).reasons
        over = answers.budget is not None and product.price > answers.budget
        return Pick(product=product, score=score, reasons=reasons, over_budget=over)

    rules_by_key = {rule.key: rule for rule in rules}
    results = []
    for category in categories:
        picks = tuple(pick(pk, score) for pk, cid, score, _ in pick_rows if cid == category.pk)
        groups: dict[str, list] = {}
        for pk, cid, broken, total in hidden_rows:
            if cid != category.pk:
                continue
            reason = rules_by_key[broken].why_not
            product = products[pk]
            groups.setdefault(broken, [total, []])[1].append(
                HiddenProduct(product.slug, product.name, category.slug, broken, reason)
            )
        hidden = tuple(
            HiddenGroup(
                rule=key, reason=rules_by_key[key].why_not, count=total, examples=tuple(examples)
            )
            for key, (total, examples) in sorted(
                groups.items(), key=lambda item: list(rules_by_key).index(item[0])
            )
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


def _solve_kit(categories, kit_rows, answers, empties):
    groups = []
    for category in categories:
        group = [
            kit_search.Candidate(pk=pk, score=score, price=price, flags=flags)
            for pk, cid, score, price, flags in kit_rows
            if cid == category.pk
        ]
        if group:
            groups.append(group)
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


def _add_on_rows(categories, answers, pick_rows, solution) -> list[tuple[int, str]]:
    """Safety add-ons: a compatible lube with toys that meet lube (unless lube is chosen),
    safety shears with restraints. Each is one LIMIT 1 query, under every hard rule."""
    kinds = {category.kind for category in categories}
    rows = []

    def allowed(kind):
        return Product.objects.recommendable().filter(
            Q(category__kind=kind), allowed_q(answers, Scope.of_kind(kind))
        )

    if kinds & set(LUBE_CONTACT_KINDS) and CategoryKind.LUBRICANTS not in kinds:
        # Safe with every toy shown, in the kit or among the picks: any of them may be bought.
        kit_items = solution.items if solution else ()
        toy_flags = 0
        for flags in [row[3] for row in pick_rows] + [item.flags for item in kit_items]:
            toy_flags |= flags
        lube = allowed(CategoryKind.LUBRICANTS)
        if toy_flags & kit_search.SILICONE_TOY:
            lube = lube.exclude(lubricant_base__in=SILICONE_BASES)
        if toy_flags & kit_search.LATEX_TOY:
            lube = lube.exclude(lubricant_base__in=OIL_BASES)
        water_first = Case(
            When(lubricant_base=LubricantBase.WATER, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        pk = (
            lube.annotate(water_first=water_first)
            .order_by("water_first", "-is_featured", "price", "pk")
            .values_list("pk", flat=True)
            .first()
        )
        if pk is not None:
            rows.append((pk, LUBE_WHY))
    if CategoryKind.RESTRAINTS in kinds:
        pk = (
            allowed(CategoryKind.RESTRAINTS)
            .filter(restraint_type=RestraintType.SAFETY_SHEARS)
            .order_by("-is_featured", "price", "pk")
            .values_list("pk", flat=True)
            .first()
        )
        if pk is not None:
            rows.append((pk, SHEARS_WHY))
    return rows


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
