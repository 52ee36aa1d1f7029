"""A shared cache of whole gated pages, for customers who have passed the age gate.

Every passed, anonymous visitor sees the same page for the same address, so the rendered
page can be reused: it is stored in the shared cache (Redis when REDIS_URL is set). The
cookie is deliberately not part of the key: this middleware sits *inside* the age gate, so a
visitor without a pass never reaches it, and pages that differ per visitor are never stored:

- only GET/HEAD, only 200 responses, never streaming ones;
- never for a request carrying a session or messages cookie (staff, previews, flash messages);
- never when the page set a cookie, or the view asked for `no-store`/`no-cache`/`private`
  (the finder's results, the gate);
- a page whose CSRF token appears only in forms' hidden `csrfmiddlewaretoken` inputs (the "Add
  to basket" forms) is kept with the token taken out, and every visitor it is served to gets
  their own token put back in (`fill_csrf_token`); a page that used its token anywhere else
  is never kept.

The key is built from a canonical form of the request, so nobody can grow the cache by
varying what the page ignores: the content version, the path, "html" or "json" (all that the
`Accept` header can change), and only the query parameters the page knows, in a fixed order
with normalised values. A view says which parameters it knows with a `page_cache_query`
attribute (on the function, or the class of a class-based view):

- absent: the page takes no parameters; a request with any query string is served, not cached;
- `None`: never cached (e.g. `/healthz`);
- a function `(QueryDict) -> list of (name, value) | None`: the canonical parameters, or None
  when the query holds a parameter the page does not know or a value it would refuse (served,
  not cached). Equal lists must mean the same page.

A view may also veto storing one response with `response.page_cache = False` (e.g. the
catalog for a page number past the end, which shows the last page under another address).

Staleness: the key holds the content version without stock (`core.content`), which any change
of catalog or guide content but a stock-only one moves, and the digest of which products are out
of stock (`catalog.stock`), which changes when a product goes out of stock or comes back: a
page shows stock only as in or out (labels, the in-stock filter, picks and categories shown
while something is in stock). So every server sees new content at once, and a stock sync that
moves a product from 12 units to 30 keeps every page; `PAGE_CACHE_SECONDS` bounds the life of
an entry anyway. Every key in the shared cache also holds the release (`core.release`): a
deploy never serves a page the previous code made, nor one linking its static files.

Failures: the shared cache's are misses (`shop.shared_cache`). When the database cannot give
the content version, a page kept under the version this process read last, if that was at
most `PAGE_CACHE_OUTAGE_SECONDS` ago, is still served (a change made in those last seconds
may not show yet, as it would not have a moment earlier); otherwise the calm 503.
"""

import hashlib
import re
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import get_max_age

from catalog.stock import page_version
from shop.resilience import is_outage, log_outage, unavailable_response

STORED_HEADERS = ("Content-Type", "Vary", "Content-Language")
SKIP_CACHE_CONTROL = ("no-store", "no-cache", "private")
KEY_PREFIX = "page-cache:page:"
# Stands for the visitor's CSRF token in a kept page (a NUL never comes from content).
TOKEN_PLACEHOLDER = b"\x00csrf-token\x00"
TOKEN_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")([A-Za-z0-9]{32,64})(")')


def cacheable_request(request) -> bool:
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def without_csrf_token(request, content: bytes) -> bytes | None:
    """The page with its form tokens replaced by the placeholder, or None when the page used
    its token (or the secret behind it) anywhere but in forms' hidden inputs."""
    tokens = {match.group(2) for match in TOKEN_INPUT.finditer(content)}
    if not tokens or TOKEN_PLACEHOLDER in content:
        return None
    kept = TOKEN_INPUT.sub(lambda m: m.group(1) + TOKEN_PLACEHOLDER + m.group(3), content)
    secret = request.META.get("CSRF_COOKIE", "").encode()
    if any(token in kept for token in tokens) or (secret and secret in kept):
        return None
    return kept


def fill_csrf_token(request, response) -> None:
    """Put this visitor's own token where a kept page has the placeholder (the CSRF middleware
    then sets the visitor's cookie if needed)."""
    if not response.streaming and TOKEN_PLACEHOLDER in response.content:
        token = get_token(request).encode()
        response.content = response.content.replace(TOKEN_PLACEHOLDER, token)


def cacheable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(response, "page_cache", True) is False:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in SKIP_CACHE_CONTROL) or get_max_age(response) == 0:
        return False
    return True


def accept_kind(request) -> str:
    """All a page can make of the Accept header: JSON when preferred to HTML (as the catalog
    decides), else HTML."""
    preferred = request.get_preferred_type(["text/html", "application/json"])
    return "json" if preferred == "application/json" else "html"


def canonical_query(view, query) -> list[tuple[str, str]] | None:
    """The page's known parameters in canonical form, or None: do not cache this request."""
    for holder in (view, getattr(view, "view_class", None)):
        if holder is not None and hasattr(holder, "page_cache_query"):
            known = holder.page_cache_query
            return None if known is None else known(query)
    return None if query else []


def page_key(request, version: str, params: list[tuple[str, str]]) -> str:
    parts = [str(version), request.path, accept_kind(request)]
    parts += [f"{name}={value}" for name, value in params]
    raw = "\n".join(part.replace("\\", "\\\\").replace("\n", "\\n") for part in parts)
    return KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


class LastVersion:
    """The page version this process last read, and when (for serving during an outage)."""

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.lock = threading.Lock()
        self.version: str | None = None
        self.read_at = 0.0

    def remember(self, version: str) -> None:
        with self.lock:
            self.version, self.read_at = version, self.clock()

    def recent(self) -> str | None:
        with self.lock:
            if self.version is None:
                return None
            if self.clock() - self.read_at > settings.PAGE_CACHE_OUTAGE_SECONDS:
                return None
            return self.version


last_version = LastVersion()


def stored_response(stored) -> HttpResponse:
    content, headers = stored
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "page_cache_key", None)
        if key and request.method == "GET" and cacheable_response(request, response):
            content = response.content
            if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token
                content = without_csrf_token(request, content)
            if content is not None:
                headers = {name: response[name] for name in STORED_HEADERS if name in response}
                cache.set(key, (content, headers), settings.PAGE_CACHE_SECONDS)
        fill_csrf_token(request, response)
        return response

    def process_view(self, request, view, view_args, view_kwargs):
        if not cacheable_request(request):
            return None
        params = canonical_query(view, request.GET)
        if params is None:
            return None  # unknown parameters or values the page refuses: served, not kept
        try:
            version = page_version()
        except Exception as error:
            if not is_outage(error):
                raise
            return self.during_outage(request, error, params)
        last_version.remember(version)
        request.page_cache_key = page_key(request, version, params)
        stored = cache.get(request.page_cache_key)
        return stored_response(stored) if stored is not None else None

    def during_outage(self, request, error, params):
        """The database does not answer: a page kept under the version this process read a
        moment ago, if there is one, else the 503 (the page could not be made anyway)."""
        version = last_version.recent()
        stored = cache.get(page_key(request, version, params)) if version is not None else None
        if stored is not None:
            return stored_response(stored)
        log_outage(request, error)
        return unavailable_response(request)
