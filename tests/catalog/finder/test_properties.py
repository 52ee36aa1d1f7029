"""Properties that must hold for every answer and every catalog (hypothesis).

Each example builds a small random catalog with the factories inside a transaction that is
rolled back afterwards, runs the finder for several random sets of answers, and checks it
against an independent, slow Python oracle: the hard rules written out again, and a
brute-force search for the kit.
"""

from contextlib import contextmanager
from decimal import Decimal
from itertools import product as cartesian

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.attributes import (
    CategoryKind,
    LubricantBase,
    RestraintType,
    RingFit,
    Sensation,
    VibratorType,
)
from catalog.finder import HARD_ANSWERS, Answers, recommend
from catalog.finder import kit as kit_search
from catalog.finder.kit import Candidate
from catalog.finder.scoring import explain
from catalog.models import Product
from tests.factories import MaterialFactory, ProductFactory, SafetyNoteFactory, kind_category

KINDS = [kind for kind in CategoryKind.values]
DB_EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
ATTRIBUTE_STRATEGIES = {
    CategoryKind.IMPACT: {
        "intensity": st.integers(1, 5),
        "sensation": st.sampled_from(Sensation.values),
    },
    CategoryKind.RESTRAINTS: {
        "restraint_type": st.sampled_from(RestraintType.values),
        "quick_release": st.booleans(),
    },
    CategoryKind.COCK_RINGS: {"ring_fit": st.sampled_from(RingFit.values)},
    CategoryKind.LUBRICANTS: {
        "lubricant_base": st.sampled_from(LubricantBase.values),
        "thickness": st.sampled_from(["thin", "thick"]),
    },
    CategoryKind.VIBRATORS: {
        "vibrator_type": st.sampled_from(VibratorType.values),
        "placement": st.sampled_from(["external", "internal"]),
        "waterproof": st.booleans(),
    },
    CategoryKind.GENERAL: {},
}


@st.composite
def product_specs(draw):
    kind = draw(st.sampled_from(KINDS))
    return {
        "kind": kind,
        "price": Decimal(draw(st.sampled_from([0, 5, 10, 15, 20, 30, 45, 60, 90]))),
        "stock": draw(st.sampled_from([0, 1, 4, 9])),
        "is_published": draw(st.sampled_from([True, True, True, True, True, False])),
        "levels": draw(st.sampled_from(["beginner", "experienced", "both", "both"])),
        "materials": draw(st.sets(st.sampled_from(["silicone", "latex", "plain"]), max_size=2)),
        "own_note": draw(st.sampled_from([True, True, False])),
        # Lookalikes: the finder groups products it cannot tell apart and keeps the cheapest
        # few of each group, so groups bigger than that must come up.
        "copies": draw(st.sampled_from([1, 1, 1, 2, 4])),
        **{name: draw(strategy) for name, strategy in ATTRIBUTE_STRATEGIES[kind].items()},
    }


catalogs = st.fixed_dictionaries(
    {
        # Which categories carry a safety note of their own (the others rely on products').
        "noted_kinds": st.sets(st.sampled_from(KINDS)),
        "products": st.lists(product_specs(), max_size=16),
    }
)
one_answers = st.builds(
    Answers,
    level=st.sampled_from(["beginner", "experienced"]),
    categories=st.just(()) | st.lists(st.sampled_from(KINDS), max_size=4).map(tuple),
    intensity=st.none() | st.integers(1, 5),
    sensation=st.sampled_from(["", *Sensation.values]),
    restraint_type=st.sampled_from(["", "wrist", "ankle", "under-bed", "spreader"]),
    ring_fit=st.sampled_from(["", *RingFit.values]),
    vibrator_type=st.sampled_from(["", *VibratorType.values]),
    budget=st.none() | st.integers(0, 150).map(Decimal),
    latex_allergy=st.booleans(),
    owns_silicone_toys=st.booleans(),
    uses_latex_condoms=st.booleans(),
)
# Building the catalog is the slow part: ask it several questions each time.
answer_sets = st.lists(one_answers, min_size=1, max_size=6)


