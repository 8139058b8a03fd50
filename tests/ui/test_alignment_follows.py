"""The alignment view reads the map once per change, from anywhere (another program too), and a
team switch only moves the highlight and scrolls to the team."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication

from okrdesk.services import entities
from okrdesk.services.workspace import Workspace
from tests.ui.workspace_helpers import ids
from ui.alignment_model import KEY, AlignmentModel
from ui.alignment_view import HIGHLIGHT, OBJECTIVE_ID, ORPHANS, AlignmentView
from ui.session import WorkspaceSession

FIRST_VISIT = "Fix it on the first visit"  # supported by nothing yet
GRINDER = "Prototype a grinder that carries our name"


@pytest.fixture
def view(qtbot, session: WorkspaceSession) -> AlignmentView:
    widget = AlignmentView(session)
    qtbot.addWidget(widget)
    widget.set_context(ids(session.ws, "cycle")["2026-Q4"], ids(session.ws, "team")["Workshop"])
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitUntil(lambda: widget.amap is not None)
    return widget


def title(row: QModelIndex) -> str:
    return str(row.data()).removeprefix("◎ ")


def highlighted(view: AlignmentView) -> set[str]:
    return {
        title(row)
        for row in view.items()
        if (brush := row.data(Qt.ItemDataRole.BackgroundRole)) is not None
        and brush.color() == HIGHLIGHT
    }


def team_titles(view: AlignmentView, team: str) -> set[str]:
    assert view.amap is not None
    return {o.title for o in view.amap.objectives if o.team_name == team}


def test_a_link_another_program_makes_shows_and_a_team_switch_reads_nothing_again(
    qtbot, view: AlignmentView, session: WorkspaceSession, demo_copy: Path
) -> None:
    amap, cycle, teams = view.amap, view.amap.cycle_id, ids(session.ws, "team")
    assert highlighted(view) == team_titles(view, "Workshop")
    for team in ("Field Service", "Operations"):
        view.set_context(cycle, teams[team])
        assert highlighted(view) == team_titles(view, team)  # and no longer the last team's
    assert view.amap is amap  # the same map: nothing was read again
    session.ws.poll_changes()  # from now on, what others commit is heard
    objectives = ids(session.ws, "objective")
    with Workspace.open(demo_copy) as other:  # another connection, as another process has
        entities.create(
            other,
            "alignment_link",
            objective_id=objectives[GRINDER],
            parent_objective_id=objectives[FIRST_VISIT],
        )
    session.ws.poll_changes()  # what the session's timer does a few times a second
    qtbot.waitUntil(lambda: view.amap is not amap)
    (linked,) = [r for r in view.rows_for(objectives[GRINDER]) if title(r.parent()) == FIRST_VISIT]
    assert view.tree.isExpanded(linked.parent())  # shown open, as everything is
    assert view.tree.visualRect(linked).isValid()
    (orphans,) = [r for r in view.items() if r.data(OBJECTIVE_ID) is None and "Orphans" in r.data()]
    assert "none" in orphans.data() and view.model_.rowCount(orphans) == 0
    assert orphans == view.row_for_key(ORPHANS)
    assert highlighted(view) == team_titles(view, "Operations")  # kept


def test_a_team_switch_scrolls_to_the_teams_first_objective(
    qtbot, view: AlignmentView, session: WorkspaceSession
) -> None:
    view.resize(900, 260)  # a short window: most rows are below the fold
    QApplication.processEvents()  # the layout the resize posted, now (no fixed wait)
    cycle, teams = view.amap.cycle_id, ids(session.ws, "team")
    for team in ("Workshop", "Field Service", "Kolbenwerk Espresso"):
        view.set_context(cycle, teams[team])
        first = view.model_.first_row_of_team(teams[team])
        assert first.isValid() and title(first) in team_titles(view, team)
        earlier = [r for r in view.items() if r.data(OBJECTIVE_ID)]
        before = earlier[: earlier.index(first)]
        assert not team_titles(view, team) & {title(r) for r in before}  # the first one
        top_row = view.tree.indexAt(QPoint(4, 4))
        assert top_row.siblingAtColumn(0) == first  # at the top of the view


def rows(model: AlignmentModel) -> list[tuple]:
    """Every row in tree order: its key, depth and texts (what the view shows)."""

    def depth(index: QModelIndex) -> int:
        return 0 if not index.parent().isValid() else 1 + depth(index.parent())

    return [
        (row.data(KEY), depth(row), *(row.siblingAtColumn(c).data() for c in range(5)))
        for row in model.indexes()
    ]


def test_after_edits_the_rows_are_those_a_new_model_makes(
    qtbot, view: AlignmentView, session: WorkspaceSession
) -> None:
    objectives, teams = ids(session.ws, "objective"), ids(session.ws, "team")
    grinder, first_visit = objectives[GRINDER], objectives[FIRST_VISIT]
    rescue = next(o.id for o in view.amap.objectives if o.is_root)
    cycle = view.amap.cycle_id

    def same() -> None:
        fresh = AlignmentModel()
        fresh.show_map(view.amap, view.model_.top)
        assert rows(view.model_) == rows(fresh)

    assert view.link(grinder, parent_objective_id=first_visit)
    same()
    assert view.link(grinder, parent_objective_id=rescue, weight=0.5)
    same()
    session.update("objective", first_visit, title="Fix it the first time")
    same()
    new = session.create("objective", cycle_id=cycle, team_id=teams["Workshop"], title="Bay two")
    assert view.link(new, parent_objective_id=grinder)
    same()
    session.delete("objective", grinder)  # its rows go, under every objective it supported
    same()
    session.undo_stack.undo()  # and come back
    same()
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    same()
    assert rows(view.model_)[0][0].startswith("r/")
