import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_settings(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
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
    assert result.stdout.split() == ["False", "django.db.backends.postgresql"]


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
        " s.MIDDLEWARE[-1]"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True", "dob", "18", "30", "dmy", "True", "same-origin", "shop.middleware.AgeGateMiddleware"
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
