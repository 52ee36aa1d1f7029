"""The middleware: every named URL is gated except the allowlist, in HTML and JSON."""

import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.converters import (
    IntConverter,
    PathConverter,
    SlugConverter,
    StringConverter,
    UUIDConverter,
)

from tests.factories import ProductFactory
from tests.shop.urls_later_apps import LEAK

pytestmark = pytest.mark.django_db

ALLOWLIST = {"age_gate", "age_gate_refused", "healthz", "robots", "favicon", "privacy", "terms"}
ALLOWLIST |= {"leave_quickly"}  # it only forgets the session and leaves

# Sample values per path converter (subclasses first: a slug converter is a str converter).
SAMPLES = [
    (SlugConverter, "x"),
    (IntConverter, 1),
    (UUIDConverter, uuid.UUID(int=1)),
    (PathConverter, "x"),
    (StringConverter, "x"),
]


def sample_for(converter):
    for converter_class, value in SAMPLES:
        if isinstance(converter, converter_class):
            return value
    raise AssertionError(
        f"No sample value for {type(converter).__name__}: add one to SAMPLES in this test."
    )


def exempt_prefix(path: str) -> bool:
    return any(path.startswith(prefix) for prefix in settings.AGE_GATE_EXEMPT_PATH_PREFIXES)


def named_urls(resolver=None, namespace="", converters=None, route="/"):
    """Yield (view name, URL) for every named URL pattern, through includes at any depth.

    URL parameters get sample values from their converters (a parameter of an include applies
    to everything under it). Includes under an exempt path prefix (the admin) are skipped.
    """
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        found = {**(converters or {}), **entry.pattern.converters}
        if isinstance(entry, URLResolver):
            if exempt_prefix(route + str(entry.pattern)):
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_urls(entry, inner, found, route + str(entry.pattern))
        elif entry.name:
            unconverted = set(entry.pattern.regex.groupindex) - set(found)
            assert not unconverted, f"{entry.name}: give {unconverted} a sample in this test"
            name = namespace + entry.name
            kwargs = {key: sample_for(converter) for key, converter in found.items()}
            yield name, reverse(name, kwargs=kwargs)


@pytest.fixture
def leaky_catalog():
    """A product and category reachable with the walker's sample slug "x"."""
    return ProductFactory(
        slug="x", name="Leaky Paddle", category__slug="x", category__name="Leaky Category"
    )


def redirects_to_gate(response, url) -> bool:
    if response.status_code != 302:
        return False
    location = urlsplit(response["Location"])
    return location.path == "/age-check/" and parse_qs(location.query).get("next") == [url]


def has_private_vary_cookie(response) -> bool:
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",")}
    cache_control = {v.strip() for v in response.get("Cache-Control", "").split(",")}
    return "cookie" in vary and "private" in cache_control and "public" not in cache_control


def refused_by_gate(response) -> bool:
    if response.status_code != 403:
        return False
    if response.get("Content-Type") == "application/json":
        return "age_gate" in response.json().get("errors", {})
    return "Please confirm your age first" in response.content.decode()


def marked_json_endpoint(url) -> bool:
    return getattr(resolve(url).func, "age_gate_json", False)


def gating_problems(anon_client, passed_client, name, url):
    """What is wrong with the gating of one URL (empty when it is gated properly)."""
    problems = []
    for method in ("get", "head"):
        response = getattr(anon_client, method)(url)
        if marked_json_endpoint(url):  # a JSON API never redirects: 403 even to a bare GET
            if response.status_code != 403:
                problems.append(f"{method.upper()} {url} ({name}) answered {response.status_code}")
        elif not redirects_to_gate(response, url):
            problems.append(f"{method.upper()} {url} ({name}) answered {response.status_code}")
        elif not has_private_vary_cookie(response):
            problems.append(f"{method.upper()} {url} ({name}): no Vary/private on the redirect")
    refusals = {
        "POST": anon_client.post(url, {"x": "1"}),
        "POST JSON": anon_client.post(url, "{}", content_type="application/json"),
        "GET Accept JSON": anon_client.get(url, headers={"Accept": "application/json"}),
    }
    for label, response in refusals.items():
        body = response.content.decode()
        if not refused_by_gate(response):
            problems.append(f"{label} {url} ({name}) answered {response.status_code}")
        for leak in ("Leaky Paddle", "Leaky Category", LEAK):
            if leak in body:
                problems.append(f"{label} {url} ({name}) showed {leak!r}")
        if not has_private_vary_cookie(response):
            problems.append(f"{label} {url} ({name}): no Vary/private on the 403")
    if refusals["GET Accept JSON"].get("Content-Type") != "application/json":
        problems.append(f"GET Accept JSON {url} ({name}) did not answer JSON")
    passed = passed_client.get(url)
    if redirects_to_gate(passed, url) or passed.status_code == 403:
        problems.append(f"GET {url} ({name}) is refused even with a pass")
    if not has_private_vary_cookie(passed):
        problems.append(f"GET {url} ({name}) with a pass: no Vary: Cookie / private")
    return problems


