"""The size guide's arithmetic: a ring's inner diameter from a measured circumference."""

import math
from decimal import Decimal

from django import forms

# A measurement outside these (millimetres) is a typo, not a body: the form says so.
CIRCUMFERENCE_MIN_MM = 30
CIRCUMFERENCE_MAX_MM = 400


def ring_diameter_mm(circumference_mm: Decimal) -> Decimal:
    """Diameter = circumference / π, to the nearest half millimetre (rings are sold so)."""
    diameter = Decimal(str(float(circumference_mm) / math.pi))
    return (diameter * 2).quantize(Decimal("1")) / 2


class RingSizeForm(forms.Form):
    circumference = forms.DecimalField(
        label="Measured circumference (mm)",
        min_value=CIRCUMFERENCE_MIN_MM,
        max_value=CIRCUMFERENCE_MAX_MM,
        max_digits=5,
        decimal_places=1,
        help_text="Wrap a strip of paper or a soft tape measure around, mark where it meets "
        "and measure that length in millimetres.",
    )

    def diameter(self) -> Decimal | None:
        if not self.is_bound or not self.is_valid():
            return None
        return ring_diameter_mm(self.cleaned_data["circumference"])
