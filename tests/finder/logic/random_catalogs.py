"""Random catalogs and answers for the finder's property tests, and the plain-Python
oracle they are checked against (what may be shown, what is safe together, the brute-force
kit)."""

import dataclasses
from contextlib import contextmanager
from decimal import Decimal
from itertools import product as cartesian

from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from catalog.attributes import (
    CategoryKind,
    LubricantBase,
    RestraintType,
    RingFit,
    Sensation,
    VibratorType,
    WaterResistance,
)
from catalog.models import Category, Product
from finder.logic import Answers
from finder.logic.scoring import explain
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
        "numbing": st.booleans(),
    },
    CategoryKind.VIBRATORS: {
        "vibrator_type": st.sampled_from(VibratorType.values),
        "placement": st.sampled_from(["external", "internal"]),
        "water_resistance": st.sampled_from(WaterResistance.values),
        "flared_base": st.booleans(),
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
    levels=st.dictionaries(
        st.sampled_from(KINDS), st.sampled_from(["beginner", "experienced"]), max_size=2
    ).map(lambda levels: tuple(levels.items())),
    lube_thickness=st.sampled_from(["", "thin", "thick"]),
    anal_play=st.booleans(),
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
    if answers.level_for(product.category.slug) == "beginner":
        if not product.for_beginner:
            return False
        if kind == "impact" and not (product.intensity is not None and product.intensity <= 2):
            return False
        if kind == "restraints" and product.quick_release is not True:
            return False
        if kind == "cock-rings" and product.ring_fit not in ("soft", "adjustable"):
            return False
    # Experience is no fence the other way: beginner gear stays open to experienced people.
    if answers.latex_allergy and any(m.contains_latex for m in materials):
        return False
    if kind == "lubricants":
        if answers.owns_silicone_toys and product.lubricant_base in ("silicone", "hybrid"):
            return False
        if answers.uses_latex_condoms and product.lubricant_base == "oil":
            return False
        if answers.anal_play and product.numbing:
            return False
    if kind == "vibrators" and answers.anal_play:
        # Anything that goes inside needs a flared base for anal play.
        if product.placement == "internal" and product.flared_base is not True:
            return False
    if kind == "vibrators" and product.vibrator_type == "ring":
        # A vibrating ring is a cock ring: only when rings were chosen, or asked for.
        if "cock-rings" not in chosen_kinds(answers) and answers.vibrator_type != "ring":
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
    """Category slugs equal kinds here; order follows the categories' positions. No choice
    means every kind but cock rings (the finder assumes no anatomy)."""
    order = {kind: index for index, kind in enumerate(KINDS)}
    chosen = answers.categories or tuple(kind for kind in KINDS if kind != "cock-rings")
    return sorted(set(chosen), key=order.__getitem__)


def slot(product: Product) -> str:
    """What a product is, for the kit's one-of-a-kind rule (a vibrating ring is a ring)."""
    kind = product.category.kind
    if kind == "vibrators" and product.vibrator_type == "ring":
        return "cock-rings"
    return kind


def score(product: Product, answers: Answers) -> int:
    """The whole rank (preferences, gentleness, level, curators)."""
    return explain(product, answers.for_category(product.category.slug)).rank


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
    """Every way of taking at most one product of each kind: the most kinds covered within
    the budget and safe together, then the best score, the lowest total, the smallest ids."""
    allowed = [p for group in allowed_by_category(products, answers).values() for p in group]
    order = {kind: index for index, kind in enumerate(chosen_kinds(answers))}
    slots = sorted(
        {slot(p) for p in allowed},
        key=lambda s: (order.get(s, len(order)), s),
    )
    groups = [[None] + [p for p in allowed if slot(p) == s] for s in slots]
    best = None
    for combination in cartesian(*groups) if groups else ():
        chosen = [p for p in combination if p is not None]
        if not chosen:
            continue
        total = sum((p.price for p in chosen), Decimal("0"))
        if answers.budget is not None and total > answers.budget:
            continue
        if not safe_together(chosen):
            continue
        key = (
            -len(chosen),
            -sum(score(p, answers) for p in chosen),
            total,
            tuple(p.pk for p in chosen),
        )
        if best is None or key < best[0]:
            best = (key, chosen)
    return None if best is None else best[1]


# --- properties ----------------------------------------------------------------------------


def as_the_forms_allow(answers: Answers) -> Answers | None:
    """The answers as the finder's forms would let them through: live categories only
    (catalog's CategoryQuerySet.live), since a category with nothing to recommend cannot be
    chosen; None when no chosen category is left."""
    live = set(Category.objects.live().values_list("slug", flat=True))
    if not answers.categories or set(answers.categories) <= live:
        return answers
    categories = tuple(slug for slug in answers.categories if slug in live)
    return dataclasses.replace(answers, categories=categories) if categories else None
