"""The shared cache is only an accelerator: with Redis refusing connections, hanging, full or
stopped mid-run, every page and the finder keep working from the database, `/healthz` stays
200 JSON and says what the cache is doing, and the log says so once, not once per request.

Each test breaks its own Redis (`tests/redis_servers.py`), never the machine's shared one.
"""

import json
import uuid
from decimal import Decimal

import pytest

from catalog import stock
from finder.logic.index import drop_process_copy
from shop import shared_cache
from tests.factories import GuideFactory, ProductFactory, SectionFactory, kind_category
from tests.redis_servers import RedisProcess, black_hole, free_port, own_redis

pytestmark = pytest.mark.django_db

FINDER_ANSWERS = {"level": "beginner", "categories": ["lubricants"]}


class FrozenClock:
    """The cache's clock, moved by hand: the tests never wait for the retry window."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def advance(self, seconds: float):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    clock = FrozenClock()
    monkeypatch.setattr(shared_cache.health, "clock", clock)
    return clock


@pytest.fixture
def use_redis(settings, clock):
    """Point the site's cache at a Redis with the production backend and timeouts, with the
    page cache and the finder's index on."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.FINDER_INDEX_SECONDS = 3600
    settings.KEEP_PER_VERSION = True  # a hit reads the version only (catalog/stock.py)
    shared_cache.health.reset()
    drop_process_copy()
    stock.forget()

    def use(url: str):
        settings.CACHES = {
            "default": {
                "BACKEND": "shop.shared_cache.ResilientRedisCache",
                "LOCATION": url,
                "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
                "OPTIONS": settings.REDIS_OPTIONS,
            }
        }

    yield use
    shared_cache.health.reset()
    drop_process_copy()


@pytest.fixture
def shop():
    lubes = kind_category("lubricants")
    product = ProductFactory(category=lubes, name="Water Glide", price=Decimal("9.00"))
    guide = GuideFactory(title="Choosing a lubricant")
    SectionFactory(guide=guide, category=lubes)
    return {
        "/": "Play safely",
        "/catalog/": "Water Glide",
        "/catalog/?level=beginner&sort=price": "Water Glide",
        product.get_absolute_url(): "Water Glide",
        lubes.get_absolute_url(): "Water Glide",
        "/guides/": "Choosing a lubricant",
        guide.get_absolute_url(): "Choosing a lubricant",
        "/finder/": "Find your starter kit",
    }


def visit_everything(client, pages) -> None:
    for url, text in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
    response = client.post("/finder/api/", FINDER_ANSWERS, content_type="application/json")
    assert response.status_code == 200
    assert [p["name"] for p in response.json()["picks"]["lubricants"]] == ["Water Glide"]
    drop_process_copy()  # the next recommendation asks the shared cache again


def health(client) -> dict:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def cache_log_lines(caplog, text: str) -> list[str]:
    messages = [r.getMessage() for r in caplog.records if r.name == "shop.shared_cache"]
    return [message for message in messages if text in message]


def test_with_redis_refusing_connections_the_site_works_and_says_so_once(
    client, shop, use_redis, caplog
):
    use_redis(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    for _ in range(3):
        visit_everything(client, shop)
    assert health(client) == {"status": "degraded", "database": "ok", "cache": "unavailable"}
    assert len(cache_log_lines(caplog, "Shared cache unavailable")) == 1


def test_a_hanging_redis_costs_one_timeout_then_is_left_alone_until_the_retry(
    client, shop, use_redis, clock, caplog
):
    with black_hole() as (url, connections):
        use_redis(url)
        for _ in range(3):
            visit_everything(client, shop)
        assert health(client)["cache"] == "unavailable"
        assert connections() == 1  # one timeout, then no call until the retry is due
        clock.advance(shared_cache.RETRY_SECONDS + 1)
        visit_everything(client, shop)
        assert connections() == 2
    assert len(cache_log_lines(caplog, "Shared cache unavailable")) == 1


def test_a_full_redis_is_a_miss_for_writes_and_still_serves_what_it_holds(
    client, shop, use_redis, caplog, django_assert_num_queries
):
    with own_redis() as redis_server:
        use_redis(redis_server.url)
        client.get("/catalog/")  # stored while there is room
        redis_server.fill_up()
        for _ in range(2):
            visit_everything(client, shop)
        with django_assert_num_queries(1):  # the content version; the page is Redis's
            assert "Water Glide" in client.get("/catalog/").content.decode()
        assert health(client) == {"status": "degraded", "database": "ok", "cache": "full"}
    assert len(cache_log_lines(caplog, "Shared cache is full")) == 1


def test_redis_stopped_mid_run_and_started_again(client, shop, use_redis, clock, caplog):
    redis_server = RedisProcess().start()
    try:
        use_redis(redis_server.url)
        visit_everything(client, shop)
        assert health(client) == {"status": "ok", "database": "ok", "cache": "ok"}
        redis_server.stop()
        for _ in range(2):
            visit_everything(client, shop)
        assert health(client)["cache"] == "unavailable"
        redis_server.start()
        assert health(client)["cache"] == "unavailable"  # not asked again before the retry
        clock.advance(shared_cache.RETRY_SECONDS + 1)
        assert health(client) == {"status": "ok", "database": "ok", "cache": "ok"}
        visit_everything(client, shop)
    finally:
        redis_server.stop()
    assert len(cache_log_lines(caplog, "Shared cache unavailable")) == 1
    assert len(cache_log_lines(caplog, "Shared cache is back")) == 1


def test_every_cache_call_is_a_miss_when_redis_is_down(use_redis):
    from django.core.cache import cache

    use_redis(f"redis://127.0.0.1:{free_port()}/0")
    cache.set("a", 1)
    assert cache.get("a") is None and cache.get("a", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.add("a", 1) is False and cache.has_key("a") is False
    assert cache.get_or_set("a", 5) == 5
    assert cache.delete("a") is False
    with pytest.raises(ValueError):
        cache.incr("a")
