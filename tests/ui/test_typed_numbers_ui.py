"""Issue 15, item 12 in the window: the check-in grid and a key result's start and target
read what is typed with the decimal separator of the locale the window runs in (Qt's), by
the core's one rule: "0,125" is 0.125 in German and refused in English (0.125 or 125?).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication

from okrdesk.services import entities
from okrdesk.services.checkin_views import last_check_in
from tests.ui.test_checkins_ui import open_page, press, start_at, type_text
from ui.app import Windows
from ui.checkins.format import ERROR_BACKGROUND
from ui.checkins.grid_rows import VALUE

NEXT_WEEK = date(2026, 11, 30)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture
def in_locale() -> Iterator[object]:
    before = QLocale()

    def use(locale: QLocale) -> None:
        QLocale.setDefault(locale)

    yield use
    QLocale.setDefault(before)


def test_0_125_typed_in_english_is_refused_and_nothing_is_saved(
    qtbot, demo_copy: Path, answers, in_locale
) -> None:
    in_locale(ENGLISH)
    window, page = open_page(qtbot, demo_copy)
    page.date_edit.setDate(QDate(NEXT_WEEK))
    kr = page.key_result_ids()[1]
    before = last_check_in(window.session.ws, kr)
    start_at(page, kr)
    type_text(qtbot, "0,125")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert last_check_in(window.session.ws, kr) == before
    assert "could be 0.125 or 125" in page.banner.text()
    assert page.grid.item(page.grid.row_of(kr), VALUE).background().color() == ERROR_BACKGROUND


def test_0_125_typed_in_german_is_saved_as_0_125(
    qtbot, demo_copy: Path, answers, in_locale
) -> None:
    in_locale(GERMAN)
    window, page = open_page(qtbot, demo_copy)
    page.date_edit.setDate(QDate(NEXT_WEEK))
    kr = page.key_result_ids()[1]
    start_at(page, kr)
    type_text(qtbot, "0,125")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = last_check_in(window.session.ws, kr)
    assert (saved.date, saved.value) == (NEXT_WEEK, 0.125)
    # Shown as it was typed: the value reads back the same when saved again.
    qtbot.waitUntil(lambda: page.grid.item(page.grid.row_of(kr), VALUE).text() == "0,125")


def _target_field(qtbot, demo_copy: Path):
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    key_result = window.okr_view.tree.teams[0].objectives[0].key_results[0]
    window.okr_view.select("key_result", key_result.id)
    editor = window.editor.editors["key_result"]
    return window, key_result.id, editor, editor.fields["target"]


def _type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_a_target_of_2_125_typed_in_english_is_refused(qtbot, demo_copy: Path, in_locale) -> None:
    in_locale(ENGLISH)
    window, kr, editor, field = _target_field(qtbot, demo_copy)
    before = entities.get(window.session.ws, "key_result", kr)["target"]
    _type_into(qtbot, field, "2,125")
    assert entities.get(window.session.ws, "key_result", kr)["target"] == before
    assert "could be 2.125 or 2125" in editor.error_label.text()
    assert field.text() == "2,125"  # the typed text stays, to be fixed


def test_a_target_typed_in_german_reads_the_comma_as_decimal(
    qtbot, demo_copy: Path, in_locale
) -> None:
    in_locale(GERMAN)
    window, kr, editor, field = _target_field(qtbot, demo_copy)
    _type_into(qtbot, field, "2,125")
    assert entities.get(window.session.ws, "key_result", kr)["target"] == 2.125
    assert editor.error_label.text() == ""
