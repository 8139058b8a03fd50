"""`okrdesk lint`, `check` and `rules` on real files (`okrdesk.cli.main` in this process)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from cli_run import Cli

from okrdesk.services import entities
from okrdesk.services.coaching import check_workspace, disabled_rules, set_rule_enabled
from okrdesk.services.workspace import Workspace


def test_lint_flags_an_activity_and_exits_1(okrdesk: Cli) -> None:
    result = okrdesk("lint", "key-result", "Ship the new pricing page", "--json")
    assert result.returncode == 1
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert "key-result-is-activity" in rules
    for finding in json.loads(result.stdout)["findings"]:
        assert set(finding) == {"rule", "severity", "message", "hint"}


def test_lint_sound_key_result_exits_0_with_parsed_metric(okrdesk: Cli) -> None:
    result = okrdesk("lint", "key-result", "Cut cost per lead from €40 to €25", "--json")
    assert result.returncode == 0, result.stdout
    document = json.loads(result.stdout)
    assert document["findings"] == [] or all(f["severity"] == "info" for f in document["findings"])
    metric = document["metric"]
    assert (metric["start"], metric["target"], metric["unit"], metric["direction"]) == (
        40,
        25,
        "€",
        "decrease",
    )


def test_lint_objective_with_number_in_text_output(okrdesk: Cli) -> None:
    result = okrdesk("lint", "objective", "Grow revenue by 20%")
    assert result.returncode == 1
    assert "hint:" in result.stdout and "[objective-" in result.stdout


def test_check_workspace_finds_the_demo_weak_key_result(okrdesk: Cli, demo_file: Path) -> None:
    result = okrdesk("check", demo_file, "--json")
    assert result.returncode == 1
    found = json.loads(result.stdout)["findings"]
    weak = [f for f in found if f["item_title"] == "Launch a monthly newsletter"]
    assert weak and weak[0]["rule"] == "key-result-is-activity"
    assert weak[0]["team"] == "Online Shop"
    # The well-written Workshop set has no warning or error.
    clean = okrdesk("check", demo_file, "--team", "Field Service")
    assert clean.returncode == 0, clean.stdout


def test_rules_switched_off_are_stored_in_the_workspace(
    okrdesk: Cli, tmp_path: Path, demo_file: Path
) -> None:
    path = tmp_path / "demo.okrdesk"
    shutil.copy(demo_file, path)
    off = okrdesk("rules", path, "--disable", "key-result-is-activity")
    assert off.returncode == 0
    assert any(line.startswith("off  key-result-is-activity") for line in off.stdout.splitlines())
    assert okrdesk("check", path, "--team", "Online Shop").returncode == 0
    okrdesk("rules", path, "--enable", "key-result-is-activity")
    assert okrdesk("check", path, "--team", "Online Shop").returncode == 1
    unknown = okrdesk("rules", path, "--disable", "be-nice")
    assert unknown.returncode == 2 and "no coach rule 'be-nice'" in unknown.stderr


def test_set_rules_over_a_team(ws: Workspace, planned: dict[str, str]) -> None:
    for n in range(4):
        entities.create(
            ws,
            "objective",
            cycle_id=planned["cycle"],
            team_id=planned["team"],
            title=f"Become the team customers trust number {n}",
            owner="Ana",
        )
    found = check_workspace(ws, team="Support")
    by_rule = {f.finding.rule: f for f in found}
    assert by_rule["set-too-many-objectives"].item_kind == "set"
    assert by_rule["objective-no-key-results"].item_kind == "objective"
    assert by_rule["objective-no-owner"].item_title == "Make every customer feel heard"
    set_rule_enabled(ws, "objective-no-owner", enabled=False)
    assert disabled_rules(ws) == {"objective-no-owner"}
    assert "objective-no-owner" not in {f.finding.rule for f in check_workspace(ws)}
