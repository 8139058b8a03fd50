"""Report tests: real workspace files, PDFs written to disk and read back with pypdf."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from report_helpers import NAMES, Builder, statement

from okrdesk.services import entities
from okrdesk.services.workspace import Workspace


@pytest.fixture
def team_workspace(tmp_path: Path) -> Iterator[Builder]:
    """Builds a workspace with one team holding N objectives × M key results."""
    opened: list[Workspace] = []

    def build(
        objectives: int,
        key_results: int,
        *,
        initiatives: int = 2,
        length: int = 200,
        team: str = "Zürich Łódź",
        name: str = "sheet.okrdesk",
    ) -> Workspace:
        ws = Workspace.create(tmp_path / name, "Kolbenwerk Ελλάδα")
        opened.append(ws)
        cycle = entities.create(
            ws, "cycle", name="2026-Q4", start_date="2026-10-01", end_date="2026-12-31"
        )
        company = entities.create(ws, "team", name="Company", kind="company")
        team_id = entities.create(ws, "team", name=team, parent_id=company)
        for o in range(objectives):
            objective = entities.create(
                ws,
                "objective",
                cycle_id=cycle,
                team_id=team_id,
                title=statement(f"Objective {o + 1}", length),
                owner=NAMES[o % len(NAMES)],
                status="final",
            )
            for k in range(key_results):
                entities.create(
                    ws,
                    "key_result",
                    objective_id=objective,
                    title=statement(f"Key result {o + 1}.{k + 1}", length),
                    start=10,
                    target=250,
                    current=10 + 24 * k,
                    unit="orders",
                    owner=NAMES[(o + k) % len(NAMES)],
                    confidence="at_risk",
                )
            for i in range(initiatives):
                entities.create(
                    ws,
                    "initiative",
                    objective_id=objective,
                    title=statement(f"Initiative {i + 1}", 70),
                    owner="Việt Nam",
                    status="in_progress",
                )
        return ws

    yield build
    for ws in opened:
        ws.close()


_BENCH = pytest.StashKey[list[str]]()


@pytest.fixture
def bench_report(request: pytest.FixtureRequest) -> list[str]:
    """Lines appended here are printed at the end of the run."""
    return request.config.stash.setdefault(_BENCH, [])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = terminalreporter.config.stash.get(_BENCH, [])
    if lines:
        terminalreporter.section("report benchmarks")
        for line in lines:
            terminalreporter.write_line(line)
