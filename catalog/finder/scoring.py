"""The soft preferences: a small integer score that orders candidates, and the same points
explained in plain words for people.

`preference_points` + `budget_points` (on a class of products, to rank the whole catalog from
the finder's index) and `explain` (on a loaded product, with its reasons) award the same points
for the same reasons; a property test keeps them in agreement.
"""

from dataclasses import dataclass
from decimal import Decimal

from catalog.attributes import (
    INTENSITY_LABELS,
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

# The one preference asked about each kind of category (impact has two, scored apart).
PREFERENCE_FIELD = {
    CategoryKind.RESTRAINTS: "restraint_type",
    CategoryKind.COCK_RINGS: "ring_fit",
    CategoryKind.VIBRATORS: "vibrator_type",
}

SENSATION_WORDS = {
    Sensation.THUD: "Thuddy, as you asked: a deep, spread-out feeling",
    Sensation.STING: "Stingy, as you asked: a sharp feeling on the surface",
}


def preference_points(item, answers: Answers) -> int:
    """The points a product (or a class of products in the finder's index) earns for the
    preferences asked, before the budget: what it is, not what it costs."""
    points = 0
    kind = item.kind
    if kind == CategoryKind.IMPACT:
        if answers.intensity is not None and item.intensity is not None:
            distance = abs(item.intensity - answers.intensity)
            points += MATCH_POINTS if distance == 0 else NEAR_POINTS if distance == 1 else 0
        if answers.sensation and item.sensation == answers.sensation:
            points += MATCH_POINTS
    else:
        field = PREFERENCE_FIELD.get(kind)
        wanted = getattr(answers, field) if field else ""
        if wanted and getattr(item, field) == wanted:
            points += MATCH_POINTS
    return points


def budget_points(price: Decimal, answers: Answers) -> int:
    """The point a product earns when it alone fits the total budget."""
    return BUDGET_POINTS if answers.budget is not None and price <= answers.budget else 0


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
