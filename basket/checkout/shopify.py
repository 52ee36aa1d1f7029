"""Shopify: a cart permalink, `{base}/cart/{variant id}:{quantity},...`, fills the store's
cart with every line at once and opens its checkout."""

from urllib.parse import quote

from basket.checkout.base import CheckoutAdapter, Handoff, HandoffLine


class ShopifyAdapter(CheckoutAdapter):
    name = "shopify"
    label = "the store's checkout"

    def handoff(self, lines: list[HandoffLine]) -> Handoff:
        items = ",".join(f"{quote(line.checkout_ref, safe='')}:{line.quantity}" for line in lines)
        return Handoff(adapter=self.name, lines=tuple(lines), url=f"{self.base_url}/cart/{items}")
