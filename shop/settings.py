"""Safeword settings: one module, driven by the environment (see README, "Configuration").

Development defaults apply only when DJANGO_DEBUG is on; with debug off the site refuses to
start without DJANGO_SECRET_KEY.
"""

import math
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from core.release import release
from core.site import canonical_origin
from shop.env import env_bool, env_list, env_seconds

BASE_DIR = Path(__file__).resolve().parent.parent


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string in production, "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")


# Every absolute URL the site hands out (JSON-LD, sitemaps, emails) starts with this, never with
# the request's Host or scheme (core/site.py).
SITE_URL = canonical_origin(
    os.environ.get("DJANGO_SITE_URL", ""), debug=DEBUG, allowed_hosts=ALLOWED_HOSTS
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "imagekit",  # product photos' responsive sizes (catalog/models/photo.py)
    "reversion",  # guides' history of versions, with revert (guides/models.py, guides/admin.py)
    "core",
    "shop",
    "catalog",
    "guides",
    "finder",
    "tools",
    "basket",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "shop.request_body.RequestBodyMiddleware",  # a broken form body: a quiet 400
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so every other middleware's headers (security, Vary, X-Frame-Options) also wrap
    # the gate's own redirects and 403s. Everything not allowlisted below is gated.
    "shop.middleware.AgeGateMiddleware",
    # Inside the gate: whole pages for passed, anonymous visitors, from the shared cache.
    "shop.page_cache.PageCacheMiddleware",
]

# What is kept per content version (a change shows at once anyway), at most this many seconds;
# 0: made afresh every time. Whole pages (shop/page_cache.py), the finder's index of the catalog
# (finder/logic/index.py), the search's vocabulary (catalog/search_terms.py), rendered parts of
# pages (catalog/render_cache.py: product and guide bodies, home cards, the header's categories).
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "300"))
FINDER_INDEX_SECONDS = int(os.environ.get("DJANGO_FINDER_INDEX_SECONDS", "3600"))
SEARCH_VOCABULARY_SECONDS = int(os.environ.get("DJANGO_SEARCH_VOCABULARY_SECONDS", "3600"))
RENDER_CACHE_SECONDS = int(os.environ.get("DJANGO_RENDER_CACHE_SECONDS", "3600"))
# While the database does not answer, cached pages are still served for this many seconds after
# a process last read the content version; then the 503 page. 0: the 503 page at once.
PAGE_CACHE_OUTAGE_SECONDS = env_seconds("DJANGO_PAGE_CACHE_OUTAGE_SECONDS", 30)
# Whether a process keeps what it read per content version (catalog/stock.py's out-of-stock
# set) for the rest of that version. Off in tests: a test's changes never move the version.
KEEP_PER_VERSION = os.environ.get("DJANGO_KEEP_PER_VERSION", "1") != "0"

ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "shop.context_processors.site",
                "basket.context_processors.basket",
            ],
        },
    },
]

