"""`make bench`, scenario "varied traffic under churn": what a visitor gets when most visits
are first visits. The page cache is on as in production (Redis, production settings), another
process changes one product's stock every second (as a stock sync would: every change moves
the content version), and wrk drives varied URLs per page (bench/varied.py: random filter
combinations and pages, random products, random searches of one or two words, random finder
answers). Each page is measured in rounds alternating with the floor, so its ratio to the floor
is taken on the same machine minutes. Then the same with the page cache off (the parts of
pages kept as in production), and once more with nothing kept (for the record). Prints PASS/MISS
per target of issue 15 and each gunicorn worker's resident memory, writes
bench/results/churn.json and churn.md.

Knobs (besides run.py's DATABASE_URL, BENCH_REDIS_URL, BENCH_WORKERS, BENCH_CONNECTIONS,
BENCH_PORT): BENCH_CHURN_SIZE (products, default 100000; the database `<name>_<size>` is
reused when it holds that many products, e.g. after run.py, else seeded afresh),
BENCH_CHURN_SECONDS (measured seconds per page and pass, 12), BENCH_QUICK=1 (a smoke run:
2,000 products, 4 s per page).
"""

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run as bench  # noqa: E402
from bench.pages import VARIED_PAGES, urls_file  # noqa: E402

QUICK = os.environ.get("BENCH_QUICK") == "1"
SIZE = int(os.environ.get("BENCH_CHURN_SIZE", "2000" if QUICK else "100000"))
SECONDS = float(os.environ.get("BENCH_CHURN_SECONDS", "4" if QUICK else "12"))
ROUNDS = 2 if QUICK else 3
PORT = bench.PORT + 10
TARGETS = {
    "catalog": 0.10,
    "category": 0.10,
    "search": 0.10,
    "product": 0.25,
    "guide": 0.25,
    "home": 0.25,
    "finder API": 0.25,
}
P99_MS = 250
# The passes: production as it is; the whole-page cache off (every visit a first visit, the
# issue's "page cache off" pass: what a miss costs with everything else production has, the
# indexes and the parts of pages kept per page version); and nothing kept at all (the price of
# a first render of every part, reported for the record: no target).
MODES = (
    ("cached", {}),
    ("page cache off", {"DJANGO_PAGE_CACHE_SECONDS": "0"}),
    ("nothing kept", {"DJANGO_PAGE_CACHE_SECONDS": "0", "DJANGO_RENDER_CACHE_SECONDS": "0"}),
)
TARGETED = {"cached", "page cache off"}
MEMORY_MB = 150


def product_count(env: dict) -> int | None:
    import psycopg

    try:
        with psycopg.connect(env["DATABASE_URL"]) as conn:
            return conn.execute("SELECT count(*) FROM catalog_product").fetchone()[0]
    except psycopg.Error:
        return None


def prepare(env: dict) -> None:
    """A database of SIZE products, reused when it already holds them (seeding 100,000 takes
    minutes): migrated either way, so a reused one has this branch's schema."""
    count = product_count(env)
    if count is None or not SIZE <= count <= SIZE + 100:  # the demo's own products on top
        bench.fresh_database(env["DATABASE_URL"])
        bench.run(bench.PY, "manage.py", "migrate", "--noinput", env=env, quiet=True)
        bench.run(bench.PY, "manage.py", "seed_demo", "--products", str(SIZE), env=env)
    else:
        bench.run(bench.PY, "manage.py", "migrate", "--noinput", env=env, quiet=True)
    bench.run(bench.PY, "manage.py", "collectstatic", "--noinput", env=env, quiet=True)
    bench.analyze(env["DATABASE_URL"])


def wrk(urls: Path, cookie: str, seconds: float) -> dict:
    env = {**os.environ, "BENCH_URLS": str(urls)}
    result = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{bench.CONNECTIONS}",
            f"-d{seconds:g}s",
            "--latency",
            "-s",
            str(ROOT / "bench" / "varied.lua"),
            "-H",
            f"Cookie: {cookie}",
            "-H",
            "Accept: text/html",
            f"http://127.0.0.1:{PORT}/",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    found = bench.BENCH_LINE.search(result.stdout)
    rps = bench.RPS_LINE.search(result.stdout)
    if not found or not rps:
        raise SystemExit(f"could not read wrk output for {urls}:\n{result.stdout}{result.stderr}")
    p50, p99, requests, server_errors, non2xx = map(int, found.groups())
    return {
        "rps": float(rps.group(1)),
        "seconds": seconds,
        "p50_ms": p50 / 1000,
        "p99_ms": p99 / 1000,
        "requests": requests,
        "server_errors": server_errors,
        "non_2xx": non2xx,
    }


