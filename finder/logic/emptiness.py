"""When a category comes back empty: which answers emptied it, said truthfully.

Counted over the finder's index (classes of interchangeable products with their sizes): what
each hard rule hides in the category (each product counted under the first rule it breaks, as
the page's "hidden, and why" lists it). Preferences only order the results, so they never
empty a category: the emptiness always comes from a safety answer (or from nothing being in
stock), and a safety answer is never relaxed for the customer. The message says which, and
points to the guide and to the stock coming back; there is no button that removes a
protection, and nothing to retry (the API's `empty.<cat>.retry` is always an empty list).
"""

from catalog.models import Category

from .answers import SAFETY_ANSWERS
from .results import Empty

# What a rule's hidden products are, in a customer's words: (one product, several).
CLAUSES = {
    "beginner-impact": (
        "hits harder than the gentle end of the scale where beginners start",
        "hit harder than the gentle end of the scale where beginners start",
    ),
    "beginner-restraints": (
        "has no quick release, which beginners always need",
        "have no quick release, which beginners always need",
    ),
    "beginner-cock-rings": (
        "is a rigid ring, and beginners start with soft or adjustable ones",
        "are rigid rings, and beginners start with soft or adjustable ones",
    ),
    "level-beginner": (
        "is made for experienced people only",
        "are made for experienced people only",
    ),
    "latex": (
        "contains latex, and you told us about a latex allergy",
        "contain latex, and you told us about a latex allergy",
    ),
    "silicone-lube": (
        "is silicone-based or hybrid, which can damage your silicone toys",
        "are silicone-based or hybrid, which can damage your silicone toys",
    ),
    "oil-lube": (
        "is oil-based, which weakens latex condoms",
        "are oil-based, which weakens latex condoms",
    ),
    "numbing-lube": (
        "is numbing, which hides the pain that warns you to stop during anal play",
        "are numbing, which hides the pain that warns you to stop during anal play",
    ),
    "flared-base": (
        "goes inside without a flared base, which anal play needs",
        "go inside without a flared base, which anal play needs",
    ),
    "unchosen-rings": (
        "is a vibrating ring, worn as a cock ring, which you did not choose",
        "are vibrating rings, worn as cock rings, which you did not choose",
    ),
}
POINTER = (
    "We keep {these} protection{s} on. Our guide says what to look for, and stock changes: "
    "please look again soon."
)


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return "; ".join(parts[:-1]) + "; and " + parts[-1]


def _count(n: int) -> str:
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
    return words.get(n, str(n))


def diagnose_category(category: Category, counts: dict[str, int], rules) -> Empty:
    """The truth about one empty category. `counts`: rule key -> products it hides there
    first (from `engine.sort_by_rules`); `rules`: the category's rules, in order."""
    what = category.name.lower()
    hidden = [(rule, counts.get(rule.key, 0)) for rule in rules if counts.get(rule.key)]
    if not hidden:
        return Empty(
            because="categories",
            message=f"There is nothing in {what} we can recommend right now: it is all out of "
            "stock or waiting for its safety notes. Please look again soon.",
        )
    by_answer: dict[str, int] = {}
    for rule, count in hidden:
        by_answer[rule.answer] = by_answer.get(rule.answer, 0) + count
    order = (*SAFETY_ANSWERS, "categories")
    because = max(by_answer, key=lambda name: (by_answer[name], -order.index(name)))
    total = sum(count for _, count in hidden)
    parts = [f"{_count(count)} {CLAUSES[rule.key][count > 1]}" for rule, count in hidden]
    if len(hidden) == 1:
        rule = hidden[0][0]
        stock = {1: "The only one", 2: "Both"}.get(total, f"All {_count(total)}")
        facts = f"{stock} we have in {what} right now {CLAUSES[rule.key][total > 1]}."
    else:
        facts = f"Of the {_count(total)} we have in {what} right now, {_join(parts)}."
    several = len(by_answer) > 1
    pointer = POINTER.format(these="these" if several else "this", s="s" if several else "")
    message = f"Nothing in {what} fits your answers right now. {facts} {pointer}"
    return Empty(because=because, message=message)
