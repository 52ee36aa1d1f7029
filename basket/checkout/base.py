"""The adapter interface: lines in, a `Handoff` (where to send the shopper) out."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class HandoffLine:
    """One line as it leaves the site: the platform's variant id and a quantity. `name` is
    for the summary page only and is never put in an address."""

    checkout_ref: str
    quantity: int
    name: str = field(default="", compare=False)


@dataclass(frozen=True)
class Handoff:
    adapter: str
    lines: tuple[HandoffLine, ...]
    url: str | None = None  # one address that carries the whole cart
    links: tuple[tuple[HandoffLine, str], ...] = ()  # one address a product, when not


class CheckoutAdapter:
    """Subclass it and implement `handoff`; name the subclass in CHECKOUT_ADAPTER."""

    name = ""
    label = "the store"

    def __init__(self, base_url: str, options: dict | None = None):
        self.base_url = base_url.rstrip("/")
        self.options = options or {}

    def handoff(self, lines: list[HandoffLine]) -> Handoff:
        raise NotImplementedError