@contextmanager
def rolled_back():
    """Each hypothesis example gets a clean catalog: build it, use it, throw it away."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def build(catalog) -> None:
    materials = {
        "silicone": MaterialFactory(silicone=True),
        "latex": MaterialFactory(latex=True),
        "plain": MaterialFactory(name="Leather", slug="leather"),
    }
    categories = {
        kind: kind_category(kind, safety_notes=None if kind in catalog["noted_kinds"] else [])
        for kind in KINDS
    }
    for spec in catalog["products"]:
        spec = dict(spec)
        kind = spec.pop("kind")
        levels = spec.pop("levels")
        chosen_materials = [materials[name] for name in sorted(spec.pop("materials"))]
        own_note = spec.pop("own_note")
        for _ in range(spec.pop("copies")):
            ProductFactory(
                category=categories[kind],
                for_beginner=levels in ("beginner", "both"),
                for_experienced=levels in ("experienced", "both"),
                materials=chosen_materials,
                safety_notes=[SafetyNoteFactory()] if own_note else None,
                **spec,
            )


# --- the oracle: the brief's rules, written out again in plain Python ----------------------


def loaded():
    return list(Product.objects.with_card_data().order_by("pk"))


def may_show(product: Product, answers: Answers) -> bool:
    kind = product.category.kind
    materials = list(product.materials.all())
    if not product.is_published or product.stock <= 0 or not product.all_safety_notes:
        return False
    if answers.level == "beginner":
        if not product.for_beginner:
            return False
        if kind == "impact" and not (product.intensity is not None and product.intensity <= 2):
            return False
        if kind == "restraints" and product.quick_release is not True:
            return False
        if kind == "cock-rings" and product.ring_fit not in ("soft", "adjustable"):
            return False
    elif not product.for_experienced:
        return False
    if answers.latex_allergy and any(m.contains_latex for m in materials):
        return False
    if kind == "lubricants":
        if answers.owns_silicone_toys and product.lubricant_base in ("silicone", "hybrid"):
            return False
        if answers.uses_latex_condoms and product.lubricant_base == "oil":
            return False
    return True


def is_shears(product: Product) -> bool:
    return product.category.kind == "restraints" and product.restraint_type == "safety-shears"


def safe_together(products) -> bool:
    lubes = [p for p in products if p.category.kind == "lubricants"]
    toys = [p for p in products if p.category.kind in ("vibrators", "cock-rings")]
    for lube in lubes:
        for toy in toys:
            materials = list(toy.materials.all())
            if lube.lubricant_base in ("silicone", "hybrid") and any(
                m.is_silicone for m in materials
            ):
                return False
            if lube.lubricant_base == "oil" and any(m.contains_latex for m in materials):
                return False
    return True


def chosen_kinds(answers: Answers) -> list[str]:
    """Category slugs equal kinds here; order follows the categories' positions."""
    order = {kind: index for index, kind in enumerate(KINDS)}
    chosen = answers.categories or tuple(KINDS)
    return sorted(set(chosen), key=order.__getitem__)


def allowed_by_category(products, answers: Answers) -> dict[str, list[Product]]:
    return {
        kind: [
            p
            for p in products
            if p.category.kind == kind and may_show(p, answers) and not is_shears(p)
        ]
        for kind in chosen_kinds(answers)
    }


def brute_force_kit(products, answers: Answers):
    groups = [group for group in allowed_by_category(products, answers).values() if group]
    best = None
    for combination in cartesian(*groups) if groups else ():
        total = sum((p.price for p in combination), Decimal("0"))
        if answers.budget is not None and total > answers.budget:
            continue
        if not safe_together(combination):
            continue
        score = sum(explain(p, answers).score for p in combination)
        key = (-score, total, tuple(p.pk for p in combination))
        if best is None or key < best[0]:
            best = (key, combination)
    return None if best is None else best[1]


# --- properties ----------------------------------------------------------------------------


@DB_EXAMPLES
@given(catalog=catalogs, answer_set=answer_sets)
def test_no_hard_rule_is_ever_broken_and_the_kit_never_exceeds_the_budget(db, catalog, answer_set):
    with rolled_back():
        build(catalog)
        for answers in answer_set:
            check_hard_rules(answers)


def check_hard_rules(answers: Answers) -> None:
    result = recommend(answers)
    for product in result.products():
        assert may_show(product, answers), product
    for slug, picks in result.picks.items():
        assert len(picks) <= 3
        assert all(p.product.category.slug == slug and not is_shears(p.product) for p in picks)
    if result.kit is not None:
        items = [pick.product for pick in result.kit.items]
        assert result.kit.total == sum(p.price for p in items)
        if answers.budget is not None:
            assert result.kit.total <= answers.budget
        assert safe_together(items)
        assert len({p.category_id for p in items}) == len(items)
    # A lube add-on is safe with every toy on the page, whichever of them is bought.
    toys = [p for p in result.products() if p.category.kind in ("vibrators", "cock-rings")]
    for add_on in result.add_ons:
        if add_on.pick.product.category.kind == "lubricants":
            assert safe_together([add_on.pick.product, *toys])
    for hidden in result.hidden:
        product = Product.objects.get(slug=hidden.slug)
        assert not may_show(product, answers) and hidden.reason


