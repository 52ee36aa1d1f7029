"""The finder flow's steps as a pure state machine: which screen comes next.

No HTTP here: the view hands in the step a form was posted from, the action (next, skip,
back), the steps whose answers failed validation and whether any preference question applies
to the chosen categories; `next_screen` says which step to show (or `RESULTS`). `skip` says
which answers a "Skip" takes back and what it leaves in their place.
"""

from dataclasses import dataclass

from catalog.models import Level

from .logic import PREFERENCE_ANSWERS


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    fields: tuple[str, ...]


SAFETY_FIELDS = ("latex_allergy", "owns_silicone_toys", "uses_latex_condoms")
STEPS = (
    Step(1, "Your experience", ("level",)),
    Step(2, "What interests you", ("categories",)),
    Step(3, "Your preferences", PREFERENCE_ANSWERS),
    Step(4, "Budget and safety", ("budget", *SAFETY_FIELDS, "anal_play")),
)
PREFERENCES = 3  # the step that shows only the questions that matter for the chosen kinds
RESULTS = len(STEPS) + 1
ACTIONS = ("next", "skip", "back")
STEP_OF_FIELD = {name: step.number for step in STEPS for name in step.fields}
# What "Skip" on a step leaves: the sensible default (new to this), otherwise no answer.
SKIP_DEFAULTS = {"level": Level.BEGINNER}


# The experience with each chosen category is asked on the preferences step, one question a
# category, named level_<slug>.
PER_CATEGORY_LEVEL = "level_"


def step_of(name: str) -> int:
    """The step that asks this answer (unknown names belong to the first)."""
    if name.startswith(PER_CATEGORY_LEVEL):
        return PREFERENCES
    return STEP_OF_FIELD.get(name, 1)


def skip(step: int, posted=()) -> tuple[tuple[str, ...], dict[str, str]]:
    """(the answers a "Skip" on this step takes back, the defaults left in their place).
    `posted`: the names posted, for the per-category questions."""
    if not 1 <= step < RESULTS:
        return (), {}
    names = STEPS[step - 1].fields
    if step == PREFERENCES:
        names += tuple(name for name in posted if name.startswith(PER_CATEGORY_LEVEL))
    return names, {name: SKIP_DEFAULTS[name] for name in names if name in SKIP_DEFAULTS}


def _shown(target: int, has_preferences: bool, backwards: bool) -> int:
    """The preferences step is passed over when no question on it applies."""
    if target == PREFERENCES and not has_preferences:
        return target - 1 if backwards else target + 1
    return target


def next_screen(step: int, action: str, error_steps, has_preferences: bool) -> int:
    """The step to show after `action` on `step`, or RESULTS. `error_steps`: the steps whose
    answers did not validate. Back always goes back; forward stops at the first step at or
    before this one with an error, and the results wait until every step is valid."""
    if action == "back":
        return _shown(max(step - 1, 1), has_preferences, backwards=True)
    errors = sorted(set(error_steps))
    blocking = [number for number in errors if number <= step]
    if blocking:
        return blocking[0]
    target = _shown(min(step + 1, RESULTS), has_preferences, backwards=False)
    if target < RESULTS:
        return target
    return errors[0] if errors else RESULTS


def visible_fields(number: int, preferences: tuple[str, ...]) -> tuple[str, ...]:
    """The questions a step shows (the others ride along as hidden fields)."""
    return preferences if number == PREFERENCES else STEPS[number - 1].fields
