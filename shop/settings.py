"""Safeword settings: one module, driven by the environment (see README, "Configuration").

Development defaults apply only when DJANGO_DEBUG is on; with debug off the site refuses to
start without DJANGO_SECRET_KEY.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


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
    "shop",
    "catalog",
    "guides",
    "finder",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
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

# Seconds a cached page may live; every content change refreshes pages at once anyway
# (shop/page_cache.py). 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "300"))
# Seconds the finder's index of the catalog (catalog/finder/index.py) may live in the shared
# cache; it is keyed by the content version, so a change is seen at once anyway. 0: rebuilt on
# every recommendation.
FINDER_INDEX_SECONDS = int(os.environ.get("DJANGO_FINDER_INDEX_SECONDS", "3600"))

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
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Short OLTP queries: JIT compilation costs more than it saves (tens of ms per finder
    # query at 100,000 products), and the finder's per-category sorts fit in 16 MB.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = os.environ.get(
        "DJANGO_PG_OPTIONS", "-c jit=off -c work_mem=16MB"
    )

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

# Age gate (see README, "Age gate"). The middleware gates every URL except this short list.
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
# README "Deploying" documents each variable.
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
# The client's address is REMOTE_ADDR unless a proxy that appends the real address to a header
# is named here (e.g. HTTP_X_FORWARDED_FOR); the right-most public address is then used, so a
# client cannot pick its own address by sending the header itself.
if os.environ.get("DJANGO_CLIENT_IP_HEADER"):
    AXES_IPWARE_META_PRECEDENCE_ORDER = (os.environ["DJANGO_CLIENT_IP_HEADER"], "REMOTE_ADDR")
    AXES_IPWARE_PROXY_ORDER = "right-most"

# Cache: Redis when REDIS_URL is set (required with more than one app server, so they share
# it); otherwise a cache in each process's memory, fine for a single server.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_KEY_PREFIX", "safeword"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
