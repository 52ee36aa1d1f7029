import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def clean_environment() -> dict[str, str]:
    """This process's environment without any setting the tests did not choose."""
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k not in {"DATABASE_URL", "REDIS_URL"}
    }


def load_settings(**env):
    environment = clean_environment()
    environment.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import shop.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'])",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_runs_without_a_secret_key_on_sqlite():
    result = load_settings(DJANGO_DEBUG="1", DATABASE_URL="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "django.db.backends.sqlite3"]


def test_database_url_selects_postgresql():
    result = load_settings(
        DJANGO_SECRET_KEY="x" * 50, DATABASE_URL="postgres://postgres@127.0.0.1:5432/test"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "shop.postgresql"]  # Django's, see its module


def settings_value(expression: str, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AGE_"))}
    environment.update({"DJANGO_SECRET_KEY": "x" * 50, **env})
    return subprocess.run(
        [sys.executable, "-c", f"import shop.settings as s; print({expression})"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_production_age_gate_defaults():
    result = settings_value(
        "s.AGE_GATE_COOKIE_SECURE, s.AGE_GATE_MODE, s.AGE_GATE_MIN_AGE, s.AGE_GATE_DAYS,"
        " s.AGE_GATE_DOB_ORDER, s.AGE_GATE_REMEMBER_REFUSAL, s.SECURE_REFERRER_POLICY,"
        " 'shop.middleware.AgeGateMiddleware' in s.MIDDLEWARE"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True", "dob", "18", "30", "dmy", "True", "same-origin", "True"
    ]  # fmt: skip


def test_age_gate_settings_come_from_the_environment():
    result = settings_value(
        "s.AGE_GATE_MODE, s.AGE_GATE_MIN_AGE, s.AGE_GATE_DOB_ORDER, s.AGE_GATE_REMEMBER_REFUSAL",
        AGE_GATE_MODE="confirm",
        AGE_GATE_MIN_AGE="21",
        AGE_GATE_DOB_ORDER="MDY",
        AGE_GATE_REMEMBER_REFUSAL="0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["confirm", "21", "mdy", "False"]


def test_an_unknown_age_gate_mode_or_field_order_stops_start_up():
    result = settings_value("s.AGE_GATE_MODE", AGE_GATE_MODE="guess")
    assert result.returncode != 0
    assert 'AGE_GATE_MODE must be "dob" or "confirm"' in result.stderr
    result = settings_value("s.AGE_GATE_DOB_ORDER", AGE_GATE_DOB_ORDER="ddy")
    assert result.returncode != 0
    assert "AGE_GATE_DOB_ORDER must order the letters d, m and y" in result.stderr


def production_environment() -> dict[str, str]:
    """The environment docs/deploying.md documents, with a freshly generated secret key."""
    guide = (ROOT / "docs" / "deploying.md").read_text()
    block = re.search(r"<!-- production-environment -->\s*```sh\n(.*?)```", guide, re.DOTALL)
    assert block, "docs/deploying.md lost its production environment block"
    env = {}
    for line in block.group(1).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def test_deploy_checks_pass_with_the_documented_production_environment():
    env = production_environment()
    assert {"DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"} <= set(env)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean_environment(), **env, "DJANGO_LOG_LEVEL": "WARNING"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_deploy_checks_catch_a_weak_setup():
    env = {**production_environment(), "DJANGO_HSTS_SECONDS": "0", "DJANGO_SECURE_COOKIES": "0"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean_environment(), **env, "DJANGO_LOG_LEVEL": "WARNING"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    for warning in ["security.W004", "security.W012", "security.W016"]:
        assert warning in result.stderr


PRINT_SECURITY = (
    "import shop.settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
    "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, getattr(s, 'SECURE_PROXY_SSL_HEADER', None), "
    "s.CACHES['default']['BACKEND'])"
)


def settings_values(**env):
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SECURITY],
        cwd=ROOT,
        env={**clean_environment(), "DJANGO_LOG_LEVEL": "WARNING", **env},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_defaults_are_the_secure_ones():
    assert settings_values(DJANGO_SECRET_KEY="x" * 50) == (
        "True 31536000 True True ('HTTP_X_FORWARDED_PROTO', 'https') "
        "django.core.cache.backends.locmem.LocMemCache"
    )


def test_development_relaxes_https_and_each_setting_can_be_changed():
    assert settings_values(DJANGO_DEBUG="1") == (
        "False 0 False False None django.core.cache.backends.locmem.LocMemCache"
    )
    assert (
        settings_values(
            DJANGO_SECRET_KEY="x" * 50,
            DJANGO_SECURE_SSL_REDIRECT="0",
            DJANGO_HSTS_SECONDS="3600",
            DJANGO_TRUST_X_FORWARDED_PROTO="0",
            REDIS_URL="redis://127.0.0.1:6379/0",
        )
        == "False 3600 True True None shop.shared_cache.ResilientRedisCache"
    )


def test_admin_path_comes_from_the_environment():
    code = (
        "import django; django.setup(); from django.urls import reverse, resolve, Resolver404\n"
        "print(reverse('admin:index'), reverse('admin:login'))\n"
        "try:\n    resolve('/admin/')\nexcept Resolver404:\n    print('old path gone')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **clean_environment(),
            "DJANGO_SETTINGS_MODULE": "shop.settings",
            "DJANGO_SECRET_KEY": "x" * 50,
            "DJANGO_ADMIN_PATH": "/back-office-7f3a/",
            "DJANGO_LOG_LEVEL": "WARNING",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == [
        "/back-office-7f3a/ /back-office-7f3a/login/",
        "old path gone",
    ]


def manage_check(**env):
    environment = clean_environment()
    environment.update(env)
    return subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_manage_py_on_a_developer_machine_without_a_secret_runs_in_debug():
    result = manage_check(DATABASE_URL="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True"


def test_manage_py_with_a_secret_key_keeps_debug_off():
    result = manage_check(DATABASE_URL="", DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


PG_URL = "postgres://postgres@127.0.0.1:5432/test"
PRINT_TIMEOUTS = (
    "import shop.settings as s; o = s.DATABASES['default']['OPTIONS']; "
    "print(o['options']); print(o['connect_timeout']); print(s.REDIS_OPTIONS)"
)


def timeouts(*command, **env):
    result = subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        env={
            **clean_environment(),
            "DJANGO_SECRET_KEY": "x" * 50,
            "DATABASE_URL": PG_URL,
            "DJANGO_LOG_LEVEL": "WARNING",
            **env,
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-3:]


def test_database_and_cache_waits_are_bounded_by_default():
    options, connect, redis_options = timeouts("-c", PRINT_TIMEOUTS)
    assert options == "-c statement_timeout=10000 -c lock_timeout=4000 -c jit=off -c work_mem=16MB"
    assert connect == "5"
    assert redis_options == "{'socket_connect_timeout': 0.5, 'socket_timeout': 0.5}"


def test_each_wait_can_be_changed_and_turned_off():
    options, connect, redis_options = timeouts(
        "-c",
        PRINT_TIMEOUTS,
        DJANGO_DB_STATEMENT_TIMEOUT="2.5",
        DJANGO_DB_LOCK_TIMEOUT="0",
        DJANGO_DB_CONNECT_TIMEOUT="0",
        DJANGO_REDIS_TIMEOUT="0.2",
        DJANGO_PG_OPTIONS="-c work_mem=8MB",
    )
    assert options == "-c statement_timeout=2500 -c lock_timeout=0 -c work_mem=8MB"
    assert connect == "0"
    assert redis_options == "{'socket_connect_timeout': 0.5, 'socket_timeout': 0.2}"


def test_manage_py_commands_run_without_the_statement_timeout():
    code = (
        "from django.conf import settings; o = settings.DATABASES['default']['OPTIONS']; "
        "print(o['options']); print(o['connect_timeout']); print(settings.REDIS_OPTIONS)"
    )
    options, connect, _ = timeouts("manage.py", "shell", "--no-imports", "-c", code)
    assert options.startswith("-c statement_timeout=0 -c lock_timeout=4000")
    assert connect == "5"


def test_a_timeout_that_is_not_a_number_stops_start_up():
    result = settings_value("s.DB_LOCK_TIMEOUT", DJANGO_DB_LOCK_TIMEOUT="4s")
    assert result.returncode != 0
    assert "DJANGO_DB_LOCK_TIMEOUT must be a number of seconds" in result.stderr


def test_the_canonical_origin_is_configured_never_guessed_from_a_request():
    given = settings_value("s.SITE_URL", DJANGO_SITE_URL="https://shop.example.com/")
    assert given.stdout.strip() == "https://shop.example.com"
    derived = settings_value("s.SITE_URL", DJANGO_ALLOWED_HOSTS=".example.com,shop.example.com")
    assert derived.stdout.strip() == "https://shop.example.com"
    for bad in ["shop.example.com", "https://shop.example.com/shop", "ftp://x", "https://a@b"]:
        result = settings_value("s.SITE_URL", DJANGO_SITE_URL=bad)
        assert result.returncode != 0, bad
        assert "DJANGO_SITE_URL must be the site's origin" in result.stderr
