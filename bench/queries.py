"""Print, as JSON, how many SQL queries each benchmarked page runs when it is rendered (the
whole-page cache is off here, so this is the cost of a cache miss; a hit runs none). One
request each, after a warm-up request. Also how long the finder's index of the catalog takes to
build (what the first recommendation after a catalog change pays; best of three) and how many
classes it holds. Run with the server's environment: `python bench/queries.py`."""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
os.environ["DJANGO_PAGE_CACHE_SECONDS"] = "0"
os.environ["DJANGO_RENDER_CACHE_SECONDS"] = "0"  # the cost of rendering, not of a kept part

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.pages import PAGES  # noqa: E402
from core.age_gate import issue_pass  # noqa: E402
from finder.logic.index import build_index  # noqa: E402


def fetch(client, page):
    if page.body is None:
        return client.get(page.path)
    return client.post(page.path, page.body, content_type="application/json")


def main() -> None:
    client = Client(HTTP_HOST="127.0.0.1", secure=True)
    client.cookies[settings.AGE_GATE_COOKIE] = issue_pass()
    counts = {}
    for page in PAGES:
        fetch(client, page)  # warm caches the way a running server has them
        with CaptureQueriesContext(connection) as captured:
            response = fetch(client, page)
        counts[page.name] = {
            "queries": len(captured.captured_queries),
            "status": response.status_code,
        }
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        index = build_index()
        timings.append(time.perf_counter() - started)
    counts["finder index"] = {"build_ms": round(min(timings) * 1000), "classes": len(index.classes)}
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
