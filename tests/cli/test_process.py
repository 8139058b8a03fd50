"""The `okrdesk` command as a real process: the installed console script and
`python -m okrdesk`, their exit status, and what reaches the real stdout and stderr.

The other CLI tests call `okrdesk.cli.main` in the test's process (tests/cli_run.py); these
prove the doors a person uses lead to it: each exit status (0, 1, 2 from argparse, 2 from a
refusal) with its one line on stderr, and text outside ASCII through argv and stdout.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from okrdesk import __version__


def process(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "okrdesk", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_console_script_starts_the_command() -> None:
    script = shutil.which("okrdesk", path=Path(sys.executable).parent)
    assert script is not None, "the okrdesk console script is not installed beside Python"
    result = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"OKR Desk {__version__}\n",
        "",
    )


def test_exit_0_with_text_outside_ascii_through_argv_and_stdout(demo_file: Path) -> None:
    result = process("show", demo_file, "--team", "café sales")
    assert (result.returncode, result.stderr) == (0, "")
    assert "\nCafé Sales\n" in result.stdout and "(2026-10-01 → 2026-12-31" in result.stdout


def test_exit_1_when_the_command_finds_problems() -> None:
    result = process("lint", "key-result", "Launch 3 campaigns")
    assert result.returncode == 1, result.stderr
    assert "[key-result-is-activity]" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("args", "line"),
    [
        # argparse refuses the arguments (its exit, not main's return)
        (["demo", "{tmp}/x.okrdesk", "--teams", "zero"], "okrdesk demo: error: "),
        # main refuses the input (an OkrDeskError turned into a reason)
        (["show", "{tmp}/missing.okrdesk"], "okrdesk: {tmp}/missing.okrdesk: no such file"),
    ],
    ids=["usage", "refusal"],
)
def test_exit_2_with_one_line_on_stderr(tmp_path: Path, args: list[str], line: str) -> None:
    result = process(*(a.format(tmp=tmp_path) for a in args))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(line.format(tmp=tmp_path)), result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n")
    assert list(tmp_path.iterdir()) == []


def test_a_note_in_another_encoding_is_refused_in_one_line(demo_copy: Path) -> None:
    """A Latin-1 terminal passes "café" as b"caf\\xe9": not text, refused before storing."""
    import sqlite3

    con = sqlite3.connect(demo_copy)
    kr = con.execute(
        "SELECT k.id FROM key_result k JOIN objective o ON o.id = k.objective_id "
        "JOIN cycle c ON c.id = o.cycle_id WHERE k.kind = 'metric' AND c.state = 'active' "
        "ORDER BY k.id LIMIT 1"
    ).fetchone()[0]
    before = con.execute("SELECT count(*) FROM check_in").fetchone()[0]
    con.close()
    argv = [sys.executable, "-m", "okrdesk", "checkin", str(demo_copy), "--kr", kr]
    result = subprocess.run(
        [*argv, "--value", "5", "--note", b"caf\xe9"], capture_output=True, timeout=120
    )
    assert (result.returncode, result.stderr) == (
        2,
        b"okrdesk: Note holds characters that are not text (not UTF-8)\n",
    )
    con = sqlite3.connect(demo_copy)
    assert con.execute("SELECT count(*) FROM check_in").fetchone()[0] == before
    con.close()
