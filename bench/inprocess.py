"""In-process cost of a cache miss: milliseconds per request (wall clock, and CPU time of this
Python process, which leaves out waiting for PostgreSQL) for each benchmarked page, served by a
test Client with the whole-page cache off, and the kept parts of pages too
(`catalog/render_cache.py`; `DJANGO_RENDER_CACHE_SECONDS=3600` measures them on) (no HTTP
server, no network). Use it to profile the
Python side of a page; `make bench` measures the real thing. `--vary` asks for a different
random published product at each request of "product" (as the churn scenario's visitors do),
so with the kept parts on it measures a miss of the product's body, not a kept one.

    DATABASE_URL=... python bench/inprocess.py [--repeat 50] [--profile "finder API"] [--vary]

`--finder-varied N` measures the finder API over N random answers instead (bench/varied.py's,
as the churn scenario sends them), and `--stock-churn K` changes one random product's stock
every K of those requests as bench/stock_churn.py does (the change's own time left out).

`--listing-varied N` measures the catalog and category pages over N random filter
combinations, sorts and pages each (bench/varied.py's), in two passes over the same URLs: the
first as they come (cards this process has not made yet), the second with every card kept, so
what remains is the page around them (filter form, facets, chips). `--profile "catalog
varied"` (or "category varied") profiles the second pass.
"""

import argparse
import cProfile
import json
import os
import pstats
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
os.environ["DJANGO_PAGE_CACHE_SECONDS"] = "0"
os.environ.setdefault("DJANGO_RENDER_CACHE_SECONDS", "0")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.pages import PAGES, Page  # noqa: E402
from bench.queries import fetch  # noqa: E402
from catalog.models import Product  # noqa: E402
from core.age_gate import issue_pass  # noqa: E402