def worker_memory(server: subprocess.Popen) -> list[float]:
    """Resident memory (MB) of each of the server's workers."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def measure(mode: str, urls: Path, cookie: str) -> list[dict]:
    """Each page in rounds alternating with the floor (floor, page, floor, page, ...)."""
    rows = []
    floor_file = urls / urls_file("floor")
    for page in VARIED_PAGES[1:]:
        page_file = urls / urls_file(page)
        wrk(page_file, cookie, 2)  # warm-up: connections, the per-process indexes
        floors, runs = [], []
        for _ in range(ROUNDS):
            floors.append(wrk(floor_file, cookie, max(1, round(SECONDS / ROUNDS))))
            runs.append(wrk(page_file, cookie, max(1, round(SECONDS / ROUNDS))))
        floor, measured = bench.combine(floors), bench.combine(runs)
        row = {"mode": mode, "page": page, "floor_rps": floor["rps"], **measured}
        row["vs_floor"] = measured["rps"] / floor["rps"] if floor["rps"] else 0.0
        rows.append(row)
        print(
            f"{SIZE:>7,} {mode:<14} {page:<12} {row['rps']:>7.1f} req/s  p50 "
            f"{row['p50_ms']:>6.1f} ms  p99 {row['p99_ms']:>7.1f} ms  floor "
            f"{floor['rps']:>5.0f}  {row['vs_floor']:.3f}x floor  5xx {row['server_errors']}"
            f"  non-2xx {row['non_2xx']}",
            flush=True,
        )
    return rows


def targets(rows: list[dict], memory: dict[str, list[float]]) -> list[str]:
    lines = []
    for r in rows:
        if r["mode"] not in TARGETED:
            lines.append(
                f"for the record: {r['page']} ({r['mode']}) reaches {r['vs_floor']:.3f} of the "
                f"floor, p99 {r['p99_ms']:.0f} ms"
            )
            continue
        goal = TARGETS[r["page"]]
        ok = r["vs_floor"] >= goal
        lines.append(
            f"{'PASS' if ok else 'MISS'}: {r['page']} ({r['mode']}) reaches "
            f"{r['vs_floor']:.3f} of the floor (target {goal:.2f})"
        )
        ok = r["p99_ms"] < P99_MS
        lines.append(
            f"{'PASS' if ok else 'MISS'}: {r['page']} ({r['mode']}) p99 {r['p99_ms']:.0f} ms "
            f"(target under {P99_MS} ms)"
        )
    errors = sum(r["server_errors"] for r in rows)
    lines.append(f"{'PASS' if not errors else 'MISS'}: no 5xx ({errors})")
    for mode, sizes in memory.items():
        worst = max(sizes, default=0)
        lines.append(
            f"{'PASS' if worst < MEMORY_MB else 'MISS'}: worker resident memory ({mode}) "
            + ", ".join(f"{size:.0f}" for size in sizes)
            + f" MB (target under {MEMORY_MB} MB, indexes included)"
        )
    return lines


def markdown(rows: list[dict], memory: dict, meta: dict) -> str:
    lines = [
        f"# Varied traffic under churn, {meta['when']}",
        "",
        f"{SIZE:,} products, PostgreSQL and Redis, gunicorn {bench.WORKERS} sync workers, wrk 1 "
        f"thread, {bench.CONNECTIONS} connections, {SECONDS:g}s per page in {ROUNDS} rounds "
        f"alternating with the floor; one product's stock changed every second; load average "
        f"at the start {meta['load_start']}, at the end {meta['load_end']}.",
        "",
        "| page cache | page | req/s | floor req/s | vs floor | p50 ms | p99 ms | 5xx | non-2xx |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['mode']} | {r['page']} | {r['rps']:.1f} | {r['floor_rps']:.0f} | "
            f"{r['vs_floor']:.3f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | "
            f"{r['server_errors']} | {r['non_2xx']} |"
        )
    lines += ["", "Targets:", "", *(f"- {line}" for line in targets(rows, memory))]
    return "\n".join(lines) + "\n"


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> int:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk (make bench does this)")
    env = bench.environment(SIZE)
    env["DJANGO_CACHE_KEY_PREFIX"] = f"churn-{SIZE}"
    prepare(env)
    started, load_start = time.monotonic(), load()
    rows: list[dict] = []
    memory: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        urls = Path(tmp)
        bench.run(bench.PY, "bench/varied.py", tmp, "200" if QUICK else "5000", env=env)
        cookie = bench.gate_cookie(env)
        churn = subprocess.Popen([bench.PY, "bench/stock_churn.py", "1"], cwd=ROOT, env=env)
        try:
            for mode, extra in MODES:
                # Each pass starts with nothing in the shared cache from a pass or run before.
                prefix = f"churn-{SIZE}-{mode.replace(' ', '-')}-{time.time_ns()}"
                extra = {**extra, "DJANGO_CACHE_KEY_PREFIX": prefix}
                server = bench.start_server({**env, **extra}, PORT)
                try:
                    rows += measure(mode, urls, cookie)
                    memory[mode] = worker_memory(server)
                finally:
                    server.send_signal(signal.SIGTERM)
                    server.wait(timeout=30)
        finally:
            churn.terminate()
            churn.wait(timeout=30)
    meta = {
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "size": SIZE,
        "seconds_total": round(time.monotonic() - started),
        "load_start": load_start,
        "load_end": load(),
    }
    bench.RESULTS.mkdir(exist_ok=True)
    report = {"meta": meta, "results": rows, "memory_mb": memory}
    (bench.RESULTS / "churn.json").write_text(json.dumps(report, indent=2))
    text = markdown(rows, memory, meta)
    (bench.RESULTS / "churn.md").write_text(text)
    print()
    print(text)
    return 1 if any(r["server_errors"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
