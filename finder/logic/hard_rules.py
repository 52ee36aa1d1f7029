"""The finder's hard rules: filters that no score can override.

Each rule says which products it allows (a predicate on a class of products in the finder's
index, whose attribute names follow `Product`'s) and, for what it hides, a plain "why not".
Rules key off `Category.kind`, never a category's slug, so a new category of an existing kind
is covered with no code. Rules that cannot hide anything in the chosen kinds are left out, so
a hidden product is explained by the first rule, among those that matter, it breaks.
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass

from catalog.attributes import CategoryKind, LubricantBase, Placement, RestraintType, VibratorType
from catalog.beginner_rules import BEGINNER_MAX_INTENSITY, beginner_safe
from catalog.models import Level

from . import kit
from .answers import Answers

SILICONE_BASES = (LubricantBase.SILICONE, LubricantBase.HYBRID)
OIL_BASES = (LubricantBase.OIL,)

# Kinds whose products meet lubricant during use: a kit pairs a lube with them only when the
# two are safe together (silicone lube degrades silicone toys; oil degrades latex).
LUBE_CONTACT_KINDS = (CategoryKind.VIBRATORS, CategoryKind.COCK_RINGS)

BEGINNER_WHY_NOT = {
    CategoryKind.IMPACT: (
        "Harder-hitting impact toys hidden: beginners start at the gentle end "
        f"(intensity {BEGINNER_MAX_INTENSITY} of 5 or less)."
    ),
    CategoryKind.RESTRAINTS: (
        "Non-quick-release restraints hidden: beginners are only shown quick-release restraints."
    ),
    CategoryKind.COCK_RINGS: (
        "Rigid rings hidden: beginners start with soft, stretchy or adjustable rings, "
        "which come off easily."
    ),
}
LEVEL_WHY_NOT = (
    "Experienced-only gear hidden: you told us you are new to this, so we only show gear "
    "tagged for beginners."
)
LATEX_WHY_NOT = "Hidden because it contains latex: you told us about a latex allergy."
SILICONE_LUBE_WHY_NOT = (
    "Silicone and hybrid lubes hidden: they can damage your silicone toys. "
    "Water-based lube is safe with them."
)
OIL_LUBE_WHY_NOT = (
    "Oil-based lube hidden: it weakens latex condoms and can make them fail. "
    "Water- and silicone-based lubes are safe with them."
)
NUMBING_WHY_NOT = (
    "Numbing lubes hidden: for anal play, pain is the warning to slow down or stop, and "
    "numbing it takes that warning away."
)
FLARED_BASE_WHY_NOT = (
    "Toys for inside without a flared base hidden: for anal play, anything that goes inside "
    "needs a flared base, so it cannot slip all the way in."
)
UNCHOSEN_RINGS_WHY_NOT = (
    "Vibrating rings left out: they are worn as cock rings, and you did not choose cock rings."
)

# Kinds the finder only recommends when the customer chose them: they assume a body.
ASKED_ONLY_KINDS = (CategoryKind.COCK_RINGS,)


def kit_slot(item) -> str:
    """What a product is, for the kit's one-of-a-kind rule: its category's kind, except that
    a vibrating ring is a cock ring (and a general category is a kind of its own)."""
    if item.kind == CategoryKind.VIBRATORS and item.vibrator_type == VibratorType.RING:
        return CategoryKind.COCK_RINGS
    if item.kind == CategoryKind.GENERAL:
        return f"category-{item.category_id}"
    return item.kind


@dataclass(frozen=True)
class Rule:
    key: str  # stable name, e.g. "beginner-restraints"
    answer: str  # the answer behind it: "level", "latex_allergy", ...
    allows: Callable  # class of products -> may it be shown?
    why_not: str  # for the products it hides


def _beginner_rule(kind: str):
    return lambda item: item.kind != kind or beginner_safe(kind, item)


def _not_lube_of(bases):
    return lambda item: not (item.kind == CategoryKind.LUBRICANTS and item.lubricant_base in bases)


def _not_vibrating_ring(item) -> bool:
    return not (item.kind == CategoryKind.VIBRATORS and item.vibrator_type == VibratorType.RING)


def _not_numbing_lube(item) -> bool:
    return not (item.kind == CategoryKind.LUBRICANTS and item.numbing)


def _flared_if_internal(item) -> bool:
    return not (
        item.kind == CategoryKind.VIBRATORS
        and item.placement == Placement.INTERNAL
        and item.flared_base is not True
    )


def hard_rules(answers: Answers, kinds: Collection[str] | None = None) -> tuple[Rule, ...]:
    """The rules these answers switch on, most specific first. `answers.level` is the level
    in the category in question (see `Answers.for_category`). `kinds`: the kinds of category
    chosen (None: every kind); a rule that cannot hide anything there is left out.
    Experience is a fence only one way: a beginner sees beginner gear only; an experienced
    customer sees everything (gear aimed at them ranks first, see `scoring`)."""

    def present(kind: str) -> bool:
        return kinds is None or kind in kinds

    rules = []
    if answers.is_beginner:
        for kind, why_not in BEGINNER_WHY_NOT.items():
            if present(kind):
                rules.append(Rule(f"beginner-{kind}", "level", _beginner_rule(kind), why_not))
    if answers.latex_allergy:
        rules.append(Rule("latex", "latex_allergy", lambda item: not item.has_latex, LATEX_WHY_NOT))
    if answers.owns_silicone_toys and present(CategoryKind.LUBRICANTS):
        rules.append(
            Rule(
                "silicone-lube",
                "owns_silicone_toys",
                _not_lube_of(SILICONE_BASES),
                SILICONE_LUBE_WHY_NOT,
            )
        )
    if answers.uses_latex_condoms and present(CategoryKind.LUBRICANTS):
        rules.append(
            Rule("oil-lube", "uses_latex_condoms", _not_lube_of(OIL_BASES), OIL_LUBE_WHY_NOT)
        )
    if answers.anal_play and present(CategoryKind.LUBRICANTS):
        rules.append(Rule("numbing-lube", "anal_play", _not_numbing_lube, NUMBING_WHY_NOT))
    if answers.anal_play and present(CategoryKind.VIBRATORS):
        rules.append(Rule("flared-base", "anal_play", _flared_if_internal, FLARED_BASE_WHY_NOT))
    rings_unchosen = kinds is not None and CategoryKind.COCK_RINGS not in kinds
    if rings_unchosen and present(CategoryKind.VIBRATORS) and answers.vibrator_type != "ring":
        rules.append(
            Rule("unchosen-rings", "categories", _not_vibrating_ring, UNCHOSEN_RINGS_WHY_NOT)
        )
    if answers.is_beginner:
        rules.append(Rule("level-beginner", "level", lambda item: item.for_beginner, LEVEL_WHY_NOT))
    return tuple(rules)


def all_rules() -> tuple[Rule, ...]:
    """Every rule any answers can switch on (the finder's index notes, for each class of
    products, which of them it breaks)."""
    strictest = Answers(
        level=Level.BEGINNER,
        latex_allergy=True,
        owns_silicone_toys=True,
        uses_latex_condoms=True,
        anal_play=True,
    )
    rings = hard_rules(strictest, {CategoryKind.VIBRATORS})
    return hard_rules(strictest) + tuple(rule for rule in rings if rule.key == "unchosen-rings")


def allowed(product_class, rules) -> bool:
    """Does the class pass every one of these rules? (Read from the rules it breaks, which the
    finder's index works out once per class with each rule's `allows`.)"""
    return not any(rule.key in product_class.breaks for rule in rules)


def compatibility_flags(item) -> int:
    """The kit compatibility flags of a class: what it must not meet (see `kit`)."""
    flags = 0
    if item.kind == CategoryKind.LUBRICANTS:
        if item.lubricant_base in SILICONE_BASES:
            flags |= kit.SILICONE_LUBE
        if item.lubricant_base in OIL_BASES:
            flags |= kit.OIL_LUBE
    if item.kind in LUBE_CONTACT_KINDS:
        if item.has_silicone:
            flags |= kit.SILICONE_TOY
        if item.has_latex:
            flags |= kit.LATEX_TOY
    return flags


def pickable(item) -> bool:
    """May the finder pick it at all? Everything in the index is recommendable (published, in
    stock, with a safety note); safety shears are an add-on, never a pick."""
    return not (
        item.kind == CategoryKind.RESTRAINTS and item.restraint_type == RestraintType.SAFETY_SHEARS
    )
