"""The results page and the API run the same, small number of queries at any catalog size."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.attributes import CategoryKind
from catalog.demo import generate_products
from catalog.models import Product
from tests.factories import MaterialFactory, ProductFactory, kind_category

pytestmark = pytest.mark.django_db
MAX_QUERIES = 14

ANSWER_SETS = [
    # A nervous beginner: every hard rule on, every category, a budget.
    {
        "level": "beginner",
        "categories": ["impact", "restraints", "cock-rings", "lubricants", "vibrators"],
        "budget": "120",
        "intensity": "2",
        "latex_allergy": "on",
        "owns_silicone_toys": "on",
        "uses_latex_condoms": "on",
    },
    # Someone experienced with preferences, two categories that bring both add-ons.
    {
        "level": "experienced",
        "categories": ["restraints", "vibrators"],
        "restraint_type": "wrist",
        "vibrator_type": "wand",
        "budget": "90",
    },
]


@pytest.fixture
def catalog_of():
    """Grow one catalog: the five kinds of category, then generated products up to n."""
    for kind in [k for k in CategoryKind.values if k != CategoryKind.GENERAL]:
        kind_category(kind)
    MaterialFactory(silicone=True)
    MaterialFactory(latex=True)
    MaterialFactory(name="Leather", slug="leather")
    category = kind_category(CategoryKind.RESTRAINTS)
    ProductFactory(category=category, restraint_type="safety-shears", name="Shears")

    def grow(n):
        generate_products(n)
        assert Product.objects.filter(sku__startswith="GEN-").count() == n

    return grow


def count(request) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = request()
    assert response.status_code == 200
    return len(captured.captured_queries)


def results_page(client, answers):
    def request():
        response = client.post("/finder/", {"step": 4, **answers})
        assert "Your starter picks" in response.content.decode()
        return response

    return request


def api(client, answers):
    body = {**answers, "categories": answers.get("categories", [])}
    body["budget"] = answers["budget"]
    if "intensity" in body:
        body["intensity"] = int(body["intensity"])
    for flag in ("latex_allergy", "owns_silicone_toys", "uses_latex_condoms"):
        if flag in body:
            body[flag] = True

    def request():
        return client.post("/finder/api/", json.dumps(body), content_type="application/json")

    return request


@pytest.mark.parametrize("answers", ANSWER_SETS, ids=["beginner", "experienced"])
def test_results_page_and_api_run_a_constant_number_of_queries(client, catalog_of, answers):
    catalog_of(50)
    small = (count(results_page(client, answers)), count(api(client, answers)))
    catalog_of(5000)
    large = (count(results_page(client, answers)), count(api(client, answers)))
    assert small == large
    assert max(large) <= MAX_QUERIES
