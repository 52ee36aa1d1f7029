"""POST /finder/api/: the public JSON contract (docs/openapi.yaml) and its errors."""

import json
import time

import pytest

from tests.factories import MaterialFactory, ProductFactory, kind_category

pytestmark = pytest.mark.django_db
API = "/finder/api/"
PRODUCT_KEYS = {
    "slug",
    "name",
    "url",
    "category",
    "price",
    "in_stock",
    "levels",
    "materials",
    "attributes",
    "safety_notes",
    "checkout_ref",
}


def call(client, body, **extra):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(API, data=data, content_type="application/json", **extra)


def test_the_answer_has_exactly_the_contract_shape(client, small_catalog):
    response = call(
        client,
        {
            "level": "beginner",
            "categories": ["restraints", "lubricants", "cock-rings"],
            "restraint_type": "wrist",
            "budget": "60",
            "owns_silicone_toys": True,
        },
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"picks", "hidden", "empty", "levels", "add_ons", "kit", "kit_message"}
    assert set(body["picks"]) == {"restraints", "lubricants", "cock-rings"}
    [cuffs] = body["picks"]["restraints"]
    assert set(cuffs) == PRODUCT_KEYS | {"score", "reasons"}
    assert cuffs["url"] == f"/products/{cuffs['slug']}/"
    assert cuffs["name"] == "Clip Cuffs"
    assert cuffs["category"] == "restraints"
    assert cuffs["price"] == "24.00"
    assert cuffs["attributes"] == {"restraint_type": "wrist", "quick_release": True}
    assert cuffs["score"] == 3  # wrist as asked (2) + within budget (1)
    assert "Wrist cuffs, the kind you asked for" in cuffs["reasons"]
    assert all(set(note) == {"severity", "text"} for note in cuffs["safety_notes"])
    assert [p["name"] for p in body["picks"]["lubricants"]] == ["Water Glide"]
    assert {(h["category"], h["reason"].split(":")[0]) for h in body["hidden"]} == {
        ("restraints", "Non-quick-release restraints hidden"),
        ("lubricants", "Silicone and hybrid lubes hidden"),
    }
    assert all(set(h) == {"slug", "category", "reason"} for h in body["hidden"])
    assert body["empty"] == {}
    assert [item["name"] for item in body["kit"]["items"]] == [
        "Clip Cuffs",
        "Water Glide",
        "Stretch Ring",
    ]
    assert all(set(item) == PRODUCT_KEYS for item in body["kit"]["items"])
    assert body["kit"]["total"] == "53.00"
    assert body["kit"]["left_out"] == []
    assert body["kit"]["notes"] == [
        "Water Glide is water-based, so it is safe with the silicone in Stretch Ring."
    ]
    assert body["kit_message"] == ""
    assert body["levels"] == {
        "restraints": "beginner",
        "lubricants": "beginner",
        "cock-rings": "beginner",
    }
    [shears] = body["add_ons"]  # lube was chosen: no lube add-on
    assert (shears["name"], shears["for"]) == ("Blunt Shears", "restraints")
    assert shears["reason"].startswith("Keep safety shears within reach")
    assert set(shears) == PRODUCT_KEYS | {"for", "reason"}


def test_only_the_level_is_required_and_the_rest_has_defaults(client, small_catalog):
    body = call(client, {"level": "experienced"}).json()
    # No categories: everything that assumes nothing about a body (rings only when chosen).
    assert set(body["picks"]) == {"restraints", "lubricants"}
    assert body["picks"]["restraints"][0]["name"] == "Buckle Cuffs"


def test_levels_per_category_override_the_level_and_unknown_ones_are_refused(client, small_catalog):
    body = call(
        client,
        {
            "level": "beginner",
            "levels": {"restraints": "experienced"},
            "categories": ["restraints", "lubricants"],
        },
    ).json()
    assert body["levels"] == {"restraints": "experienced", "lubricants": "beginner"}
    assert [p["name"] for p in body["picks"]["restraints"]] == ["Buckle Cuffs", "Clip Cuffs"]
    for levels, message in (
        ({"nowhere": "beginner"}, "There is no category called “nowhere”."),
        ({"restraints": "expert"}, "Choose “beginner” or “experienced”."),
        ({"restraints": 3}, "Send each level as a string: “beginner” or “experienced”."),
        (["restraints"], "Send the levels as an object of category slug to level."),
    ):
        response = call(client, {"level": "beginner", "levels": levels})
        assert response.status_code == 400
        assert response.json() == {"errors": {"levels": [message]}}


