"""Any platform that cannot take a whole cart in one address: one store link a product, from
the template in CHECKOUT_OPTIONS["link_template"] (default `{base}/cart/add?id={ref}&quantity=
{quantity}`), which the shopper opens one by one."""

from urllib.parse import quote

from basket.checkout.base import CheckoutAdapter, Handoff, HandoffLine

DEFAULT_TEMPLATE = "{base}/cart/add?id={ref}&quantity={quantity}"


class LinkAdapter(CheckoutAdapter):
    name = "link"
    label = "the store"

    def handoff(self, lines: list[HandoffLine]) -> Handoff:
        template = self.options.get("link_template") or DEFAULT_TEMPLATE
        links = tuple(
            (
                line,
                template.format(
                    base=self.base_url,
                    ref=quote(line.checkout_ref, safe=""),
                    quantity=line.quantity,
                ),
            )
            for line in lines
        )
        return Handoff(adapter=self.name, lines=tuple(lines), links=links)
