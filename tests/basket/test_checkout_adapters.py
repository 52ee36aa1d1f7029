"""Both adapters' output, and how settings choose one."""

import pytest

from basket.checkout import CheckoutAdapter, HandoffLine, get_adapter
from basket.checkout.link import LinkAdapter
from basket.checkout.shopify import ShopifyAdapter

LINES = [HandoffLine("44012345", 2, "Soft Cuff Set"), HandoffLine("44067890", 1, "Silky Water")]


def test_shopify_builds_a_cart_permalink_of_variant_ids_and_quantities():
    handoff = ShopifyAdapter("https://shop.example/").handoff(LINES)
    assert handoff.url == "https://shop.example/cart/44012345:2,44067890:1"
    assert handoff.links == ()
    assert "Cuff" not in handoff.url  # names never leave the site


def test_a_strange_reference_cannot_change_the_address():
    handoff = ShopifyAdapter("https://shop.example").handoff([HandoffLine("1/../x?y", 1)])
    assert handoff.url == "https://shop.example/cart/1%2F..%2Fx%3Fy:1"


def test_link_gives_one_store_address_a_product():
    handoff = LinkAdapter("https://shop.example").handoff(LINES)
    assert handoff.url is None
    assert [url for _, url in handoff.links] == [
        "https://shop.example/cart/add?id=44012345&quantity=2",
        "https://shop.example/cart/add?id=44067890&quantity=1",
    ]


def test_link_follows_the_configured_template():
    adapter = LinkAdapter(
        "https://shop.example", {"link_template": "{base}/?add-to-cart={ref}&quantity={quantity}"}
    )
    assert adapter.handoff(LINES[:1]).links[0][1] == (
        "https://shop.example/?add-to-cart=44012345&quantity=2"
    )


class OneAtATime(CheckoutAdapter):
    """What a module for another platform looks like."""

    name = "test"

    def handoff(self, lines):
        return LinkAdapter(self.base_url).handoff(lines)


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("shopify", ShopifyAdapter),
        ("link", LinkAdapter),
        ("tests.basket.test_checkout_adapters.OneAtATime", OneAtATime),
    ],
)
def test_settings_choose_the_adapter(settings, setting, expected):
    settings.CHECKOUT_ADAPTER = setting
    settings.CHECKOUT_BASE_URL = "https://shop.example"
    adapter = get_adapter()
    assert type(adapter) is expected
    assert adapter.base_url == "https://shop.example"