def walk_and_check(anon_client, passed_client):
    checked, problems = set(), []
    for name, url in named_urls():
        if name in settings.AGE_GATE_EXEMPT_URL_NAMES:
            for response in (
                anon_client.get(url),
                anon_client.get(url, headers={"Accept": "application/json"}),
                anon_client.post(url),
            ):
                if redirects_to_gate(response, url) or refused_by_gate(response):
                    problems.append(f"allowlisted {name} is gated")
            continue
        checked.add(name)
        problems += gating_problems(anon_client, passed_client, name, url)
    return checked, problems


def test_the_allowlist_is_short_and_explicit():
    assert set(settings.AGE_GATE_EXEMPT_URL_NAMES) == ALLOWLIST
    assert settings.AGE_GATE_EXEMPT_PATH_PREFIXES == [
        settings.STATIC_URL,
        "/" + settings.ADMIN_PATH,
    ]


def test_every_named_url_is_gated_except_the_allowlist(anon_client, client, leaky_catalog):
    checked, problems = walk_and_check(anon_client, client)
    assert {"home", "catalog:list", "catalog:category", "catalog:product"} <= checked
    assert not problems, "\n".join(problems)


@pytest.mark.urls("tests.shop.urls_later_apps")
def test_urls_other_apps_add_later_are_gated_without_anyone_remembering(
    anon_client, client, leaky_catalog
):
    checked, problems = walk_and_check(anon_client, client)
    assert {
        "later_guides:list",
        "later_guides:detail",
        "later_guides:sections:list",
        "later_finder:start",
        "later_finder:results",
        "later_finder:api",
        "file",
        "order",
        "catalog:product",
    } <= checked
    assert not problems, "\n".join(problems)


def test_the_walker_skips_only_the_admin():
    names = {name for name, _ in named_urls()}
    assert ALLOWLIST <= names
    assert not any(name.startswith("admin:") for name in names)


def test_an_unknown_address_is_gated_too(anon_client, client):
    response = anon_client.get("/no/such/page/")
    assert redirects_to_gate(response, "/no/such/page/")
    assert client.get("/no/such/page/").status_code == 404


@pytest.mark.parametrize("url", ["/privacy/", "/terms/", "/healthz", "/robots.txt"])
def test_allowlisted_pages_open_without_a_pass(anon_client, url):
    assert anon_client.get(url).status_code == 200


def test_allowlisted_page_without_its_slash_is_sent_to_the_slash_not_the_gate(anon_client):
    response = anon_client.get("/privacy")
    assert response.status_code == 301
    assert response["Location"] == "/privacy/"


def test_static_files_are_not_gated(anon_client):
    response = anon_client.get(settings.STATIC_URL + "css/site.css")
    assert not redirects_to_gate(response, settings.STATIC_URL + "css/site.css")
    assert response.status_code != 403


def test_favicon_redirects_permanently_to_the_static_icon_without_a_pass(anon_client):
    response = anon_client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == settings.STATIC_URL + "favicon.svg"


def test_the_admin_keeps_its_own_staff_login(anon_client):
    admin_index = reverse("admin:index")
    response = anon_client.get(admin_index)
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("admin:login")
    login = anon_client.get(reverse("admin:login"))
    assert login.status_code == 200
    assert "Leaky" not in login.content.decode()