@DB_EXAMPLES
@given(catalog=catalogs, answer_set=answer_sets)
def test_picks_are_the_best_three_and_the_kit_is_the_brute_force_optimum(db, catalog, answer_set):
    with rolled_back():
        build(catalog)
        products = loaded()
        for answers in answer_set:
            check_against_brute_force(products, answers)


def check_against_brute_force(products, answers: Answers) -> None:
    result = recommend(answers)
    allowed = allowed_by_category(products, answers)
    for kind, group in allowed.items():
        ranked = sorted(group, key=lambda p: (-explain(p, answers).score, p.price, p.pk))
        picks = result.picks[kind]
        assert [p.product.pk for p in picks] == [p.pk for p in ranked[:3]]
        for pick in picks:  # the database and the explanation agree on every point
            assert pick.score == explain(pick.product, answers).score
        assert (kind in result.empty) == (not group)
        # Everything else that could be recommended there is counted as hidden, exactly.
        hidden = [
            p
            for p in products
            if p.category.kind == kind
            and p.is_published
            and p.stock > 0
            and p.all_safety_notes
            and not is_shears(p)
            and not may_show(p, answers)
        ]
        (category_result,) = [r for r in result.results if r.category.slug == kind]
        assert category_result.hidden_count == len(hidden)
        for group in category_result.hidden:
            assert 1 <= len(group.examples) <= 3
    expected = brute_force_kit(products, answers)
    if expected is None:
        assert result.kit is None
    else:
        assert [p.product.pk for p in result.kit.items] == [p.pk for p in expected]
        assert result.kit.total == sum(p.price for p in expected)


@DB_EXAMPLES
@given(catalog=catalogs, answer_set=answer_sets)
def test_every_empty_category_names_the_answer_that_emptied_it_and_a_retry_that_works(
    db, catalog, answer_set
):
    with rolled_back():
        build(catalog)
        products = loaded()
        for answers in answer_set:
            check_empty_categories(products, answers)


def check_empty_categories(products, answers: Answers) -> None:
    result = recommend(answers)
    for slug, empty in result.empty.items():
        assert empty.message
        in_category = [p for p in products if p.category.slug == slug and not is_shears(p)]
        if empty.because == "categories":
            assert empty.retry is None
            assert not any(p.is_published and p.stock and p.all_safety_notes for p in in_category)
            continue
        assert empty.because in answers.active_hard_answers()
        assert empty.retry == answers.relaxed(empty.because)
        singles = [
            name
            for name in HARD_ANSWERS
            if name in answers.active_hard_answers()
            and any(may_show(p, answers.relaxed(name)) for p in in_category)
        ]
        if singles:  # one answer alone emptied it: that one is named, and the retry works
            assert empty.because == singles[0]
            assert recommend(empty.retry).picks[slug]


# --- the kit search alone, no database -----------------------------------------------------

candidates = st.builds(
    Candidate,
    pk=st.integers(1, 10_000),
    score=st.integers(0, 5),
    price=st.integers(0, 60).map(Decimal),
    flags=st.sampled_from(
        [0, kit_search.SILICONE_LUBE, kit_search.OIL_LUBE, kit_search.SILICONE_TOY]
        + [kit_search.LATEX_TOY, kit_search.SILICONE_TOY | kit_search.LATEX_TOY]
    ),
)


@settings(max_examples=300, deadline=None)
@given(
    groups=st.lists(st.lists(candidates, min_size=1, max_size=5), min_size=1, max_size=4),
    budget=st.none() | st.integers(0, 150).map(Decimal),
)
def test_the_kit_search_equals_brute_force(groups, budget):
    best = None
    for combination in cartesian(*groups):
        flags = 0
        for candidate in combination:
            flags |= candidate.flags
        total = sum((c.price for c in combination), Decimal("0"))
        if not kit_search.compatible(flags) or (budget is not None and total > budget):
            continue
        key = (-sum(c.score for c in combination), total, tuple(c.pk for c in combination))
        if best is None or key < best:
            best = key
    solution = kit_search.solve(groups, budget)
    if best is None:
        assert solution is None
    else:
        assert (-solution.score, solution.total, tuple(c.pk for c in solution.items)) == best
