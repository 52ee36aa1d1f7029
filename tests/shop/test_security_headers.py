"""Every page carries the full set of security headers, including error pages and the admin.

To cover another page, add it to PAGES (the integrator adds the age gate here)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.conftest import give_pass
from tests.factories import ProductFactory, UserFactory

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
DISABLED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb"]

# name -> function returning the URL (may create what the page needs), its expected status,
# and whether the visitor has passed the age gate.
PAGES = {
    "home": (lambda: reverse("home"), 200, True),
    "product": (lambda: ProductFactory().get_absolute_url(), 200, True),
    "catalog": (lambda: reverse("catalog:list"), 200, True),
    "not found": (lambda: "/no/such/page/", 404, True),
    "admin login": (lambda: reverse("admin:login"), 200, True),
    "age gate": (lambda: reverse("age_gate"), 200, False),
    "gated page, no pass": (lambda: reverse("catalog:list"), 302, False),
}


def parse_csp(header: str) -> dict[str, str]:
    directives = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition(" ")
        directives[name] = value.strip()
    return directives


@pytest.mark.parametrize("page", PAGES)
def test_page_carries_every_security_header(client, anon_client, page):
    url_for, status, passed = PAGES[page]
    response = (client if passed else anon_client).get(url_for(), secure=True)
    assert response.status_code == status

    assert response["Strict-Transport-Security"] == (
        f"max-age={settings.SECURE_HSTS_SECONDS}; includeSubDomains; preload"
    )
    assert settings.SECURE_HSTS_SECONDS >= 31536000
    assert parse_csp(response["Content-Security-Policy"]) == EXPECTED_CSP
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = dict(
        item.split("=", 1) for item in response["Permissions-Policy"].replace(" ", "").split(",")
    )
    for feature in DISABLED_FEATURES:
        assert policy[feature] == "()", feature
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_plain_http_is_redirected_to_https_when_the_redirect_is_on(settings):
    from django.test import Client

    settings.SECURE_SSL_REDIRECT = True
    response = give_pass(Client()).get("/catalog/?level=beginner")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/catalog/?level=beginner"
    # Behind the proxy, a request it received over HTTPS is not redirected.
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    behind_proxy = give_pass(Client()).get("/catalog/", HTTP_X_FORWARDED_PROTO="https")
    assert behind_proxy.status_code == 200


def test_session_and_csrf_cookies_are_secure_and_http_only(client):
    UserFactory(username="owner", is_staff=True, is_superuser=True)
    login = client.get(reverse("admin:login"), secure=True)
    csrf = login.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] and csrf["httponly"]
    response = client.post(
        reverse("admin:login"),
        {
            "username": "owner",
            "password": "correct horse battery",
            "csrfmiddlewaretoken": csrf.value,
        },
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"]


def html_templates():
    return sorted(TEMPLATES.rglob("*.html"))


# Executable inline scripts; a JSON-LD data block is not executed, so CSP does not apply to it.
INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/ld\+json\")[^>]*>", re.IGNORECASE
)
STYLE_ATTRIBUTE = re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"javascript:", re.IGNORECASE)


@pytest.mark.parametrize(
    "pattern",
    [INLINE_SCRIPT, STYLE_ATTRIBUTE, STYLE_ELEMENT, EVENT_HANDLER, JAVASCRIPT_URL],
    ids=lambda p: p.pattern,
)
def test_our_templates_have_nothing_the_content_security_policy_blocks(pattern):
    templates = html_templates()
    assert len(templates) > 10
    offenders = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)}"
        for path in templates
        for match in pattern.finditer(path.read_text())
    ]
    assert offenders == []


@pytest.fixture
def owner_client(client):
    client.force_login(UserFactory(username="owner", is_staff=True, is_superuser=True))
    return client


def test_admin_pages_work_under_the_policy(owner_client):
    product = ProductFactory()
    for url in [
        reverse("admin:index"),
        reverse("admin:catalog_product_changelist"),
        reverse("admin:catalog_product_add"),
        reverse("admin:catalog_product_change", args=[product.pk]),
        reverse("admin:catalog_category_changelist"),
        reverse("admin:auth_user_changelist"),
    ]:
        response = owner_client.get(url)
        assert response.status_code == 200, url
        assert "Content-Security-Policy" in response, url
        html = response.content.decode()
        assert INLINE_SCRIPT.findall(html) == [], url
        assert EVENT_HANDLER.findall(html) == [], url
        assert STYLE_ATTRIBUTE.findall(html) == [], url
