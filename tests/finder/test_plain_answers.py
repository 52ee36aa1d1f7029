"""The API's fast path for plainly valid answers (finder/plain_answers.py): the same answers
as the form reads, and anything else left to the form, with its errors."""

import json
import random
from decimal import Decimal

import pytest

from finder.forms import form_from_json
from finder.plain_answers import plain_answers

pytestmark = pytest.mark.django_db
API = "/finder/api/"


def call(client, body):
    return client.post(API, data=json.dumps(body), content_type="application/json")


def via_form(payload):
    """(answers, chosen categories) as the form reads them, or None when it finds errors."""
    form, errors = form_from_json(payload)
    if form is None or not form.is_valid():
        return None
    return form.answers(), form.chosen_categories()


# name -> (plain values, odd or wrong values)
VALUES = {
    "level": (["beginner", "experienced"], ["", "expert", None, 1, "Beginner"]),
    "categories": (
        [[], ["restraints"], ["lubricants", "restraints"], ["cock-rings"]],
        [["nope"], "restraints", ["restraints", "restraints"], [1], None, ["vibrators"]],
    ),
    "intensity": ([1, 3, 5], [0, 6, 2.0, 2.5, "3", True, None]),
    "sensation": (["", "thud", "sting"], ["Thud", 1, None]),
    "restraint_type": (["", "wrist"], ["safety-shears", "x", None]),
    "ring_fit": (["", "soft", "adjustable", "rigid"], ["x"]),
    "vibrator_type": (["", "bullet", "ring"], ["x"]),
    "lube_thickness": (["", "thin", "thick"], ["x"]),
    "budget": (
        ["30", "59.99", "0", "0.00", "100000", 50, 0, 100000],
        ["100001", "007", "10.555", " 20", "-3", "1e3", "abc", -1, 100001, 12.5, True, None, ""],
    ),
    "levels": (
        [{}, {"restraints": "experienced"}, {"lubricants": ""}],
        [{"nope": "beginner"}, {"restraints": "x"}, {"restraints": None}, [], None],
    ),
    "latex_allergy": ([True, False], [None, 1, "yes"]),
    "owns_silicone_toys": ([True, False], [0]),
    "uses_latex_condoms": ([True, False], [None]),
    "anal_play": ([True, False], [0]),
}


def random_payload(rng: random.Random) -> dict:
    """Answers of every shape: mostly plain, some odd, some wrong."""
    payload = {}
    for name, (plain, odd) in VALUES.items():
        if name == "level" or rng.random() < 0.5:
            payload[name] = rng.choice(odd if rng.random() < 0.08 else plain)
    if rng.random() < 0.02:
        payload["extra"] = 1
    return payload


def test_plain_answers_are_read_as_the_form_reads_them(small_catalog):
    rng = random.Random(15)
    plain_count = 0
    for _ in range(400):
        payload = random_payload(rng)
        plain = plain_answers(payload)
        if plain is not None:
            plain_count += 1
            assert plain == via_form(payload), payload
    assert plain_count > 100  # the fast path is taken for plain answers


def test_simple_valid_answers_take_the_fast_path(small_catalog):
    payload = {
        "level": "beginner",
        "categories": ["lubricants", "restraints"],
        "budget": "60",
        "intensity": 2,
        "owns_silicone_toys": True,
        "levels": {"restraints": "experienced"},
    }
    answers, chosen = plain_answers(payload)
    assert answers.budget == Decimal("60")
    assert answers.categories == ("restraints", "lubricants")  # shop order, as the form's
    assert [c.slug for c in chosen] == ["restraints", "lubricants"]
    assert (answers, chosen) == via_form(payload)


@pytest.mark.parametrize(
    "payload",
    [
        {"level": "expert"},
        {"level": "beginner", "categories": ["nope"]},
        {"level": "beginner", "budget": "-3"},
        {"level": "beginner", "budget": "abc"},
        {"level": "beginner", "intensity": 9},
        {"level": "beginner", "sensation": "x"},
        {"level": "beginner", "levels": {"restraints": "x"}},
        {"level": "beginner", "colour": "red"},
        {"categories": ["restraints"]},
        ["beginner"],
    ],
)
def test_anything_not_plain_goes_to_the_form_with_its_clear_400(client, small_catalog, payload):
    assert plain_answers(payload) is None
    response = call(client, payload)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors and all(isinstance(m, str) and m for ms in errors.values() for m in ms)


def test_the_form_still_says_what_is_wrong(client, small_catalog):
    body = call(client, {"level": "beginner", "budget": "-3", "intensity": 9}).json()
    assert body == {
        "errors": {
            "intensity": ["Choose an intensity from 1 (very gentle) to 5 (intense)."],
            "budget": ["The budget cannot be negative."],
        }
    }


def test_valid_answers_beyond_the_plain_shape_still_go_through_the_form(client, small_catalog):
    odd = {"level": "beginner", "categories": ["restraints"], "budget": " 30", "intensity": 2.0}
    assert plain_answers(odd) is None
    plain = {"level": "beginner", "categories": ["restraints"], "budget": "30", "intensity": 2}
    assert call(client, odd).content == call(client, plain).content
