# Consult: `make run` serves the demo on http://127.0.0.1:5000, `make test` runs the suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app consult
STAMP := $(VENV)/.installed
PORT ?= 5000

.PHONY: install run test test-fast lint translations extract-messages migrate demo clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# npm brings axe-core for the accessibility checks in tests/e2e (they skip without it, except in CI).
install: $(STAMP) translations
	if [ -f node_modules/axe-core/axe.min.js ]; then :; \
	elif command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the axe checks in tests/e2e will skip"; fi

translations: $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy -d translations -f >/dev/null 2>&1 || $(BIN)/pybabel compile -d translations

extract-messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k ngettext:1,2 -o translations/messages.pot --no-location --sort-output --project consult .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete

migrate: install
	$(FLASK) db upgrade

# The job worker (digest builds) runs beside the web server and stops with it.
run: migrate
	$(FLASK) demo load --if-empty
	@echo "Consult: http://127.0.0.1:$(PORT)/  staff sign-in: http://127.0.0.1:$(PORT)/staff/login"
	$(BIN)/huey_consumer consult.worker.huey --workers 2 --worker-type thread --quiet & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

# Everything but the browser tests (CI runs them all).
test-fast: install
	$(BIN)/python -m pytest -q -m "not e2e"

lint: $(STAMP)
	$(BIN)/ruff check consult tests benchmarks wsgi.py setup.py
	$(BIN)/ruff format --check consult tests benchmarks wsgi.py setup.py
	$(BIN)/mypy

clean:
	rm -rf $(VENV) node_modules instance/consult.sqlite3* instance/jobs.sqlite3* .pytest_cache
