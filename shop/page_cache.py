"""A shared cache of whole gated pages, for customers who have passed the age gate.

Every passed, anonymous visitor sees the same page for the same address, so the rendered
page can be reused: it is stored in the shared cache (Redis when REDIS_URL is set) under a
key built from the content version, the method, the full path and the Accept header. The
cookie is deliberately not part of the key: this middleware sits *inside* the age gate, so a
visitor without a pass never reaches it, and pages that differ per visitor are never stored:

- only GET/HEAD, only 200 responses, never streaming ones;
- never for a request carrying a session or messages cookie (staff, previews, flash messages);
- never when the page used a CSRF token or set a cookie, or the view asked for
  `no-store`/`no-cache`/`private` (the finder's results, the gate).

Staleness: any save or delete of catalog or guide content (signals), and any bulk change that
announces itself with `catalog.signals.content_changed`, bumps the content version, so every
server sees new content at once; `PAGE_CACHE_SECONDS` bounds the life of an entry anyway.
"""

import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_max_age

from catalog.signals import content_changed
from shop.curators import CURATOR_APPS

VERSION_KEY = "page-cache:version"
STORED_HEADERS = ("Content-Type", "Vary", "Content-Language")
SKIP_CACHE_CONTROL = ("no-store", "no-cache", "private")


def _first_version() -> int:
    """A version never used before, even when the cache was emptied (Redis restarted): the
    clock in nanoseconds. Processes that remember something by version (the finder's index)
    then never mistake old content for new."""
    return time.time_ns()


def content_version() -> int:
    return cache.get_or_set(VERSION_KEY, _first_version, timeout=None)


def bump_content_version(**kwargs) -> None:
    """Signal handler: new content, so every cached page is out of date (after commit)."""
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet: start one
        cache.add(VERSION_KEY, _first_version(), timeout=None)


def connect_signals() -> None:
    content_changed.connect(bump_content_version, dispatch_uid="page_cache.content_changed")
    for label in CURATOR_APPS:
        try:
            app = apps.get_app_config(label)
        except LookupError:
            continue
        for model in app.get_models():
            uid = f"page_cache.{model._meta.label}"
            post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}.save")
            post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}.del")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    bump_content_version,
                    sender=field.remote_field.through,
                    dispatch_uid=f"{uid}.{field.name}.m2m",
                )


def cacheable_request(request) -> bool:
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def cacheable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in SKIP_CACHE_CONTROL) or get_max_age(response) == 0:
        return False
    return True


def page_key(request, version: int) -> str:
    raw = "\n".join(
        [str(version), request.get_full_path(), request.headers.get("Accept", "")[:200]]
    )
    return "page-cache:page:" + hashlib.sha256(raw.encode()).hexdigest()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = page_key(request, content_version())
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            return response
        response = self.get_response(request)
        if request.method == "GET" and cacheable_response(request, response):
            headers = {name: response[name] for name in STORED_HEADERS if name in response}
            cache.set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
        return response
