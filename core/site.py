"""The site's canonical origin, for every absolute URL it hands out: structured data (a
guide's JSON-LD), sitemaps, emails.

It comes from configuration (`DJANGO_SITE_URL`, see `shop/settings.py`), never from the
request: a request's `Host` and `X-Forwarded-Proto` are whatever the visitor (or a proxy) sent,
and a page built from one request is kept in the shared cache and served to everyone, so one
request with an odd port or scheme would otherwise put that origin into everyone's page.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def canonical_origin(value: str, *, debug: bool, allowed_hosts: list[str]) -> str:
    """DJANGO_SITE_URL, checked (used by the settings): a scheme and a host (and port),
    nothing else. Unset: the development server's address in debug, else https:// and the
    first plain name in ALLOWED_HOSTS."""
    value = value.strip().rstrip("/")
    if not value:
        if debug:
            return "http://127.0.0.1:8000"
        hosts = [h for h in allowed_hosts if h and not h.startswith(".") and "*" not in h]
        return f"https://{hosts[0]}" if hosts else ""
    parts = urlsplit(value)
    extra = parts.username or parts.password or parts.path or parts.query or parts.fragment
    if parts.scheme not in {"http", "https"} or not parts.hostname or extra:
        raise ImproperlyConfigured(
            "DJANGO_SITE_URL must be the site's origin: a scheme and a host name, like "
            "https://shop.example.com (no path)."
        )
    return value


def absolute_url(path: str) -> str:
    """`path` (which must start with "/") on the canonical origin; the bare path when no
    origin is configured (never one guessed from a request)."""
    if not path.startswith("/") or path.startswith("//"):
        raise ValueError(f"absolute_url takes a path on this site, not {path!r}")
    return f"{settings.SITE_URL}{path}"
