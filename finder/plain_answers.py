"""The finder API's fast path: answers that are plainly valid, read without the form.

Nearly every body the API gets is the simple shape a page's script sends: known fields, each a
valid choice, a whole-number intensity, a plain amount of pounds. `plain_answers` reads such a
body straight into `Answers` and the chosen categories, exactly as `forms.form_from_json` and
`JsonAnswersForm` would (tests/finder/test_plain_answers.py compares the two over random and
odd bodies), and saves the form's binding and cleaning (~0.5 ms a request). Anything else,
valid or not, gives None and goes through the form as before, so every error and every 400
says what it always said. The choices are the form's own, read at import.

Like the form, it only reads: the answers are never stored, logged or put in a key.
"""

import re
from decimal import Decimal

from catalog.models import Category
from finder.logic import Answers
from finder.logic.index import shop_categories

from .forms import MAX_BUDGET, MAX_CATEGORIES, AnswersForm


def _choices(name: str) -> frozenset:
    return frozenset(value for value, _ in AnswersForm.base_fields[name].choices)


LEVELS = _choices("level")  # required: the empty choice is not among them
PREFERENCES = {
    name: _choices(name)  # with "" for "no preference"
    for name in ("sensation", "restraint_type", "ring_fit", "vibrator_type", "lube_thickness")
}
INTENSITIES = _choices("intensity") - {""}  # whole numbers
LEVEL_OR_AS_ABOVE = LEVELS | {""}
FLAGS = ("latex_allergy", "owns_silicone_toys", "uses_latex_condoms", "anal_play")
# Pounds, or pounds and pence, no sign, no spaces, no leading zero: what the form reads as
# this very Decimal (and at most 8 digits, 2 of them after the point).
AMOUNT = re.compile(r"(?:0|[1-9][0-9]{0,5})(?:\.[0-9]{1,2})?")
KNOWN = frozenset(("level", "categories", "intensity", "budget", "levels", *PREFERENCES, *FLAGS))


def _budget(value) -> Decimal | None:
    """The budget as the form cleans it, or None when the form must judge it."""
    if type(value) is not int and not (type(value) is str and AMOUNT.fullmatch(value)):
        return None
    amount = Decimal(str(value))
    return amount if 0 <= amount <= MAX_BUDGET else None


def plain_answers(payload) -> tuple[Answers, list[Category] | None] | None:
    """(answers, the chosen categories in shop order or None when none was chosen), as the
    form gives them, when `payload` (a decoded JSON body) is plainly valid; else None."""
    if type(payload) is not dict or not KNOWN.issuperset(payload):
        return None
    given = {name: value for name, value in payload.items() if value is not None}
    level = given.get("level")
    if type(level) is not str or level not in LEVELS:
        return None
    values: dict = {"level": level}
    for name, choices in PREFERENCES.items():
        value = given.get(name, "")
        if type(value) is not str or value not in choices:
            return None
        values[name] = value
    for name in FLAGS:
        value = given.get(name, False)
        if type(value) is not bool:
            return None
        values[name] = value
    intensity = given.get("intensity")
    if intensity is not None and (type(intensity) is not int or intensity not in INTENSITIES):
        return None
    budget = given.get("budget")
    if budget is not None:
        budget = _budget(budget)
        if budget is None:
            return None
    categories = shop_categories()
    known = {category.slug for category in categories}
    slugs = given.get("categories", [])
    if type(slugs) is not list or len(slugs) > MAX_CATEGORIES:
        return None
    if not all(type(slug) is str and slug in known for slug in slugs):
        return None
    levels = given.get("levels", {})
    if type(levels) is not dict:
        return None
    for slug, value in levels.items():
        if slug not in known or type(value) is not str or value not in LEVEL_OR_AS_ABOVE:
            return None
    wanted = set(slugs)
    chosen = [category for category in categories if category.slug in wanted]
    answers = Answers(
        categories=tuple(category.slug for category in chosen),
        intensity=intensity,
        budget=budget,
        levels=tuple((slug, value) for slug, value in levels.items() if value),
        **values,
    )
    return answers, chosen or None
