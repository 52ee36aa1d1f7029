"""docs/openapi.yaml, the contract of the public JSON: a valid OpenAPI 3.1 document whose
examples are what the demo shop answers, and which the server's answers match.

These run in the suite, through the app in-process. `.ci/run` also fuzzes a running server on
PostgreSQL against the document (tests/contract/run_schemathesis.py).
"""

import re
from io import StringIO
from pathlib import Path

import pytest
import schemathesis
import yaml
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_openapi
from schemathesis import checks

import tests.contract.hooks  # noqa: F401 (HTML pages are checked as text)
from catalog.models import Category
from core.age_gate import issue_pass
from tests.factories import MaterialFactory, ProductFactory, kind_category

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"
CONTRACT = yaml.safe_load(DOCUMENT.read_text())
CONFORMANCE = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]


def resolve(node: dict) -> dict:
    """Follow local `$ref`s ("#/components/...") in the document."""
    while "$ref" in node:
        node_path = node["$ref"].removeprefix("#/").split("/")
        node = CONTRACT
        for part in node_path:
            node = node[part]
    return node


def validator(schema: dict) -> OAS31Validator:
    """Validates against `schema`, resolving its `$ref`s in the document's components."""
    return OAS31Validator({"allOf": [schema], "components": CONTRACT["components"]})


