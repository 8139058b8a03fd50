"""Shows the coach's quality figures in pytest's terminal summary (no -s needed)."""

from __future__ import annotations

import pytest

_REPORT = pytest.StashKey[list[str]]()


@pytest.fixture
def coach_report(request: pytest.FixtureRequest) -> list[str]:
    """Lines appended here are printed at the end of the run."""
    return request.config.stash.setdefault(_REPORT, [])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = terminalreporter.config.stash.get(_REPORT, [])
    if lines:
        terminalreporter.section("OKR coach quality")
        for line in lines:
            terminalreporter.write_line(line)
