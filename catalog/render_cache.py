"""Rendered parts of pages, kept in the shared cache under the page version.

A page's costly part (a product's body, a guide's sections, the home page's cards, the list of
categories in every header) is the same for every customer for one content version, so it is
made once per version and kept in the shared cache, where every worker of every server finds
it. The key holds the page version (`catalog.stock.page_version`: the content version without
stock, read from the database once per request, and which products are out of stock, the only
way a page shows stock), so a change made anywhere shows on the next request everywhere, and a
stock sync that leaves every product in stock keeps every part: correctness never
depends on a process's memory or on the cache being up (a failure of it is a miss,
`shop.shared_cache`). `RENDER_CACHE_SECONDS` bounds an entry's life; 0 (the tests) makes
every part afresh. The shared cache's keys also hold the release (`core.release`), so a part
whose template or code changed under the same name is never read by the other release.

What is kept must not depend on who asks: views keep parts for customers only (never for
staff, who see previews and warnings), and a part's key names everything else it depends on
(the product's slug, the guide's level). Forms in a kept part carry a placeholder for the
CSRF token, and each visitor gets their own token put in (`with_token`), as the whole-page
cache does (`shop.page_cache`): a token is never kept, nor shown to anyone else.

Each process also keeps the parts it used last (`LOCAL_PARTS` of them) under the same keys, so
a busy page skips the shared cache's round trip and unpickling. That is safe for the same
reason: the key holds the version this request read from the database, and a part kept under
an old version is simply never asked for again.

Some parts are many, and most of them are asked for once per version: a product's body in a
catalog of 100,000, where most visits go to products nobody else looked at under this version.
Asking the shared cache for such a part, then storing it there, costs two round trips that
rarely pay. A caller says so (`long_tail=True`): the first time a process is asked for such a
part it builds it and keeps it in its own memory only; from the next time on, if it is no
longer there, the shared cache is asked and given it as for any part. So a part that is asked
for again (a popular product) reaches the shared cache, and one that is not costs no round
trip. Which keys a process has seen (`SEEN_KEYS` of them, the latest) is a guess about the
future, never a source of content: every worker still builds the same part from the same
version.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from catalog.stock import page_version

KEY_PREFIX = "render:"
# Stands for the visitor's CSRF token in a kept part (a NUL never comes from content).
TOKEN_PLACEHOLDER = "\x00form-token\x00"
LOCAL_PARTS = 256  # parts a process keeps in its memory, the most recently used
SEEN_KEYS = 8192  # keys of long-tail parts a process remembers having been asked for


class LocalParts:
    """The parts this process used last: key -> (expires at, part), least recently used
    first out; and the keys of long-tail parts it was asked for lately (their hashes)."""

    def __init__(self, size: int = LOCAL_PARTS, clock=time.monotonic, seen: int = SEEN_KEYS):
        self.size, self.clock, self.seen_size = size, clock, seen
        self.lock = threading.Lock()
        self.parts: OrderedDict = OrderedDict()
        self.seen: OrderedDict = OrderedDict()

    def first_time(self, key: str) -> bool:
        """Is this the first time (lately) this process is asked for the part? Remembers it."""
        mark = hash(key)
        with self.lock:
            if mark in self.seen:
                self.seen.move_to_end(mark)
                return False
            self.seen[mark] = None
            while len(self.seen) > self.seen_size:
                self.seen.popitem(last=False)
            return True

    def get(self, key):
        with self.lock:
            found = self.parts.get(key)
            if found is None:
                return None
            if found[0] <= self.clock():
                del self.parts[key]
                return None
            self.parts.move_to_end(key)
            return found[1]

    def put(self, key, part, seconds: int) -> None:
        with self.lock:
            self.parts[key] = (self.clock() + seconds, part)
            self.parts.move_to_end(key)
            while len(self.parts) > self.size:
                self.parts.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.parts.clear()
            self.seen.clear()


local_parts = LocalParts()


# The types of parts whose keys are remembered: a value of one says its text (an int equal to
# a str is none; a bool, equal to an int, is not one of them).
PLAIN = frozenset((str, int))


def key_for(name: str, parts, version: str, *, kept: bool = True) -> str:
    """The shared cache's key of a part: its name, the version and a digest of its parts. A
    key of plain parts (a category's id, a template's name) is remembered by its values, as
    the same values always make the same key; not with `kept=False` (a long-tail part's, most
    of which are asked for once)."""
    if kept and all(type(part) in PLAIN for part in parts):
        return _kept_key(name, version, tuple(parts))
    return _key(name, parts, version)


@lru_cache(maxsize=1024)  # keys of parts asked for again and again
def _kept_key(name: str, version: str, parts: tuple) -> str:
    return _key(name, parts, version)


def _key(name: str, parts, version: str) -> str:
    raw = "\n".join(str(part).replace("\\", "\\\\").replace("\n", "\\n") for part in parts)
    return f"{KEY_PREFIX}{name}:{version}:{hashlib.sha256(raw.encode()).hexdigest()}"


def remember(name: str, parts, build, *, long_tail: bool = False):
    """What `build()` returns for `name` and `parts` under the current page version: from
    the shared cache when it is there, else built and kept. `build` may raise (e.g. Http404):
    nothing is kept then. `long_tail`: one of many parts most of which are asked for once
    (see the module's docstring): the first time, built and kept in this process only."""
    seconds = settings.RENDER_CACHE_SECONDS
    if seconds <= 0:
        return build()
    key = key_for(name, parts, page_version(), kept=not long_tail)
    found = local_parts.get(key)
    if found is None:
        if long_tail and local_parts.first_time(key):
            found = build()
        else:
            found = cache.get(key)
            if found is None:
                found = build()
                cache.set(key, found, timeout=seconds)
        local_parts.put(key, found, seconds)
    return found


def render_part(template_name: str, context: dict, request) -> str:
    """The template rendered for keeping: forms' CSRF tokens are the placeholder."""
    return render_to_string(template_name, {**context, "csrf_token": TOKEN_PLACEHOLDER}, request)


def with_token(request, html: str) -> SafeString:
    """A kept part, with this visitor's own CSRF token in its forms (getting the token also
    sets the visitor's CSRF cookie when needed, as rendering the form would)."""
    if TOKEN_PLACEHOLDER in html:
        html = html.replace(TOKEN_PLACEHOLDER, get_token(request))
    return mark_safe(html)  # rendered by a template, autoescaped there
