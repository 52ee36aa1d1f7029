"""The finder's pure logic: answers in, recommendations out (no HTTP, no request objects).

    from finder.logic import Answers, recommend
    recommendations = recommend(Answers(level="beginner", categories=("restraints",)))

Hard safety rules are database filters (`rules`), preferences a small score computed in the
database (`scoring`), the starter kit an exact search over a few candidates (`kit`).
"""

from .answers import (
    HARD_ANSWERS,
    PREFERENCE_ANSWERS,
    SAFETY_ANSWERS,
    Answers,
    preferences_for,
)
from .engine import recommend
from .results import (
    AddOn,
    CategoryResult,
    Empty,
    HiddenGroup,
    HiddenProduct,
    Kit,
    LeftOut,
    Pick,
    Recommendations,
)

__all__ = [
    "HARD_ANSWERS",
    "PREFERENCE_ANSWERS",
    "SAFETY_ANSWERS",
    "AddOn",
    "Answers",
    "CategoryResult",
    "Empty",
    "HiddenGroup",
    "HiddenProduct",
    "Kit",
    "LeftOut",
    "Pick",
    "Recommendations",
    "preferences_for",
    "recommend",
]
