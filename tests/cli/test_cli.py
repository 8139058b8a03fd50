"""The `okrdesk` command on real files, run in this process (`okrdesk.cli.main`; the real
process is in test_process.py)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from cli_run import Cli

from okrdesk import __version__


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version(okrdesk: Cli) -> None:
    result = okrdesk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"OKR Desk {__version__}"


def test_new_then_show(okrdesk: Cli, tmp_path: Path) -> None:
    path = tmp_path / "fresh.okrdesk"
    assert okrdesk("new", path, "--name", "Fresh Co").returncode == 0
    result = okrdesk("show", path)
    assert result.returncode == 2
    assert "no cycles yet" in result.stderr


def test_demo_then_show_prints_a_readable_tree(okrdesk: Cli, tmp_path: Path) -> None:
    path = tmp_path / "demo.okrdesk"
    made = okrdesk("demo", path)
    assert made.returncode == 0, made.stderr
    assert "Created demo workspace" in made.stdout
    shown = okrdesk("show", path)
    assert shown.returncode == 0, shown.stderr
    text = shown.stdout
    assert text.startswith("Kolbenwerk Espresso GmbH — ")
    assert "Themes: " in text
    assert "  O1  " in text and "KR1.1" in text and "• " in text and "↑ supports:" in text
    # Every team of the demo appears, sub-teams indented below their parent.
    for team in ("Operations", "Workshop", "Field Service", "Café Sales", "Online Shop"):
        assert f"\n  {team}" in text or f"\n    {team}" in text
    # A second run refuses the existing file, in one line, and leaves it as it was.
    before = digest(path)
    again = okrdesk("demo", path)
    assert again.returncode == 2
    assert again.stderr.strip() == f"okrdesk: {path}: a file already exists there"
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["demo.okrdesk"]


def test_show_json_for_one_team_and_cycle(okrdesk: Cli, demo_file: Path) -> None:
    result = okrdesk("show", demo_file, "--team", "workshop", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    (team,) = data["teams"]
    assert team["title"] == "Workshop" and team["id"]
    objective = team["objectives"][0]
    assert objective["id"] and objective["title"]
    kr = objective["key_results"][0]
    assert kr["id"] and kr["title"]
    assert any(kr["initiatives"] for o in team["objectives"] for kr in o["key_results"])
    previous = okrdesk("show", demo_file, "--cycle", "2026-q3", "--json")
    assert json.loads(previous.stdout)["cycle"]["state"] == "closed"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "{demo}", "--team", "Marketing"], "no team 'Marketing'"),
        (["show", "{demo}", "--cycle", "1999-Q1"], "no cycle '1999-Q1'"),
        (["show", "{tmp}/missing.okrdesk"], "no such file"),
        (["demo", "{tmp}/x.okrdesk", "--teams", "zero"], "not a whole number"),
        (["export", "yaml", "{demo}", "-o", "{tmp}/x"], "invalid choice"),
        (["import", "json", "{tmp}/in.json"], "one of the arguments -o/--output --into"),
        (["frobnicate"], "frobnicate: no such file (commands: "),
    ],
)
def test_bad_usage_exits_2_with_one_line(
    okrdesk: Cli, tmp_path: Path, demo_file: Path, args: list[str], message: str
) -> None:
    result = okrdesk(*(a.format(demo=demo_file, tmp=tmp_path) for a in args))
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_refused_inputs_exit_2_and_touch_nothing(okrdesk: Cli, tmp_path: Path) -> None:
    (tmp_path / "random.okrdesk").write_bytes(bytes(range(256)) * 16)
    (tmp_path / "notes.txt").write_text("Grow revenue\n")
    (tmp_path / "foreign.json").write_text('{"hello": "world"}')
    (tmp_path / "newer.json").write_text('{"format": "okrdesk", "version": 99}')
    (tmp_path / "bad.csv").write_text(
        "team,objective,key_result,start,target\nSales,Win,Grow leases,10,lots\n"
    )
    before = {p.name: digest(p) for p in tmp_path.iterdir()}
    cases = [
        (["show", tmp_path / "random.okrdesk"], "not a SQLite database"),
        (["show", tmp_path / "notes.txt"], "not a SQLite database"),
        (
            ["import", "json", tmp_path / "foreign.json", "-o", tmp_path / "a.okrdesk"],
            "not an OKR Desk export",
        ),
        (
            ["import", "json", tmp_path / "newer.json", "-o", tmp_path / "b.okrdesk"],
            "newer OKR Desk",
        ),
        (
            ["import", "csv", tmp_path / "bad.csv", "-o", tmp_path / "c.okrdesk"],
            "line 2, field target",
        ),
        (
            ["import", "json", tmp_path / "notes.txt", "-o", tmp_path / "d.okrdesk"],
            "not valid JSON",
        ),
    ]
    for args, message in cases:
        result = okrdesk(*args)
        assert result.returncode == 2, args
        assert message in result.stderr, (args, result.stderr)
        assert result.stderr.count("\n") == 1
    assert {p.name: digest(p) for p in tmp_path.iterdir()} == before


def test_export_import_round_trip_through_the_command(
    okrdesk: Cli, tmp_path: Path, demo_file: Path
) -> None:
    work = tmp_path / "work.okrdesk"
    shutil.copy(demo_file, work)
    assert okrdesk("export", "json", work, "-o", tmp_path / "a.json").returncode == 0
    assert (
        okrdesk("import", "json", tmp_path / "a.json", "-o", tmp_path / "b.okrdesk").returncode == 0
    )
    assert (
        okrdesk("export", "json", tmp_path / "b.okrdesk", "-o", tmp_path / "b.json").returncode == 0
    )
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()

    assert okrdesk("export", "csv", work, "-o", tmp_path / "okrs.csv").returncode == 0
    merged = okrdesk("import", "csv", tmp_path / "okrs.csv", "--into", tmp_path / "b.okrdesk")
    assert merged.returncode == 0, merged.stderr
    # Merging the same key results again changes nothing that JSON would show.
    okrdesk("export", "json", tmp_path / "b.okrdesk", "-o", tmp_path / "c.json")
    assert (tmp_path / "c.json").read_bytes() == (tmp_path / "a.json").read_bytes()


def test_synthetic_workspace_is_deterministic(okrdesk: Cli, tmp_path: Path) -> None:
    for name in ("one", "two"):
        assert (
            okrdesk("demo", tmp_path / f"{name}.okrdesk", "--teams", "3", "--seed", "5").returncode
            == 0
        )
        okrdesk("export", "json", tmp_path / f"{name}.okrdesk", "-o", tmp_path / f"{name}.json")
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()
    okrdesk("demo", tmp_path / "other.okrdesk", "--teams", "3", "--seed", "6")
    okrdesk("export", "json", tmp_path / "other.okrdesk", "-o", tmp_path / "other.json")
    assert (tmp_path / "other.json").read_bytes() != (tmp_path / "one.json").read_bytes()


def test_commands_that_read_leave_every_byte_of_the_file(
    okrdesk: Cli, tmp_path: Path, demo_file: Path
) -> None:
    """Reading never writes: not even the header's change counter or journal mode (a sync
    tool would upload the file again; a read-only share would refuse the write)."""
    path = tmp_path / "demo.okrdesk"
    shutil.copy(demo_file, path)
    before = digest(path)
    for args in (
        ("show", path),
        ("score", path),
        ("check", path),
        ("export", "json", path, "-o", tmp_path / "out.json"),
        ("booklet", path, "-o", tmp_path / "booklet.pdf"),
    ):
        done = okrdesk(*args)
        assert done.returncode in (0, 1), (args, done.stderr)  # check exits 1 on findings
        assert digest(path) == before, args
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("demo")) == [
        "demo.okrdesk"
    ]  # no log or journal left beside it
    path.chmod(0o444)  # and a file on a read-only share can be shown
    try:
        assert okrdesk("show", path).returncode == 0
    finally:
        path.chmod(0o644)