# SQLite file in the project folder unless DATABASE_URL says otherwise (PostgreSQL: psycopg 3).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Database waits end well inside gunicorn's timeout (30 s): a query that waits for a lock, runs
# too long or cannot connect fails within seconds, and the visitor gets the calm 503 page
# (shop/resilience.py) instead of a worker killed mid-request. 0 turns one off. `manage.py`
# commands (migrate, seed_demo) run without the statement timeout unless it is set.
DB_CONNECT_TIMEOUT = env_seconds("DJANGO_DB_CONNECT_TIMEOUT", 5)
DB_STATEMENT_TIMEOUT = env_seconds("DJANGO_DB_STATEMENT_TIMEOUT", 10)
DB_LOCK_TIMEOUT = env_seconds("DJANGO_DB_LOCK_TIMEOUT", 4)
# A page's few fixed queries (core/statements.py) are prepared once per connection on PostgreSQL;
# off (0) behind a pooler that shares server connections between transactions (PgBouncer in
# transaction mode: docs/deploying.md, "Connection poolers").
DB_PREPARED_STATEMENTS = env_bool("DJANGO_DB_PREPARED_STATEMENTS", True)
# /healthz: how long the database may take to answer before the check says 503.
HEALTHZ_DB_TIMEOUT = env_seconds("DJANGO_HEALTHZ_DB_TIMEOUT", 2)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, its per-request health check asking the socket before the server
    # (shop/postgresql/base.py: no round trip while the connection is as it was left).
    DATABASES["default"]["ENGINE"] = "shop.postgresql"
    # Short OLTP queries: JIT compilation costs more than it saves (tens of ms per finder
    # query at 100,000 products), and the finder's per-category sorts fit in 16 MB.
    # DJANGO_PG_OPTIONS comes last, so a timeout set there wins.
    timeouts = (
        f"-c statement_timeout={round(DB_STATEMENT_TIMEOUT * 1000)} "
        f"-c lock_timeout={round(DB_LOCK_TIMEOUT * 1000)}"
    )
    pg_options = os.environ.get("DJANGO_PG_OPTIONS", "-c jit=off -c work_mem=16MB")
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        options=f"{timeouts} {pg_options}".strip(),
        # libpq counts whole seconds, at least 2; 0 waits for ever.
        connect_timeout=max(2, math.ceil(DB_CONNECT_TIMEOUT)) if DB_CONNECT_TIMEOUT else 0,
    )
    if DB_PREPARED_STATEMENTS:
        # Django turns psycopg's prepared statements off (None); its own cursors bind values
        # on the client and never prepare, so only core.statements' explicit ones are.
        DATABASES["default"]["OPTIONS"]["prepare_threshold"] = 5

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Photos' sizes are made when a photo is saved, so pages only build their URLs (no disk check
# per picture); `manage.py generateimages` remakes them if the media folder is restored.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

SITE_NAME = "Safeword"

# Checkout hand-off (docs/basket.md): the basket goes to the store platform that takes payment
# through the adapter named here ("shopify", "link", or the dotted path of an adapter class).
# The default store is an example: `make run`'s hand-off page shows what would be sent.
CHECKOUT_ADAPTER = os.environ.get("CHECKOUT_ADAPTER", "shopify").strip()
CHECKOUT_BASE_URL = os.environ.get("CHECKOUT_BASE_URL", "https://store.example").strip()
CHECKOUT_OPTIONS = {"link_template": os.environ.get("CHECKOUT_LINK_TEMPLATE", "").strip()}
if not CHECKOUT_BASE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured("CHECKOUT_BASE_URL must be an http(s) address, like https://...")

# Logs: one JSON object a line on stderr, each with the request id; see shop/log_privacy.py
# for what is redacted before anything is written. DJANGO_LOG_FORMAT: "json" or "text"
# (the default in development).
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO")
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("DJANGO_LOG_FORMAT must be 'json' or 'text'.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_context": {"()": "shop.log_privacy.RequestContextFilter"},
        "privacy": {"()": "shop.log_privacy.PrivacyFilter"},
    },
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_context", "privacy"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Django's own loggers lose their default handlers and go through the filtered one above.
    "loggers": {
        name: {"handlers": [], "level": LOG_LEVEL, "propagate": True}
        for name in ("django", "django.server")
    },
}

# The admin lives here; change it to keep the login page off the usual path.
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"

# Age gate (see docs/age-gate.md). The middleware gates every URL except this short list.
AGE_GATE_MODE = os.environ.get("AGE_GATE_MODE", "dob")  # "dob" or "confirm"
AGE_GATE_MIN_AGE = int(os.environ.get("AGE_GATE_MIN_AGE", "18"))
AGE_GATE_DAYS = int(os.environ.get("AGE_GATE_DAYS", "30"))
AGE_GATE_DOB_ORDER = os.environ.get("AGE_GATE_DOB_ORDER", "dmy").strip().lower()
AGE_GATE_REMEMBER_REFUSAL = env_bool("AGE_GATE_REMEMBER_REFUSAL", default=True)
AGE_GATE_COOKIE = "sw_age"
AGE_GATE_REFUSAL_COOKIE = "sw_age_refused"
AGE_GATE_COOKIE_SECURE = not DEBUG
AGE_GATE_EXEMPT_URL_NAMES = [
    "age_gate",
    "age_gate_refused",
    "healthz",
    "robots",
    "favicon",
    "privacy",
    "terms",
    "leave_quickly",  # must work for anyone, pass or not: it only forgets
]
# Matched against the start of the path. The admin is left to its own (staff-only) login.
AGE_GATE_EXEMPT_PATH_PREFIXES = [STATIC_URL, "/" + ADMIN_PATH]

