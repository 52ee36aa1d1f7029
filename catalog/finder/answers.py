"""What a customer told the finder: one immutable value, never stored anywhere."""

from dataclasses import dataclass, fields, replace
from decimal import Decimal

from catalog.attributes import CategoryKind
from catalog.models import Level

# The answers that act as hard filters, in the order the finder offers to relax them when a
# category comes back empty: the least risky relaxation first, a health matter last.
HARD_ANSWERS = ("owns_silicone_toys", "level", "uses_latex_condoms", "latex_allergy")

# The answers that only change the order of the results (a score), never what may be shown.
PREFERENCE_ANSWERS = ("intensity", "sensation", "restraint_type", "ring_fit", "vibrator_type")


@dataclass(frozen=True)
class Answers:
    level: str
    categories: tuple[str, ...] = ()
    intensity: int | None = None
    sensation: str = ""
    restraint_type: str = ""
    ring_fit: str = ""
    vibrator_type: str = ""
    budget: Decimal | None = None
    latex_allergy: bool = False
    owns_silicone_toys: bool = False
    uses_latex_condoms: bool = False

    def __post_init__(self):
        if self.level not in Level.values:
            raise ValueError(f"level must be one of {Level.values}")
        # Keep the first mention of each slug, in the order given.
        object.__setattr__(self, "categories", tuple(dict.fromkeys(self.categories)))
        if self.budget is not None and not isinstance(self.budget, Decimal):
            object.__setattr__(self, "budget", Decimal(str(self.budget)))

    @property
    def is_beginner(self) -> bool:
        return self.level == Level.BEGINNER

    def active_hard_answers(self) -> tuple[str, ...]:
        """The hard answers that currently filter something (level always does)."""
        return tuple(name for name in HARD_ANSWERS if name == "level" or getattr(self, name))

    def relaxed(self, name: str) -> "Answers":
        """The same answers with one hard answer taken back: the level switched to the other
        one (the customer widening the filter themselves), a yes turned into a no."""
        if name == "level":
            other = Level.EXPERIENCED if self.is_beginner else Level.BEGINNER
            return replace(self, level=other.value)
        if name in HARD_ANSWERS:
            return replace(self, **{name: False})
        raise ValueError(f"{name} is not an answer that can be relaxed")

    def as_dict(self) -> dict:
        return {field.name: getattr(self, field.name) for field in fields(self)}


# Which preference questions matter for which kind of category.
PREFERENCES_BY_KIND = {
    CategoryKind.IMPACT: ("intensity", "sensation"),
    CategoryKind.RESTRAINTS: ("restraint_type",),
    CategoryKind.COCK_RINGS: ("ring_fit",),
    CategoryKind.VIBRATORS: ("vibrator_type",),
}


def preferences_for(kinds) -> tuple[str, ...]:
    """The preference questions worth asking for these kinds of category, in a stable order."""
    wanted = {name for kind in kinds for name in PREFERENCES_BY_KIND.get(kind, ())}
    return tuple(name for name in PREFERENCE_ANSWERS if name in wanted)
