"""A property: whatever sequence of commands that change nothing runs on a workspace, its
bytes and its modification time stay as they were (issue: sync tools re-uploaded a file
after every `show`; two people only viewing a shared file got "conflicted copies")."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from cli_run import Cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

OUT = "{out}"  # where an export or a PDF goes (never beside the workspace)

# Commands that only read, and changes that are refused (a closed cycle, a wrong number,
# an unknown key result): none of them may touch the file.
NOTHING_CHANGED = [
    ("show",),
    ("show", "--json"),
    ("score",),
    ("score", "--cycle", "2026-Q3"),
    ("check",),
    ("rules",),
    ("export", "json", "-o", f"{OUT}/out.json"),
    ("export", "csv", "-o", f"{OUT}/out.csv"),
    ("sheet", "--team", "Workshop", "-o", f"{OUT}/sheet.pdf"),
    ("checkin", "--kr", "Cut the average wait", "--cycle", "2026-Q3", "--value", "40"),
    ("checkin", "--kr", "Cut median hands-on", "--value", "a lot"),
    ("checkin", "--kr", "No such key result", "--value", "3"),
]


def _state(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(commands=st.lists(st.sampled_from(NOTHING_CHANGED), min_size=1, max_size=5))
def test_commands_that_change_nothing_leave_bytes_and_time(
    okrdesk: Cli, tmp_path: Path, demo_file: Path, commands: list[tuple[str, ...]]
) -> None:
    folder = tmp_path / "run"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "out").mkdir(parents=True)
    path = folder / "demo.okrdesk"
    shutil.copy2(demo_file, path)
    before = _state(path)
    for command in commands:
        verb, *rest = command
        args = _with_path(verb, rest, path, folder / "out")
        done = okrdesk(*args)
        assert done.returncode in (0, 1, 2), (command, done.stderr)  # 1: check's findings
        assert _state(path) == before, command
    assert sorted(p.name for p in folder.iterdir()) == ["demo.okrdesk", "out"]


def _with_path(verb: str, rest: tuple[str, ...] | list[str], path: Path, out: Path) -> list[str]:
    """The command line with the workspace in its place (after `export json|csv`)."""
    rest = [a.format(out=out) for a in rest]
    if verb == "export":
        return [verb, rest[0], str(path), *rest[1:]]
    return [verb, str(path), *rest]
