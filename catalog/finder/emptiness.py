"""When a category comes back empty: which answer emptied it, and the retry without it.

Counted over the finder's index (classes of interchangeable products with their sizes): per
empty category, what each hard answer would let through if it were taken back, and what each
one hides on its own.
"""

from catalog.models import Category

from .answers import HARD_ANSWERS, Answers
from .results import Empty
from .rules import allowed, hard_rules

ANSWER_WORDS = {
    "level": "your experience level",
    "latex_allergy": "your latex allergy",
    "owns_silicone_toys": "your silicone toys",
    "uses_latex_condoms": "latex condoms",
}


def _single_message(name: str, answers: Answers, what: str) -> tuple[str, str]:
    """(message, retry label) when taking back `name` alone brings products back."""
    if name == "level" and answers.is_beginner:
        return (
            f"Nothing in {what} suits beginners right now, so we show none.",
            "Show me what experienced people use",
        )
    if name == "level":
        return (
            f"Nothing in {what} is tagged for experienced people right now.",
            "Show me the beginner range instead",
        )
    if name == "latex_allergy":
        return (
            f"Everything in {what} we could show you contains latex, and you told us about a "
            "latex allergy.",
            "Show them anyway (only if nobody who uses them is allergic)",
        )
    if name == "owns_silicone_toys":
        return (
            f"All the {what} left are silicone-based or hybrid, which can damage your "
            "silicone toys.",
            "Show them anyway (I will not use them with silicone toys)",
        )
    return (
        f"All the {what} left are oil-based, which weakens latex condoms.",
        "Show them anyway (I will not use them with latex condoms)",
    )


def diagnose(classes, categories: list[Category], answers: Answers) -> dict[int, Empty]:
    """For each of these categories that nothing fits: the answer that emptied it, a message
    and the relaxed answers. `classes`: their pickable classes (from the finder's index), so
    every count here is exact and costs no query. The rules are those of their kinds (the
    rules of other kinds hide nothing here)."""
    active = answers.active_hard_answers()
    kinds = {category.kind for category in categories}
    rules = hard_rules(answers, kinds)
    relaxed_rules = {name: hard_rules(answers.relaxed(name), kinds) for name in active}
    counts: dict[int, dict[str, int]] = {}
    for product_class in classes:
        row = counts.setdefault(product_class.category_id, {"fits": 0})
        size = product_class.size
        if allowed(product_class, rules):
            row["fits"] += size
        for name in active:
            if allowed(product_class, relaxed_rules[name]):
                row[f"relaxed_{name}"] = row.get(f"relaxed_{name}", 0) + size
            own = [rule for rule in rules if rule.answer == name]
            if own and not allowed(product_class, own):
                row[f"hides_{name}"] = row.get(f"hides_{name}", 0) + size
    empties = {}
    for category in categories:
        row = counts.get(category.pk)
        what = category.name.lower()
        if row and row["fits"]:
            continue
        if not row:
            empties[category.pk] = Empty(
                because="categories",
                message=f"There is nothing in {what} we can recommend right now: it is all out "
                "of stock or waiting for its safety notes. Please look again soon.",
            )
            continue
        single = [name for name in HARD_ANSWERS if name in active and row.get(f"relaxed_{name}")]
        if single:
            name = single[0]
            message, label = _single_message(name, answers, what)
        else:
            name = max(active, key=lambda n: (row.get(f"hides_{n}", 0), -HARD_ANSWERS.index(n)))
            message = (
                f"Nothing in {what} fits all of your answers together; {ANSWER_WORDS[name]} "
                "rules out the most."
            )
            label = f"Try again without {ANSWER_WORDS[name]}"
        empties[category.pk] = Empty(
            because=name, message=message, retry=answers.relaxed(name), retry_label=label
        )
    return empties
