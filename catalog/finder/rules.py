"""The finder's hard rules: filters that no score can override.

Each rule says which products it allows (a predicate on a class of products in the finder's
index, whose attribute names follow `Product`'s) and, for what it hides, a plain "why not".
Rules key off `Category.kind`, never a category's slug, so a new category of an existing kind
is covered with no code. Rules that cannot hide anything in the chosen kinds are left out, so
a hidden product is explained by the first rule, among those that matter, it breaks.
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass

from catalog.attributes import CategoryKind, LubricantBase, RestraintType
from catalog.models import Level
from catalog.models.product import LEVEL_FIELDS
from catalog.rules import BEGINNER_MAX_INTENSITY, beginner_safe

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
LEVEL_WHY_NOT = {
    Level.BEGINNER: (
        "Experienced-only gear hidden: you told us you are new to this, so we only show gear "
        "tagged for beginners."
    ),
    Level.EXPERIENCED: (
        "Beginner-only gear hidden: you told us you have experience, so we show gear tagged "
        "for experienced people."
    ),
}
LATEX_WHY_NOT = "Hidden because it contains latex: you told us about a latex allergy."
SILICONE_LUBE_WHY_NOT = (
    "Silicone and hybrid lubes hidden: they can damage your silicone toys. "
    "Water-based lube is safe with them."
)
OIL_LUBE_WHY_NOT = (
    "Oil-based lube hidden: it weakens latex condoms and can make them fail. "
    "Water- and silicone-based lubes are safe with them."
)


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


def hard_rules(answers: Answers, kinds: Collection[str] | None = None) -> tuple[Rule, ...]:
    """The rules these answers switch on, most specific first. `kinds`: the kinds of category
    in question (None: every kind); a rule that cannot hide anything there is left out."""

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
    level = Level(answers.level)
    field = LEVEL_FIELDS[level]
    rules.append(
        Rule(f"level-{level}", "level", lambda item: getattr(item, field), LEVEL_WHY_NOT[level])
    )
    return tuple(rules)


def all_rules() -> tuple[Rule, ...]:
    """Every rule any answers can switch on (the finder's index notes, for each class of
    products, which of them it breaks)."""
    strictest = Answers(
        level=Level.BEGINNER, latex_allergy=True, owns_silicone_toys=True, uses_latex_condoms=True
    )
    return hard_rules(strictest) + hard_rules(Answers(level=Level.EXPERIENCED))[-1:]


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
