"""What a customer told the finder: one immutable value, never stored anywhere."""

from dataclasses import dataclass, fields, replace
from decimal import Decimal

from catalog.attributes import CategoryKind
from catalog.models import Level

# The safety answers: hard filters that nothing relaxes. When they empty a category the
# finder says so and keeps them (there is no retry). In the order the diagnosis names
# them when several hide the same number of products.
SAFETY_ANSWERS = (
    "level",
    "latex_allergy",
    "owns_silicone_toys",
    "uses_latex_condoms",
    "anal_play",
)
HARD_ANSWERS = SAFETY_ANSWERS  # the answers behind the hard rules (and "categories")

# The answers that only change the order of the results (a score), never what may be shown.
PREFERENCE_ANSWERS = (
    "intensity",
    "sensation",
    "restraint_type",
    "ring_fit",
    "vibrator_type",
    "lube_thickness",
)


@dataclass(frozen=True)
class Answers:
    level: str
    categories: tuple[str, ...] = ()
    intensity: int | None = None
    sensation: str = ""
    restraint_type: str = ""
    ring_fit: str = ""
    vibrator_type: str = ""
    lube_thickness: str = ""
    budget: Decimal | None = None
    latex_allergy: bool = False
    owns_silicone_toys: bool = False
    uses_latex_condoms: bool = False
    anal_play: bool = False
    # Experience per category (slug -> level), where it differs from `level`; sorted pairs.
    levels: tuple[tuple[str, str], ...] = ()

    def __post_init__(self):
        if self.level not in Level.values:
            raise ValueError(f"level must be one of {Level.values}")
        # Keep the first mention of each slug, in the order given.
        object.__setattr__(self, "categories", tuple(dict.fromkeys(self.categories)))
        if self.budget is not None and not isinstance(self.budget, Decimal):
            object.__setattr__(self, "budget", Decimal(str(self.budget)))
        levels = dict(self.levels)
        if any(level not in Level.values for level in levels.values()):
            raise ValueError(f"levels must be one of {Level.values}")
        # Only the differences matter: the same answers compare equal however they are given.
        kept = tuple(sorted((slug, lvl) for slug, lvl in levels.items() if lvl != self.level))
        object.__setattr__(self, "levels", kept)

    @property
    def is_beginner(self) -> bool:
        return self.level == Level.BEGINNER

    def level_for(self, slug: str) -> str:
        """The experience the customer has with this category."""
        return dict(self.levels).get(slug, self.level)

    def for_category(self, slug: str) -> "Answers":
        """The answers as they apply in one category: its own level."""
        level = self.level_for(slug)
        return (
            self
            if level == self.level and not self.levels
            else replace(self, level=level, levels=())
        )

    def active_hard_answers(self) -> tuple[str, ...]:
        """The safety answers that currently filter something (level always does)."""
        return tuple(name for name in SAFETY_ANSWERS if name == "level" or getattr(self, name))

    def as_dict(self) -> dict:
        return {field.name: getattr(self, field.name) for field in fields(self)}


# Which preference questions matter for which kind of category.
PREFERENCES_BY_KIND = {
    CategoryKind.IMPACT: ("intensity", "sensation"),
    CategoryKind.RESTRAINTS: ("restraint_type",),
    CategoryKind.COCK_RINGS: ("ring_fit",),
    CategoryKind.LUBRICANTS: ("lube_thickness",),
    CategoryKind.VIBRATORS: ("vibrator_type",),
}


def preferences_for(kinds) -> tuple[str, ...]:
    """The preference questions worth asking for these kinds of category, in a stable order."""
    wanted = {name for kind in kinds for name in PREFERENCES_BY_KIND.get(kind, ())}
    return tuple(name for name in PREFERENCE_ANSWERS if name in wanted)
