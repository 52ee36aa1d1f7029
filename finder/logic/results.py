"""What the finder hands back: plain immutable values, no request objects."""

from dataclasses import dataclass
from decimal import Decimal

from catalog.models import Category, Product

from .answers import Answers


@dataclass(frozen=True)
class Pick:
    product: Product
    score: int
    reasons: tuple[str, ...]
    over_budget: bool = False


@dataclass(frozen=True)
class HiddenProduct:
    slug: str
    name: str
    category: str  # the category's slug
    rule: str  # the key of the first hard rule it breaks
    reason: str


@dataclass(frozen=True)
class HiddenGroup:
    """Everything one rule hid in one category: the reason, how many, the best few."""

    rule: str
    reason: str
    count: int
    examples: tuple[HiddenProduct, ...]


@dataclass(frozen=True)
class Empty:
    """A category where nothing fits, and the answer that emptied it (the one that hides the
    most there; the message names every one). Only safety answers empty a category, and
    they are never relaxed: there is nothing to retry."""

    because: str  # a safety answer ("level", "latex_allergy", ...), or "categories"
    message: str


@dataclass(frozen=True)
class LeftOut:
    """A chosen category the kit has nothing from, why, and what including it would cost."""

    category: Category
    reason: str
    cost: Decimal | None = None  # the cheapest product that would fit beside the kit


@dataclass(frozen=True)
class CategoryResult:
    category: Category
    picks: tuple[Pick, ...]
    hidden: tuple[HiddenGroup, ...] = ()
    empty: Empty | None = None
    level: str = ""  # the customer's experience in this category

    @property
    def hidden_count(self) -> int:
        return sum(group.count for group in self.hidden)


@dataclass(frozen=True)
class Kit:
    items: tuple[Pick, ...]
    total: Decimal
    score: int
    notes: tuple[str, ...] = ()  # why the products are safe together
    left_out: tuple[LeftOut, ...] = ()


@dataclass(frozen=True)
class AddOn:
    pick: Pick
    why: str
    for_category: str = ""  # the slug of the chosen category it goes with


@dataclass(frozen=True)
class Recommendations:
    answers: Answers
    results: tuple[CategoryResult, ...]
    kit: Kit | None
    kit_message: str = ""
    add_ons: tuple[AddOn, ...] = ()

    @property
    def picks(self) -> dict[str, tuple[Pick, ...]]:
        return {result.category.slug: result.picks for result in self.results}

    @property
    def hidden(self) -> tuple[HiddenProduct, ...]:
        return tuple(
            example
            for result in self.results
            for group in result.hidden
            for example in group.examples
        )

    @property
    def empty(self) -> dict[str, Empty]:
        return {result.category.slug: result.empty for result in self.results if result.empty}

    def products(self):
        """Every product the customer is shown (picks, kit, add-ons)."""
        for result in self.results:
            for pick in result.picks:
                yield pick.product
        if self.kit:
            for pick in self.kit.items:
                yield pick.product
        for add_on in self.add_ons:
            yield add_on.pick.product
