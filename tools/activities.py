"""What the negotiation card and the couple overlap ask about: the activities the rough-play
guide explains, in plain words, grouped as the guide groups them. Pure data and functions.

`category_kind` ties an activity to a kind of catalog category (`catalog.attributes`), so the
couple overlap can carry "what we both want" into the finder as category slugs; it is None for
what needs no gear (hair pulling, pinning, words).
"""

from dataclasses import dataclass

from catalog.attributes import CategoryKind


@dataclass(frozen=True)
class Activity:
    slug: str
    label: str
    hint: str
    category_kind: str | None = None


@dataclass(frozen=True)
class Group:
    title: str
    activities: tuple[Activity, ...]


GROUPS = (
    Group(
        "Impact",
        (
            Activity("spanking", "Spanking with a hand", "Open hand, fleshy areas only."),
            Activity("paddle", "Paddles", "Broad, even contact: thud.", CategoryKind.IMPACT),
            Activity("flogger", "Floggers", "Many soft tails: thud or sting.", CategoryKind.IMPACT),
            Activity("marks", "Marks that show for a day or two", "Agree where, if anywhere."),
        ),
    ),
    Group(
        "Holding and restraint",
        (
            Activity(
                "cuffs",
                "Cuffs on wrists or ankles",
                "Quick release, shears in reach.",
                CategoryKind.RESTRAINTS,
            ),
            Activity("pinning", "Pinning or holding down", "Hands on arms or shoulders only."),
            Activity("wrestling", "Play wrestling", "Agree a tap-out first."),
            Activity("blindfold", "Blindfolds", "Check in more often when eyes are covered."),
        ),
    ),
    Group(
        "Touch",
        (
            Activity("hair-pulling", "Hair pulling", "Grip at the roots, close to the scalp."),
            Activity("biting", "Biting", "Gentle, away from joints and the neck."),
            Activity("scratching", "Scratching", "Short nails, light to start."),
        ),
    ),
    Group(
        "Words",
        (
            Activity("commands", "Giving or following orders", "Who leads, and for how long."),
            Activity("teasing", "Teasing and playful insults", "Agree the words that are off."),
            Activity("protest", "Playful protest", "Only with a safe word that is not 'stop'."),
        ),
    ),
    Group(
        "Toys",
        (
            Activity(
                "cock-ring",
                "Cock rings",
                "Off after about 20 minutes.",
                CategoryKind.COCK_RINGS,
            ),
            Activity("vibrators", "Vibrators", "Lube that suits the toy.", CategoryKind.VIBRATORS),
        ),
    ),
)

ACTIVITIES = tuple(activity for group in GROUPS for activity in group.activities)

# Never on the list, whatever anyone answers: the guide explains why.
NEVER = (
    "Nothing around the neck, and no breath play or choking",
    "No alcohol or drugs before or during play",
    "Never leave a restrained person alone",
)

# The guide's traffic-light system, as the card's defaults (each person may reword them).
TRAFFIC_LIGHTS = (
    ("green", "Green", "All good, keep going."),
    ("yellow", "Yellow", "Slow down or ease off, and check in."),
    ("red", "Red", "Stop at once, release any restraints and check in."),
)

CHECK_IN_MINUTES = (5, 10, 15, 20, 30)

AFTERCARE_WISHES = (
    ("water", "Water"),
    ("snack", "Something sweet to eat"),
    ("blanket", "A warm blanket"),
    ("holding", "Holding or a cuddle"),
    ("quiet", "Quiet time close by"),
    ("space", "Some space on my own"),
    ("words", "Hearing that it went well"),
    ("talk", "Talking it over the next day"),
)


def category_slugs_by_activity(categories) -> dict[str, list[str]]:
    """Activity slug -> the slugs of the catalog categories of its kind (in shop order).
    `categories` are objects with `slug` and `kind`, such as catalog Categories."""
    by_kind: dict[str, list[str]] = {}
    for category in categories:
        by_kind.setdefault(category.kind, []).append(category.slug)
    return {
        activity.slug: by_kind.get(activity.category_kind, [])
        for activity in ACTIVITIES
        if activity.category_kind
    }
