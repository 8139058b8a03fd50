"""The alignment view: who supports whom, the orphans, and editing links with undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox

from okrdesk.services import entities
from okrdesk.services.workspace import Workspace
from ui.alignment_view import HIGHLIGHT, KEY, LINK_ID, OBJECTIVE_ID, ORPHANS, AlignmentView
from ui.session import WorkspaceSession

RESCUE = "Make same-day rescue a promise we always keep"
FLAG = "Plant our flag in Basel and Alsace"
PARTS = "Let the parts business pay for the parts we hold"
CALLOUT = "Send every callout the right technician with the right parts"
LOERRACH = "Open the Lörrach base without weakening Freiburg"
FIRST_VISIT = "Fix it on the first visit"
GRINDER = "Prototype a grinder that carries our name"


@pytest.fixture
def view(qtbot, session: WorkspaceSession) -> AlignmentView:
    widget = AlignmentView(session)
    qtbot.addWidget(widget)
    q4 = next(c for c in entities.list_items(session.ws, "cycle") if c["name"] == "2026-Q4")
    widget.set_context(q4["id"], None)
    widget.resize(1366, 768)
    widget.show()
    return widget


def title(row: QModelIndex) -> str:
    return str(row.data()).removeprefix("◎ ")


def text(row: QModelIndex, column: int) -> str:
    return row.siblingAtColumn(column).data()


def top(view: AlignmentView) -> list[QModelIndex]:
    return children(QModelIndex(), view)


def children(row: QModelIndex, view: AlignmentView | None = None) -> list[QModelIndex]:
    model = view.model_ if view is not None else row.model()
    return [model.index(i, 0, row) for i in range(model.rowCount(row))]


def orphans_group(view: AlignmentView) -> QModelIndex:
    return next(row for row in top(view) if row.data(KEY) == ORPHANS)


def row(view: AlignmentView, text: str, under: str | None = None) -> QModelIndex:
    for found in view.items():
        parent = found.parent()
        if title(found) == text and (
            under is None or (parent.isValid() and title(parent) == under)
        ):
            return found
    raise AssertionError(f"no row {text!r} under {under!r}")


def highlighted(row: QModelIndex) -> bool:
    brushes = [row.siblingAtColumn(c).data(Qt.ItemDataRole.BackgroundRole) for c in range(5)]
    return all(b is not None and b.color() == HIGHLIGHT for b in brushes)


def objective_id(view: AlignmentView, text: str) -> str:
    return row(view, text).data(OBJECTIVE_ID)


def test_company_objectives_on_top_with_their_supporters(view: AlignmentView):
    roots = [title(r) for r in top(view) if r.data(OBJECTIVE_ID)]
    assert roots == [RESCUE, FLAG, PARTS]
    rescue = row(view, RESCUE)
    assert text(rescue, 1) == "Kolbenwerk Espresso (company)" and text(rescue, 2) == "36%"
    assert CALLOUT in [title(c) for c in children(rescue)]
    # Department → team: Field Service's objective sits under the Operations objective.
    callout = row(view, CALLOUT, under=RESCUE)
    assert text(callout, 1) == "Operations (department)"
    assert [title(c) for c in children(callout)] == [FIRST_VISIT]
    assert text(row(view, FIRST_VISIT), 1) == "Field Service"
    assert "2026-Q4" in view.title.text()


def test_an_objective_supporting_two_appears_under_both(view: AlignmentView):
    under_rescue = row(view, LOERRACH, under=RESCUE)
    under_flag = row(view, LOERRACH, under=FLAG)
    assert (text(under_rescue, 3), text(under_flag, 3)) == ("0.3", "0.7")  # each link's weight
    assert "also supports “Plant our flag" in text(under_rescue, 4)
    assert "also supports “Make same-day rescue" in text(under_flag, 4)


def test_the_orphan_is_in_a_marked_group(view: AlignmentView):
    group = orphans_group(view)
    assert text(group, 0).startswith("⚠ Orphans: 1 team objective supporting nothing")
    assert [title(c) for c in children(group)] == [GRINDER]
    assert "supports nothing" in text(children(group)[0], 4)
    assert "1 orphan" in view.summary.text()


def test_linking_the_orphan_in_the_dialog_and_undo(qtbot, view: AlignmentView, session):
    view.tree.setCurrentIndex(row(view, GRINDER))
    assert view.link_button.isEnabled() and not view.unlink_button.isEnabled()
    qtbot.mouseClick(view.link_button, Qt.MouseButton.LeftButton)
    dialog = view.link_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()
    # Suggestions from Operations come first; the filter narrows the list.
    first = dialog.candidates()[0].data(Qt.ItemDataRole.UserRole)
    assert first.suggested and first.team_name == "Operations"
    qtbot.keyClicks(dialog.filter, "right parts")
    shown = [item.data(Qt.ItemDataRole.UserRole) for item in dialog.candidates()]
    assert [c.title for c in shown if not c.is_key_result] == [CALLOUT]
    target = next(item for item in dialog.candidates() if "right parts  —" in item.text())
    dialog.list.setCurrentItem(target)
    dialog.use_weight.setChecked(True)
    dialog.weight.setText("0.4")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    assert children(orphans_group(view)) == []
    assert "Orphans: none" in text(orphans_group(view), 0)
    linked = row(view, GRINDER, under=CALLOUT)
    assert text(linked, 3) == "0.4"
    assert view.tree.currentIndex() == linked  # the selection follows the objective
    assert session.undo_stack.count() == 1

    session.undo_stack.undo()
    assert [title(c) for c in children(orphans_group(view))] == [GRINDER]
    session.undo_stack.redo()
    assert children(orphans_group(view)) == []


def test_linking_through_a_key_result_shows_via_kr(qtbot, view: AlignmentView):
    dialog = view.open_link_dialog(objective_id(view, GRINDER))
    qtbot.keyClicks(dialog.filter, "rebuilt two-group")
    (target,) = dialog.candidates()
    kr = target.data(Qt.ItemDataRole.UserRole)
    assert kr.is_key_result
    dialog.list.setCurrentItem(target)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    linked = row(view, GRINDER, under="Always have a rebuilt machine ready to leave the door")
    assert "via KR “Raise rebuilt two-group machines" in text(linked, 4)


def test_a_loop_is_refused_with_a_message(view: AlignmentView, session):
    rescue, callout = objective_id(view, RESCUE), objective_id(view, CALLOUT)
    assert not view.link(rescue, parent_objective_id=callout)
    assert view.message.isVisible()
    assert "loop" in view.message.text() and view.message.text().startswith("✖")
    assert session.undo_stack.count() == 0
    assert not row(view, RESCUE).parent().isValid() and row(view, CALLOUT, under=RESCUE)


def test_the_dialog_shows_a_refusal_and_stays_open(qtbot, view: AlignmentView, session):
    grinder, parts = objective_id(view, GRINDER), objective_id(view, PARTS)
    dialog = view.open_link_dialog(parts)
    target = next(
        item
        for item in dialog.candidates()
        if item.data(Qt.ItemDataRole.UserRole).objective_id == grinder
        and not item.data(Qt.ItemDataRole.UserRole).is_key_result
    )
    # Meanwhile (another edit), the grinder starts supporting the parts objective...
    session.create("alignment_link", objective_id=grinder, parent_objective_id=parts)
    dialog.list.setCurrentItem(target)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # ...so linking the other way round would be a loop: said inside the open dialog.
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "loop" in dialog.error.text()
    assert session.undo_stack.count() == 1
    dialog.reject()


def test_remove_link_with_the_delete_key_and_undo(qtbot, view: AlignmentView, session):
    item = row(view, FIRST_VISIT, under=CALLOUT)
    view.tree.setCurrentIndex(item)
    assert view.unlink_button.isEnabled()
    assert any(
        "Remove link to “Send every callout" in a.text() for a in view.context_menu(item).actions()
    )
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Delete)
    assert [title(c) for c in children(orphans_group(view))] == [GRINDER, FIRST_VISIT]
    assert "Link removed" in view.message.text()
    session.undo_stack.undo()
    assert row(view, FIRST_VISIT, under=CALLOUT).data(LINK_ID)
    assert len(children(orphans_group(view))) == 1


def test_double_click_opens_the_objective(qtbot, view: AlignmentView):
    item = row(view, CALLOUT)
    view.tree.scrollTo(item)
    rect = view.tree.visualRect(item)
    with qtbot.waitSignal(view.objective_activated, timeout=1000) as signal:
        qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [item.data(OBJECTIVE_ID)]


def test_refresh_keeps_collapsed_rows_and_the_selection(view: AlignmentView, session):
    view.tree.collapse(row(view, RESCUE))
    view.tree.setCurrentIndex(row(view, LOERRACH, under=FLAG))
    session.update("objective", objective_id(view, PARTS), title="Make parts pay their way")
    assert "Make parts pay their way" in [title(r) for r in top(view)]
    assert not view.tree.isExpanded(row(view, RESCUE)) and view.tree.isExpanded(row(view, FLAG))
    current = view.tree.currentIndex()
    assert title(current) == LOERRACH and title(current.parent()) == FLAG


def test_a_hidden_view_catches_up_when_shown(view: AlignmentView, session):
    view.hide()
    session.update("objective", objective_id(view, GRINDER), title="Prototype our own grinder")
    assert title(children(orphans_group(view))[0]) == GRINDER  # not read again while hidden
    view.show()
    assert title(children(orphans_group(view))[0]) == "Prototype our own grinder"


def test_context_team_is_highlighted(view: AlignmentView, session):
    workshop = next(t for t in entities.list_items(session.ws, "team") if t["name"] == "Workshop")
    view.set_context(view.amap.cycle_id, workshop["id"])
    marked = {title(r) for r in view.items() if highlighted(r)}
    assert marked == {GRINDER, "Always have a rebuilt machine ready to leave the door"}


def test_a_workspace_without_cycles_says_so(qtbot, tmp_path: Path):
    ws = Workspace.create(tmp_path / "empty.okrdesk", "Empty Co")
    session = WorkspaceSession(ws)
    widget = AlignmentView(session)
    qtbot.addWidget(widget)
    widget.show()  # the view is built when it is first shown
    assert "no cycles" in widget.summary.text()
    assert widget.model_.rowCount() == 0 and widget.open_link_dialog("x") is None
    session.close()


def test_a_typed_weight_is_stored_and_shown_as_typed(qtbot, view: AlignmentView, session):
    dialog = view.open_link_dialog(objective_id(view, GRINDER))
    qtbot.keyClicks(dialog.filter, "right parts")
    dialog.list.setCurrentItem(
        next(item for item in dialog.candidates() if "right parts  —" in item.text())
    )
    dialog.use_weight.setChecked(True)
    assert dialog.weight.text() == "1"
    dialog.weight.selectAll()
    qtbot.keyClicks(dialog.weight, "lots")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "must be a number (got 'lots')" in dialog.error.text()
    dialog.weight.selectAll()
    qtbot.keyClicks(dialog.weight, "0.125")  # a spin box of two decimals made this 0.13
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (link,) = [
        x for x in entities.list_items(session.ws, "alignment_link")
        if x["objective_id"] == objective_id(view, GRINDER)
    ]  # fmt: skip
    assert link["weight"] == 0.125
    assert text(row(view, GRINDER, under=CALLOUT), 3) == "0.125"
