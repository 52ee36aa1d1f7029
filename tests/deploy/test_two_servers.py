"""Two app servers, one PostgreSQL, one Redis: nothing lives in a server's memory.

Starts two gunicorn servers on two free ports with production settings (plain HTTP on
loopback, so no HTTPS redirect) against a fresh PostgreSQL database and the machine's Redis,
and checks over real HTTP that what one server does, the other sees at once: an age-gate pass,
a curator's sign-in, a product published through the admin. Then it cuts every database
connection and checks both servers carry on without a restart.

Runs when DATABASE_URL is PostgreSQL and Redis answers (REDIS_URL, default the local one);
skips otherwise, except under CI=true, where it fails: `.ci/run` starts both services.
"""

import json
import os
import time
import urllib.parse
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from django.conf import settings

from tests.deploy.servers import (
    Browser,
    csrf_token,
    django_shell,
    free_port,
    fresh_database,
    postgres_url,
    prepare,
    production_env,
    require,
    start_server,
    stop_server,
    terminate_connections,
    with_database,
)

pytestmark = pytest.mark.deploy

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
CURATOR = ("two-servers-curator", "a long passphrase for the test curator")


def missing_service() -> str | None:
    if postgres_url() is None:
        return "DATABASE_URL is not a PostgreSQL database"
    redis_url = os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL
    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        return f"Redis does not answer at {redis_url} ({error})"
    return None


@dataclass
class Stack:
    a: int
    b: int
    env: dict
    database_url: str
    product: dict
    logs: Path
    gate_pass: str

    def visitor(self) -> Browser:
        """A visitor who has passed the age gate (as every test visitor here has, unless it
        checks the gate itself)."""
        return Browser(cookies={settings.AGE_GATE_COOKIE: self.gate_pass})


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    require(missing_service())
    folder = tmp_path_factory.mktemp("two_servers")
    with fresh_database(postgres_url(), "_two_servers") as database_url:
        env = production_env(
            database_url,
            folder,
            REDIS_URL=os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL,
            DJANGO_CACHE_KEY_PREFIX=f"two-servers-{uuid.uuid4().hex[:8]}",
        )
        prepare(env)
        product = django_shell(
            env,
            "from django.contrib.auth.models import Group, User\n"
            "from catalog.models import Product\n"
            f"user = User.objects.create_user({CURATOR[0]!r}, password={CURATOR[1]!r}, "
            "is_staff=True)\n"
            "user.groups.add(Group.objects.get(name='Curator'))\n"
            "p = Product.objects.filter(is_published=True).order_by('pk').first()\n"
            "Product.objects.filter(pk=p.pk).update(is_published=False)\n"
            "print(p.pk, p.slug, p.name, sep='|')",
        )
        pk, slug, product_name = product.split("|")
        servers = []
        try:
            for label in "ab":
                port = free_port()
                servers.append((port, start_server(env, port, folder / f"gunicorn-{label}.log")))
            yield Stack(
                a=servers[0][0],
                b=servers[1][0],
                env=env,
                database_url=database_url,
                product={"pk": pk, "slug": slug, "name": product_name},
                logs=folder,
                gate_pass=django_shell(
                    env, "from core.age_gate import issue_pass; print(issue_pass())"
                ),
            )
        finally:
            for _, server in servers:
                stop_server(server)


def sign_in_curator(browser, port):
    status, _, html = browser.get(port, "/admin/login/?next=/admin/")
    assert status == 200
    status, headers, _ = browser.post(
        port,
        "/admin/login/?next=/admin/",
        {
            "csrfmiddlewaretoken": csrf_token(html),
            "username": CURATOR[0],
            "password": CURATOR[1],
            "next": "/admin/",
        },
    )
    assert (status, headers["Location"]) == (302, "/admin/")


def test_both_servers_answer_with_production_settings(stack):
    for port in (stack.a, stack.b):
        status, headers, html = stack.visitor().get(port, "/")
        assert status == 200
        assert "Play safely" in html
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        status, headers, _ = stack.visitor().get(port, "/static/css/site.css")
        assert status == 200 and "max-age" in headers["Cache-Control"]


def test_an_age_gate_pass_issued_by_one_server_is_honoured_by_the_other(stack):
    visitor = Browser()
    # Without a pass, server B sends the visitor to the gate.
    status, headers, _ = visitor.get(stack.b, "/catalog/")
    assert status == 302 and headers["Location"].startswith("/age-check/")
    # The visitor passes the gate on server A, with an adult date of birth.
    status, _, html = visitor.get(stack.a, "/age-check/?next=/catalog/")
    assert status == 200
    status, headers, _ = visitor.post(
        stack.a,
        "/age-check/?next=/catalog/",
        {
            "csrfmiddlewaretoken": csrf_token(html),
            "day": "1",
            "month": "6",
            "year": "1980",
            "next": "/catalog/",
        },
    )
    assert status == 302 and headers["Location"] == "/catalog/"
    assert settings.AGE_GATE_COOKIE in visitor.cookies
    # Server B honours the pass that server A issued.
    status, _, html = visitor.get(stack.b, "/catalog/")
    assert status == 200 and "product-grid" in html


