"""The release a process runs, part of every key in the shared cache.

What the site keeps in the shared cache is shaped by its code: pickled objects (the finder's
index, its product cards, the search's vocabulary) and HTML rendered by its templates (kept
parts of pages, whole pages that link to the release's static files). Content versions keep
those entries fresh when content changes, but not when the code does: after a deploy, new
code would read what the old code wrote under the same content version. So every key of the
cache holds the release (`cache_key`, the cache's `KEY_FUNCTION`), and a new release starts
with an empty cache of its own; the old release's entries are never read again and expire.

The release is `DJANGO_RELEASE` when the deploy sets it (a git SHA, an image tag), else a
fingerprint of the code, made once when the settings load: the apps' Python files, the
templates, the static files and the installed Django version. Servers running the same code
agree on it without being told; a change to any of those files makes a new release.

Nothing that must outlive a deploy lives in this cache: sessions and sign-in failures are in
the database, the age-gate pass is a signed cookie.
"""

import hashlib
import re
from pathlib import Path

import django
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# The Python of every package of the project (the apps, a new one included) but these, and
# every file of the folders kept pages are made of.
NOT_SERVED = ("tests", "bench")
WHOLE_FOLDERS = ("templates", "static")
RELEASE_NAME = re.compile(r"[A-Za-z0-9._-]{1,64}")


def code_files(base: Path) -> list[Path]:
    packages = [init.parent for init in base.glob("*/__init__.py")]
    packages = [package for package in packages if package.name not in NOT_SERVED]
    files = [path for package in packages for path in package.rglob("*.py")]
    for folder in WHOLE_FOLDERS:
        files += [path for path in (base / folder).rglob("*") if path.is_file()]
    return sorted(files, key=lambda path: path.relative_to(base).as_posix())


def fingerprint(base: Path) -> str:
    """A short digest of the code under `base` and the installed Django version: equal on
    every server that runs the same code, whatever the files' dates or the folder's place."""
    digest = hashlib.sha256(f"django {django.__version__}\n".encode())
    for path in code_files(base):
        content = hashlib.sha256(path.read_bytes()).hexdigest()
        digest.update(f"{path.relative_to(base).as_posix()} {content}\n".encode())
    return "code-" + digest.hexdigest()[:16]


def release(environ, base: Path) -> str:
    """`DJANGO_RELEASE` when set, else the code's fingerprint."""
    named = environ.get("DJANGO_RELEASE", "").strip()
    if not named:
        return fingerprint(base)
    if not RELEASE_NAME.fullmatch(named):
        raise ImproperlyConfigured(
            "DJANGO_RELEASE must be 1 to 64 letters, digits, dots, dashes or underscores "
            "(a git SHA, an image tag)."
        )
    return named


def cache_key(key: str, key_prefix: str, version) -> str:
    """The cache's `KEY_FUNCTION`: Django's key with this process's release in it."""
    return f"{key_prefix}:{settings.RELEASE}:{version}:{key}"
