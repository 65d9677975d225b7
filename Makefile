# The README's two commands: `make run` and `make test`. Everything else is what they use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: run test setup lint format check worker messages clean bench profile loadtest

## make run: install what is missing, migrate, load reference and demo data, serve the portal
run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data
	$(BIN)/python manage.py seed_demo
	@echo "Serving the portal at http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## make test: the whole suite (unit, integration, browser; a Celery worker where a broker is set)
test: setup
	$(BIN)/pytest

setup: $(VENV)/.installed node_modules/.installed $(MO_FILES)

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is needed (Python 3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed (apt-get install npm)"; exit 1; }
	npm ci --no-audit --no-fund
	touch $@

# The interface's translations, compiled from the committed .po catalogues.
%.mo: %.po
	@command -v msgfmt >/dev/null || { echo "msgfmt is needed (apt-get install gettext)"; exit 1; }
	msgfmt --check -o $@ $<

messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages -l fr -l es -l ru -l zh_Hans -l ar \
		--no-location --ignore=.venv --ignore=node_modules --ignore=var --ignore=tests

## make lint: ruff (style, complexity), the size limits, the import contracts of pyproject.toml, mypy
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python scripts/check_sizes.py
	$(BIN)/lint-imports
	$(BIN)/mypy

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Migrations match the models, and production settings pass Django's deployment checks.
check: $(VENV)/.installed
	$(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_ENV=production SECRET_KEY=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))") \
		ALLOWED_HOSTS=portal.example.org PORTAL_BASE_URL=https://portal.example.org DJANGO_ALLOW_ASYNC_UNSAFE= \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

## make bench: a synthetic full cycle (193 Member States, 60 other respondents) and the figures of
## the XLSX extract and the report. DATABASE_URL if set, else var/bench.sqlite3; the database's name
## must contain "bench" (the data is built there, then deleted). See reports/management/commands/bench.py
bench: setup
	@export DATABASE_URL="$${DATABASE_URL:-sqlite:///$(CURDIR)/var/bench.sqlite3}"; \
	$(BIN)/python manage.py migrate --noinput && \
	$(BIN)/python manage.py load_reference_data --verbosity 0 && \
	$(BIN)/python manage.py bench $(BENCH_ARGS)

## make profile: times, queries, sizes and a cProfile breakdown of the section page, dashboard,
## autosave, cycle overview, review and coding page on the demo data (DEBUG off; DATABASE_URL if
## set). PROFILE_ARGS e.g. "--repeat 50 --page autosave". See surveys/management/commands/profile_pages.py
profile: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data --verbosity 0
	$(BIN)/python manage.py seed_demo > /dev/null
	DJANGO_DEBUG=0 $(BIN)/python manage.py profile_pages $(PROFILE_ARGS)

## make loadtest: requests per second and p95 of the busiest pages under 20 connections (wrk), with
## gunicorn started as docker-compose does, on the demo data in PostgreSQL: DATABASE_URL if set,
## else portal_loadtest on 127.0.0.1 (made if missing). LOADTEST_ARGS e.g. "--seconds 20".
## See surveys/management/commands/loadtest.py
loadtest: setup
	@command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
	@if [ -z "$$DATABASE_URL" ]; then createdb -h 127.0.0.1 -U postgres portal_loadtest 2>/dev/null || true; fi
	@export DATABASE_URL="$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_loadtest}"; \
	$(BIN)/python manage.py migrate --noinput > /dev/null && \
	$(BIN)/python manage.py load_reference_data --verbosity 0 && \
	$(BIN)/python manage.py seed_demo > /dev/null && \
	DJANGO_DEBUG=0 $(BIN)/python manage.py loadtest $(LOADTEST_ARGS)

## make worker: a Celery worker, when CELERY_BROKER_URL points at Redis
worker: setup
	$(BIN)/celery -A portal worker --queues default,documents --loglevel INFO

clean:
	rm -rf $(VENV) node_modules staticfiles $(MO_FILES)
