"""The API's form shares its fields between requests (finder/forms.py, `JsonAnswersForm`):
what a customer sees must be as if each request had made its own."""

import json
from decimal import Decimal

import pytest

from finder.forms import StepAnswersForm
from tests.factories import ProductFactory, kind_category

pytestmark = pytest.mark.django_db
API = "/finder/api/"


def call(client, body):
    return client.post(API, data=json.dumps(body), content_type="application/json")


def test_a_category_added_or_withdrawn_is_asked_about_at_once(client, small_catalog):
    levels = {"level": "beginner", "levels": {"vibrators": "experienced"}}
    response = call(client, levels)
    assert response.json() == {"errors": {"levels": ["There is no category called “vibrators”."]}}
    vibrators = kind_category("vibrators")
    ProductFactory(category=vibrators, name="Wand", vibrator_type="wand")
    body = call(client, {**levels, "categories": ["vibrators"]}).json()
    assert body["levels"] == {"vibrators": "experienced"}
    vibrators.is_published = False
    vibrators.save()
    response = call(client, levels)
    assert response.json() == {"errors": {"levels": ["There is no category called “vibrators”."]}}


def test_one_customers_answers_never_reach_the_next(client, small_catalog):
    cuffs = {"level": "beginner", "categories": ["restraints"]}
    asked = call(client, {**cuffs, "restraint_type": "wrist", "budget": "60"}).json()
    assert asked["picks"]["restraints"][0]["score"] == 3  # wrist as asked, within budget
    plain = call(client, cuffs).json()
    assert plain["picks"]["restraints"][0]["score"] == 0
    assert not any("asked for" in reason for reason in plain["picks"]["restraints"][0]["reasons"])
    refused = call(client, {**cuffs, "levels": {"restraints": "expert"}})
    assert refused.status_code == 400
    assert call(client, cuffs).json() == plain


def test_the_steps_narrowing_for_beginners_stays_in_the_steps(client):
    impact = kind_category("impact")
    ProductFactory(category=impact, name="Heavy Paddle", intensity=5, price=Decimal("30"))
    ProductFactory(category=impact, name="Feather", intensity=1, price=Decimal("9"))
    beginner = {"level": "beginner", "categories": ["impact"], "intensity": 5}
    # The steps offer beginners the gentle end only, and ask for a category: on their copy.
    step = StepAnswersForm(data=beginner)
    assert not step.is_valid() and "intensity" in step.errors
    assert not StepAnswersForm(data={"level": "beginner"}).is_valid()
    # The API takes any intensity and no category, before and after a step.
    for _ in range(2):
        body = call(client, beginner).json()
        assert [pick["name"] for pick in body["picks"]["impact"]] == ["Feather"]
        assert call(client, {"level": "beginner"}).status_code == 200
        assert not StepAnswersForm(data=beginner).is_valid()
