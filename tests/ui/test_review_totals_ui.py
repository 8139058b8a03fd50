"""The Review tab's whole-cycle totals: computed once, then kept current by every change,
including one another program commits to the file; a team switch computes nothing again."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrdesk.formatting import score_text
from okrdesk.services import checkins, lifecycle
from okrdesk.services.review import grade_key_result, review
from okrdesk.services.workspace import Workspace
from tests.ui.workspace_helpers import ids
from ui.review import CycleReviewWidget
from ui.review.grade_rows import ObjectiveCard
from ui.session import WorkspaceSession


@pytest.fixture
def widget(qtbot, session: WorkspaceSession) -> CycleReviewWidget:
    w = CycleReviewWidget(session)
    qtbot.addWidget(w)
    w.resize(1100, 768)
    w.show()
    ws = session.ws
    w.set_context(ids(ws, "cycle")["2026-Q4"], ids(ws, "team")["Workshop"])
    qtbot.waitUntil(lambda: "of 33 key results graded" in w.review.graded.text())
    return w


def overall(ws: Workspace) -> str:
    return f"2026-Q4 overall {score_text(review(ws, '2026-Q4').score)}"


def test_a_grade_given_by_another_program_shows_in_the_totals(
    qtbot, widget: CycleReviewWidget, session: WorkspaceSession, demo_copy: Path
) -> None:
    page = widget.review
    assert "0 of 33 key results graded" in page.graded.text()
    assert page.cycle_score.text() == overall(session.ws)
    field_service = review(session.ws, "2026-Q4", "Field Service").teams[0]
    kr = field_service.objectives[0].key_results[0]  # another team than the one shown
    before = page.cycle_score.text()
    with Workspace.open(demo_copy) as other:  # another connection, as another process has
        grade_key_result(other, kr.id, 1.0 if (kr.score or 0) < 1 else 0.0)
    session.ws.poll_changes()  # what the session's timer does a few times a second
    qtbot.waitUntil(lambda: "1 of 33 key results graded" in page.graded.text())
    assert page.cycle_score.text() == overall(session.ws) != before


def test_switching_teams_computes_no_totals_again_and_an_edit_only_its_objective(
    qtbot, widget: CycleReviewWidget, session: WorkspaceSession
) -> None:
    page, ws = widget.review, session.ws
    computed = page.totals.computed
    teams, cycle = ids(ws, "team"), ids(ws, "cycle")["2026-Q4"]
    for team in ("Field Service", "Operations", "Workshop"):
        widget.set_context(cycle, teams[team])
        qtbot.waitUntil(lambda team=team: page.heading.text().startswith(team))
        qtbot.waitUntil(lambda: not page._totals_timer.isActive())
        assert "0 of 33 key results graded" in page.graded.text()
    assert page.totals.computed == computed
    card = next(iter(page.cards.values()))
    kr = card.objective.key_results[0]
    page.save_grade(kr.id, "0.5")  # as leaving the grade field does
    qtbot.waitUntil(lambda: "1 of 33 key results graded" in page.graded.text())
    assert page.totals.computed == computed + 1
    assert page.cycle_score.text() == overall(ws)
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: "0 of 33 key results graded" in page.graded.text())
    assert page.cycle_score.text() == overall(ws)


def test_cards_shown_again_for_another_team_show_and_grade_its_own_key_results(
    qtbot, widget: CycleReviewWidget, session: WorkspaceSession
) -> None:
    page, ws = widget.review, session.ws
    teams, cycle = ids(ws, "team"), ids(ws, "cycle")["2026-Q4"]
    most = 0
    for team in ("Field Service", "Kolbenwerk Espresso", "Workshop", "Field Service"):
        widget.set_context(cycle, teams[team])
        (expected,) = review(ws, "2026-Q4", team).teams
        most = max(most, len(expected.objectives))
        shown = [
            (card.objective.title, [line.title.text() for line in card.rows.values()])
            for card in page.cards.values()
        ]
        assert shown == [(o.title, [kr.title for kr in o.key_results]) for o in expected.objectives]
        for card in page.cards.values():
            assert card.isVisibleTo(page) and card.title.text() == card.objective.title
            assert all(line.grade.isVisibleTo(page) for line in card.rows.values())
        visible = [c for c in page.findChildren(ObjectiveCard) if c.isVisibleTo(page)]
        assert len(visible) == len(expected.objectives)
    assert len(page.findChildren(ObjectiveCard)) == most  # made once, shown again
    card = next(iter(page.cards.values()))  # Field Service's first objective, in a used card
    line = next(iter(card.rows.values()))
    line.grade.setFocus()
    line.grade.setText("0.7")
    line.grade.editingFinished.emit()  # as leaving the field does
    (field_service,) = review(ws, "2026-Q4", "Field Service").teams
    graded = {kr.title: kr.grade for o in field_service.objectives for kr in o.key_results}
    assert graded[line.kr.title] == 0.7 and line.kr.title == line.title.text()


def test_the_state_bar_follows_a_check_in_made_elsewhere(
    qtbot, tmp_path: Path, ws_path_planned
) -> None:
    path, ids = ws_path_planned
    session = WorkspaceSession(Workspace.open(path))
    try:
        w = CycleReviewWidget(session)
        qtbot.addWidget(w)
        w.show()
        w.set_context(ids["cycle"], ids["team"])
        bar = w.review.state_bar
        assert [b.text() for b in bar.buttons.values()] == ["Move to review", "Back to planning"]
        w.set_context(ids["cycle"], ids["company"])  # another team: the same buttons
        assert "Back to planning" in [b.text() for b in bar.buttons.values()]
        session.ws.poll_changes()
        with Workspace.open(path) as other:  # the first check-in, from another program
            checkins.record_check_in(other, ids["kr1"], 12, "on track", on="2026-11-02")
        session.ws.poll_changes()
        qtbot.waitUntil(lambda: "Back to planning" not in [b.text() for b in bar.buttons.values()])
        assert [b.text() for b in bar.buttons.values()] == ["Move to review"]
    finally:
        session.close()


@pytest.fixture
def ws_path_planned(ws: Workspace, planned: dict[str, str]) -> tuple[Path, dict[str, str]]:
    """The small planned OKR set, its cycle active without check-ins, closed for reopening."""
    lifecycle.set_state(ws, planned["cycle"], "active")
    path = ws.path
    ws.close()
    return path, planned
