"""The shared cache (Redis) as an accelerator only: when it fails, the site carries on.

Everything the site keeps in the shared cache (whole pages, the finder's index and product
cards) can be made again from the database, so `ResilientRedisCache` turns every failure of a
cache call into a miss: a read answers "not there", a write is dropped. Nothing a cache call
raises reaches a view, so neither a Redis outage, a slow Redis nor a full one (`maxmemory`
with `noeviction` refuses writes with an OutOfMemoryError) can turn a page into a 5xx.

A failed Redis must not cost every request a timeout either: after a connection error or a
timeout the process stops calling Redis for `RETRY_SECONDS`, then tries again (the next call,
or the next `/healthz`, finds out whether it is back). A refused write (Redis is full) pauses
writes only, for the same time; reads go on.

The log says when the cache goes down, fills up or comes back: once per change, per process,
never once per request.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import OutOfMemoryError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("shop.shared_cache")

RETRY_SECONDS = 5.0  # how long a process leaves a failed Redis alone before trying again
UNAVAILABLE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)

OK, UNAVAILABLE, FULL = "ok", "unavailable", "full"
PROBE_KEY, PROBE_SECONDS = "shared-cache:probe", 60
# The health check writes as much as a large page: a Redis with room for a few bytes but not
# for a page (pages are refused once their own bytes would take it past maxmemory) is full.
PROBE_VALUE = b"." * (128 * 1024)


class CacheHealth:
    """What this process knows about the shared cache, and the log lines when that changes."""

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self.down = False
        self.full = False
        self.retry_at = 0.0  # no call to Redis before this (while down)
        self.write_retry_at = 0.0  # no write before this (while full)
        self.unexpected: set[str] = set()  # error types already logged

    def skip_reads(self) -> bool:
        return self.down and self.clock() < self.retry_at

    def skip_writes(self) -> bool:
        return self.skip_reads() or (self.full and self.clock() < self.write_retry_at)

    def status(self) -> str:
        if self.down:
            return UNAVAILABLE
        return FULL if self.full else OK

    def failed(self, error: BaseException, *, write: bool) -> None:
        name = type(error).__name__
        with self.lock:
            if isinstance(error, OutOfMemoryError):
                self.write_retry_at = self.clock() + RETRY_SECONDS
                if not self.full:
                    self.full = True
                    logger.warning(
                        "Shared cache is full (%s): pages and the finder are served without "
                        "storing anything new in it. Give Redis an eviction policy "
                        "(maxmemory-policy allkeys-lru) or more memory.",
                        name,
                    )
            elif isinstance(error, UNAVAILABLE_ERRORS):
                self.retry_at = self.clock() + RETRY_SECONDS
                if not self.down:
                    self.down = True
                    logger.error(
                        "Shared cache unavailable (%s): serving from the database until it "
                        "is back; trying again every %d seconds.",
                        name,
                        RETRY_SECONDS,
                    )
            elif name not in self.unexpected:
                # Anything else (a wrong password, a value that no longer unpickles): a miss,
                # logged once per kind of error.
                self.unexpected.add(name)
                logger.error("Shared cache error (%s), treated as a miss: %s", name, error)

    def succeeded(self, *, write: bool) -> None:
        if not self.down and not (write and self.full):
            return
        with self.lock:
            if self.down:
                self.down = False
                logger.warning("Shared cache is back.")
            if write and self.full:
                self.full = False
                logger.warning("Shared cache takes writes again.")


health = CacheHealth()


def _guarded(name: str, *, write: bool, miss):
    """Django's RedisCache method `name`, with every failure turned into `miss(*args)`."""
    method = getattr(RedisCache, name)

    def guarded(self, *args, **kwargs):
        if health.skip_writes() if write else health.skip_reads():
            return miss(*args, **kwargs)
        try:
            result = method(self, *args, **kwargs)
        except Exception as error:  # any failure is a miss: the database has the truth
            health.failed(error, write=write)
            return miss(*args, **kwargs)
        health.succeeded(write=write)
        return result

    guarded.__name__ = name
    guarded.__doc__ = f"RedisCache.{name}; a failure is a miss."
    return guarded


def _default(key, default=None, version=None):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _empty(*args, **kwargs):
    return {}


def _no_keys(data, timeout=DEFAULT_TIMEOUT, version=None):
    return list(data)  # set_many answers the keys it could not store: all of them


def _missing(key, delta=1, version=None):
    raise ValueError(f"Key '{key}' not found (the shared cache is unavailable).")


class ReusedClients(RedisCacheClient):
    """Django's client makes a new `redis.Redis` for every call, and building one (its table of
    reply handlers) costs more than a small read from a local Redis. One per connection pool is
    enough: a `redis.Redis` is safe to share between threads (each command takes a connection
    from the pool, which also starts afresh in a forked worker)."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, where a failure is a miss (see the module's docstring)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClients

    get = _guarded("get", write=False, miss=_default)
    get_many = _guarded("get_many", write=False, miss=_empty)
    has_key = _guarded("has_key", write=False, miss=_false)
    set = _guarded("set", write=True, miss=_nothing)
    set_many = _guarded("set_many", write=True, miss=_no_keys)
    add = _guarded("add", write=True, miss=_false)
    touch = _guarded("touch", write=True, miss=_false)
    incr = _guarded("incr", write=True, miss=_missing)
    delete = _guarded("delete", write=False, miss=_false)  # frees memory: allowed when full
    delete_many = _guarded("delete_many", write=False, miss=_nothing)
    clear = _guarded("clear", write=False, miss=_false)

    def health_status(self) -> str:
        """The cache's state: OK, UNAVAILABLE or FULL, found out by writing a page's worth of
        bytes (`PROBE_VALUE`: a Redis too full for a page refuses it as it refuses pages),
        unless the cache is known to be down and not due for another try: a health check
        never waits on a dead Redis."""
        if health.skip_reads():
            return health.status()
        try:
            key = self.make_and_validate_key(PROBE_KEY)
            self._cache.get_client(key, write=True).set(key, PROBE_VALUE, ex=PROBE_SECONDS)
        except Exception as error:
            health.failed(error, write=True)
        else:
            health.succeeded(write=True)
        return health.status()


def cache_status(cache) -> str:
    """The shared cache's state for `/healthz`: a cache in the process's memory is always ok."""
    check = getattr(cache, "health_status", None)
    return check() if check is not None else OK