def finder_varied(client, options) -> None:
    """The finder API over random answers, with a stock change every `--stock-churn` requests."""
    from bench.varied import finder_answers
    from catalog.models import Category, Product

    rng, churn = random.Random(15), random.Random(7)
    categories = list(Category.objects.values_list("slug", flat=True))
    ids = list(Product.objects.values_list("pk", flat=True))
    bodies = [json.dumps(finder_answers(rng, categories)) for _ in range(options.finder_varied)]

    def post(body):
        return client.post("/finder/api/", body, content_type="application/json")

    for body in bodies[:20]:
        assert post(body).status_code == 200  # warm up
    profiler = cProfile.Profile() if options.profile == "finder API" else None
    changing = [0.0, 0.0]  # wall and CPU seconds spent changing stock, left out
    with CaptureQueriesContext(connection) as captured:
        if profiler:
            profiler.enable()
        started, cpu = time.perf_counter(), time.process_time()
        for number, body in enumerate(bodies):
            if options.stock_churn and number % options.stock_churn == 0:
                before, before_cpu = time.perf_counter(), time.process_time()
                Product.objects.filter(pk=churn.choice(ids)).update(stock=churn.randint(0, 40))
                changing[0] += time.perf_counter() - before
                changing[1] += time.process_time() - before_cpu
            post(body)
        elapsed = (time.perf_counter() - started - changing[0]) / len(bodies) * 1000
        cpu = (time.process_time() - cpu - changing[1]) / len(bodies) * 1000
        if profiler:
            profiler.disable()
    changes = -(-len(bodies) // options.stock_churn) if options.stock_churn else 0
    queries = (len(captured.captured_queries) - 2 * changes) / len(bodies)  # a change: 2
    print(
        f"finder API, {len(bodies)} varied answers, {changes} stock changes: {elapsed:.1f} "
        f"ms/request ({cpu:.1f} ms Python CPU)  {queries:.2f} queries/request"
    )
    if profiler:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(25)


def listing_varied(client, options) -> None:
    """The catalog and category pages over random filter combinations, in two passes."""
    from urllib.parse import urlencode

    from bench.varied import filters
    from catalog.filters import ProductFilterSet
    from catalog.models import Category, Material

    rng = random.Random(15)
    choices = ProductFilterSet({}).choice_options()
    categories = list(Category.objects.live().values_list("slug", flat=True))
    materials = list(Material.objects.values_list("slug", flat=True))

    def url(prefix: str) -> str:
        return f"{prefix}?{urlencode(filters(rng, choices, materials), doseq=True)}"

    varied = {
        "catalog varied": [url("/catalog/") for _ in range(options.listing_varied)],
        "category varied": [
            url(f"/catalog/{rng.choice(categories)}/") for _ in range(options.listing_varied)
        ],
    }
    for name, paths in varied.items():
        for path in [url("/catalog/") for _ in range(5)]:
            client.get(path)  # warm up
        for number in (1, 2):
            profiler = None
            if options.profile == name and number == 2:
                profiler = cProfile.Profile()
                profiler.enable()
            statuses: dict[int, int] = {}
            with CaptureQueriesContext(connection) as captured:
                started, cpu = time.perf_counter(), time.process_time()
                for path in paths:
                    status = client.get(path).status_code
                    statuses[status] = statuses.get(status, 0) + 1
                elapsed = (time.perf_counter() - started) / len(paths) * 1000
                cpu = (time.process_time() - cpu) / len(paths) * 1000
            if profiler:
                profiler.disable()
            queries = len(captured.captured_queries) / len(paths)
            shown = ", ".join(f"{count}× {status}" for status, count in sorted(statuses.items()))
            print(
                f"{name:16s} pass {number} {elapsed:7.1f} ms/request ({cpu:5.1f} ms Python "
                f"CPU)  {queries:5.2f} queries/request  ({shown})"
            )
            if profiler:
                stats = pstats.Stats(profiler)
                stats.sort_stats("cumulative").print_stats(45)
                stats.sort_stats("tottime").print_stats(25)


def requests_of(page, count: int, vary: bool) -> list:
    """`count` requests of the page: with `vary`, the product page of as many random published
    products (none asked for twice), else the page itself each time."""
    if not vary or page.name != "product":
        return [page] * count
    slugs = Product.objects.published().values_list("slug", flat=True)
    return [Page(page.name, f"/products/{slug}/") for slug in random.sample(list(slugs), count)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--profile", metavar="PAGE", help="cProfile this page, print the top 30")
    parser.add_argument("--only", metavar="PAGE", action="append", help="measure only these")
    parser.add_argument("--finder-varied", type=int, metavar="N", help="N random finder answers")
    parser.add_argument("--stock-churn", type=int, metavar="K", help="a stock change every K")
    parser.add_argument("--vary", action="store_true", help="product: a new product each time")
    parser.add_argument(
        "--listing-varied", type=int, metavar="N", help="catalog and category: N random URLs"
    )
    options = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1", secure=True)
    client.cookies[settings.AGE_GATE_COOKIE] = issue_pass()
    if options.finder_varied:
        finder_varied(client, options)
        return
    if options.listing_varied:
        listing_varied(client, options)
        return
    pages = [p for p in PAGES if not options.only or p.name in options.only]
    for page in pages:
        chosen = requests_of(page, 3 + options.repeat + 1, options.vary)
        warm, measured, counted = chosen[:3], chosen[3:-1], chosen[-1]
        for request in warm:
            response = fetch(client, request)  # warm up
        assert response.status_code == 200, (page.name, response.status_code)
        if options.profile == page.name:
            profiler = cProfile.Profile()
            profiler.enable()
        started, cpu = time.perf_counter(), time.process_time()
        for request in measured:
            fetch(client, request)
        elapsed = (time.perf_counter() - started) / options.repeat * 1000
        cpu = (time.process_time() - cpu) / options.repeat * 1000
        if options.profile == page.name:
            profiler.disable()
        with CaptureQueriesContext(connection) as captured:
            fetch(client, counted)
        sql = sum(float(q["time"]) for q in captured.captured_queries) * 1000
        print(
            f"{page.name:20s} {elapsed:7.1f} ms/request ({cpu:5.1f} ms Python CPU)  "
            f"{len(captured.captured_queries):3d} queries  ~{sql:5.1f} ms in SQL"
        )
        if options.profile == page.name:
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(45)
            stats.sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