def test_lube_answers_thick_first_and_never_numbing_for_anal_play(client, small_catalog):
    lubes = small_catalog["lubricants"]
    lubes.products.all().delete()
    from tests.factories import ProductFactory

    ProductFactory(category=lubes, name="Thin Sachets", thickness="thin", price=3)
    ProductFactory(category=lubes, name="Thick Gel", thickness="thick", price=12)
    ProductFactory(category=lubes, name="Numb Gel", thickness="thick", numbing=True, price=2)
    body = call(
        client,
        {"level": "experienced", "categories": ["lubricants"], "anal_play": True},
    ).json()
    assert [p["name"] for p in body["picks"]["lubricants"]] == ["Thick Gel", "Thin Sachets"]
    assert body["hidden"][0]["reason"].startswith("Numbing lubes hidden")
    thin = call(
        client,
        {"level": "experienced", "categories": ["lubricants"], "lube_thickness": "thin"},
    ).json()
    assert thin["picks"]["lubricants"][0]["name"] == "Thin Sachets"
    bad = call(client, {"level": "beginner", "lube_thickness": "gloopy"})
    assert bad.status_code == 400 and "lube_thickness" in bad.json()["errors"]


def test_null_means_no_answer(client, small_catalog):
    response = call(client, {"level": "beginner", "budget": None, "intensity": None})
    assert response.status_code == 200


def test_an_empty_category_says_which_answer_emptied_it(client):
    ProductFactory(category=kind_category("impact"), materials=[MaterialFactory(latex=True)])
    body = call(
        client, {"level": "beginner", "categories": ["impact"], "latex_allergy": True}
    ).json()
    assert body["picks"] == {"impact": []}
    assert body["empty"]["impact"]["because"] == "latex_allergy"
    assert "latex" in body["empty"]["impact"]["message"]
    # Kept for the contract, always empty: no retry ever takes back a safety answer.
    assert body["empty"]["impact"]["retry"] == []
    assert body["kit"] is None


def test_a_budget_may_be_a_number_or_a_decimal_string(client, small_catalog):
    for budget in (40, 40.5, "40.50"):
        body = call(client, {"level": "beginner", "categories": ["lubricants"], "budget": budget})
        assert body.status_code == 200
        assert body.json()["kit"]["total"] == "9.00"


def test_a_whole_number_intensity_may_be_written_with_a_decimal_point(client, small_catalog):
    """JSON has one kind of number, and docs/openapi.yaml says `integer`: 2.0 is the
    intensity 2 (a contract fuzzer sent it and got a 400)."""
    as_float = call(client, {"level": "experienced", "intensity": 2.0})
    as_int = call(client, {"level": "experienced", "intensity": 2})
    assert as_float.status_code == 200
    assert as_float.json() == as_int.json()


@pytest.mark.parametrize(
    "body,field",
    [
        ({}, "level"),
        ({"level": "wizard"}, "level"),
        ({"level": 1}, "level"),
        ({"level": "beginner", "categories": "impact"}, "categories"),
        ({"level": "beginner", "categories": [1, 2]}, "categories"),
        ({"level": "beginner", "categories": ["no-such-category"]}, "categories"),
        ({"level": "beginner", "categories": ["x"] * 51}, "categories"),
        ({"level": "beginner", "intensity": 0}, "intensity"),
        ({"level": "beginner", "intensity": 6}, "intensity"),
        ({"level": "beginner", "intensity": "3"}, "intensity"),
        ({"level": "beginner", "intensity": True}, "intensity"),
        ({"level": "beginner", "intensity": 2.5}, "intensity"),
        ({"level": "beginner", "sensation": "burn"}, "sensation"),
        ({"level": "beginner", "restraint_type": "safety-shears"}, "restraint_type"),
        ({"level": "beginner", "ring_fit": ["soft"]}, "ring_fit"),
        ({"level": "beginner", "budget": -1}, "budget"),
        ({"level": "beginner", "budget": "-0.01"}, "budget"),
        ({"level": "beginner", "budget": 10**30}, "budget"),
        ({"level": "beginner", "budget": 1e308}, "budget"),
        ({"level": "beginner", "budget": "lots"}, "budget"),
        ({"level": "beginner", "budget": "NaN"}, "budget"),
        ({"level": "beginner", "budget": True}, "budget"),
        ({"level": "beginner", "latex_allergy": "yes"}, "latex_allergy"),
        ({"level": "beginner", "owns_silicone_toys": 1}, "owns_silicone_toys"),
        ({"level": "beginner", "latex_alergy": True}, "latex_alergy"),
    ],
)
def test_bad_answers_get_a_400_with_the_field_and_a_message(client, small_catalog, body, field):
    response = call(client, body)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert field in errors
    assert all(isinstance(message, str) and message for message in errors[field])


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "{",
        "not json",
        '["level", "beginner"]',
        '"beginner"',
        '{"level": "beginner", "budget": NaN}',
        '{"level": "beginner", "budget": Infinity}',
        b"\xff\xfe\x00garbage",
        "[" * 100_000,
        '{"level": "beginner", "budget": ' + "9" * 5000 + "}",
    ],
)
def test_a_body_that_is_not_a_json_object_gets_a_400(client, raw):
    response = call(client, raw)
    assert response.status_code == 400
    assert response.json()["errors"]["__all__"]


