# pmqa4: two commands. `make run` serves the demo on http://127.0.0.1:8000, `make test` runs
# the whole suite. Both install what they need first and are safe to run again.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test setup migrate demo lint format chromium static clean messages

# The background worker (the central group's ZIPs, reminders) runs next to the server and stops
# with it.
run: setup migrate demo
	$(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: setup chromium
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

setup: $(PY_STAMP) $(NPM_STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(PY_STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

migrate: setup
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo

# Browser tests drive Debian's Chromium; pdftoppm (poppler-utils) renders PDF pages for the
# document tests; WeasyPrint subsets fonts faster with HarfBuzz's subsetter. Installed when we
# can (as root), else the browser tests skip and PDFs subset fonts with fontTools.
SYSTEM_PACKAGES := chromium poppler-utils libharfbuzz-subset0
chromium:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/pdftoppm ] \
	    || ! /sbin/ldconfig -p | grep -q libharfbuzz-subset; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null) \
	      || echo "$(SYSTEM_PACKAGES) could not be installed: browser tests will be skipped"; \
	  else echo "some of $(SYSTEM_PACKAGES) are missing and we are not root: browser tests may skip"; fi; \
	fi

static: setup
	$(BIN)/python manage.py collectstatic --noinput -v0

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules var

# English catalogue: extract the Thai msgids, then compile (needs Debian's gettext).
messages: setup
	$(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=node_modules --ignore=var --no-obsolete -e html,txt,py
	$(BIN)/python manage.py compilemessages -l en --ignore=.venv --ignore=node_modules
