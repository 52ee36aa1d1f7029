"""The soft preferences: a small integer score, computed in the database to select and order
candidates, and the same points explained in plain words for people.

`score_expression` (SQL) and `explain` (Python, on a loaded product) award the same points for
the same reasons; a property test keeps them in agreement.
"""

from dataclasses import dataclass

from django.db.models import IntegerField, Q, Value
from django.db.models.expressions import Case, When

from catalog.attributes import (
    INTENSITY_LABELS,
    INTENSITY_MAX,
    INTENSITY_MIN,
    CategoryKind,
    LubricantBase,
    RestraintType,
    RingFit,
    Sensation,
    VibratorType,
)
from catalog.models import Product

from .answers import Answers

MATCH_POINTS = 2  # the product is what the customer asked for
NEAR_POINTS = 1  # intensity one step away from the one asked for
BUDGET_POINTS = 1  # the product alone fits the total budget

SENSATION_WORDS = {
    Sensation.THUD: "Thuddy, as you asked: a deep, spread-out feeling",
    Sensation.STING: "Stingy, as you asked: a sharp feeling on the surface",
}


def _points(condition: Q, points: int) -> Case:
    return Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())


def _matches(kind: str, field: str, value) -> Q:
    return Q(category__kind=kind, **{field: value})


def score_expression(answers: Answers):
    """The preference score of a product as a SQL expression (0 when nothing was asked)."""
    parts = []
    if answers.intensity is not None:
        near = [
            value
            for value in (answers.intensity - 1, answers.intensity + 1)
            if INTENSITY_MIN <= value <= INTENSITY_MAX
        ]
        parts.append(
            Case(
                When(
                    _matches(CategoryKind.IMPACT, "intensity", answers.intensity),
                    then=Value(MATCH_POINTS),
                ),
                When(_matches(CategoryKind.IMPACT, "intensity__in", near), then=Value(NEAR_POINTS)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
    for kind, field in (
        (CategoryKind.IMPACT, "sensation"),
        (CategoryKind.RESTRAINTS, "restraint_type"),
        (CategoryKind.COCK_RINGS, "ring_fit"),
        (CategoryKind.VIBRATORS, "vibrator_type"),
    ):
        wanted = getattr(answers, field)
        if wanted:
            parts.append(_points(_matches(kind, field, wanted), MATCH_POINTS))
    if answers.budget is not None:
        parts.append(_points(Q(price__lte=answers.budget), BUDGET_POINTS))
    if not parts:
        return Value(0, output_field=IntegerField())
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


@dataclass(frozen=True)
class Explanation:
    score: int
    reasons: tuple[str, ...]


def explain(product: Product, answers: Answers) -> Explanation:
    """Why this product suits these answers, in plain words, with the points each reason
    earns. Uses the product's prefetched category and materials."""
    score = 0
    reasons: list[str] = []
    kind = product.category.kind
    materials = list(product.materials.all())
    is_silicone = any(material.is_silicone for material in materials)

    if kind == CategoryKind.IMPACT:
        if product.intensity is not None:
            label = INTENSITY_LABELS.get(product.intensity, "").lower()
            distance = (
                None if answers.intensity is None else abs(product.intensity - answers.intensity)
            )
            if distance == 0:
                score += MATCH_POINTS
                reasons.append(f"Intensity {product.intensity} of 5 ({label}): what you asked for")
            elif distance == 1:
                score += NEAR_POINTS
                reasons.append(
                    f"Intensity {product.intensity} of 5 ({label}): "
                    "one step from what you asked for"
                )
            if answers.is_beginner:
                reasons.append("The gentle end of the scale: start lighter than you think")
        if answers.sensation and product.sensation == answers.sensation:
            score += MATCH_POINTS
            reasons.append(SENSATION_WORDS[Sensation(product.sensation)])

    elif kind == CategoryKind.RESTRAINTS:
        if answers.restraint_type and product.restraint_type == answers.restraint_type:
            score += MATCH_POINTS
            reasons.append(f"{RestraintType(product.restraint_type).label}, as you asked")
        if product.quick_release and product.restraint_type != RestraintType.SAFETY_SHEARS:
            reasons.append("Quick release: it opens in seconds if anyone needs out")

    elif kind == CategoryKind.COCK_RINGS:
        if product.ring_fit == RingFit.SOFT:
            what = "Soft, stretchy silicone" if is_silicone else "Soft and stretchy"
            reasons.append(f"{what}: gentle to start with")
        elif product.ring_fit == RingFit.ADJUSTABLE:
            reasons.append("Adjustable: set it loose and tighten only to comfort")
        if answers.ring_fit and product.ring_fit == answers.ring_fit:
            score += MATCH_POINTS
            reasons.append("The fit you asked for")

    elif kind == CategoryKind.LUBRICANTS:
        base = product.lubricant_base
        if base == LubricantBase.WATER:
            if answers.owns_silicone_toys:
                reasons.append("Water-based: safe with your silicone toys")
            else:
                reasons.append("Water-based: safe with every toy and condom")
        if answers.uses_latex_condoms and base not in ("", LubricantBase.OIL):
            reasons.append("Safe with latex condoms")

    elif kind == CategoryKind.VIBRATORS:
        if answers.vibrator_type and product.vibrator_type == answers.vibrator_type:
            score += MATCH_POINTS
            reasons.append(f"{VibratorType(product.vibrator_type).label}, as you asked")
        if answers.is_beginner and product.vibrator_type == VibratorType.BULLET:
            reasons.append("Small bullet vibes are a gentle start")
        if product.waterproof:
            reasons.append("Waterproof: easy to clean")

    if answers.latex_allergy and not any(material.contains_latex for material in materials):
        reasons.append("Latex-free")
    if answers.is_beginner and product.for_beginner:
        reasons.append("Chosen for beginners")
    elif not answers.is_beginner and product.for_experienced:
        reasons.append("Tagged for experienced people")
    if answers.budget is not None and product.price <= answers.budget:
        score += BUDGET_POINTS
        reasons.append(f"Within your budget of £{answers.budget:.2f}")
    return Explanation(score=score, reasons=tuple(reasons))
