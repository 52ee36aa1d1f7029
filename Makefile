# The front door. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test serve bench bench-quick lint format migrate demo clean screenshots contract

# Re-install only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	@rm -rf build *.egg-info
	@touch $(STAMP)

# Development set-up: debug on unless DJANGO_DEBUG says otherwise (production needs a secret).
DEV := DJANGO_DEBUG=$${DJANGO_DEBUG:-1}

migrate: $(STAMP)
	$(DEV) $(PY) manage.py migrate --noinput

demo: migrate
	$(DEV) $(PY) manage.py seed_demo

run: demo
	$(DEV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Two pytest-xdist workers, one per core, sharing the suite a module at a time; the browser tests
# stay together on one (tests/workers.py). `make test TEST_WORKERS=0` runs it all in one process.
TEST_WORKERS ?= 2

test: $(STAMP)
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# Production settings (gunicorn.conf.py) over plain HTTP on loopback: no HTTPS redirect here.
serve: $(STAMP)
	$(PY) manage.py collectstatic --noinput
	$(PY) manage.py migrate --noinput
	DJANGO_SECURE_SSL_REDIRECT=0 $(VENV)/bin/gunicorn shop.wsgi --bind 127.0.0.1:$(PORT) --workers 2

# Load benchmark on PostgreSQL (DATABASE_URL, default: safeword_bench on the local server).
bench: $(STAMP)
	@command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	$(PY) bench/run.py
	$(PY) bench/churn.py

# The "varied traffic under churn" scenario alone, small: 2,000 products, a few minutes.
bench-quick: $(STAMP)
	@command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	BENCH_QUICK=1 $(PY) bench/churn.py

# The JSON contract (docs/openapi.yaml) fuzzed by schemathesis against gunicorn on PostgreSQL
# (DATABASE_URL; a <name>_contract database is made and dropped). About two minutes.
contract: $(STAMP)
	$(PY) tests/contract/run_schemathesis.py

# PNGs of the main pages at 360 and 1280 px into docs/screenshots/ (shown in the README), from
# the demo data in a throwaway in-memory SQLite test database. Needs Chromium.
screenshots: $(STAMP)
	DATABASE_URL= CI=true $(PY) -m pytest tests/browser/screenshots.py -q -p no:cacheprovider

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .pytest_cache
