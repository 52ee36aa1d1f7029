"""Where one worker's memory goes: resident memory (VmRSS, as bench/churn.py reads it for each
gunicorn worker) after django.setup, after the first request of each page kind, and after N
of the churn scenario's varied URLs (bench/varied.py's, served in the scenario's mix by a test
Client with production settings), with the biggest Python allocations by file and line
(tracemalloc, `--trace`) and the sizes of the per-process stores. Run with the server's
environment:

    python bench/memory.py [--requests 3000] [--trace] [--top 25]
"""

import argparse
import gc
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
os.environ["DJANGO_CACHE_KEY_PREFIX"] = f"memory-{os.getpid()}-{time.time_ns()}"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--trace", action="store_true", help="tracemalloc from the start")
    parser.add_argument("--top", type=int, default=25)
    options = parser.parse_args()
    if options.trace:
        import tracemalloc

        tracemalloc.start(1)
    start = rss_mb()
    import django

    django.setup()
    print(f"{'start':<28} {start:7.1f} MB")
    print(f"{'after django.setup':<28} {rss_mb():7.1f} MB  modules {len(sys.modules)}")
    # shop.wsgi is what gunicorn imports.
    from shop.wsgi import application  # noqa: F401

    print(f"{'after shop.wsgi':<28} {rss_mb():7.1f} MB  modules {len(sys.modules)}")
    from django.conf import settings
    from django.test import Client

    from bench.pages import urls_file
    from core.age_gate import issue_pass

    urls = varied_urls(max(200, options.requests // 7 + 1), urls_file)
    client = Client(HTTP_HOST="127.0.0.1", secure=True)
    client.cookies[settings.AGE_GATE_COOKIE] = issue_pass()

    def get(line: str) -> int:
        if "\t" in line:
            path, body = line.split("\t", 1)
            return client.post(path, body, content_type="application/json").status_code
        return client.get(line).status_code

    gc.collect()
    baseline = rss_mb()
    for page in ("home", "catalog", "category", "search", "product", "guide", "finder API"):
        status = get(urls[page][0])
        now = rss_mb()
        print(f"{'first ' + page:<28} {now:7.1f} MB  (+{now - baseline:.1f})  {status}")
        baseline = now
    pages = [p for p in urls if p != "floor"]
    if options.trace:
        import tracemalloc

        before = tracemalloc.take_snapshot()
    rng = random.Random(7)
    started = time.perf_counter()
    statuses: dict[int, int] = {}
    for number in range(options.requests):
        page = pages[number % len(pages)]
        status = get(rng.choice(urls[page]))
        statuses[status] = statuses.get(status, 0) + 1
        if (number + 1) % 1000 == 0:
            print(f"{f'after {number + 1} varied':<28} {rss_mb():7.1f} MB", flush=True)
    gc.collect()
    print(
        f"{'after the varied requests':<28} {rss_mb():7.1f} MB  "
        f"({time.perf_counter() - started:.0f} s, {statuses})"
    )
    stores()
    if options.trace:
        after = tracemalloc.take_snapshot()
        print("\nlive Python allocations by line (all):")
        for stat in after.statistics("lineno")[: options.top]:
            print(f"  {stat.size / 2**20:7.2f} MB {stat.count:>8}  {stat.traceback}")
        print("\ngrowth during the varied requests:")
        for stat in after.compare_to(before, "lineno")[: options.top]:
            print(f"  {stat.size_diff / 2**20:+7.2f} MB {stat.count_diff:>+8}  {stat.traceback}")
        print("\nby file (all):")
        for stat in after.statistics("filename")[: options.top]:
            print(f"  {stat.size / 2**20:7.2f} MB  {stat.traceback}")


def varied_urls(count: int, urls_file) -> dict[str, list[str]]:
    """bench/varied.py's URLs, written by a child process (so its reads cost this one
    nothing)."""
    import subprocess
    import tempfile

    from bench.pages import VARIED_PAGES

    with tempfile.TemporaryDirectory() as directory:
        script = Path(__file__).with_name("varied.py")
        subprocess.run([sys.executable, str(script), directory, str(count)], check=True)
        return {
            page: (Path(directory) / urls_file(page)).read_text().splitlines()
            for page in VARIED_PAGES
        }


def stores() -> None:
    """Sizes of the per-process stores."""
    from catalog import cards, facet_index, render_cache

    print(f"  kept cards: {len(cards.kept_cards.parts)} / {cards.kept_cards.size}")
    print(f"  local parts: {len(render_cache.local_parts.parts)} / {render_cache.local_parts.size}")
    index = facet_index.kept_index()
    print(f"  facet index kept: {index is not None}")
    print(f"  modules: {len(sys.modules)}")


if __name__ == "__main__":
    main()
