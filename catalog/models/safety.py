from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from catalog.attributes import (
    LubricantBase,
    Placement,
    RestraintType,
    RingFit,
    Sensation,
    Thickness,
    VibratorType,
    WaterResistance,
)


class Severity(models.TextChoices):
    INFO = "info", "Info"
    CAUTION = "caution", "Caution"
    WARNING = "warning", "Warning"


SEVERITY_RANK = {Severity.INFO: 0, Severity.CAUTION: 1, Severity.WARNING: 2}

# The attributes a note's condition may test: those with a fixed set of text values, so the
# condition reads the same in Python and in SQL ("lubricant base is oil").
CONDITION_VALUES = {
    "sensation": Sensation,
    "restraint_type": RestraintType,
    "ring_fit": RingFit,
    "lubricant_base": LubricantBase,
    "thickness": Thickness,
    "vibrator_type": VibratorType,
    "placement": Placement,
    "water_resistance": WaterResistance,
}
CONDITION_CHOICES = {
    "sensation": "Sensation",
    "restraint_type": "Restraint type",
    "ring_fit": "Ring fit",
    "lubricant_base": "Lubricant base",
    "thickness": "Thickness",
    "vibrator_type": "Vibrator type",
    "placement": "Placement",
    "water_resistance": "Water resistance",
}


class SafetyNote(models.Model):
    """A short safety text. Attached to categories (shown on every product in them) and to
    single products; one note can serve many of either."""

    text = models.TextField(help_text="One or two short, plain sentences.")
    severity = models.CharField(max_length=10, choices=Severity.choices, default=Severity.CAUTION)
    # A condition on the product's attributes: the note applies only to products whose
    # attribute has this value ("oil-based lube weakens latex" when the lubricant base is oil).
    condition_attribute = models.CharField(
        "applies only when",
        max_length=20,
        choices=list(CONDITION_CHOICES.items()),
        blank=True,
        help_text="Leave empty for a note that applies to every product it is attached to.",
    )
    condition_value = models.CharField(
        "is",
        max_length=20,
        blank=True,
        help_text="The attribute's value, as stored (for example oil, silicone, thick).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["severity", "text"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(severity__in=Severity.values), name="safetynote_severity_valid"
            ),
            models.CheckConstraint(condition=~models.Q(text=""), name="safetynote_text_not_empty"),
            models.CheckConstraint(
                condition=Q(condition_attribute="", condition_value="")
                | (~Q(condition_attribute="") & ~Q(condition_value="")),
                name="safetynote_condition_whole",
            ),
        ]

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 70 else self.text[:67] + "..."
        return f"{self.get_severity_display()}: {text}"

    def clean(self):
        super().clean()
        if bool(self.condition_attribute) != bool(self.condition_value):
            raise ValidationError(
                {"condition_value": "Give both the attribute and its value, or neither."}
            )
        if self.condition_attribute:
            allowed = list(CONDITION_VALUES[self.condition_attribute].values)
            if self.condition_value not in allowed:
                raise ValidationError({"condition_value": f"Choose one of: {', '.join(allowed)}."})

    def applies_to(self, product) -> bool:
        """Does the note apply to this product (its condition, if any, holds)?"""
        if not self.condition_attribute:
            return True
        return getattr(product, self.condition_attribute, None) == self.condition_value

    @property
    def condition_label(self) -> str:
        if not self.condition_attribute:
            return ""
        return f"{CONDITION_CHOICES[self.condition_attribute]} is {self.condition_value}"

    @property
    def rank(self) -> int:
        return SEVERITY_RANK.get(self.severity, 0)


def condition_holds_q(prefix: str = "") -> Q:
    """For a subquery over notes inside a query over products: the note applies to the outer
    product (no condition, or the outer product's attribute has the note's value)."""
    from django.db.models import OuterRef

    holds = Q(**{f"{prefix}condition_attribute": ""})
    for name in CONDITION_CHOICES:
        holds |= Q(
            **{f"{prefix}condition_attribute": name, f"{prefix}condition_value": OuterRef(name)}
        )
    return holds


def by_severity(notes) -> list[SafetyNote]:
    """Most severe first; each note once even if it is attached twice."""
    unique = {note.pk: note for note in notes}
    return sorted(unique.values(), key=lambda note: (-note.rank, note.text))
