"""The session's background road: whatever happens on the worker, the page hears back."""

from __future__ import annotations

from okrdesk.services import entities
from okrdesk.services.workspace import Workspace
from ui.session import WorkspaceSession


def test_a_background_operation_reports_back_even_on_an_unexpected_error(
    qtbot, ws: Workspace, planned: dict[str, str]
) -> None:
    session = WorkspaceSession(ws)
    said: list[str] = []
    done: list[object] = []

    def broken(ws: Workspace) -> None:
        entities.update(ws, "objective", planned["objective"], title="Half way")
        raise KeyError("a defect")

    session.run_in_background("Broken", broken, done=done.append, refused=said.append)
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert "unexpected error" in said[0] and done == []
    assert entities.get(ws, "objective", planned["objective"])["title"] != "Half way"
    assert session.undo_stack.count() == 0

    session.run_in_background(
        "Rename",
        entities.update,
        "objective",
        planned["objective"],
        title="Whole",
        done=done.append,
        refused=said.append,
    )
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert session.undo_stack.undoText() == "Rename"
