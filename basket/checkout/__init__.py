"""Handing a basket to the store platform that takes the payment.

An adapter turns the basket's orderable lines into where the shopper goes next. Which one is
used is `settings.CHECKOUT_ADAPTER`: a short name from `ADAPTERS`, or the dotted path of any
`CheckoutAdapter` subclass, so another platform (WooCommerce, BigCommerce...) is one module
with one class. Only the platform's variant ids (`Product.checkout_ref`) and quantities leave
the site.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from basket.checkout.base import CheckoutAdapter, Handoff, HandoffLine

ADAPTERS = {
    "shopify": "basket.checkout.shopify.ShopifyAdapter",
    "link": "basket.checkout.link.LinkAdapter",
}

__all__ = ["ADAPTERS", "CheckoutAdapter", "Handoff", "HandoffLine", "get_adapter"]


def get_adapter() -> CheckoutAdapter:
    name = settings.CHECKOUT_ADAPTER
    adapter_class = import_string(ADAPTERS.get(name, name))
    return adapter_class(base_url=settings.CHECKOUT_BASE_URL, options=settings.CHECKOUT_OPTIONS)
