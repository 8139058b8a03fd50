# The README's two commands: `make run` starts the app, `make test` runs the whole suite
# (the slow tests on a bounded share; `make test-all`, what CI runs, runs them in full).
# Both create .venv and install what they need on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-all lint bench clean dist dist-smoke

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/okrdesk $(ARGS)

# The tests run in one worker process per CPU (pytest-xdist); TEST_WORKERS=0 runs them in
# this one process.
TEST_WORKERS ?= auto

# The check-in screen's tests run in a process of their own, after the rest: in a worker
# shared with hundreds of other UI tests, one of them crashed Qt now and then (a
# segmentation fault while a window was being opened); on their own they never did. The
# cause is not found yet.
ALONE := tests/ui/test_checkins_ui.py

test test-all: $(STAMP)
	$(BIN)/ruff check okrdesk ui tests
	$(BIN)/lint-imports --no-logo
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --ignore=$(ALONE) $(PYTEST_ARGS)
	$(BIN)/python -m pytest -q -p no:xdist $(ALONE)

# The full set, what CI runs: the same, with the slow tests (@pytest.mark.slow) in full
# rather than a bounded share (all 60 kills, every fuzz example; see tests/budget.py).
test-all: export OKRDESK_FULL_TESTS := 1

# Benchmarks (not part of `make test`): medians against floors, written to docs/PERFORMANCE.md.
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

lint: $(STAMP)
	$(BIN)/ruff check okrdesk ui tests
	$(BIN)/ruff format --check okrdesk ui tests
	$(BIN)/lint-imports --no-logo

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .import_linter_cache

# The self-contained application folder (PyInstaller): dist/okrdesk/okrdesk on Linux,
# see packaging/README.md for Windows and macOS. PyInstaller goes into .venv only here.
PACKAGING_STAMP := $(VENV)/.packaging

$(PACKAGING_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6.10,<7'
	touch $(PACKAGING_STAMP)

dist: $(PACKAGING_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/okrdesk.spec
	@du -sh dist/okrdesk

# Builds the bundle when missing, then runs it headless (see packaging/smoke.sh).
dist-smoke:
	packaging/smoke.sh
