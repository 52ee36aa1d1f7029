"""The basket: product ids and quantities in the visitor's session, priced from the catalog.

The session holds only `{"<product id>": quantity}` under one key, in the order lines were
added: no prices, names or answers. Prices, stock and publication are read from the catalog
each time the basket is shown (`price`, a constant number of queries whatever the number of
lines), so a product that went out of stock or was unpublished while it sat in the basket is
shown with a flag, never silently dropped, and never counted in the total.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from catalog.models import Product

SESSION_KEY = "basket"
MAX_QUANTITY = 10  # of one product
MAX_LINES = 30  # different products in one basket
ZERO = Decimal("0.00")


class BasketFull(Exception):
    """A new line would pass MAX_LINES."""


class Basket:
    """The quantities kept in one session. Reading it runs no query."""

    def __init__(self, session):
        self.session = session

    @property
    def quantities(self) -> dict[int, int]:
        """Product id -> quantity; anything malformed in the session is ignored."""
        raw = self.session.get(SESSION_KEY)
        if not isinstance(raw, dict):
            return {}
        quantities = {}
        for key, value in raw.items():
            if str(key).isdigit() and type(value) is int and 1 <= value <= MAX_QUANTITY:
                quantities[int(key)] = value
        return quantities

    def save(self, quantities: dict[int, int]) -> None:
        if quantities:
            self.session[SESSION_KEY] = {str(pk): qty for pk, qty in quantities.items()}
        else:
            self.session.pop(SESSION_KEY, None)

    def add(self, product_id: int, quantity: int) -> int:
        """Add `quantity` (already validated, 1..MAX_QUANTITY); the line never passes
        MAX_QUANTITY. Returns the line's new quantity."""
        quantities = self.quantities
        if product_id not in quantities and len(quantities) >= MAX_LINES:
            raise BasketFull
        quantities[product_id] = min(quantities.get(product_id, 0) + quantity, MAX_QUANTITY)
        self.save(quantities)
        return quantities[product_id]

    def set(self, product_id: int, quantity: int) -> bool:
        """Change a line's quantity (1..MAX_QUANTITY). False when the line is not there."""
        quantities = self.quantities
        if product_id not in quantities:
            return False
        quantities[product_id] = quantity
        self.save(quantities)
        return True

    def remove(self, product_id: int) -> bool:
        quantities = self.quantities
        if quantities.pop(product_id, None) is None:
            return False
        self.save(quantities)
        return True

    def clear(self) -> None:
        self.save({})

    def count(self) -> int:
        """Items in the basket (quantities added up)."""
        return sum(self.quantities.values())

    def __len__(self) -> int:
        return len(self.quantities)


PROBLEMS = {
    "unpublished": "No longer sold here: remove it, or keep it to remember it.",
    "out_of_stock": "Out of stock for now: it is not counted in the total.",
    "short": "Only {stock} left: lower the quantity to order it.",
    "no_checkout_ref": "Cannot be ordered online yet: ask us about it.",
}


@dataclass
class Line:
    product: Product
    quantity: int

    @property
    def line_total(self) -> Decimal:
        return self.product.price * self.quantity

    @property
    def problem(self) -> str | None:
        """Why this line cannot be ordered as it is, or None."""
        product = self.product
        if not product.is_published:
            return "unpublished"
        if product.stock <= 0:
            return "out_of_stock"
        if self.quantity > product.stock:
            return "short"
        if not product.checkout_ref:
            return "no_checkout_ref"
        return None

    @property
    def problem_message(self) -> str:
        problem = self.problem
        return PROBLEMS[problem].format(stock=self.product.stock) if problem else ""

    @property
    def available(self) -> bool:
        return self.problem is None


@dataclass
class PricedBasket:
    lines: list[Line] = field(default_factory=list)
    gone: int = 0  # lines whose product no longer exists (taken out of the session)

    @property
    def total(self) -> Decimal:
        """What the lines that can be ordered cost: flagged lines are not counted."""
        return sum((line.line_total for line in self.lines if line.available), ZERO)

    @property
    def orderable(self) -> list[Line]:
        return [line for line in self.lines if line.available]

    @property
    def flagged(self) -> list[Line]:
        return [line for line in self.lines if not line.available]

    @property
    def count(self) -> int:
        return sum(line.quantity for line in self.lines)


def price(basket: Basket) -> PricedBasket:
    """The basket's lines with today's products, in the order they were added. Products that
    were deleted are taken out of the basket (and counted in `gone`); unpublished or
    out-of-stock ones stay, flagged. Four queries, whatever the number of lines."""
    quantities = basket.quantities
    if not quantities:
        return PricedBasket()
    products = Product.objects.with_card_data().in_bulk(list(quantities))
    lines = [Line(products[pk], qty) for pk, qty in quantities.items() if pk in products]
    gone = len(quantities) - len(lines)
    if gone:
        basket.save({pk: qty for pk, qty in quantities.items() if pk in products})
    return PricedBasket(lines=lines, gone=gone)
