"""`okrdesk checkin` and `okrdesk score` on real files (`okrdesk.cli.main` in this process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import Cli

from okrdesk.services import checkin_views, checkins, entities, lifecycle, review
from okrdesk.services.workspace import Workspace

REBUILD = "Cut median hands-on rebuild time from 24 hours to 19"


def export(okrdesk: Cli, path: Path, out: Path) -> bytes:
    result = okrdesk("export", "json", path, "-o", out)
    assert result.returncode == 0, result.stderr
    return out.read_bytes()


def scores(okrdesk: Cli, path: Path, *args: str) -> dict[str, dict]:
    result = okrdesk("score", path, "--json", *args)
    assert result.returncode == 0, result.stderr
    return {row["key_result"]: row for row in json.loads(result.stdout)}


@pytest.fixture
def demo(demo_copy: Path) -> Path:
    return demo_copy


@pytest.fixture
def past(tmp_path: Path) -> Path:
    """A finished quarter (2020-Q1) still active: pace expects everything done by now."""
    path = tmp_path / "past.okrdesk"
    with Workspace.create(path, "Past Co") as ws:
        cycle = entities.create(
            ws, "cycle", name="2020-Q1", start_date="2020-01-01", end_date="2020-03-31"
        )
        team = entities.create(ws, "team", name="Growth")
        objective = entities.create(
            ws, "objective", cycle_id=cycle, team_id=team, title="Be found by new cafés"
        )
        for title, value in (("Grow sign-ups from 0 to 10", 10), ("Grow demos from 0 to 10", 5)):
            kr = entities.create(
                ws, "key_result", objective_id=objective, title=title, start=0, target=10
            )
            checkins.record_check_in(ws, kr, value, "on track", on="2020-03-01")
        entities.create(
            ws, "key_result", objective_id=objective, title="Open a shop", kind="milestone"
        )
        lifecycle.set_state(ws, "2020-Q1", "active")
    return path


def test_checkin_then_score_shows_the_new_value(okrdesk: Cli, demo: Path) -> None:
    before = scores(okrdesk, demo, "--team", "workshop")
    assert before[REBUILD]["progress"] == pytest.approx(0.4)
    result = okrdesk(
        "checkin",
        demo,
        "--kr",
        "cut median",
        "--value",
        "20",
        "--date",
        "2026-11-23",  # the demo's latest check-in is from that day: this replaces it
        "--confidence",
        "at-risk",
        "--note",
        "two benches back",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Checked in '{REBUILD}' (Workshop, 2026-Q4) on 2026-11-23")
    assert "20 hours, at risk" in result.stdout
    assert "(replaces that day's earlier check-in of 22)" in result.stdout
    after = scores(okrdesk, demo, "--team", "workshop")
    row = after[REBUILD]
    assert (row["team"], row["progress"], row["score"], row["confidence"]) == (
        "Workshop",
        pytest.approx(0.8),
        0.8,
        "at_risk",
    )
    assert {k for k in after if k != REBUILD} == {k for k in before if k != REBUILD}
    kr_fields = ("progress", "score", "confidence", "behind_pace")
    for title in before.keys() - {REBUILD}:  # the other key results did not move
        assert [after[title][f] for f in kr_fields] == [before[title][f] for f in kr_fields]
    assert row["objective_score"] > before[REBUILD]["objective_score"]
    with Workspace.open(demo) as ws:
        latest = checkin_views.last_check_in(ws, row["key_result_id"])
    assert latest is not None and latest.note == "two benches back"


def test_checkin_without_confidence_takes_the_pace_suggestion(okrdesk: Cli, demo: Path) -> None:
    assert scores(okrdesk, demo)[REBUILD]["confidence"] == "off_track"
    result = okrdesk("checkin", demo, "--kr", REBUILD, "--value", "20", "--date", "2026-11-24")
    assert result.returncode == 0, result.stderr
    assert "20 hours, on track (suggested from pace)" in result.stdout
    assert scores(okrdesk, demo)[REBUILD]["confidence"] == "on_track"
    behind = okrdesk("checkin", demo, "--kr", REBUILD, "--value", "23,5", "--date", "2026-11-25")
    assert "23.5 hours, off track (suggested from pace)" in behind.stdout


def test_refused_check_ins_exit_2_and_change_nothing(
    okrdesk: Cli, tmp_path: Path, demo: Path
) -> None:
    original = export(okrdesk, demo, tmp_path / "before.json")
    day = ["--date", "2026-11-20"]
    cases = [
        (["--kr", "cut median", "--value", "lots", *day], "--value must be a number (got 'lots')"),
        (["--kr", "frobnicate", "--value", "1", *day], "no key result 'frobnicate' in cycle"),
        (["--kr", "cut", "--value", "1", *day], "'cut' matches 6 key results: "),
        (["--kr", "cut median", "--value", "20", "--date", "2027-01-04"], "is outside cycle"),
        (
            ["--kr", "cut median", "--value", "20", "--date", "someday"],
            "--date 'someday' is not a date like 2026-12-03 or 03.12.2026",
        ),
        (
            ["--kr", "cut median", "--cycle", "2026-Q3", "--value", "20", "--date", "2026-08-20"],
            "cycle 2026-Q3 is closed and read-only",
        ),
        (["--kr", "cut median", "--value", "20", "--confidence", "7", *day], "on-track, at-risk"),
        (["--kr", "cut median", *day], "the following arguments are required: --value"),
    ]
    for args, message in cases:
        result = okrdesk("checkin", demo, *args)
        assert result.returncode == 2, (args, result.stdout)
        assert message in result.stderr, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert export(okrdesk, demo, tmp_path / "after.json") == original


def test_one_to_ten_confidence_and_milestones(okrdesk: Cli, past: Path) -> None:
    with Workspace.open(past) as ws:
        checkins.set_confidence_scale(ws, "1-10")
    result = okrdesk(
        "checkin",
        past,
        "--kr",
        "grow demos",
        "--value",
        "6",
        "--confidence",
        "8",
        "--date",
        "2020-03-08",
    )
    assert result.returncode == 0, result.stderr
    assert "6, confidence 8/10" in result.stdout
    refused = okrdesk(
        "checkin",
        past,
        "--kr",
        "grow demos",
        "--value",
        "6",
        "--confidence",
        "at-risk",
        "--date",
        "2020-03-09",
    )
    assert refused.returncode == 2 and "from 1 to 10 in this workspace" in refused.stderr
    done = okrdesk("checkin", past, "--kr", "open", "--value", "done", "--date", "2020-03-08")
    assert done.returncode == 0 and "done" in done.stdout
    rows = scores(okrdesk, past, "--cycle", "2020-q1")
    assert (
        rows["Grow demos from 0 to 10"]["confidence_score"],
        rows["Open a shop"]["progress"],
    ) == (
        8,
        1.0,
    )
    assert rows["Grow demos from 0 to 10"]["confidence"] == "on_track"


def test_score_json_reports_pace_grades_and_objective_scores(okrdesk: Cli, past: Path) -> None:
    with Workspace.open(past) as ws:
        demos = checkin_views.find_key_result(ws, "grow demos", cycle="2020-Q1").id
        review.grade_key_result(ws, demos, 0.6, "half the demos, but good ones")
    rows = scores(okrdesk, past, "--cycle", "2020-Q1", "--team", "growth")
    assert set(rows) == {"Grow sign-ups from 0 to 10", "Grow demos from 0 to 10", "Open a shop"}
    signups = rows["Grow sign-ups from 0 to 10"]
    demo_row = rows["Grow demos from 0 to 10"]
    shop = rows["Open a shop"]
    assert {"team", "objective", "key_result", "progress", "score", "confidence"} <= set(signups)
    assert (signups["progress"], signups["score"], signups["behind_pace"]) == (1.0, 1.0, False)
    assert (demo_row["progress"], demo_row["score"], demo_row["grade"]) == (0.5, 0.6, 0.6)
    assert demo_row["behind_pace"] is True and shop["behind_pace"] is True
    assert signups["objective"] == "Be found by new cafés" and signups["team"] == "Growth"
    assert signups["objective_score"] == pytest.approx((1.0 + 0.6 + 0.0) / 3)


def test_score_text_is_a_readable_table(okrdesk: Cli, past: Path, demo: Path) -> None:
    result = okrdesk("score", past, "--cycle", "2020-Q1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2020-Q1 (2020-01-01 → 2020-03-31, active) — score 0.50 (amber)")
    assert "Growth — 0.50 (amber)" in lines
    (demos,) = [line for line in lines if "Grow demos from 0 to 10" in line]
    assert demos.split()[-5:] == ["50%", "0.50", "on", "track", "behind"]
    (signups,) = [line for line in lines if "Grow sign-ups from 0 to 10" in line]
    assert signups.split()[-5:] == ["100%", "1.00", "on", "track", "ok"]
    workshop = okrdesk("score", demo, "--team", "Workshop")
    assert workshop.returncode == 0 and "\nWorkshop — " in workshop.stdout
    assert "Cut median hands-on rebuild time from 24 hours to 19" in workshop.stdout
    missing = okrdesk("score", demo, "--team", "Marketing")
    assert missing.returncode == 2 and "no team 'Marketing'" in missing.stderr
