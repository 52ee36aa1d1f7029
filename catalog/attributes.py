"""Which product attributes each kind of category needs.

A category's `kind` picks one of these attribute sets, so a new category (say, massage oils)
is added in the admin by choosing an existing kind, or "general" when it needs none. Nothing
else in the code knows the five demo categories by slug.
"""

from django.db import models


class CategoryKind(models.TextChoices):
    GENERAL = "general", "General (no special attributes)"
    IMPACT = "impact", "Impact toys"
    RESTRAINTS = "restraints", "Restraints"
    COCK_RINGS = "cock-rings", "Cock rings"
    LUBRICANTS = "lubricants", "Lubricants"
    VIBRATORS = "vibrators", "Vibrators"


class Sensation(models.TextChoices):
    STING = "sting", "Sting"
    THUD = "thud", "Thud"


class RestraintType(models.TextChoices):
    WRIST = "wrist", "Wrist cuffs"
    ANKLE = "ankle", "Ankle cuffs"
    UNDER_BED = "under-bed", "Under-bed system"
    SPREADER = "spreader", "Spreader bar"
    SAFETY_SHEARS = "safety-shears", "Safety shears"


class RingFit(models.TextChoices):
    SOFT = "soft", "Soft, stretchy"
    ADJUSTABLE = "adjustable", "Adjustable"
    RIGID = "rigid", "Rigid"


class LubricantBase(models.TextChoices):
    WATER = "water", "Water-based"
    SILICONE = "silicone", "Silicone-based"
    OIL = "oil", "Oil-based"
    HYBRID = "hybrid", "Hybrid (water and silicone)"


class Thickness(models.TextChoices):
    THIN = "thin", "Thin"
    THICK = "thick", "Thick"


class VibratorType(models.TextChoices):
    BULLET = "bullet", "Bullet"
    WAND = "wand", "Wand"
    EGG = "egg", "Egg"
    RABBIT = "rabbit", "Rabbit"
    RING = "ring", "Vibrating ring"
    MASSAGER = "massager", "Massager"


class Placement(models.TextChoices):
    EXTERNAL = "external", "External"
    INTERNAL = "internal", "Internal"


class WaterResistance(models.TextChoices):
    NONE = "none", "Not water-resistant (wipe clean only)"
    SPLASH_PROOF = "splash-proof", "Splash-proof (never submerge)"
    WATERPROOF = "waterproof", "Waterproof (can be submerged)"


INTENSITY_MIN, INTENSITY_MAX = 1, 5
INTENSITY_LABELS = {1: "Very gentle", 2: "Gentle", 3: "Medium", 4: "Strong", 5: "Intense"}

# kind -> the Product fields a product of that kind must fill in (and no others).
ATTRIBUTES_BY_KIND: dict[str, tuple[str, ...]] = {
    CategoryKind.GENERAL: (),
    CategoryKind.IMPACT: ("intensity", "sensation"),
    CategoryKind.RESTRAINTS: ("restraint_type", "quick_release"),
    CategoryKind.COCK_RINGS: ("ring_fit",),
    CategoryKind.LUBRICANTS: ("lubricant_base", "thickness"),
    CategoryKind.VIBRATORS: ("vibrator_type", "placement", "water_resistance", "flared_base"),
}

ALL_ATTRIBUTES: tuple[str, ...] = tuple(
    dict.fromkeys(name for names in ATTRIBUTES_BY_KIND.values() for name in names)
)


def attributes_for(kind: str) -> tuple[str, ...]:
    return ATTRIBUTES_BY_KIND.get(kind, ())
