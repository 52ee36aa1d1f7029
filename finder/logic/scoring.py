"""How the finder orders what may be shown: a shop assistant's ranking, and the same points
explained in a customer's words.

A score is four tiers, compared in order (each tier's points are far below the next tier's
weight, so a sum over a kit keeps the order too):

1. preferences: what the customer asked for (a type, a fit, an intensity, a feel, a
   thickness) and whether the product alone fits the budget;
2. gentleness, for beginners: the lowest intensity, soft before adjustable rings, small
   bullets, thick lube (rough play wants it), latex-free; and thick lube for anal play;
3. for experienced people, gear aimed at them before beginner gear;
4. the curators: a published guide's pick at the customer's level, a featured product.

Price breaks the remaining ties (the cheaper first), and the kit works the budget.
`points` scores a class of products in the finder's index (or anything with the same
attribute names); `explain` says why in words, for a loaded product and its class. Tiers 2 to
4 are `tiers`'s, kept worked out per class of products (`class_scorer` adds the rest).
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
    Thickness,
    VibratorType,
    WaterResistance,
)
from catalog.models import Product

from .answers import Answers
from .tiers import TIER, aimed_at, curation, gentleness, mode

MATCH_POINTS = 2  # the product is what the customer asked for
NEAR_POINTS = 1  # intensity one step away from the one asked for
BUDGET_POINTS = 1  # the product alone fits the total budget

# The one preference asked about each kind of category (impact has two, scored apart).
PREFERENCE_FIELD = {
    CategoryKind.RESTRAINTS: ("restraint_type", "restraint_type"),
    CategoryKind.COCK_RINGS: ("ring_fit", "ring_fit"),
    CategoryKind.LUBRICANTS: ("lube_thickness", "thickness"),
    CategoryKind.VIBRATORS: ("vibrator_type", "vibrator_type"),
}
FEEL = {
    Sensation.STING: "a sharp, stinging feel on the skin",
    Sensation.THUD: "a deep, thuddy feel that spreads",
}


def preference_points(item, answers: Answers) -> int:
    """The points a product (or a class of products) earns for the preferences asked, before
    the budget: what it is, not what it costs."""
    points = 0
    if item.kind == CategoryKind.IMPACT:
        if answers.intensity is not None and item.intensity is not None:
            distance = abs(item.intensity - answers.intensity)
            points += MATCH_POINTS if distance == 0 else NEAR_POINTS if distance == 1 else 0
        if answers.sensation and item.sensation == answers.sensation:
            points += MATCH_POINTS
    elif item.kind in PREFERENCE_FIELD:
        asked, attribute = PREFERENCE_FIELD[item.kind]
        wanted = getattr(answers, asked)
        if wanted and getattr(item, attribute) == wanted:
            points += MATCH_POINTS
    return points


def budget_points(price: Decimal, answers: Answers) -> int:
    """The point a product earns when it alone fits the total budget."""
    return BUDGET_POINTS if answers.budget is not None and price <= answers.budget else 0


PREFERENCE_WEIGHT = TIER**3  # a rank divided by it: the preference points alone


def points(item, price: Decimal, answers: Answers) -> int:
    """The whole score of a product (or a class of products at this price)."""
    return points_by_price(item, answers)(price)


def points_by_price(item, answers: Answers):
    """`points` of a class of products as a function of the price: only the budget point
    depends on it, the rest is worked out once for the class."""
    score = preference_points(item, answers) * TIER + gentleness(item, answers)
    score = score * TIER + aimed_at(item, answers)
    score = score * TIER + curation(item, answers)
    budget, within = answers.budget, score + BUDGET_POINTS * TIER**3
    if budget is None:
        return lambda price: score
    return lambda price: within if price <= budget else score


def points_by_price_from(score: int, price: Decimal, answers: Answers):
    """`points_by_price(item, answers)` of a class whose product at `price` scores `score`
    (its row from `rows_scorer`): only the budget point depends on the price, so the rest is
    the score less that point, with no tier worked out again."""
    budget = answers.budget
    if budget is None:
        return lambda price: score
    within = BUDGET_POINTS * TIER**3
    rest = score - within if price <= budget else score
    return lambda price: rest + within if price <= budget else rest


def preference_scorer(kind: str, answers: Answers):
    """`preference_points` of the items of one kind, as a function of the item, or None when
    nothing asked can earn a point there: the answers are looked at once, not per item."""
    if kind == CategoryKind.IMPACT:
        intensity, sensation = answers.intensity, answers.sensation
        if intensity is None and not sensation:
            return None
        by_intensity = {}  # the item's intensity -> its points
        if intensity is not None:
            by_intensity = {intensity - 1: NEAR_POINTS, intensity: MATCH_POINTS}
            by_intensity[intensity + 1] = NEAR_POINTS

        def impact(item) -> int:
            points = by_intensity.get(item.intensity, 0)
            if sensation and item.sensation == sensation:
                points += MATCH_POINTS
            return points

        return impact
    if kind in PREFERENCE_FIELD:
        asked, attribute = PREFERENCE_FIELD[kind]
        wanted = getattr(answers, asked)
        if not wanted:
            return None
        return lambda item: MATCH_POINTS if getattr(item, attribute) == wanted else 0
    return None


def class_scorer(kind: str, answers: Answers):
    """`points(item, item.cheapest[0].price, answers)` for the classes of one kind (in the
    finder's index), as a function of the class: the score of its cheapest product, the best
    of the class. The same points, from the tiers each class keeps (`base_points`)."""
    at = mode(answers)
    preference = preference_scorer(kind, answers)
    budget = answers.budget
    within = BUDGET_POINTS * TIER**3
    if preference is None and budget is None:
        return lambda item: item.bases[at]
    if preference is None:
        return lambda item: item.bases[at] + (within if item.cheapest[0].price <= budget else 0)
    weight = TIER**3
    if budget is None:
        return lambda item: item.bases[at] + preference(item) * weight
    return lambda item: (
        item.bases[at]
        + preference(item) * weight
        + (within if item.cheapest[0].price <= budget else 0)
    )


def rows_scorer(kind: str, answers: Answers):
    """`class_scorer` over many classes at once: a function of a list of classes giving
    (-score, price, pk, class) of each class's cheapest product, the rows `engine.rank` and
    the kit take: the score negated, so that the rows' own order is the ranking's (best score,
    then cheapest, then smallest id) and they are ranked with no key function. The points are
    written out in one comprehension, so scoring the ~250 classes a request ranks costs no
    call per class where no preference was asked."""
    at = mode(answers)
    preference = preference_scorer(kind, answers)
    budget = answers.budget
    within = BUDGET_POINTS * TIER**3
    weight = TIER**3

    def score_rows(classes) -> list[tuple]:
        return [
            (
                -item.bases[at]
                - (preference(item) * weight if preference is not None else 0)
                - (within if budget is not None and offer.price <= budget else 0),
                offer.price,
                offer.pk,
                item,
            )
            for item in classes
            for offer in (item.cheapest[0],)
        ]

    return score_rows


@dataclass(frozen=True)
class Explanation:
    rank: int  # the whole score (`points`): what orders the picks and the kit
    reasons: tuple[str, ...]

    @property
    def score(self) -> int:
        """The points for what the customer asked (preferences and budget): the score shown."""
        return self.rank // PREFERENCE_WEIGHT


def _impact(product, answers: Answers) -> list[str]:
    reasons = []
    if product.intensity is not None:
        label = INTENSITY_LABELS.get(product.intensity, "").lower()
        distance = None if answers.intensity is None else abs(product.intensity - answers.intensity)
        if distance == 0:
            reasons.append(f"Intensity {product.intensity} of 5 ({label}): what you asked for")
        elif distance == 1:
            reasons.append(
                f"Intensity {product.intensity} of 5 ({label}): one step from what you asked for"
            )
        elif answers.is_beginner:
            reasons.append(
                f"Intensity {product.intensity} of 5 ({label}): start lighter than you think"
            )
    if product.sensation in FEEL:
        feel = FEEL[Sensation(product.sensation)]
        if answers.sensation == product.sensation:
            reasons.append(f"{feel.capitalize()}, the feel you asked for")
        else:
            reasons.append(feel.capitalize())
    return reasons


def _restraints(product, answers: Answers) -> list[str]:
    reasons = []
    if answers.restraint_type and product.restraint_type == answers.restraint_type:
        reasons.append(f"{RestraintType(product.restraint_type).label}, the kind you asked for")
    if product.quick_release and product.restraint_type != RestraintType.SAFETY_SHEARS:
        reasons.append("Quick release: it opens in seconds if anyone needs out")
    return reasons


def _cock_rings(product, answers: Answers) -> list[str]:
    reasons = []
    if product.ring_fit == RingFit.SOFT:
        is_silicone = any(material.is_silicone for material in product.materials.all())
        what = "Soft, stretchy silicone" if is_silicone else "Soft and stretchy"
        reasons.append(f"{what}: the gentlest kind of ring to start with")
    elif product.ring_fit == RingFit.ADJUSTABLE:
        reasons.append("Adjustable: set it loose and tighten only to comfort")
    if answers.ring_fit and product.ring_fit == answers.ring_fit:
        reasons.append("The fit you asked for")
    return reasons


def _lubricants(product, answers: Answers) -> list[str]:
    reasons = []
    base = product.lubricant_base
    if base == LubricantBase.WATER:
        if answers.owns_silicone_toys:
            reasons.append("Water-based: safe with your silicone toys")
        else:
            reasons.append("Water-based: safe with every toy and condom")
    if answers.uses_latex_condoms and base not in ("", LubricantBase.OIL):
        reasons.append("Safe with latex condoms")
    asked = answers.lube_thickness and product.thickness == answers.lube_thickness
    if product.thickness == Thickness.THICK:
        why = "it stays put and cushions, which rough or anal play needs"
        reasons.append(f"Thick, as you asked: {why}" if asked else f"Thick: {why}")
    elif asked:
        reasons.append("Thin and light, as you asked")
    if answers.anal_play and not product.numbing:
        reasons.append("Not numbing: you keep feeling when to slow down")
    return reasons


def _vibrators(product, answers: Answers) -> list[str]:
    reasons = []
    if answers.vibrator_type and product.vibrator_type == answers.vibrator_type:
        reasons.append(f"{VibratorType(product.vibrator_type).label}, the type you asked for")
    if answers.is_beginner and product.vibrator_type == VibratorType.BULLET:
        reasons.append("Small bullet vibes are a gentle start")
    if product.water_resistance == WaterResistance.WATERPROOF:
        reasons.append("Waterproof: easy to clean")
    return reasons


BY_KIND = {
    CategoryKind.IMPACT: _impact,
    CategoryKind.RESTRAINTS: _restraints,
    CategoryKind.COCK_RINGS: _cock_rings,
    CategoryKind.LUBRICANTS: _lubricants,
    CategoryKind.VIBRATORS: _vibrators,
}


def _shared(product, item, answers: Answers) -> list[str]:
    """What every kind earns alike: latex-free, the curators, the level, the budget."""
    reasons = []
    if answers.latex_allergy and not item.has_latex:
        reasons.append("Latex-free")
    if answers.is_beginner and item.beginner_pick:
        reasons.append("Our guide picks it for beginners")
    elif not answers.is_beginner and item.experienced_pick:
        reasons.append("Our guide picks it for experienced people")
    if item.is_featured:
        reasons.append("One of our featured products")
    if answers.is_beginner and product.for_beginner:
        reasons.append("Chosen for beginners")
    elif not answers.is_beginner and product.for_experienced:
        reasons.append("Made for experienced people")
    elif not answers.is_beginner:
        reasons.append("Beginner gear: gentle, for when that is what you want")
    if answers.budget is not None and product.price <= answers.budget:
        reasons.append(f"Within your budget of £{answers.budget:.2f}")
    return reasons


def explain(product: Product, answers: Answers, item=None) -> Explanation:
    """Why this product suits these answers, in plain words, and its score. `item`: its class
    in the finder's index (for the flags the product does not carry: latex, guide picks);
    `index.item_for(product)` works it out when the caller has none. Uses the product's
    prefetched category and materials."""
    if item is None:
        from .index import item_for

        item = item_for(product)
    return Explanation(
        rank=points(item, product.price, answers), reasons=reasons(product, answers, item)
    )


def reasons(product: Product, answers: Answers, item) -> tuple[str, ...]:
    """`explain(product, answers, item).reasons`, without working out the score (the engine
    has it already)."""
    own = BY_KIND.get(product.category.kind)
    return tuple((own(product, answers) if own else []) + _shared(product, item, answers))
