"""The view data carries each score's band, by the workspace's own bands (setting "bands")."""

from __future__ import annotations

import pytest
from band_helpers import CUSTOM_BANDS, use_bands

from okrdesk.errors import ValidationError
from okrdesk.reports import retro_data, sheets_data
from okrdesk.services import review
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace


def _bands_in_tree(ws: Workspace, cycle: str) -> list[str | None]:
    team = next(t for t in okr_tree(ws, cycle=cycle).teams if t.objectives)
    (objective,) = team.objectives
    return [team.band, objective.band, *(kr.band for kr in objective.key_results)]


def test_a_score_of_80_is_green_by_default_and_amber_by_the_workspaces_bands(
    ws: Workspace, at_80: dict[str, str]
) -> None:
    assert _bands_in_tree(ws, at_80["cycle"]) == ["green"] * 4
    use_bands(ws, CUSTOM_BANDS)
    assert _bands_in_tree(ws, at_80["cycle"]) == ["amber"] * 4
    use_bands(ws, {"red_below": 0.85, "green_from": 0.9})
    assert _bands_in_tree(ws, at_80["cycle"]) == ["red"] * 4


def test_reports_and_the_review_read_the_same_bands(ws: Workspace, at_80: dict[str, str]) -> None:
    use_bands(ws, CUSTOM_BANDS)
    sheet = sheets_data(ws, cycle=at_80["cycle"], team=at_80["team"]).teams[0].team
    assert (sheet.score, sheet.band) == (pytest.approx(0.8), "amber")
    retro = retro_data(ws, cycle=at_80["cycle"], team=at_80["team"]).teams[0]
    assert (retro.score, retro.band) == (pytest.approx(0.8), "amber")
    assert review.review(ws, at_80["cycle"]).band == "amber"


def test_unusable_bands_are_named_wherever_scores_are_shown(
    ws: Workspace, at_80: dict[str, str]
) -> None:
    use_bands(ws, {"green": 0.9})
    with pytest.raises(ValidationError, match="workspace setting 'bands' is not usable"):
        okr_tree(ws, cycle=at_80["cycle"])
