"""One server, two workers, no Redis: each worker keeps its own cache (pages, the finder's
index), yet a catalog change made by another process reaches the very next request to either
worker, because the content version lives in the database.

Runs when DATABASE_URL is PostgreSQL (skips otherwise, fails under CI=true).
"""

import json

import pytest
from django.conf import settings

from tests.deploy.servers import (
    Browser,
    django_shell,
    free_port,
    fresh_database,
    postgres_url,
    prepare,
    production_env,
    require,
    start_server,
    stop_server,
)

pytestmark = pytest.mark.deploy

ANSWERS = {"level": "beginner", "categories": ["lubricants"]}
IN_STOCK = '<span class="stock stock--in">In stock</span>'
OUT_OF_STOCK = '<span class="stock stock--out">Out of stock</span>'
# Enough requests that both workers serve some (the kernel hands connections to either).
REQUESTS = 16


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require(None if postgres_url() else "DATABASE_URL is not a PostgreSQL database")
    folder = tmp_path_factory.mktemp("no_shared_cache")
    with fresh_database(postgres_url(), "_no_shared_cache") as database_url:
        env = production_env(database_url, folder)  # no REDIS_URL: a cache per process
        prepare(env)
        port = free_port()
        process = start_server(env, port, folder / "gunicorn.log", workers=2)
        try:
            visitor = Browser(
                cookies={
                    settings.AGE_GATE_COOKIE: django_shell(
                        env, "from core.age_gate import issue_pass; print(issue_pass())"
                    )
                }
            )
            yield env, port, visitor
        finally:
            stop_server(process)


def lube_picks(port, visitor) -> list[str]:
    status, _, body = visitor.post_json(port, "/finder/api/", ANSWERS)
    assert status == 200
    return [pick["slug"] for pick in json.loads(body)["picks"]["lubricants"]]


def test_a_stock_sync_in_another_process_reaches_every_worker_at_once(server):
    env, port, visitor = server
    before = lube_picks(port, visitor)
    first = before[0]
    page = f"/products/{first}/"
    for _ in range(REQUESTS):  # warm both workers: index, cards and the cached product page
        assert lube_picks(port, visitor) == before
        status, _, html = visitor.get(port, page)
        assert status == 200 and IN_STOCK in html

    # A stock sync, as another process would run it: a bulk update that saves no model,
    # announced with the content signal.
    django_shell(
        env,
        "from catalog.models import Product\n"
        "from core.content import content_changed\n"
        f"Product.objects.filter(slug={first!r}).update(stock=0)\n"
        "content_changed.send(sender=Product)",
    )
    for _ in range(REQUESTS):
        assert first not in lube_picks(port, visitor)
        status, _, html = visitor.get(port, page)
        assert status == 200 and OUT_OF_STOCK in html