if AGE_GATE_MODE not in {"dob", "confirm"}:
    raise ImproperlyConfigured('AGE_GATE_MODE must be "dob" or "confirm".')
if sorted(AGE_GATE_DOB_ORDER) != ["d", "m", "y"]:
    raise ImproperlyConfigured(
        'AGE_GATE_DOB_ORDER must order the letters d, m and y, e.g. "dmy", "mdy" or "ymd".'
    )


# ---------------------------------------------------------------------------------------------
# Production hardening (issue 9): HTTPS, security headers, staff logins, failure handling, cache.
# Every value comes from the environment; the defaults are the secure ones whenever DEBUG is off.
# docs/deploying.md documents each variable.
# ---------------------------------------------------------------------------------------------
INSTALLED_APPS += ["csp", "axes"]
MIDDLEWARE = [
    "shop.request_log.RequestLogMiddleware",  # outermost: request id and one log line per request
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "shop.resilience.DatabaseFailureMiddleware",  # database down: a calm 503, never a traceback
    *MIDDLEWARE,
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

# HTTPS. Behind a proxy or load balancer that terminates TLS, the proxy must set (overwrite)
# X-Forwarded-Proto; Django then knows the visitor's request was HTTPS.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
if env_bool("DJANGO_TRUST_X_FORWARDED_PROTO", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # forms carry the token; no script of ours reads the cookie
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "shop.views.csrf_failure"  # JSON for JSON callers (the basket's API)
SESSION_ENGINE = "django.contrib.sessions.backends.db"  # shared by every app server

# Headers.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Send the full address only to our own pages: a gated page's path never leaks to other sites.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Staff logins: django-axes refuses further attempts for one account from one address after
# AXES_FAILURE_LIMIT failures, for an hour. Tracking lives in the database (all servers see it).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "shop.views.login_lockout"
# And wider limits (shop/sign_in_limits.py): per account from any address, and per address for
# any account (higher: one office or proxy may hold several staff), each with a pause that
# starts at a minute and doubles with every further failure, up to the hour.
AXES_HANDLER = "shop.sign_in_limits.SignInLimitsHandler"
SIGN_IN_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_ACCOUNT_FAILURE_LIMIT", "10"))
SIGN_IN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_ADDRESS_FAILURE_LIMIT", "20"))
SIGN_IN_FIRST_PAUSE = timedelta(minutes=1)
SIGN_IN_LONGEST_PAUSE = AXES_COOLOFF_TIME
# The client's address is REMOTE_ADDR unless a proxy that appends the real address to a header
# is named here (e.g. HTTP_X_FORWARDED_FOR); the right-most public address is then used, so a
# client cannot pick its own address by sending the header itself.
if os.environ.get("DJANGO_CLIENT_IP_HEADER"):
    AXES_IPWARE_META_PRECEDENCE_ORDER = (os.environ["DJANGO_CLIENT_IP_HEADER"], "REMOTE_ADDR")
    AXES_IPWARE_PROXY_ORDER = "right-most"

# The release this process runs (core/release.py): DJANGO_RELEASE or a fingerprint of the code.
# Every cache key holds it, so a deploy never reads what the previous code kept in the cache;
# nothing that must outlive a deploy is kept there (sessions, sign-in failures: the database).
RELEASE = release(os.environ, BASE_DIR)

# Cache: Redis when REDIS_URL is set (required with more than one app server, so they share
# it); otherwise a cache in each process's memory, fine for a single server.
# The cache only speeds things up: any failure of it is a miss (shop/shared_cache.py), and short
# timeouts keep a slow or unreachable Redis from holding a request for long.
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_OPTIONS = {
    "socket_connect_timeout": env_seconds("DJANGO_REDIS_CONNECT_TIMEOUT", 0.5) or None,
    "socket_timeout": env_seconds("DJANGO_REDIS_TIMEOUT", 0.5) or None,
}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "shop.shared_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_KEY_PREFIX", "safeword"),
            "OPTIONS": REDIS_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHES["default"]["KEY_FUNCTION"] = "core.release.cache_key"  # the release in every key
