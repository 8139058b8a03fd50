"""Shared fixtures. Tests use real workspace files in pytest's tmp_path."""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

# Qt must never need a screen in tests (set before any Qt import).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from budget import FULL
from cli_run import Cli, call_main

from okrdesk.services import entities
from okrdesk.services.workspace import Workspace

TODAY = date(2026, 11, 23)


@pytest.fixture
def ws(tmp_path: Path):
    """An empty workspace with one cycle and a company with one team."""
    workspace = Workspace.create(tmp_path / "test.okrdesk", "Test Co")
    yield workspace
    workspace.close()


@pytest.fixture
def planned(ws: Workspace) -> dict[str, str]:
    """Ids of a small OKR set: cycle, company, team, an objective with two key results."""
    ids = {
        "cycle": entities.create(
            ws, "cycle", name="2026-Q4", start_date="2026-10-01", end_date="2026-12-31"
        ),
        "company": entities.create(ws, "team", name="Company", kind="company"),
    }
    ids["team"] = entities.create(ws, "team", name="Support", parent_id=ids["company"])
    ids["objective"] = entities.create(
        ws,
        "objective",
        cycle_id=ids["cycle"],
        team_id=ids["team"],
        title="Make every customer feel heard",
    )
    ids["kr1"] = entities.create(
        ws,
        "key_result",
        objective_id=ids["objective"],
        title="Cut first reply time from 20 hours to 4",
        start=20,
        target=4,
        unit="hours",
    )
    ids["kr2"] = entities.create(
        ws,
        "key_result",
        objective_id=ids["objective"],
        title="Raise CSAT from 78% to 90%",
        start=78,
        target=90,
        unit="%",
    )
    return ids


@pytest.fixture
def at_80(planned: dict[str, str], ws: Workspace) -> dict[str, str]:
    """The small OKR set with both key results, so the objective and the team, at 80%."""
    entities.update(ws, "key_result", planned["kr1"], current=7.2)  # 20 → 4 hours
    entities.update(ws, "key_result", planned["kr2"], current=87.6)  # 78 → 90 %
    return planned


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workspace, built once per run; copy it before changing it."""
    from okrdesk.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.okrdesk"
    build_demo(path, today=TODAY)
    return path


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    """A copy of the demo workspace to change."""
    path = tmp_path / "demo.okrdesk"
    shutil.copy(demo_file, path)
    return path


@pytest.fixture
def demo_ws(demo_copy: Path) -> Iterator[Workspace]:
    """The copy of the demo, open."""
    with Workspace.open(demo_copy) as ws:
        yield ws


@pytest.fixture
def okrdesk(capfd: pytest.CaptureFixture[str]) -> Cli:
    """The `okrdesk` command in this process: okrdesk("show", path) → returncode, stdout,
    stderr (see tests/cli_run.py; tests/cli/test_process.py runs the real process)."""
    return functools.partial(call_main, capfd)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say, under the results, whether the slow tests ran in full (see tests/budget.py)."""
    reports = [r for key in ("passed", "failed") for r in terminalreporter.stats.get(key, [])]
    slow = sum(1 for r in reports if r.when == "call" and "slow" in r.keywords)
    if not slow:
        return
    if FULL:
        terminalreporter.write_line(f"{slow} slow tests ran in full (OKRDESK_FULL_TESTS=1).")
    else:
        terminalreporter.write_line(
            f"{slow} slow tests ran, the kills and the fuzzing on a bounded share; "
            "the full set: make test-all"
        )
