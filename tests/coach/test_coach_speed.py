"""Opt-in benchmark (pytest -m bench): a 200-team workspace is checked well under a second."""

from __future__ import annotations

import csv
import random
import time
from pathlib import Path

import pytest

from okrdesk.coach import KeyResultInput, ObjectiveInput, check_all


def workspace(teams: int = 200) -> list[list[ObjectiveInput]]:
    with Path(__file__).with_name("statements.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    objectives = [row["text"] for row in rows if row["kind"] == "objective"]
    key_results = [row["text"] for row in rows if row["kind"] == "key-result"]
    rng = random.Random(7)
    sets = []
    for team in range(teams):
        team_set = []
        for number in range(rng.choice((3, 3, 4, 4))):
            krs = [
                KeyResultInput(
                    f"{team}-{number}-{index}",
                    rng.choice(key_results),
                    "metric",
                    rng.choice((None, 10.0)),
                    20.0,
                )
                for index in range(3)
            ]
            team_set.append(
                ObjectiveInput(f"{team}-{number}", rng.choice(objectives), "Ana", "committed", krs)
            )
        sets.append(team_set)
    return sets


@pytest.mark.bench
def test_whole_workspace_checks_in_well_under_a_second(coach_report: list[str]) -> None:
    sets = workspace()
    key_results = sum(len(o.key_results) for team in sets for o in team)
    started = time.perf_counter()
    findings = sum(len(check_all(team)) for team in sets)
    elapsed = time.perf_counter() - started
    coach_report.append(f"check_all over {key_results} key results: {elapsed * 1000:.0f} ms")
    assert findings > 0
    assert elapsed < 1.0
