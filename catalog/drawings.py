"""Which line drawing stands for a product when it has no photo.

Each kind of product has its own small SVG in `static/catalog/drawings/<name>.svg`, so a
catalog page is not rows of identical pictures. A product's drawing is its `drawing` field when
a curator chose one, otherwise it follows from the attributes its category already asks for
(a ring's fit, a restraint's type, a vibrator's type), otherwise the category kind's default.
Impact toys and lubricants cannot be told apart by their attributes (a paddle and a flogger
share intensity and sensation), so for them the field is the way to say which one it is.
"""

from django.db import models
from django.templatetags.static import static

from catalog.attributes import CategoryKind, RestraintType, RingFit, VibratorType


class Drawing(models.TextChoices):
    PADDLE = "paddle", "Paddle"
    FLOGGER = "flogger", "Flogger"
    SLAPPER = "slapper", "Slapper"
    STRAP = "strap", "Strap"
    CROP = "crop", "Crop"
    CUFFS = "cuffs", "Cuffs"
    UNDER_BED = "under-bed", "Under-bed straps"
    SPREADER = "spreader", "Spreader bar"
    SHEARS = "shears", "Safety shears"
    SOFT_RING = "soft-ring", "Soft ring"
    ADJUSTABLE_RING = "adjustable-ring", "Adjustable ring"
    STEEL_RING = "steel-ring", "Steel ring"
    BOTTLE = "bottle", "Bottle"
    SACHET = "sachet", "Sachets"
    JAR = "jar", "Jar"
    BULLET = "bullet", "Bullet"
    WAND = "wand", "Wand"
    EGG = "egg", "Egg"
    RABBIT = "rabbit", "Rabbit"
    MASSAGER = "massager", "Massager"
    VIBRATING_RING = "vibrating-ring", "Vibrating ring"
    GENERAL = "general", "General"


# The drawing that follows from one attribute, per kind of category.
BY_ATTRIBUTE: dict[str, tuple[str, dict[str, str]]] = {
    CategoryKind.RESTRAINTS: (
        "restraint_type",
        {
            RestraintType.WRIST: Drawing.CUFFS,
            RestraintType.ANKLE: Drawing.CUFFS,
            RestraintType.UNDER_BED: Drawing.UNDER_BED,
            RestraintType.SPREADER: Drawing.SPREADER,
            RestraintType.SAFETY_SHEARS: Drawing.SHEARS,
        },
    ),
    CategoryKind.COCK_RINGS: (
        "ring_fit",
        {
            RingFit.SOFT: Drawing.SOFT_RING,
            RingFit.ADJUSTABLE: Drawing.ADJUSTABLE_RING,
            RingFit.RIGID: Drawing.STEEL_RING,
        },
    ),
    CategoryKind.VIBRATORS: (
        "vibrator_type",
        {
            VibratorType.BULLET: Drawing.BULLET,
            VibratorType.WAND: Drawing.WAND,
            VibratorType.EGG: Drawing.EGG,
            VibratorType.RABBIT: Drawing.RABBIT,
            VibratorType.RING: Drawing.VIBRATING_RING,
            VibratorType.MASSAGER: Drawing.MASSAGER,
        },
    ),
}

# When neither the field nor an attribute says: the kind's most typical product.
KIND_DEFAULTS: dict[str, str] = {
    CategoryKind.IMPACT: Drawing.PADDLE,
    CategoryKind.RESTRAINTS: Drawing.CUFFS,
    CategoryKind.COCK_RINGS: Drawing.SOFT_RING,
    CategoryKind.LUBRICANTS: Drawing.BOTTLE,
    CategoryKind.VIBRATORS: Drawing.BULLET,
}


def drawing_name(product) -> str:
    """The name of the product's drawing (a `Drawing` value)."""
    if product.drawing:
        return product.drawing
    kind = product.category.kind
    if kind in BY_ATTRIBUTE:
        attribute, names = BY_ATTRIBUTE[kind]
        name = names.get(getattr(product, attribute))
        if name:
            return name
    return KIND_DEFAULTS.get(kind, Drawing.GENERAL)


def drawing_url(name: str) -> str:
    return static(f"catalog/drawings/{name}.svg")
