"""The workshop tab as a facilitator meets it in the main window: its keys work as soon
as the tab shows, whatever has the focus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ui.app import Windows
from ui.facilitation import FacilitationWidget, prompts


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed on the keyboard: it goes to whatever has the focus."""
    target = QApplication.focusWidget()
    assert isinstance(target, QWidget)
    qtbot.keyClick(target, key, modifier)


@pytest.fixture
def window(qtbot, demo_copy: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(prompts, "ask_text", lambda *_a: "Cafe Sales Q4 planning")
    monkeypatch.setattr(prompts, "tell", lambda *_a: None)
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.navigator.teams.setFocus()  # where a facilitator's last click often was
    yield window
    page = window.workshop_page.content
    if isinstance(page, FacilitationWidget) and page.presentation is not None:
        page.presentation.close()


def workshop(qtbot, window) -> FacilitationWidget:
    """The workshop tab, once Qt has shown what the tab built on its first showing."""
    page = window.workshop_page.content
    assert isinstance(page, FacilitationWidget)
    qtbot.waitUntil(page.isVisible, timeout=2000)
    return page


def test_f5_presents_right_after_ctrl_4(qtbot, window) -> None:
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.workshop_page
    page = workshop(qtbot, window)
    page.new_session()
    window.navigator.teams.setFocus()  # the focus is outside the workshop panel
    assert not page.isAncestorOf(QApplication.focusWidget())
    press(qtbot, Qt.Key.Key_F5)
    assert page.presentation is not None and page.presentation.isVisible()
    assert page.present_button.text() == "Leave presentation (F5)"


def test_presenter_keys_work_on_the_tab_and_only_there(qtbot, window) -> None:
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = workshop(qtbot, window)
    page.new_session()
    clock = page.ctx.clock
    window.navigator.teams.setFocus()
    press(qtbot, Qt.Key.Key_PageDown)
    press(qtbot, Qt.Key.Key_PageDown)
    assert clock.step == 2
    press(qtbot, Qt.Key.Key_PageUp)
    assert clock.step == 1
    press(qtbot, Qt.Key.Key_F5)
    presentation = page.presentation
    assert presentation is not None and presentation.isVisible()
    with qtbot.waitActive(window):  # the facilitator clicks back into the main window
        window.activateWindow()
    window.navigator.teams.setFocus()
    press(qtbot, Qt.Key.Key_B)  # a remote's "blank" button
    assert presentation.blank
    press(qtbot, Qt.Key.Key_Period)
    assert not presentation.blank
    press(qtbot, Qt.Key.Key_Escape)
    assert not presentation.isVisible()
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # another tab: not here
    assert window.tabs.currentIndex() == 0
    press(qtbot, Qt.Key.Key_F5)
    press(qtbot, Qt.Key.Key_PageDown)
    assert not presentation.isVisible()
    assert clock.step == 1
