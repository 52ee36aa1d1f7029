"""Nothing of a basket reaches a log: not the products, quantities or variant ids, whatever
the request does (add, change, bad input, JSON, the hand-off)."""

import io
import json
import logging

import pytest

from shop.log_privacy import redact
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_output():
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_nothing_of_the_basket_is_logged(client, log_output, caplog, settings):
    settings.DEBUG = False
    caplog.set_level(logging.DEBUG)
    product = ProductFactory(slug="velvet-secret-cuffs", checkout_ref="77123456")
    client.post("/basket/add/", {"product": product.slug, "quantity": "3"})
    client.post("/basket/add/", {"product": product.slug, "quantity": "abc"})  # a 400
    client.post(
        "/basket/add/",
        json.dumps({"product": product.slug, "quantity": 10**20}),
        content_type="application/json",
    )
    client.post("/basket/update/", {"product": product.slug, "quantity": "2"})
    client.get("/basket/", HTTP_ACCEPT="application/json")
    client.post("/basket/checkout/")
    client.get("/basket/checkout/")
    client.post("/basket/remove/", {"product": "no-such-velvet-thing"})  # a 400
    client.get("/leave/")
    written = log_output.getvalue()
    assert "/basket/add/" in written  # the request lines are there
    seen = [written] + [record.getMessage() for record in caplog.records]
    seen += [str(value) for record in caplog.records for value in vars(record).values()]
    everything = "\n".join(seen)
    for secret in ("velvet", "77123456", "quantity=3", '"quantity": 2'):
        assert secret not in everything, secret


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("product=velvet-cuffs&quantity=3", ["velvet", "=3"]),
        ("{'basket': {'12': 3}}", ["'12'"]),
        ('{"product": "velvet-cuffs", "checkout_ref": "77123"}', ["velvet", "77123"]),
    ],
)
def test_basket_fields_are_redacted_wherever_they_appear(text, hidden):
    redacted = redact(text)
    for secret in hidden:
        assert secret not in redacted
