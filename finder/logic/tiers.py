"""The tiers of the finder's score below the preferences (`scoring` says what a score is):
gentleness for beginners (and thick lube for anal play), gear aimed at experienced people,
the curators. They read only the level and anal play, so each class of products in the
finder's index keeps them worked out once for each way of answering those (`base_points`),
and a ranking adds the preferences asked and the budget (`scoring.class_scorer`)."""

from catalog.attributes import (
    INTENSITY_MAX,
    CategoryKind,
    Placement,
    RingFit,
    Thickness,
    VibratorType,
)

from .answers import Answers

TIER = 100  # the weight between two tiers (a kit's sum of any lower tier stays below it)
RING_GENTLENESS = {RingFit.SOFT: 4, RingFit.ADJUSTABLE: 2}


def gentleness(item, answers: Answers) -> int:
    """For beginners, how gentle a start it is (at most 9); thick lube for anal play."""
    thick_lube = item.kind == CategoryKind.LUBRICANTS and item.thickness == Thickness.THICK
    if not answers.is_beginner:
        return 2 if answers.anal_play and thick_lube else 0
    points = 0 if item.has_latex else 1
    if item.kind == CategoryKind.IMPACT and item.intensity is not None:
        points += 2 * (INTENSITY_MAX - item.intensity)  # intensity outweighs the rest
    elif item.kind == CategoryKind.COCK_RINGS:
        points += RING_GENTLENESS.get(item.ring_fit, 0)
    elif item.kind == CategoryKind.LUBRICANTS:
        points += 2 if thick_lube else 0
    elif item.kind == CategoryKind.VIBRATORS:
        points += 2 if item.vibrator_type == VibratorType.BULLET else 0
        points += 1 if item.placement == Placement.EXTERNAL else 0
    return points


def aimed_at(item, answers: Answers) -> int:
    """For experienced people, gear tagged for them ranks before beginner-only gear."""
    return 0 if answers.is_beginner or not item.for_experienced else 1


def curation(item, answers: Answers) -> int:
    """A guide's pick at the customer's level (2), a featured product (1)."""
    picked = item.beginner_pick if answers.is_beginner else item.experienced_pick
    return (2 if picked else 0) + (1 if item.is_featured else 0)


# The answers the tiers below the preferences read: the level and anal play. Every score is
# one of these three modes (`mode`), so a class keeps those tiers worked out for each
# (`ProductClass.bases`, from `base_points`) and a ranking adds the preferences and the budget.
MODES = (
    Answers(level="beginner"),
    Answers(level="experienced"),
    Answers(level="experienced", anal_play=True),
)


def mode(answers: Answers) -> int:
    """Which of `MODES` these answers score like below the preferences."""
    return 0 if answers.is_beginner else 2 if answers.anal_play else 1


def base_points(item) -> tuple[int, ...]:
    """The tiers below the preferences (gentleness, aimed at, curation) of an item in each of
    `MODES`: what `points_by_price` adds to the preferences, whatever else was answered."""
    return tuple(
        (gentleness(item, answers) * TIER + aimed_at(item, answers)) * TIER
        + curation(item, answers)
        for answers in MODES
    )
