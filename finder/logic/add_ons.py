"""Safety add-ons: a lube that is safe with the toys shown (unless lube was chosen), safety
shears with restraints; each the best product of its kind in any category of that kind,
under every hard rule."""

from catalog.attributes import CategoryKind, LubricantBase, RestraintType

from . import kit as kit_search
from .answers import Answers
from .hard_rules import LUBE_CONTACT_KINDS, OIL_BASES, SILICONE_BASES, allowed, hard_rules

SHEARS_WHY = (
    "Keep safety shears within reach whenever anyone is restrained: they cut through a stuck "
    "strap in seconds."
)
LUBE_WHY = "A lube that is safe with the toys above: rough or long play needs plenty of it."


def _best(index, kind, answers: Answers, accept, order):
    """(offer, class) of the best product of a kind that passes every rule, or None."""
    slugs = {category.pk: category.slug for category in index.categories}
    rules = {}  # category id -> the rules at the customer's level in that category
    offers = []
    for product_class in index.by_kind.get(kind, ()):
        cid = product_class.category_id
        if cid not in rules:
            rules[cid] = hard_rules(answers.for_category(slugs[cid]), {kind})
        if accept(product_class) and allowed(product_class, rules[cid]):
            for offer in (product_class.cheapest[0], product_class.featured):
                if offer is not None:
                    offers.append((order(product_class, offer), offer.pk, offer, product_class))
    if not offers:
        return None
    _, _, offer, product_class = min(offers, key=lambda row: (row[0], row[1]))
    return offer, product_class


def add_on_rows(index, categories, answers: Answers, toy_flags: int) -> list[tuple]:
    """(offer, class, why, category slug) for each add-on. `toy_flags`: the compatibility
    flags of every toy shown, in the kit or among the picks (any of them may be bought)."""
    kinds = {category.kind for category in categories}
    rows = []
    toys = [category for category in categories if category.kind in LUBE_CONTACT_KINDS]
    if toys and CategoryKind.LUBRICANTS not in kinds:
        refused = set()
        if toy_flags & kit_search.SILICONE_TOY:
            refused |= set(SILICONE_BASES)
        if toy_flags & kit_search.LATEX_TOY:
            refused |= set(OIL_BASES)
        best = _best(
            index,
            CategoryKind.LUBRICANTS,
            answers,
            lambda c: c.lubricant_base not in refused,
            lambda c, offer: (
                c.lubricant_base != LubricantBase.WATER,
                answers.anal_play and c.thickness != "thick",
                not offer.featured,
                offer.price,
            ),
        )
        if best:
            rows.append((*best, LUBE_WHY, toys[0].slug))
    restraints = [category for category in categories if category.kind == CategoryKind.RESTRAINTS]
    if restraints:
        best = _best(
            index,
            CategoryKind.RESTRAINTS,
            answers,
            lambda c: c.restraint_type == RestraintType.SAFETY_SHEARS,
            lambda c, offer: (not offer.featured, offer.price),
        )
        if best:
            rows.append((*best, SHEARS_WHY, restraints[0].slug))
    return rows
