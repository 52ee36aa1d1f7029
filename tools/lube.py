"""Which lube bases suit which toys, condoms, kinds of use and skin: the lube guide's rules
as data. Pure functions, no requests.

Each answer a person can give carries rules: (base, verdict, why). `avoid` takes a base off
the safe list; `check` keeps it, with something to look out for. The page's script applies the
same rules in the browser (each answer's rules ride on its checkbox as a data attribute), so
the answers never leave the page; `verdicts` here is the reference the tests hold it to.
"""

from dataclasses import dataclass

from catalog.attributes import LubricantBase

AVOID, CHECK, SAFE = "avoid", "check", "safe"
BASES = tuple(LubricantBase.values)  # water, silicone, oil, hybrid


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    rules: tuple[tuple[str, str, str], ...] = ()


DEGRADES_SILICONE = "Silicone in the lube can leave silicone toys tacky, cloudy or pitted."
OIL_ON_LATEX = "Oil weakens latex quickly and makes a tear far more likely."
ANY_BASE = ()

MATERIALS = (
    Option(
        "silicone",
        "Silicone",
        (
            ("silicone", AVOID, DEGRADES_SILICONE),
            ("hybrid", AVOID, "Hybrids hold silicone too: " + DEGRADES_SILICONE.lower()),
        ),
    ),
    Option(
        "soft-plastic",
        "TPE, jelly or rubber",
        (
            ("oil", AVOID, "Oil can swell and soften these porous plastics."),
            ("silicone", CHECK, "Patch test first: rub a little on the base and wait a day."),
            ("hybrid", CHECK, "Patch test first: rub a little on the base and wait a day."),
        ),
    ),
    Option("latex-toy", "Natural latex", (("oil", AVOID, "Oil breaks latex down."),)),
    Option("glass", "Glass", ANY_BASE),
    Option("metal", "Stainless steel or other metal", ANY_BASE),
    Option("hard-plastic", "Hard plastic (ABS)", ANY_BASE),
    Option("wood", "Sealed wood", ANY_BASE),
)

CONDOMS = (
    Option(
        "latex",
        "Latex",
        (
            ("oil", AVOID, OIL_ON_LATEX),
            ("hybrid", CHECK, "Most hybrids are fine with latex: check the label for added oils."),
        ),
    ),
    Option(
        "polyisoprene",
        "Polyisoprene (non-latex)",
        (
            ("oil", AVOID, "Polyisoprene reacts to oil as latex does, so it may tear."),
            ("hybrid", CHECK, "Check a hybrid's label for added oils."),
        ),
    ),
    Option("polyurethane", "Polyurethane (non-latex)", ANY_BASE),
    Option("none", "None", ANY_BASE),
)

USES = (
    Option(
        "vaginal",
        "Vaginal",
        (
            (
                "oil",
                CHECK,
                "Oil is harder to wash away; some people find it brings irritation or thrush.",
            ),
        ),
    ),
    Option(
        "anal",
        "Anal",
        (
            (
                "water",
                CHECK,
                "The body makes no lube of its own here: a thick gel, reapplied freely, is best.",
            ),
            ("silicone", CHECK, "Long-lasting and slick, so a favourite here; reapply freely."),
        ),
    ),
)

SENSITIVE = Option(
    "sensitive",
    "My skin is sensitive or easily irritated",
    (
        (
            "water",
            CHECK,
            "Choose a short ingredient list without glycerin, parabens, scents or warming agents.",
        ),
        ("silicone", CHECK, "Often kind to sensitive skin: it has few ingredients."),
        ("hybrid", CHECK, "Patch test on your inner arm first: hybrids hold more ingredients."),
        ("oil", CHECK, "Patch test on your inner arm first."),
    ),
)

# Said whatever the answers: the guide's firm advice.
ALWAYS = (
    "Never use a numbing lube: pain is how the body says stop.",
    "Water-based lube is safe with every toy and every condom.",
)


def all_options() -> tuple[Option, ...]:
    return (*MATERIALS, *CONDOMS, *USES, SENSITIVE)


def verdicts(chosen: set[str]) -> dict[str, tuple[str, list[str]]]:
    """Base -> (verdict, reasons) for the chosen option values. A base is `avoid` when any
    answer rules it out, `check` when one asks for care, else `safe`."""
    result = {base: (SAFE, []) for base in BASES}
    rank = {SAFE: 0, CHECK: 1, AVOID: 2}
    for option in all_options():
        if option.value not in chosen:
            continue
        for base, verdict, why in option.rules:
            current, reasons = result[base]
            if why not in reasons:
                reasons.append(why)
            if rank[verdict] > rank[current]:
                current = verdict
            result[base] = (current, reasons)
    return result


VERDICT_WORDS = {SAFE: "Safe", CHECK: "Take care", AVOID: "Avoid"}


def chart() -> list[tuple[str, list[tuple[str, str]]]]:
    """The printable chart for pages without script: for each toy material and condom, what
    it means for each base, in BASES order, as (verdict, word)."""
    rows = []
    for kind, options in (("Toy", MATERIALS), ("Condom", CONDOMS[:3])):
        for option in options:
            cells = {base: SAFE for base in BASES}
            for base, verdict, _ in option.rules:
                cells[base] = verdict
            label = f"{kind}: {option.label}"
            rows.append((label, [(cells[base], VERDICT_WORDS[cells[base]]) for base in BASES]))
    return rows
