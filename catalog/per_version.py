"""One object per process, built from the database once per content version without stock
(`core.content.content_version_without_stock`) and kept until the version moves: the facet
index (`catalog.facet_index`) and the search index (`catalog.search_index`).

Freshness comes from the version, which lives in the database: every worker of every server
reads it per request, so all agree at once; a process only saves rebuilding within a version.
A stock change does not move this version (the indexes hold no stock).
"""

import threading
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from django.conf import settings

from core.content import content_version_without_stock


class Versioned(Protocol):
    version: int


Kept = TypeVar("Kept", bound=Versioned)


class Keeper(Generic[Kept]):
    """This process's copy of what `build(version)` makes, for the current version only (each
    worker has one; a fresh `Keeper` is what another worker sees)."""

    def __init__(self, build: Callable[[int], Kept]):
        self._build = build
        self._lock = threading.Lock()
        self._kept: Kept | None = None

    def kept(self) -> Kept | None:
        """The copy this process keeps, when it is of the current version; else None (and
        nothing is built)."""
        kept = self._kept
        if kept is not None and kept.version == content_version_without_stock():
            return kept
        return None

    def forget(self) -> None:
        with self._lock:
            self._kept = None

    def current(self) -> Kept:
        version = content_version_without_stock()
        kept = self._kept
        if kept is not None and kept.version == version:
            return kept
        if not settings.KEEP_PER_VERSION:  # tests: their changes do not move the version
            return self._build(version)
        with self._lock:  # one build per process and version, whatever the threads
            kept = self._kept
            if kept is None or kept.version != version:
                kept = self._build(version)
                if self._kept is None or self._kept.version <= version:
                    self._kept = kept
        return kept
