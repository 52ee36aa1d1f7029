"""When a category comes back empty: which answer emptied it, and the retry without it.

One grouped query counts, per empty category, what each hard answer would let through if it
were taken back, and what each one hides on its own.
"""

from django.db.models import Count, Q

from catalog.models import Category

from .answers import HARD_ANSWERS, Answers
from .results import Empty
from .rules import allowed_q, hard_rules

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


def diagnose(base, categories: list[Category], answers: Answers) -> dict[int, Empty]:
    """For each chosen category that nothing fits: the answer that emptied it, a message and
    the relaxed answers. `base` is what may ever be recommended in the chosen categories.
    One query, always, so the finder's query count never depends on the data."""
    active = answers.active_hard_answers()
    rules = hard_rules(answers)
    aggregates = {"everything": Count("pk"), "fits": Count("pk", filter=allowed_q(answers))}
    for name in active:
        aggregates[f"relaxed_{name}"] = Count("pk", filter=allowed_q(answers.relaxed(name)))
        own = Q()
        for rule in rules:
            if rule.answer == name:
                own &= rule.allowed
        aggregates[f"hides_{name}"] = Count("pk", filter=~own)
    counts = {
        row["category_id"]: row
        for row in base.filter(category_id__in=[c.pk for c in categories])
        .order_by()
        .values("category_id")
        .annotate(**aggregates)
    }
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
        single = [name for name in HARD_ANSWERS if name in active and row[f"relaxed_{name}"]]
        if single:
            name = single[0]
            message, label = _single_message(name, answers, what)
        else:
            name = max(active, key=lambda n: (row[f"hides_{n}"], -HARD_ANSWERS.index(n)))
            message = (
                f"Nothing in {what} fits all of your answers together; {ANSWER_WORDS[name]} "
                "rules out the most."
            )
            label = f"Try again without {ANSWER_WORDS[name]}"
        empties[category.pk] = Empty(
            because=name, message=message, retry=answers.relaxed(name), retry_label=label
        )
    return empties
