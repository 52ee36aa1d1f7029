"""The beginner safety rules of the brief, in one place.

Each rule exists twice on purpose, side by side: as a database filter (`beginner_safe_q`, used
by the finder and the catalog to select candidates with indexes) and as a check on one product
(`beginner_problem`, used by validation so a curator cannot tag an unsafe product for
beginners). A test keeps the two in agreement.
"""

from django.db.models import Q

from catalog.attributes import CategoryKind, RestraintType, RingFit

BEGINNER_MAX_INTENSITY = 2
BEGINNER_RING_FITS = (RingFit.SOFT, RingFit.ADJUSTABLE)


def beginner_safe_q(kind: str) -> Q:
    """Products of this kind that a beginner may be shown (beyond carrying the tag)."""
    if kind == CategoryKind.IMPACT:
        return Q(intensity__lte=BEGINNER_MAX_INTENSITY)
    if kind == CategoryKind.RESTRAINTS:
        return Q(quick_release=True)
    if kind == CategoryKind.COCK_RINGS:
        return Q(ring_fit__in=BEGINNER_RING_FITS)
    return Q()


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
