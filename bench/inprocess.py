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

`--listing-varied N` measures listings whose cards this process has mostly never made: N
random `?page=` of the whole catalog ("catalog pages") and of random categories ("category
pages"), then N each of the churn scenario's varied catalog and category URLs (random
filters, sorts and pages, bench/varied.py's), the same varied URLs again with their cards
kept ("varied catalog, cards kept": the page around the cards), and last the random pages of
the catalog again with this process's cards forgotten, as another worker would ask for them
("catalog pages, other worker": the cards from the shared cache). The shared cache's keys get
a prefix of their own for the run, so nothing an earlier run kept is found. `--profile` takes
one of those names.

`--search-varied N` measures the search over N random searches the same way (one or two words
of product names, bench/varied.py's; `--stock-churn K` too), `--slowest K` lists the K slowest.
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


def print_profile(profiler) -> None:
    """A profile's 45 costliest calls with what they call, then the 25 costliest alone."""
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)


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
        print_profile(profiler)


def listing_varied(client, options) -> None:
    """Listings of cards mostly never made in this process: random pages of the catalog and
    of categories, then the churn scenario's varied catalog and category URLs."""
    from django.core.cache import cache
    from django.db.models import Count, Q

    from bench.varied import lines
    from catalog import cards
    from catalog.forms import PAGE_SIZE
    from catalog.models import Category

    cache.key_prefix = f"{cache.key_prefix}-listing-varied-{time.time_ns()}"  # nothing earlier

    rng, count = random.Random(15), options.listing_varied
    published = Q(products__is_published=True)
    sizes = dict(
        Category.objects.annotate(n=Count("products", filter=published)).values_list("slug", "n")
    )
    pages = -(-Product.objects.published().count() // PAGE_SIZE)
    slugs = [slug for slug, size in sizes.items() if size > PAGE_SIZE]
    varied = lines(random.Random(16), count)
    kinds = {
        "catalog pages": [f"/catalog/?page={rng.randint(2, pages)}" for _ in range(count)],
        "category pages": [
            f"/catalog/{slug}/?page={rng.randint(2, -(-sizes[slug] // PAGE_SIZE))}"
            for slug in (rng.choice(slugs) for _ in range(count))
        ],
        "varied catalog": varied["catalog"],
        "varied category": varied["category"],
    }
    # The same varied URLs again with their cards kept: what remains is the page around them
    # (filter form, facets, chips).
    kinds["varied catalog, cards kept"] = varied["catalog"]
    kinds["varied category, cards kept"] = varied["category"]
    kinds["catalog pages, other worker"] = kinds["catalog pages"]
    for path in ["/catalog/", f"/catalog/{slugs[0]}/"] * 3:
        assert client.get(path).status_code == 200  # warm up: the indexes, the templates
    for name, paths in kinds.items():
        if name.endswith("other worker"):
            cards.forget()
        profiler = cProfile.Profile() if options.profile == name else None
        statuses: dict[int, int] = {}
        with CaptureQueriesContext(connection) as captured:
            if profiler:
                profiler.enable()
            started, cpu = time.perf_counter(), time.process_time()
            for path in paths:
                status = client.get(path).status_code
                statuses[status] = statuses.get(status, 0) + 1
            elapsed = (time.perf_counter() - started) / len(paths) * 1000
            cpu = (time.process_time() - cpu) / len(paths) * 1000
            if profiler:
                profiler.disable()
        sql = sum(float(q["time"]) for q in captured.captured_queries) * 1000 / len(paths)
        queries = len(captured.captured_queries) / len(paths)
        print(
            f"{name:16s} {len(paths)} URLs: {elapsed:6.1f} ms/request ({cpu:5.1f} ms Python CPU)"
            f"  {queries:5.2f} queries  ~{sql:5.1f} ms in SQL  statuses {statuses}"
        )
        if profiler:
            print_profile(profiler)


def backend_cpu() -> float | None:
    """CPU seconds the database server's process for this connection has used (PostgreSQL on
    this machine: /proc), a figure a busy machine inflates much less than wall-clock SQL time;
    None elsewhere."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def search_varied(client, options) -> None:
    """The search over N random searches (bench/varied.py's: one or two words of product
    names, a second page now and then), with a stock change every `--stock-churn` requests."""
    from bench.varied import name_words, search_url

    rng, churn = random.Random(15), random.Random(7)
    ids = list(Product.objects.published().values_list("pk", flat=True))
    sample = rng.sample(ids, min(options.search_varied * 4, len(ids)))
    words = name_words(list(Product.objects.filter(pk__in=sample).values_list("slug", "name")))
    paths = [search_url(rng, words) for _ in range(options.search_varied + 20)]
    warm, paths = paths[:20], paths[20:]
    for path in warm:
        assert client.get(path).status_code == 200  # warm up
    profiler = cProfile.Profile() if options.profile == "search" else None
    changing = [0.0, 0.0]
    slowest: list[tuple[float, str]] = []
    with CaptureQueriesContext(connection) as captured:
        if profiler:
            profiler.enable()
        started, cpu, db_cpu = time.perf_counter(), time.process_time(), backend_cpu()
        for number, path in enumerate(paths):
            if options.stock_churn and number % options.stock_churn == 0:
                before, before_cpu = time.perf_counter(), time.process_time()
                Product.objects.filter(pk=churn.choice(ids)).update(stock=churn.randint(0, 40))
                changing[0] += time.perf_counter() - before
                changing[1] += time.process_time() - before_cpu
            one = time.perf_counter()
            assert client.get(path).status_code == 200, path
            slowest.append(((time.perf_counter() - one) * 1000, path))
        elapsed = (time.perf_counter() - started - changing[0]) / len(paths) * 1000
        cpu = (time.process_time() - cpu - changing[1]) / len(paths) * 1000
        if profiler:
            profiler.disable()
    if db_cpu is not None:  # the stock changes' own share left in: small, and on both sides
        db_cpu = (backend_cpu() - db_cpu) / len(paths) * 1000
    changes = -(-len(paths) // options.stock_churn) if options.stock_churn else 0
    queries = [q for q in captured.captured_queries if "UPDATE" not in q["sql"][:12]]
    sql = sum(float(q["time"]) for q in queries) / len(paths) * 1000
    times = sorted(ms for ms, _path in slowest)
    print(
        f"search, {len(paths)} varied searches, {changes} stock changes: {elapsed:.1f} "
        f"ms/request ({cpu:.1f} ms Python CPU, ~{sql:.1f} ms in SQL"
        + (f", {db_cpu:.1f} ms database CPU" if db_cpu is not None else "")
        + ")  "
        f"{len(queries) / len(paths):.2f} queries/request  "
        f"p50 {times[len(times) // 2]:.1f} p99 {times[int(len(times) * 0.99)]:.1f} ms"
    )
    for ms, path in sorted(slowest, reverse=True)[: options.slowest]:
        print(f"  {ms:7.1f} ms  {path}")
    if profiler:
        print_profile(profiler)


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
    parser.add_argument("--search-varied", type=int, metavar="N", help="N random searches")
    parser.add_argument("--slowest", type=int, default=0, help="--search-varied: list these")
    parser.add_argument("--stock-churn", type=int, metavar="K", help="a stock change every K")
    parser.add_argument("--listing-varied", type=int, metavar="N", help="N listings of each kind")
    parser.add_argument("--vary", action="store_true", help="product: a new product each time")
    options = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1", secure=True)
    client.cookies[settings.AGE_GATE_COOKIE] = issue_pass()
    if options.finder_varied:
        finder_varied(client, options)
        return
    if options.listing_varied:
        listing_varied(client, options)
        return
    if options.search_varied:
        search_varied(client, options)
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
            print_profile(profiler)


if __name__ == "__main__":
    main()
