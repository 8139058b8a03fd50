"""Issue 15: one set of spellings for numbers, days and quarters on the command line, as
in the files; what reads two ways or is no date is refused in one line, exit 2.

`checkin --value` reads the decimal separator of the locale (LC_ALL, LC_NUMERIC, LANG);
the tests run under the C locale, whose decimal separator is a point.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import Cli

REBUILD = "Cut median hands-on rebuild time from 24 hours to 19"


def export(okrdesk: Cli, path: Path, out: Path) -> bytes:
    result = okrdesk("export", "json", path, "-o", out)
    assert result.returncode == 0, result.stderr
    return out.read_bytes()


def refused(okrdesk: Cli, *args: str | Path) -> str:
    result = okrdesk(*args)
    assert result.returncode == 2, (args, result.stdout)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr


@pytest.fixture(autouse=True)
def c_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


def test_a_value_that_reads_two_ways_is_refused_naming_the_option(
    okrdesk: Cli, demo_copy: Path, tmp_path: Path
) -> None:
    before = export(okrdesk, demo_copy, tmp_path / "before.json")
    day = ["--date", "2026-11-20"]
    for value, readings in (("0,125", "0.125 or 125"), ("2,125", "2.125 or 2125")):
        stderr = refused(okrdesk, "checkin", demo_copy, "--kr", REBUILD, "--value", value, *day)
        assert f"--value '{value}' could be {readings}" in stderr
    assert export(okrdesk, demo_copy, tmp_path / "after.json") == before


def test_a_value_that_reads_one_way_is_taken(okrdesk: Cli, demo_copy: Path) -> None:
    for value, shown in (("20.125", "20.12 hours"), ("21,5", "21.5 hours"), ("1,234.5", "1,234.5")):
        result = okrdesk(
            "checkin", demo_copy, "--kr", REBUILD, "--value", value, "--date", "2026-11-20"
        )
        assert result.returncode == 0, result.stderr
        assert shown in result.stdout


def test_a_quarter_is_found_by_any_of_its_spellings(okrdesk: Cli, demo_copy: Path) -> None:
    def score(cycle: str) -> object:
        result = okrdesk("score", demo_copy, "--json", "--cycle", cycle)
        assert result.returncode == 0, (cycle, result.stderr)
        return json.loads(result.stdout)

    assert score("Q4 2026") == score("2026-Q4") == score("q4-2026")
    result = okrdesk("checkin", demo_copy, "--kr", REBUILD, "--cycle", "Q4 2026", "--value", "20")
    assert result.returncode == 0, result.stderr


def test_days_are_written_one_of_two_ways(okrdesk: Cli, demo_copy: Path) -> None:
    taken = okrdesk("checkin", demo_copy, "--kr", REBUILD, "--value", "20", "--date", "20.11.2026")
    assert taken.returncode == 0, taken.stderr
    assert "on 2026-11-20" in taken.stdout
    for day in ("20261120", "2026-W47-5", "11/20/2026", "2026-11-31"):
        stderr = refused(
            okrdesk, "checkin", demo_copy, "--kr", REBUILD, "--value", "20", "--date", day
        )
        assert f"'{day}'" in stderr


@pytest.mark.parametrize("cycle", ["0000-Q1", "9999-Q4", "Q2 1066"])
def test_a_quarter_of_no_plannable_year_is_refused_in_one_line(
    okrdesk: Cli, tmp_path: Path, cycle: str
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(f"cycle,team,objective,key_result\n{cycle},Ops,Be calm,Cut pages\n")
    target = tmp_path / "new.okrdesk"
    stderr = refused(okrdesk, "import", "csv", source, "-o", target)
    assert f"line 2, field cycle: no cycle '{cycle}'" in stderr
    assert "years 1900 to 2999" in stderr
    assert not target.exists()