def test_unknown_categories_are_named_in_the_error(client, small_catalog):
    errors = call(client, {"level": "beginner", "categories": ["lubricants", "nope"]}).json()
    assert errors == {"errors": {"categories": ["There is no category called “nope”."]}}


def test_only_post_is_allowed(client):
    response = client.get(API)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json()["errors"]


def test_the_api_needs_no_csrf_token_and_is_never_cached(small_catalog):
    from django.test import Client

    from tests.conftest import give_pass

    strict = give_pass(Client(enforce_csrf_checks=True))
    response = call(strict, {"level": "beginner"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_for_anal_play_a_toy_for_inside_needs_a_flared_base(client):
    from tests.factories import ProductFactory, kind_category

    vibes = kind_category("vibrators")
    ProductFactory(category=vibes, name="Plain Egg", placement="internal", flared_base=False)
    ProductFactory(category=vibes, name="Based Plug Vibe", placement="internal", flared_base=True)
    ProductFactory(category=vibes, name="Outer Bullet", placement="external", flared_base=False)
    answers = {"level": "experienced", "categories": ["vibrators"], "anal_play": True}
    body = call(client, answers).json()
    assert {p["name"] for p in body["picks"]["vibrators"]} == {"Based Plug Vibe", "Outer Bullet"}
    assert body["hidden"][0]["reason"].startswith("Toys for inside without a flared base hidden")
    without = call(client, {**answers, "anal_play": False}).json()
    assert len(without["picks"]["vibrators"]) == 3


@pytest.mark.parametrize(
    "answers",
    [
        {"level": "beginner", "categories": ["restraints", "lubricants", "cock-rings"]},
        {"level": "experienced", "budget": "10", "owns_silicone_toys": True},
        {"level": "beginner", "budget": "1"},  # no kit fits
        {"level": "beginner", "categories": ["restraints"], "latex_allergy": True},
    ],
)
def test_the_body_is_written_as_json_dumps_writes_it(client, small_catalog, answers):
    """The body is put together from each card's kept JSON text (finder/serializers.py):
    byte for byte what `JsonResponse` writes for the same object."""
    response = call(client, answers)
    assert response.status_code == 200
    assert response.content.decode() == json.dumps(response.json())


def test_the_api_sends_the_headers_never_cache_sends(client, small_catalog):
    from django.http import HttpResponse
    from django.test import RequestFactory
    from django.utils.http import parse_http_date
    from django.views.decorators.cache import never_cache

    django_made = never_cache(lambda request: HttpResponse())(RequestFactory().get("/"))
    for body in ({"level": "beginner"}, {"level": "nonsense"}, [1]):
        before = time.time()
        response = call(client, body)
        names = [name for name in response.headers if name in ("Expires", "Cache-Control")]
        assert names == ["Expires", "Cache-Control"]  # in never_cache's order
        assert response["Cache-Control"] == django_made["Cache-Control"]
        assert int(before) <= parse_http_date(response["Expires"]) <= time.time()


def test_the_api_reads_json_in_any_encoding_json_loads_reads(client, small_catalog):
    text = '{"level": "beginner", "categories": []}'
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        response = client.post(
            "/finder/api/", text.encode(encoding), content_type="application/json"
        )
        assert response.status_code == 200, encoding
    for body in (b"", b"NaN", b'{"level": Infinity}', b"\xff\xfe\x00"):
        response = client.post("/finder/api/", body, content_type="application/json")
        assert response.status_code == 400
        assert response.json() == {"errors": {"__all__": ["The body is not valid JSON."]}}
