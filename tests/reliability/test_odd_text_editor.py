"""The desktop editor with very long texts and odd Unicode: saved exactly when the field is left.

The text is put into the field with setText/setPlainText (qtbot.keyClicks with non-ASCII
text aborts the process inside Qt's test library), then the person leaves the field with
Tab or by clicking elsewhere, which is what saves it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from okrdesk.services import entities
from okrdesk.services.workspace import Workspace
from ui.editors import DetailEditor
from ui.session import WorkspaceSession

CODER = "👩🏽\u200d💻"
HEBREW = "שפרו את חוויית הלקוחות"
ARABIC = "زيادة عدد العملاء الراضين"
COMBINING = "Cafe\u0301 Zu\u0308rich"


def at_limit(seed: str, limit: int = 300) -> str:
    text = " ".join([seed, CODER, HEBREW, ARABIC, COMBINING, "a\u200db"] * 20)[:limit].rstrip()
    return text + "x" * (limit - len(text))


@pytest.fixture
def editor(qtbot, tmp_path: Path):
    ws = Workspace.create(tmp_path / "odd.okrdesk", "Odd Co")
    cycle = entities.create(
        ws, "cycle", name="2026-Q4", start_date="2026-10-01", end_date="2026-12-31"
    )
    team = entities.create(ws, "team", name="Team")
    objective = entities.create(ws, "objective", cycle_id=cycle, team_id=team, title="Draft")
    kr = entities.create(ws, "key_result", objective_id=objective, title="Draft KR")
    session = WorkspaceSession(ws)
    window = QWidget()
    layout = QVBoxLayout(window)
    detail = DetailEditor(session)
    elsewhere = QLineEdit()  # somewhere to click to leave a field
    layout.addWidget(detail)
    layout.addWidget(elsewhere)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):  # so that focus really moves and fields are saved
        window.activateWindow()
    yield detail, elsewhere, ws, objective, kr
    session.close()


def leave(qtbot, field: QWidget, elsewhere: QWidget) -> None:
    if isinstance(field, QPlainTextEdit):  # Tab would type a tab: click elsewhere instead
        elsewhere.setFocus()
    else:
        qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not field.hasFocus())


@pytest.mark.parametrize(
    "text",
    [
        at_limit("Delight"),
        f"{CODER} Make onboarding effortless {CODER}",
        HEBREW,
        ARABIC,
        COMBINING,
        "\u202bמעורב mixed 12 ✓\u202c",
    ],
    ids=["300-characters", "emoji", "hebrew", "arabic", "combining", "bidi-controls"],
)
def test_objective_title_is_saved_exactly(qtbot, editor, text: str) -> None:
    detail, elsewhere, ws, objective, _ = editor
    detail.show_item("objective", objective)
    title = detail.editors["objective"].title
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    title.setText(text)
    leave(qtbot, title, elsewhere)
    assert entities.get(ws, "objective", objective)["title"] == text
    # Shown again exactly as stored, and the coach has looked at it without trouble.
    detail.show_item("objective", objective)
    assert detail.editors["objective"].title.text() == text
    assert detail.editors["objective"].error_label.text() == ""


def test_long_odd_why_and_key_result_are_saved_exactly(qtbot, editor) -> None:
    detail, elsewhere, ws, objective, kr = editor
    detail.show_item("objective", objective)
    why_box = detail.editors["objective"].fields["why"]
    why = "\n".join([HEBREW, ARABIC, CODER, COMBINING, at_limit("Because", 4000)])
    why_box.setFocus()
    qtbot.waitUntil(why_box.hasFocus)
    why_box.setPlainText(why)
    leave(qtbot, why_box, elsewhere)
    assert entities.get(ws, "objective", objective)["why"] == why

    detail.show_item("key_result", kr)
    title = detail.editors["key_result"].title
    text = f"Raise {COMBINING} visits from 30 to 45 {CODER}"
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    title.setText(text)
    leave(qtbot, title, elsewhere)
    assert entities.get(ws, "key_result", kr)["title"] == text


def test_a_title_over_the_limit_is_kept_in_the_field_and_not_saved(qtbot, editor) -> None:
    detail, elsewhere, ws, objective, _ = editor
    detail.show_item("objective", objective)
    objective_editor = detail.editors["objective"]
    title = objective_editor.title
    too_long = at_limit("Delight") + "👩"  # 301 code points
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    title.setText(too_long)
    leave(qtbot, title, elsewhere)
    assert entities.get(ws, "objective", objective)["title"] == "Draft"
    assert title.text() == too_long  # nothing typed is lost
    assert "too long (301 characters; at most 300)" in objective_editor.error_label.text()
