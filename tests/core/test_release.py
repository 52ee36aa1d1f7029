"""The release (core/release.py): `DJANGO_RELEASE` when the deploy names it, else a
fingerprint of the code that moves with any change to the Python, templates or static files
and nothing else. Built in a folder of the test's own: no real file is touched."""

import os
import shutil
from pathlib import Path

import django
import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from core.release import cache_key, fingerprint, release

FILES = {
    "shop/__init__.py": "",
    "shop/views.py": "def home(request): ...\n",
    "catalog/__init__.py": "",
    "catalog/cards.py": "CARD = 1\n",
    "tests/__init__.py": "",
    "tests/test_cards.py": "def test_cards(): ...\n",
    "templates/catalog/product.html": "<h1>{{ product.name }}</h1>\n",
    "static/css/site.css": "body { margin: 0 }\n",
    "guides/demo_guides/help/body.md": "Call someone you trust.\n",
    "catalog/demo_data/products/toys.toml": "name = 'Feather Paddle'\n",
}


@pytest.fixture
def code(tmp_path) -> Path:
    base = tmp_path / "app"
    for name, text in FILES.items():
        (base / name).parent.mkdir(parents=True, exist_ok=True)
        (base / name).write_text(text)
    return base


@pytest.mark.parametrize(
    "changed",
    ["templates/catalog/product.html", "shop/views.py", "catalog/cards.py", "static/css/site.css"],
)
def test_a_change_to_a_template_code_or_static_file_makes_a_new_release(code, changed):
    before = fingerprint(code)
    (code / changed).write_text((code / changed).read_text() + "<!-- changed -->\n")
    assert fingerprint(code) != before


def test_a_new_template_or_app_makes_a_new_release(code):
    before = fingerprint(code)
    (code / "templates/catalog/badge.html").write_text("<span>new</span>\n")
    assert fingerprint(code) != before
    before = fingerprint(code)
    (code / "reviews").mkdir()
    (code / "reviews/__init__.py").write_text("")
    (code / "reviews/models.py").write_text("class Review: ...\n")
    assert fingerprint(code) != before


def test_demo_content_tests_bytecode_and_file_dates_are_not_the_release(code):
    before = fingerprint(code)
    (code / "guides/demo_guides/help/body.md").write_text("Other words.\n")
    (code / "catalog/demo_data/products/toys.toml").write_text("name = 'Other'\n")
    (code / "tests/test_cards.py").write_text("def test_other(): ...\n")
    (code / "shop/__pycache__").mkdir()
    (code / "shop/__pycache__/views.cpython-311.pyc").write_bytes(b"\x00compiled")
    os.utime(code / "shop/views.py", (0, 0))
    assert fingerprint(code) == before


def test_the_same_code_in_another_folder_is_the_same_release(code, tmp_path):
    copy = shutil.copytree(code, tmp_path / "elsewhere" / "app")
    assert fingerprint(copy) == fingerprint(code)


def test_another_django_is_another_release(code, monkeypatch):
    before = fingerprint(code)
    monkeypatch.setattr(django, "__version__", "9.9.9")
    assert fingerprint(code) != before


def test_a_release_named_by_the_deploy_wins(code):
    assert release({"DJANGO_RELEASE": " 4f2a9c1 "}, code) == "4f2a9c1"
    assert release({"DJANGO_RELEASE": ""}, code) == fingerprint(code)
    assert release({}, code) == fingerprint(code)


@pytest.mark.parametrize("bad", ["v1 hotfix", "a:b", "x" * 65, "näme"])
def test_a_release_name_that_cannot_go_in_a_cache_key_stops_the_start(code, bad):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_RELEASE"):
        release({"DJANGO_RELEASE": bad}, code)


def test_this_checkout_runs_under_its_own_fingerprint_and_every_key_holds_it():
    if not os.environ.get("DJANGO_RELEASE"):
        assert settings.RELEASE == fingerprint(Path(settings.BASE_DIR))
    assert settings.RELEASE in cache_key("render:home", "safeword", 1)