def operations():
    for path, item in CONTRACT["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", operation


def documented_examples():
    """(where, schema, example value) for every example the document gives."""
    for label, operation in operations():
        for parameter in map(resolve, operation.get("parameters", [])):
            if "example" in parameter:
                yield f"{label} {parameter['name']}", parameter["schema"], parameter["example"]
        bodies = [("request", operation.get("requestBody", {}))]
        bodies += [(status, resolve(r)) for status, r in operation["responses"].items()]
        for status, part in bodies:
            for media_type, content in resolve(part).get("content", {}).items():
                if "example" in content:
                    yield f"{label} {status} {media_type}", content["schema"], content["example"]
                for name, example in content.get("examples", {}).items():
                    value = resolve(example)["value"]
                    yield f"{label} {status} {media_type} {name}", content["schema"], value
    for name, schema in CONTRACT["components"]["schemas"].items():
        for value in schema.get("examples", []):
            yield f"schema {name}", {"$ref": f"#/components/schemas/{name}"}, value


def test_the_contract_is_a_valid_openapi_3_1_document():
    assert CONTRACT["openapi"].startswith("3.1.")
    validate_openapi(CONTRACT)


@pytest.mark.parametrize(
    "where,schema,value", [pytest.param(*e, id=e[0]) for e in documented_examples()]
)
def test_every_example_matches_its_schema(where, schema, value):
    errors = [error.message for error in validator(schema).iter_errors(value)]
    assert errors == []


def test_the_schemas_hold_every_key_and_no_other():
    """The product object is closed: a missing or an extra key is off the contract."""
    product = resolve({"$ref": "#/components/examples/CategoryBeginnerVeganLeather"})["value"][
        "results"
    ][0]
    schema = {"$ref": "#/components/schemas/Product"}
    assert validator(schema).is_valid(product)
    assert not validator(schema).is_valid({**product, "stock": 3})
    assert not validator(schema).is_valid({k: v for k, v in product.items() if k != "levels"})
    half_a_restraint = {"restraint_type": "wrist"}  # a kind's attributes come together
    assert not validator(schema).is_valid({**product, "attributes": half_a_restraint})


# --- the examples are real ------------------------------------------------------------------


def example(name: str) -> dict:
    return CONTRACT["components"]["examples"][name]


@pytest.mark.django_db
def test_the_examples_are_what_the_demo_shop_answers(client):
    call_command("seed_demo", stdout=StringIO())
    for name, status in (
        ("CatalogBeginnerVeganLeather", 200),
        ("CategoryBeginnerVeganLeather", 200),
        ("CategoryBadSort", 400),
    ):
        method, url = example(name)["summary"].split(" ", 1)
        assert method == "GET"
        response = client.get(url, HTTP_ACCEPT="application/json")
        assert response.status_code == status, name
        assert response.json() == example(name)["value"], name
    response = client.post(
        "/finder/api/",
        example("FinderBeginnerRequest")["value"],
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json() == example("FinderBeginnerAnswer")["value"]
    client.post("/basket/add/", {"product": "soft-cuff-set"})
    response = client.post(
        "/basket/add/", example("BasketAddRequest")["value"], content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json() == example("BasketCuffsAndLube")["value"]
    assert client.get("/basket/", HTTP_ACCEPT="application/json").json() == response.json()


# --- the server's answers match ---------------------------------------------------------------


@pytest.fixture
def app(db):
    """The site as a WSGI app inside the test's transaction (as Django's test client does,
    connections are not closed at the end of each request)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def every_kind(db):
    """A product of every kind, and one whose category changed kind after it was filled in
    (its attributes are then empty, as the contract allows)."""
    latex = MaterialFactory(latex=True)
    for kind in ("impact", "restraints", "cock-rings", "lubricants", "vibrators", "general"):
        ProductFactory(category=kind_category(kind), slug=f"a-{kind}", materials=[latex])
    ProductFactory(category=kind_category("restraints"), slug="no-latex-cuffs")
    changed = kind_category("impact", slug="paddles", name="Paddles")
    ProductFactory(category=changed, slug="changed-kind")
    Category.objects.filter(pk=changed.pk).update(kind="vibrators")


SCHEMA = schemathesis.openapi.from_path(DOCUMENT)
JSON = {"Accept": "application/json"}
EMPTIED = {"level": "beginner", "categories": ["impact"], "latex_allergy": True}
BAD = {"level": "wizard", "budget": -1, "intensity": 9, "colour": "red"}


def catalog(query=None, accept=JSON):
    return "/catalog/", "GET", {"headers": accept, "query": query}


def category(slug, query=None):
    return (
        "/catalog/{slug}/",
        "GET",
        {"headers": JSON, "path_parameters": {"slug": slug}, "query": query},
    )


def product(slug):
    return "/products/{slug}/", "GET", {"headers": JSON, "path_parameters": {"slug": slug}}


def finder(body):
    return "/finder/api/", "POST", {"body": body}


CSRF = "a" * 32  # a CSRF secret, sent as the cookie and, unmasked, in the header


def basket_add(body, token=CSRF):
    return "/basket/add/", "POST", {"body": body, "headers": {"X-CSRFToken": token}}


# (what, the request, with a pass, the status)
ANSWERS = [
    ("catalog", catalog(), True, 200),
    ("past the last page", catalog({"sort": "price", "page": 99}), True, 200),
    ("bad parameters", catalog({"level": "x", "price_min": "-1"}), True, 400),
    ("an empty parameter", catalog({"q": ""}), True, 302),
    ("a search with a typo", catalog({"q": "a-impakt"}), True, 200),
    ("a search finding nothing", catalog({"q": "blindfold"}), True, 200),
    ("catalog as HTML", catalog(accept={"Accept": "text/html"}), True, 200),
    ("catalog without a pass", catalog(), False, 403),
    ("a category, empty attributes", category("paddles"), True, 200),
    ("no such category", category("nope"), True, 404),
    ("not a slug", category("a.b"), True, 404),
    ("a second category", category("impact", {"category": ["general"]}), True, 302),
    ("a category without a pass", category("impact"), False, 403),
    ("a product page", product("a-impact"), True, 200),
    ("no such product", product("nope"), True, 404),
    ("a product without a pass", product("a-impact"), False, 403),
    ("recommendations", finder({"level": "beginner", "budget": "100"}), True, 200),
    ("an emptied category", finder(EMPTIED), True, 200),
    ("bad answers", finder(BAD), True, 400),
    ("the finder without a pass", finder({"level": "beginner"}), False, 403),
    ("health", ("/healthz", "GET", {}), False, 200),
    ("the basket", ("/basket/", "GET", {"headers": JSON}), True, 200),
    ("the basket page", ("/basket/", "GET", {"headers": {"Accept": "text/html"}}), True, 200),
    ("the basket without a pass", ("/basket/", "GET", {"headers": JSON}), False, 403),
    ("add to the basket", basket_add({"product": "a-impact", "quantity": 2}), True, 200),
    ("add a kit", basket_add({"product": ["a-impact", "a-vibrators"]}), True, 200),
    ("a bad quantity", basket_add({"product": "a-impact", "quantity": 0}), True, 400),
    ("add an unknown product", basket_add({"product": "nope"}), True, 400),
    ("no CSRF token", basket_add({"product": "a-impact"}, token="wrong"), True, 403),
    ("add without a pass", basket_add({"product": "a-impact"}), False, 403),
]


@pytest.mark.parametrize(
    "request_,with_pass,status", [pytest.param(*a[1:], id=a[0]) for a in ANSWERS]
)
def test_the_answers_match_the_contract(app, every_kind, request_, with_pass, status):
    path, method, fields = request_
    case = SCHEMA[path][method].Case(**fields)
    cookies = {"sw_age": issue_pass(), "csrftoken": CSRF} if with_pass else {"csrftoken": CSRF}
    response = case.call(app=app, cookies=cookies)
    assert response.status_code == status
    case.validate_response(response, checks=CONFORMANCE)


@pytest.mark.django_db
def test_a_product_with_empty_attributes_is_answered_as_documented(client, every_kind):
    """The contract allows "" and null in `attributes` for this case only: check it happens."""
    page = client.get("/catalog/paddles/", HTTP_ACCEPT="application/json").json()
    [product] = page["results"]
    assert product["attributes"] == {
        "vibrator_type": "",
        "placement": "",
        "water_resistance": "",
        "flared_base": None,
    }


def test_docs_api_md_cites_only_what_exists():
    """docs/api.md names schemas of the contract and files of the repository: they exist."""
    root = DOCUMENT.parents[1]
    text = (root / "docs" / "api.md").read_text()
    components = {name for section in CONTRACT["components"].values() for name in section}
    cited = set(re.findall(r"`([A-Z][A-Za-z]+)`", text))
    assert cited and cited <= components
    for path in re.findall(r"`((?:docs|shop|tests|catalog|finder)/[\w/.]+\.\w+)`", text):
        assert (root / path).exists(), path
