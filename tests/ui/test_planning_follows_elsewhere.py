"""The planning session shows what another window or program changed: the step's list,
the step marks and the team picker (which is read again only when teams change)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTreeWidgetItem

from okrdesk.services import entities, planning
from okrdesk.services.workspace import Workspace
from ui.guided import GuidedSessionWidget
from ui.session import WorkspaceSession


def texts(tree) -> list[str]:
    found: list[str] = []

    def walk(node: QTreeWidgetItem) -> None:
        found.append(node.text(0))
        for i in range(node.childCount()):
            walk(node.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return found


def picker(widget: GuidedSessionWidget) -> list[str]:
    box = widget.bar.team_box
    return [box.itemText(i) for i in range(box.count())]


def test_key_results_and_team_names_changed_elsewhere_show(qtbot, demo_copy: Path) -> None:
    session = WorkspaceSession(Workspace.open(demo_copy))
    widget = GuidedSessionWidget(session)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.go_to(planning.step_for("key_results").index)
    ctx = widget.ctx
    objective = ctx.team_okrs().teams[0].objectives[0]
    teams_before = picker(widget)
    team_name = ctx.team_name()

    with Workspace.open(demo_copy) as other:  # another window on the same file
        entities.create(
            other,
            "key_result",
            objective_id=objective.id,
            title="Raise repeat visits from 20% to 35%",
            start=20,
            target=35,
            unit="%",
        )
    session.ws.poll_changes()  # what the session's timer does a few times a second
    qtbot.waitUntil(lambda: not widget.refresh_pending, timeout=2000)
    assert any("Raise repeat visits" in t for t in texts(widget.current_page.tree))
    assert picker(widget) == teams_before  # no team changed: the picker was left alone

    with Workspace.open(demo_copy) as other:
        entities.update(other, "team", ctx.team_id, name="Renamed Elsewhere")
    session.ws.poll_changes()
    qtbot.waitUntil(lambda: not widget.refresh_pending, timeout=2000)
    assert "Renamed Elsewhere" in picker(widget)
    assert team_name not in picker(widget)
    assert widget.bar.team_box.currentText() == "Renamed Elsewhere"
    assert widget.where.text().startswith("Renamed Elsewhere")
    session.close()
