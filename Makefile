# The two commands: `make demo` runs ClinicBot on its embedded defaults; `make test` runs
# the whole suite (starting throw-away PostgreSQL and Redis when DATABASE_URL is unset).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_PORT ?= 8000

.PHONY: demo test install lint bench clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $$(scripts/find-python) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -U "pip>=25.1"
	$(PY) -m pip install -q --disable-pip-version-check --group dev
	@touch $(STAMP)

install: $(STAMP)

# DEBUG is off unless set; the demo is development (embedded key, simulator, runserver).
demo: export DEBUG = true
demo: install
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py demo_setup --base-url http://127.0.0.1:$(DEMO_PORT)
	@echo ""
	@echo "  ClinicBot is running on its embedded defaults (SQLite, in-process tasks, simulator)."
	@echo "  Patient simulator:  http://127.0.0.1:$(DEMO_PORT)/simulator/ (log in as reception)"
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:$(DEMO_PORT)

test: install
	scripts/test

lint: export DEBUG = true
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles
