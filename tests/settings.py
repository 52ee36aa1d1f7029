"""Settings for the test suite: the real settings, with a throwaway secret and fast hashing.

DJANGO_DEBUG stays off so tests see production behaviour (error pages, cookies, security
headers). The test client speaks plain HTTP, so the HTTPS redirect is off unless a test asks
for it (`secure=True` requests still get HSTS).
"""

import os

os.environ.setdefault(
    "DJANGO_SECRET_KEY", "tests-only-secret-key-not-for-production-use-0123456789"
)
os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"

from shop.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# The canonical origin differs from the test client's host, so a URL built from the request
# instead shows up in a test.
SITE_URL = "https://shop.example.com"
AGE_GATE_COOKIE_SECURE = False
# Each test process gets its own cache, whatever REDIS_URL says (tests/deploy uses Redis).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "KEY_FUNCTION": "core.release.cache_key",  # the release in every key, as in production
    }
}
# Client.login() works in tests (see tests/axes_backend.py); the admin form stays limited.
AUTHENTICATION_BACKENDS = [
    "tests.axes_backend.TestClientFriendlyAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Whole-page caching is off in tests (each test sees its own data); tests/shop/test_page_cache.py
# turns it on where it is the subject.
PAGE_CACHE_SECONDS = 0
# The same for the finder's index (content versions only move after a commit, which a test's
# transaction never reaches); tests/finder/logic/test_index.py turns it on.
FINDER_INDEX_SECONDS = 0
SEARCH_VOCABULARY_SECONDS = 0  # built afresh: tests change content inside one version
KEEP_PER_VERSION = False  # the same for what a process keeps per version (catalog/stock.py)
RENDER_CACHE_SECONDS = 0  # the same for rendered parts of pages (catalog/render_cache.py)
