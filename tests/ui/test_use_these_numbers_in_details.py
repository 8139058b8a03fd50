"""'Use these numbers' in the OKR view's detail panel (issue 13, defect 1): the click leaves
the focus in the title, so the sentence the numbers were read from is saved with them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from okrdesk.services import entities
from ui.app import Windows


def test_use_these_numbers_keeps_the_sentence_they_were_read_from(qtbot, demo_copy: Path) -> None:
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    key_result = window.okr_view.tree.teams[0].objectives[0].key_results[0]
    window.okr_view.select("key_result", key_result.id)
    editor = window.editor.editors["key_result"]
    field = editor.fields["title"]
    field.setFocus()
    field.selectAll()
    sentence = "Cut callouts missed from 40 to 10 calls"
    qtbot.keyClicks(field, sentence)
    editor.coach.check_now()  # as when typing pauses
    QTest.mouseClick(editor.coach.fill_button, Qt.MouseButton.LeftButton)
    stored = entities.get(window.session.ws, "key_result", key_result.id)
    assert (stored["title"], stored["start"], stored["target"]) == (sentence, 40, 10)
    assert field.text() == sentence
