"""A deploy never reads what the previous release kept in the shared cache (core/release.py):
whole pages, kept parts of pages and pickled objects are filed under the release. What a
visitor or a member of staff expects to outlive a deploy does: the age-gate pass, a sign-in,
the basket, sign-in pauses. And an entry that no longer unpickles is a miss, not a 500."""

import os
import pickle
import subprocess
import sys
import types
import uuid
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from catalog import stock
from catalog.models import Product
from catalog.render_cache import local_parts
from finder.logic.index import drop_process_copy
from shop import shared_cache
from tests.factories import CuratorFactory, ProductFactory
from tests.redis_servers import own_redis

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"  # the factories' staff password
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def release(settings):
    """Start on release "one"; `release("two")` deploys another: new processes (nothing kept
    in a worker's memory) over the same database and the same shared cache."""

    def deploy(name: str) -> None:
        settings.RELEASE = name
        local_parts.clear()
        drop_process_copy()
        stock.forget()

    settings.KEEP_PER_VERSION = True
    deploy("one")
    cache.clear()
    yield deploy
    cache.clear()
    local_parts.clear()


@pytest.fixture
def product(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return ProductFactory(name="Feather Paddle")


def rename_without_moving_the_version(product, name: str) -> None:
    """A change the content version does not see (it moves on commit, which a test's
    transaction never reaches): a page that still shows the old name came from the cache."""
    Product.objects.filter(pk=product.pk).update(name=name)


def shown(client, url) -> str:
    """The page as a worker that was asked for it before shows it: a product's body is one of
    many, built by a worker the first time it is asked for it and shared from the next time
    on, once its own copy is gone (catalog.render_cache, `long_tail`)."""
    client.get(url)
    local_parts.parts.clear()
    return client.get(url).content.decode()


@pytest.mark.parametrize("kept", ["whole pages", "parts of pages"])
def test_a_new_release_never_serves_what_the_old_one_kept(client, settings, release, product, kept):
    settings.PAGE_CACHE_SECONDS = 300 if kept == "whole pages" else 0
    settings.RENDER_CACHE_SECONDS = 300 if kept == "parts of pages" else 0
    url = product.get_absolute_url()
    assert "Feather Paddle" in shown(client, url)
    rename_without_moving_the_version(product, "Velvet Paddle")
    release("one")  # a restarted worker of the same release shares what the others kept
    assert "Feather Paddle" in shown(client, url)

    release("two")
    page = shown(client, url)
    assert "Velvet Paddle" in page and "Feather Paddle" not in page

    release("one")  # and the new release left the old one's entries alone
    assert "Feather Paddle" in shown(client, url)


def test_the_finder_index_is_built_again_by_a_new_release(client, settings, release, product):
    settings.FINDER_INDEX_SECONDS = 3600
    answers = {"level": "beginner", "categories": [product.category.slug]}

    def names():
        response = client.post("/finder/api/", answers, content_type="application/json")
        assert response.status_code == 200
        picks = response.json()["picks"].get(product.category.slug, [])
        return [pick["name"] for pick in picks]

    assert names() == ["Feather Paddle"]
    rename_without_moving_the_version(product, "Velvet Paddle")
    release("one")
    assert names() == ["Feather Paddle"]  # the kept card
    release("two")
    assert names() == ["Velvet Paddle"]


def test_a_deploy_keeps_passes_sign_ins_baskets_and_sign_in_pauses(client, release, product):
    curator = CuratorFactory(username="curator")
    staff = Client()
    staff.force_login(curator)
    CuratorFactory(username="alex")
    for _ in range(5):
        client.post(
            reverse("admin:login"),
            {"username": "alex", "password": "wrong", "next": reverse("admin:index")},
            REMOTE_ADDR="81.2.69.160",
        )
    client.post("/basket/add/", {"product": product.slug, "quantity": "2", "next": "/basket/"})

    release("two")

    assert client.get("/catalog/").status_code == 200  # the age-gate pass holds
    basket = client.get("/basket/", HTTP_ACCEPT="application/json").json()
    assert [(item["product"]["slug"], item["quantity"]) for item in basket["items"]] == [
        (product.slug, 2)
    ]
    assert staff.get(reverse("admin:index")).status_code == 200  # still signed in
    paused = client.post(
        reverse("admin:login"),
        {"username": "alex", "password": PASSWORD, "next": reverse("admin:index")},
        REMOTE_ADDR="81.2.69.160",
    )
    assert paused.status_code == 429  # still paused


@pytest.fixture
def redis_cache(settings):
    """The production cache backend on a Redis of the test's own."""
    shared_cache.health.reset()
    with own_redis() as server:
        settings.CACHES = {
            "default": {
                "BACKEND": "shop.shared_cache.ResilientRedisCache",
                "LOCATION": server.url,
                "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
                "KEY_FUNCTION": "core.release.cache_key",
                "OPTIONS": settings.REDIS_OPTIONS,
            }
        }
        yield server
    shared_cache.health.reset()


def pickle_of_a_class_that_is_gone() -> bytes:
    module = types.ModuleType("removed_in_this_release")
    sys.modules[module.__name__] = module

    class Kept:
        pass

    Kept.__module__, Kept.__qualname__ = module.__name__, "Kept"
    module.Kept = Kept
    try:
        return pickle.dumps(Kept())
    finally:
        del sys.modules[module.__name__]


@pytest.mark.parametrize("stored", [b"\x80\x05not a pickle", pickle_of_a_class_that_is_gone()])
def test_an_entry_that_does_not_unpickle_is_a_miss(
    redis_cache, client, settings, release, stored, caplog
):
    settings.RENDER_CACHE_SECONDS = 300
    product = ProductFactory(name="Feather Paddle")
    assert client.get(product.get_absolute_url()).status_code == 200
    redis = redis_cache.client()
    kept = list(redis.scan_iter(match="*render:*"))
    assert kept, "the product page kept its parts in Redis"
    for key in kept:
        redis.set(key, stored)
    local_parts.clear()
    cache.set("probe", "fine")
    redis.set(next(redis.scan_iter(match="*:probe")), stored)

    assert cache.get("probe") is None
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    assert "Feather Paddle" in response.content.decode()
    assert cache.get("probe") is None  # still a miss, not an error, the next time
    logged = [r.getMessage() for r in caplog.records if r.name == "shop.shared_cache"]
    assert len([line for line in logged if "treated as a miss" in line]) == 1


def in_a_server_process(code: str, **env) -> str:
    """Run `code` in a new process with the production settings and this environment."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update({"DJANGO_SECRET_KEY": "x" * 50, **env})
    environment.pop("DATABASE_URL", None)
    setup = "import django; django.setup(); from django.core.cache import cache; "
    result = subprocess.run(
        [sys.executable, "-c", setup + code],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "shop.settings"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_servers_of_two_releases_share_one_redis_without_sharing_entries():
    with own_redis() as server:
        old = {"REDIS_URL": server.url, "DJANGO_RELEASE": "3f9c2e1"}
        new = {**old, "DJANGO_RELEASE": "8ab41d0"}
        in_a_server_process("cache.set('render:home:7', 'old shape', 60)", **old)
        assert in_a_server_process("print(cache.get('render:home:7'))", **old) == "old shape"
        assert in_a_server_process("print(cache.get('render:home:7'))", **new) == "None"
        [key] = server.client().keys("*render:home:7")
        assert b":3f9c2e1:" in key
