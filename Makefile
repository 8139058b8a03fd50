# The README's two commands: `make run` starts the app, `make test` runs the whole suite.
# Both create .venv and install what they need on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/okrdesk $(ARGS)

test: $(STAMP)
	$(BIN)/ruff check okrdesk ui tests
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check okrdesk ui tests
	$(BIN)/ruff format --check okrdesk ui tests

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
