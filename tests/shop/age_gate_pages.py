"""The gate page: shared helpers."""

import pytest
from django.conf import settings
from django.test import RequestFactory

from core import age_gate
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

GATE = "/age-check/"
REFUSED = "/age-check/refused/"


def soft_cuffs():
    return ProductFactory(slug="soft-cuff-set", name="Soft Cuff Set", category__name="Restraints")


def pass_cookie(response):
    return response.cookies.get(settings.AGE_GATE_COOKIE)


def refusal_cookie(response):
    return response.cookies.get(settings.AGE_GATE_REFUSAL_COOKIE)


def main_html(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def refusal_value(value: str):
    request = RequestFactory().get("/")
    request.COOKIES[settings.AGE_GATE_REFUSAL_COOKIE] = value
    return request.get_signed_cookie(
        settings.AGE_GATE_REFUSAL_COOKIE, default=None, salt=age_gate.REFUSAL_SALT
    )