def test_the_403_json_says_what_to_do(anon_client, leaky_catalog):
    response = anon_client.get("/catalog/", headers={"Accept": "application/json"})
    assert response.status_code == 403
    assert response.json() == {
        "errors": {"age_gate": ["Confirm your age first: this site is for adults only."]},
        "age_check_url": "/age-check/",
    }


def test_a_post_without_a_pass_gets_a_short_page_pointing_to_the_gate(anon_client):
    response = anon_client.post("/catalog/", {"q": "paddle"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Please confirm your age first" in html
    assert 'href="/age-check/?next=/catalog/"' in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    "accept",
    ["application/json", "application/json; q=0.9", "text/plain, application/vnd.api+json"],
)
def test_any_request_asking_for_json_gets_403_json(anon_client, accept):
    response = anon_client.get("/", headers={"Accept": accept})
    assert response.status_code == 403
    assert "age_gate" in response.json()["errors"]


@pytest.mark.parametrize("accept", ["text/html,application/xhtml+xml,*/*;q=0.8", "*/*", ""])
def test_a_browser_get_is_redirected_not_refused(anon_client, accept):
    response = anon_client.get("/catalog/?level=beginner", headers={"Accept": accept})
    assert redirects_to_gate(response, "/catalog/?level=beginner")


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options"])
def test_other_methods_without_a_pass_are_refused(anon_client, method):
    assert getattr(anon_client, method)("/catalog/").status_code == 403


@pytest.mark.urls("tests.shop.urls_later_apps")
def test_a_marked_json_endpoint_answers_403_json_even_to_a_bare_get(anon_client):
    response = anon_client.get("/later-finder/api/")
    assert response.status_code == 403
    assert "age_gate" in response.json()["errors"]


@pytest.mark.urls("tests.shop.urls_later_apps")
def test_a_stricter_no_store_set_by_a_view_is_kept(client):
    response = client.get("/later-finder/results/")
    cache_control = {v.strip() for v in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache_control


@pytest.mark.urls("tests.shop.urls_later_apps")
def test_a_public_cache_header_becomes_private_on_a_gated_page(client):
    response = client.get("/cached/")
    cache_control = {v.strip() for v in response["Cache-Control"].split(",")}
    assert "private" in cache_control and "public" not in cache_control


@pytest.mark.parametrize(
    "cookie",
    [
        pytest.param("", id="empty"),
        pytest.param("passed", id="unsigned"),
        pytest.param('{"passed": true, "min_age": 18}', id="unsigned-json"),
    ],
)
def test_a_cookie_that_is_not_a_genuine_pass_is_sent_to_the_gate(anon_client, cookie):
    anon_client.cookies[settings.AGE_GATE_COOKIE] = cookie
    assert redirects_to_gate(anon_client.get("/"), "/")


def test_a_pass_from_another_secret_tampered_or_expired_is_sent_to_the_gate(
    anon_client, settings, monkeypatch
):
    import time

    from django.test import override_settings

    from core.age_gate import issue_pass

    with override_settings(SECRET_KEY="another-secret-" + "q" * 40):
        foreign = issue_pass()
    real_time = time.time
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: real_time() - 31 * 24 * 60 * 60)
        expired = issue_pass()
    genuine = issue_pass()
    payload, rest = genuine.split(":", 1)
    tampered = ("e" if payload[0] != "e" else "f") + payload[1:] + ":" + rest
    for value in (foreign, expired, tampered):
        anon_client.cookies[settings.AGE_GATE_COOKIE] = value
        assert redirects_to_gate(anon_client.get("/"), "/")
    anon_client.cookies[settings.AGE_GATE_COOKIE] = genuine
    assert anon_client.get("/").status_code == 200


def test_raising_the_minimum_age_sends_earlier_visitors_back_to_the_gate(client, settings):
    assert client.get("/").status_code == 200
    settings.AGE_GATE_MIN_AGE = 21
    assert redirects_to_gate(client.get("/"), "/")


def test_referrer_policy_keeps_paths_on_this_site(anon_client):
    assert settings.SECURE_REFERRER_POLICY == "same-origin"
    response = anon_client.get("/age-check/")
    assert response["Referrer-Policy"] == "same-origin"
