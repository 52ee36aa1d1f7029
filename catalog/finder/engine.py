"""Answers in, recommendations out: the finder's queries.

Every step is one grouped query with indexed filters and LIMIT-like window filters, so the
number of queries is the same for fifty products or fifty thousand:
categories (1), picks (1), kit candidates (1), hidden examples (1), empty categories (1),
safety add-ons (0-2, by the kinds chosen), then the card data of the products shown (4).
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
    LUBE_CONTACT_KINDS,
    OIL_BASES,
    SILICONE_BASES,
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


def compatibility_flags():
    """The kit compatibility flags of a product as a SQL expression (see `kit`)."""
    lubes = Q(category__kind=CategoryKind.LUBRICANTS)
    toys = Q(category__kind__in=LUBE_CONTACT_KINDS)

    def flag(condition, bit):
        return Case(When(condition, then=Value(bit)), default=Value(0), output_field=IntegerField())

    return (
        flag(lubes & Q(lubricant_base__in=SILICONE_BASES), kit_search.SILICONE_LUBE)
        + flag(lubes & Q(lubricant_base__in=OIL_BASES), kit_search.OIL_LUBE)
        + flag(toys & Q(has_material(is_silicone=True)), kit_search.SILICONE_TOY)
        + flag(toys & Q(has_material(contains_latex=True)), kit_search.LATEX_TOY)
    )


def chosen_categories(answers: Answers) -> list[Category]:
    """The chosen categories in shop order; no choice means every category."""
    categories = Category.objects.order_by("position", "name", "pk")
    if answers.categories:
        categories = categories.filter(slug__in=answers.categories)
    return list(categories)


def recommend(answers: Answers) -> Recommendations:
    categories = chosen_categories(answers)
    if not categories:
        return Recommendations(answers=answers, results=(), kit=None, kit_message="")
    by_id = {category.pk: category for category in categories}
    rules = hard_rules(answers)
    base = pickable().filter(category_id__in=by_id)
    candidates = base.filter(allowed_q(answers)).annotate(
        score=score_expression(answers), flags=compatibility_flags()
    )

    pick_rows = list(
        candidates.annotate(
            rank=Window(RowNumber(), partition_by=[F("category_id")], order_by=ORDER)
        )
        .filter(rank__lte=PICKS_PER_CATEGORY)
        .values_list("pk", "category_id", "score", "flags")
        .order_by("category_id", "rank")
    )
    kit_rows = list(
        candidates.annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("category_id"), F("score"), F("flags")],
                order_by=[F("price").asc(), F("pk").asc()],
            )
        )
        .filter(rank=1)
        .values_list("pk", "category_id", "score", "price", "flags")
        .order_by("category_id", "score", "flags")
    )
    hidden_rows = list(
        base.annotate(broken=broken_rule_expression(rules), score=score_expression(answers))
        .exclude(broken="")
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("category_id"), F("broken")], order_by=ORDER),
            total=Window(Count("pk"), partition_by=[F("category_id"), F("broken")]),
        )
        .filter(rank__lte=HIDDEN_EXAMPLES)
        .values_list("slug", "name", "category_id", "broken", "total")
        .order_by("category_id", "broken", "rank")
    )

    empties = diagnose(base, categories, answers)

    solution, kit_message = _solve_kit(categories, kit_rows, answers, empties)
    add_on_rows = _add_on_rows(categories, answers, pick_rows, solution)

    shown = {pk for pk, *_ in pick_rows} | {pk for pk, _ in add_on_rows}
    if solution:
        shown |= {item.pk for item in solution.items}
    products = Product.objects.with_card_data().in_bulk(shown) if shown else {}

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
        for slug, name, cid, broken, total in hidden_rows:
            if cid != category.pk:
                continue
            reason = rules_by_key[broken].why_not
            groups.setdefault(broken, [total, []])[1].append(
                HiddenProduct(slug, name, category.slug, broken, reason)
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
    allowed = Product.objects.recommendable().filter(allowed_q(answers))
    if kinds & set(LUBE_CONTACT_KINDS) and CategoryKind.LUBRICANTS not in kinds:
        # Safe with every toy shown, in the kit or among the picks: any of them may be bought.
        kit_items = solution.items if solution else ()
        toy_flags = 0
        for flags in [row[3] for row in pick_rows] + [item.flags for item in kit_items]:
            toy_flags |= flags
        lube = allowed.filter(category__kind=CategoryKind.LUBRICANTS)
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
            allowed.filter(
                category__kind=CategoryKind.RESTRAINTS,
                restraint_type=RestraintType.SAFETY_SHEARS,
            )
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
