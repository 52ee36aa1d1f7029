"""The finder's hard rules: database filters that no score can override.

Each rule says which products it allows (a `Q`, so candidates are selected with indexed
filters) and, for what it hides, a plain "why not". Rules key off `Category.kind`, never a
category's slug, so a new category of an existing kind is covered with no code.
"""

from dataclasses import dataclass

from django.db.models import CharField, Exists, OuterRef, Q, Value
from django.db.models.expressions import Case, When

from catalog.attributes import CategoryKind, LubricantBase, RestraintType
from catalog.models import Level, Product
from catalog.models.product import LEVEL_FIELDS
from catalog.rules import BEGINNER_MAX_INTENSITY, beginner_safe_q

from .answers import Answers

SILICONE_BASES = (LubricantBase.SILICONE, LubricantBase.HYBRID)
OIL_BASES = (LubricantBase.OIL,)

# Kinds whose products meet lubricant during use: a kit pairs a lube with them only when the
# two are safe together (silicone lube degrades silicone toys; oil degrades latex).
LUBE_CONTACT_KINDS = (CategoryKind.VIBRATORS, CategoryKind.COCK_RINGS)

# Safety shears live among restraints but are a safety add-on, never "a restraint" pick.
ACCESSORY_Q = Q(category__kind=CategoryKind.RESTRAINTS, restraint_type=RestraintType.SAFETY_SHEARS)

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
    allowed: Q  # the products it lets through
    why_not: str  # for the products it hides


def has_material(**material_filter) -> Exists:
    """True where the product has a material matching the filter (one indexed lookup)."""
    through = Product.materials.through.objects.filter(
        product_id=OuterRef("pk"), **{f"material__{k}": v for k, v in material_filter.items()}
    )
    return Exists(through)


def hard_rules(answers: Answers) -> tuple[Rule, ...]:
    """The rules these answers switch on, most specific first: a hidden product is explained
    by the first rule it breaks."""
    rules = []
    if answers.is_beginner:
        for kind, why_not in BEGINNER_WHY_NOT.items():
            safe = beginner_safe_q(kind)
            if safe:
                rules.append(
                    Rule(f"beginner-{kind}", "level", ~Q(category__kind=kind) | safe, why_not)
                )
    if answers.latex_allergy:
        rules.append(
            Rule("latex", "latex_allergy", ~Q(has_material(contains_latex=True)), LATEX_WHY_NOT)
        )
    if answers.owns_silicone_toys:
        rules.append(
            Rule(
                "silicone-lube",
                "owns_silicone_toys",
                ~Q(category__kind=CategoryKind.LUBRICANTS, lubricant_base__in=SILICONE_BASES),
                SILICONE_LUBE_WHY_NOT,
            )
        )
    if answers.uses_latex_condoms:
        rules.append(
            Rule(
                "oil-lube",
                "uses_latex_condoms",
                ~Q(category__kind=CategoryKind.LUBRICANTS, lubricant_base__in=OIL_BASES),
                OIL_LUBE_WHY_NOT,
            )
        )
    level = Level(answers.level)
    rules.append(
        Rule(f"level-{level}", "level", Q(**{LEVEL_FIELDS[level]: True}), LEVEL_WHY_NOT[level])
    )
    return tuple(rules)


def allowed_q(answers: Answers) -> Q:
    """Every hard rule at once: what these answers may ever be shown."""
    combined = Q()
    for rule in hard_rules(answers):
        combined &= rule.allowed
    return combined


def broken_rule_expression(rules) -> Case:
    """The key of the first rule a product breaks, or "" when it breaks none."""
    return Case(
        *[When(~rule.allowed, then=Value(rule.key)) for rule in rules],
        default=Value(""),
        output_field=CharField(),
    )


def pickable():
    """What the finder may ever consider: recommendable (published, in stock, with a safety
    note) and not an accessory."""
    return Product.objects.recommendable().exclude(ACCESSORY_Q)
