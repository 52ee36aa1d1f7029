"""The beginner safety rules of the brief, in one place.

`beginner_safe` is the rule itself, on anything with a product's attributes (a product, or a
class of products in the finder's index): the finder shows beginners only what passes it.
`beginner_problem` is the same rule as a message for curators, used by validation so nobody can
tag an unsafe product for beginners. Safety shears are the one exception: they restrain nobody,
so a curator may tag them for beginners without quick release (the finder never picks shears,
and offers them as an add-on only under this rule); a missing attribute is reported by
validation as missing. A test keeps the two in step.
"""

from catalog.attributes import CategoryKind, RestraintType, RingFit

BEGINNER_MAX_INTENSITY = 2
BEGINNER_RING_FITS = (RingFit.SOFT, RingFit.ADJUSTABLE)


def beginner_safe(kind: str, product) -> bool:
    """May a beginner be shown this product of this kind (beyond carrying the tag)?"""
    if kind == CategoryKind.IMPACT:
        return product.intensity is not None and product.intensity <= BEGINNER_MAX_INTENSITY
    if kind == CategoryKind.RESTRAINTS:
        return product.quick_release is True
    if kind == CategoryKind.COCK_RINGS:
        return product.ring_fit in BEGINNER_RING_FITS
    return True


def beginner_problem(kind: str, product) -> str | None:
    """Why this product must not be tagged for beginners, or None."""
    if kind == CategoryKind.IMPACT and (product.intensity or 0) > BEGINNER_MAX_INTENSITY:
        return (
            f"Beginner impact toys must be gentle (intensity {BEGINNER_MAX_INTENSITY} or less): "
            "start lighter than you think."
        )
    if kind == CategoryKind.RESTRAINTS and product.quick_release is False:
        if product.restraint_type != RestraintType.SAFETY_SHEARS:
            return "Beginners are only ever shown quick-release restraints."
    if kind == CategoryKind.COCK_RINGS and product.ring_fit == RingFit.RIGID:
        return "Rigid rings are never for beginners: choose soft, stretchy or adjustable."
    return None
