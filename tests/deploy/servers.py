"""Running real app servers for the deploy tests: gunicorn processes on free ports with
production settings, a client that keeps cookies per visitor, Django commands in a subprocess."""

import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))


def require(reason: str | None) -> None:
    """Skip for a missing service on a developer's machine; fail under CI=true, where
    `.ci/run` starts every service."""
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}: the deploy tests must run in CI")
        pytest.skip(reason)


def postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def with_database(url: str, name: str) -> str:
    return urllib.parse.urlsplit(url)._replace(path=f"/{name}").geturl()


@contextmanager
def fresh_database(base_url: str, suffix: str):
    """A new, empty PostgreSQL database beside DATABASE_URL's, dropped afterwards."""
    name = urllib.parse.urlsplit(base_url).path.lstrip("/") + suffix
    admin_url = with_database(base_url, "postgres")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(base_url, name)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(database_url: str, folder: Path, **extra) -> dict:
    """Production settings for a server on loopback (plain HTTP, so no HTTPS redirect)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="shop.settings",
        DATABASE_URL=database_url,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),  # one key, shared by every server
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        DJANGO_LOG_LEVEL="INFO",
        **extra,
    )
    return env


def prepare(env) -> None:
    """Migrate, load the demo data and collect the static files, as a deploy would."""
    run(env, PYTHON, "manage.py", "migrate", "--noinput", "-v", "0")
    run(env, PYTHON, "manage.py", "seed_demo", "-v", "0")
    run(env, PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0")


def run(env, *args) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def django_shell(env, code: str) -> str:
    return run(env, PYTHON, "manage.py", "shell", "--no-imports", "-c", code).strip()


@dataclass
class Browser:
    """Talks HTTP to one server at a time, keeping its own cookies (as a browser behind the
    HTTPS proxy would: the Secure flag is the proxy's business)."""

    cookies: dict = field(default_factory=dict)

    def request(self, port, method, path, form=None, headers=None, json_body=None, timeout=30):
        headers = {"Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if json_body is not None:
            body = json.dumps(json_body)
            headers["Content-Type"] = "application/json"
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status, response.headers, text

    def get(self, port, path, timeout=30, **headers):
        return self.request(port, "GET", path, headers=headers, timeout=timeout)

    def post(self, port, path, form):
        return self.request(port, "POST", path, form)

    def post_json(self, port, path, data):
        return self.request(port, "POST", path, json_body=data)


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "the page has a form with a CSRF token"
    return match.group(1)


def start_server(env, port, log_path, workers: int = 2) -> subprocess.Popen:
    log = open(log_path, "w")  # closed by stop_server, with the process
    server = subprocess.Popen(
        [GUNICORN, "shop.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        cwd=ROOT,
        env={**env, "GUNICORN_ACCESS_LOG": str(log_path.with_suffix(".access.log"))},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server.log = log
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        try:
            if Browser().get(port, "/healthz")[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    pytest.fail(f"gunicorn on port {port} did not start:\n{Path(log_path).read_text()[-3000:]}")


def stop_server(server) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    server.log.close()


def terminate_connections(admin_url: str, name: str) -> int:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        ).fetchall()
    return sum(1 for (terminated,) in rows if terminated)
