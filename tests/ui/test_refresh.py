"""The one refresh mechanism: a view refreshes when a change concerns it, and only when
it is on screen; hidden, it catches up once when shown."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from okrdesk.services import entities, workshop
from okrdesk.services.changes import Changes
from okrdesk.services.workspace import Workspace
from ui.refresh import Refresher
from ui.session import WorkspaceSession


def watched(qtbot, ws: Workspace, kinds) -> tuple[QWidget, list[Changes]]:
    session = WorkspaceSession(ws)
    view = QWidget()
    qtbot.addWidget(view)
    heard: list[Changes] = []
    view.refresher = Refresher(view, session, kinds, heard.append)  # type: ignore[attr-defined]
    return view, heard


def test_a_hidden_view_waits_and_catches_up_once(qtbot, ws, planned) -> None:
    view, heard = watched(qtbot, ws, {"objective", "key_result"})
    entities.update(ws, "objective", planned["objective"], title="One")
    entities.update(ws, "key_result", planned["kr1"], owner="Ana")
    assert heard == []  # hidden: nothing is rebuilt
    view.show()
    qtbot.waitExposed(view)
    assert len(heard) == 1  # the two changes, in one refresh
    assert heard[0].ids("objective") == {planned["objective"]}
    assert heard[0].ids("key_result") == {planned["kr1"]}


def test_a_visible_view_ignores_what_does_not_concern_it(qtbot, ws, planned) -> None:
    view, heard = watched(qtbot, ws, {"objective"})
    view.show()
    qtbot.waitExposed(view)
    session_id = workshop.start_session(ws, "Q4", planned["cycle"])  # a workshop's agenda
    workshop.record_time(ws, session_id, {}, current_step=1)  # the clock moving on
    assert heard == []
    entities.update(ws, "objective", planned["objective"], title="Two")
    assert [c.ids("objective", "updated") for c in heard] == [{planned["objective"]}]