def test_a_curator_signed_in_on_one_server_is_signed_in_on_the_other(stack):
    curator = stack.visitor()
    assert (
        stack.visitor().get(stack.b, "/admin/")[0] == 302
    )  # not signed in: sent to the login page
    sign_in_curator(curator, stack.a)
    status, _, html = curator.get(stack.b, "/admin/")
    assert status == 200
    assert "Catalog and guides" in html and "Products" in html


def test_a_product_published_through_one_server_shows_on_the_other_at_once(stack):
    page = f"/products/{stack.product['slug']}/"
    assert stack.visitor().get(stack.b, page)[0] == 404  # unpublished

    curator = stack.visitor()
    sign_in_curator(curator, stack.a)
    status, _, html = curator.get(stack.a, "/admin/catalog/product/")
    assert status == 200
    status, headers, _ = curator.post(
        stack.a,
        "/admin/catalog/product/",
        {
            "csrfmiddlewaretoken": csrf_token(html),
            "action": "publish",
            "_selected_action": [stack.product["pk"]],
        },
    )
    assert status == 302

    status, _, html = stack.visitor().get(stack.b, page)
    assert status == 200
    assert stack.product["name"] in html


def test_the_finder_on_one_server_drops_a_product_unpublished_through_the_other(stack):
    """Each server keeps its copy of the finder's index; a change made through A reaches B's
    next recommendation at once (the shared content version moves)."""
    visitor = stack.visitor()
    answers = {"level": "beginner", "categories": ["lubricants"]}

    def picks(port) -> list[str]:
        status, _, body = visitor.post_json(port, "/finder/api/", answers)
        assert status == 200
        return [pick["slug"] for pick in json.loads(body)["picks"]["lubricants"]]

    # Several requests each, so every worker process of both servers holds the index.
    before = picks(stack.b)
    assert before
    for port in [stack.a, stack.b] * 4:
        assert picks(port) == before
    first = before[0]
    pk = django_shell(
        stack.env,
        f"from catalog.models import Product; print(Product.objects.get(slug={first!r}).pk)",
    )
    curator = stack.visitor()
    sign_in_curator(curator, stack.a)
    status, _, html = curator.get(stack.a, "/admin/catalog/product/")
    status, _, _ = curator.post(
        stack.a,
        "/admin/catalog/product/",
        {"csrfmiddlewaretoken": csrf_token(html), "action": "unpublish", "_selected_action": [pk]},
    )
    assert status == 302
    for _ in range(6):
        after = picks(stack.b)
        assert first not in after
        assert after[: len(before) - 1] == before[1:]  # the rest move up


def test_both_servers_share_one_cache(stack):
    django_shell(stack.env, "from django.core.cache import cache; cache.set('probe', 'from a', 60)")
    seen = django_shell(stack.env, "from django.core.cache import cache; print(cache.get('probe'))")
    assert seen == "from a"
    keys = redis.Redis.from_url(stack.env["REDIS_URL"]).keys(
        f"{stack.env['DJANGO_CACHE_KEY_PREFIX']}:*"
    )
    assert keys, "the value lives in Redis, not in a process"


def test_both_servers_recover_when_every_database_connection_is_cut(stack):
    for port in (stack.a, stack.b):  # make sure the workers hold open connections
        for _ in range(4):
            assert stack.visitor().get(port, "/catalog/")[0] == 200
    name = urllib.parse.urlsplit(stack.database_url).path.lstrip("/")
    admin_url = with_database(stack.database_url, "postgres")
    assert terminate_connections(admin_url, name) >= 2
    for port in (stack.a, stack.b):
        statuses = [stack.visitor().get(port, "/catalog/")[0] for _ in range(6)]
        assert statuses == [200] * 6, statuses
        assert stack.visitor().get(port, "/healthz")[0] == 200


def test_logs_carry_the_request_id_and_never_the_query_string(stack):
    request_id = f"lb-{uuid.uuid4().hex}"
    status, headers, _ = stack.visitor().get(
        stack.a,
        "/catalog/?q=secret-search&level=beginner",
        **{"Accept": "application/json", "X-Request-ID": request_id},
    )
    assert status == 200 and headers["X-Request-ID"] == request_id
    time.sleep(0.5)  # let gunicorn flush its access log
    app_log = (stack.logs / "gunicorn-a.log").read_text()
    access_log = (stack.logs / "gunicorn-a.access.log").read_text()
    lines = [json.loads(line) for line in app_log.splitlines() if request_id in line]
    assert [(line["path"], line["status"]) for line in lines] == [("/catalog/", 200)]
    assert '"GET /catalog/" 200' in access_log and f"rid={request_id}" in access_log
    assert "secret-search" not in app_log + access_log
