"""Contract fuzzing: schemathesis against docs/openapi.yaml, on a running server on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/safeword .venv/bin/python \
        tests/contract/run_schemathesis.py [more schemathesis options, e.g. --seed 123]

(`make contract` does the same.) It makes a fresh database next to DATABASE_URL's
(`<name>_contract`), migrates it and loads the demo data, serves the app with gunicorn and
production settings (debug off, a fresh secret key, plain HTTP on loopback), then:

1. the age gate: every gated operation, called with no pass and with a forged one, must answer
   the documented 403 (checked against its schema);
2. schemathesis, with an age-gate pass (`core.age_gate.issue_pass()`), generates requests for
   every operation from the document (its examples, boundary values, then random valid and
   invalid input) and checks every answer: no 5xx, a documented status code and content type,
   a body and headers that match the schema, and that the gate refuses a request without
   the pass (`ignored_auth`).

`CONTRACT_MAX_EXAMPLES` (default 30) bounds the random cases per operation: the run takes
about two minutes. The database is dropped at the end. Exit status 0 only when both parts pass.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DOCUMENT = ROOT / "docs" / "openapi.yaml"
HOOKS = Path(__file__).with_name("hooks.py")
CSRF_COOKIE = "csrftoken"
CSRF_SECRET = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(32))
BIN = Path(sys.executable).parent
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
    "ignored_auth",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def with_database(url: str, name: str) -> str:
    return urllib.parse.urlsplit(url)._replace(path=f"/{name}").geturl()


def manage(env, *args) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout.strip()


def wait_until_healthy(base_url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"gunicorn did not start:\n{log.read_text()[-3000:]}")


def gated_operations(schema):
    """(operation, example path parameters, example body) for each operation behind the gate."""
    raw = schema.raw_schema
    for result in schema.get_all_operations():
        operation = result.ok()
        definition = raw["paths"][operation.path][operation.method.lower()]
        if not definition.get("security", raw.get("security")):
            continue
        path_parameters = {
            parameter.name: parameter.definition.get("example")
            for parameter in operation.path_parameters
        }
        body = None
        if "requestBody" in definition:
            examples = definition["requestBody"]["content"]["application/json"]["examples"]
            body = resolve(raw, next(iter(examples.values())))["value"]
        yield operation, path_parameters, body


def resolve(raw: dict, node: dict) -> dict:
    """Follow a local `$ref` ("#/components/examples/...") in the document."""
    while "$ref" in node:
        parts = node["$ref"].removeprefix("#/").split("/")
        node = raw
        for part in parts:
            node = node[part]
    return node


def check_the_gate(base_url: str) -> int:
    """Every gated operation, called without a valid pass, answers the documented 403."""
    import schemathesis
    from schemathesis import checks

    import tests.contract.hooks  # noqa: F401 (reads HTML pages as text)

    schema = schemathesis.openapi.from_path(DOCUMENT)
    conformance = [
        checks.not_a_server_error,
        checks.status_code_conformance,
        checks.content_type_conformance,
        checks.response_schema_conformance,
    ]
    failures = 0
    calls = 0
    for operation, path_parameters, body in gated_operations(schema):
        for label, cookies in (("no pass", {}), ("a forged pass", {"sw_age": "forged"})):
            payload = {} if body is None else {"body": body, "media_type": "application/json"}
            case = operation.Case(
                path_parameters=path_parameters or None,
                headers={"Accept": "application/json"},
                **payload,
            )
            response = case.call(base_url=base_url, cookies=cookies)
            calls += 1
            problem = None
            if response.status_code != 403:
                problem = f"answered {response.status_code}, not 403"
            else:
                try:
                    case.validate_response(response, checks=conformance)
                except Exception as error:  # schemathesis raises a group of check failures
                    problem = str(error)
            verdict = "403 as documented" if problem is None else f"FAILED: {problem}"
            print(f"  {operation.label} with {label}: {verdict}")
            failures += problem is not None
    print(f"Age gate: {calls} calls, {calls - failures} answered the documented 403.")
    return failures


def run_schemathesis(base_url: str, gate_pass: str, folder: Path, extra_args: list[str]) -> int:
    command = [
        str(BIN / "schemathesis"),
        "run",
        str(DOCUMENT),
        "--url",
        base_url,
        "--checks",
        ",".join(CHECKS),
        "--max-examples",
        os.environ.get("CONTRACT_MAX_EXAMPLES", "30"),
        # Every answer is checked as the server gave it: redirects are part of the contract.
        "--max-redirects",
        "0",
        # The pass comes from the header below; a generated `sw_age` would only be refused.
        "--generation-with-security-parameters",
        "false",
        "--generation-database",
        "none",
        # A busy CI machine may generate slowly; that says nothing about the server.
        "--suppress-health-check",
        "too_slow",
        # The CSRF cookie and its value in the header, as a JSON caller of the basket sends
        # them (docs/api.md), so POST /basket/add/ is fuzzed past Django's CSRF check.
        "--header",
        f"Cookie: sw_age={gate_pass}; {CSRF_COOKIE}={CSRF_SECRET}",
        "--header",
        f"X-CSRFToken: {CSRF_SECRET}",
        "--header",
        "Accept: application/json",
        "--no-color",
        *extra_args,
    ]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": str(HOOKS)}
    # In the run's own folder: schemathesis keeps a cache of failures where it runs.
    return subprocess.run(command, cwd=folder, env=env).returncode


def main(extra_args: list[str]) -> int:
    base_database_url = os.environ.get("DATABASE_URL", "")
    if not base_database_url.startswith(("postgres://", "postgresql://")):
        sys.exit(
            "Set DATABASE_URL to a PostgreSQL database: the contract is checked on PostgreSQL."
        )
    import psycopg

    name = urllib.parse.urlsplit(base_database_url).path.lstrip("/") + "_contract"
    admin_url = with_database(base_database_url, "postgres")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')

    folder = Path(tempfile.mkdtemp(prefix="safeword-contract-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="shop.settings",
        DATABASE_URL=with_database(base_database_url, name),
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        DJANGO_LOG_LEVEL="WARNING",
    )
    server = None
    try:
        print(f"Database {name}: migrating and loading the demo data...", flush=True)
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "seed_demo", "-v", "0")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        gate_pass = manage(
            env,
            "shell",
            "--no-imports",
            "-c",
            "from core.age_gate import issue_pass\nprint(issue_pass())",
        )

        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        log = folder / "gunicorn.log"
        access_log = folder / "access.log"
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "shop.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            cwd=ROOT,
            env={**env, "GUNICORN_ACCESS_LOG": str(access_log)},
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until_healthy(base_url, server, log)
        print(f"gunicorn serves the demo shop at {base_url} (debug off).\n", flush=True)

        gate_failures = check_the_gate(base_url)
        print(flush=True)
        status = run_schemathesis(base_url, gate_pass, folder, extra_args)
        served = len(access_log.read_text().splitlines()) if access_log.exists() else 0
        print(f"\nThe server answered {served} requests in all.")
        errors = [line for line in log.read_text().splitlines() if "Traceback" in line]
        if errors or status != 0:
            print(f"Server log ({log}):\n{log.read_text()[-5000:]}")
        if gate_failures or status != 0 or errors:
            print(f"Contract: FAILED (logs kept in {folder})")
            return 1
        print("Contract: every answer matched docs/openapi.yaml")
        shutil.rmtree(folder, ignore_errors=True)
        return 0
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
