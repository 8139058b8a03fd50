"""What a facilitator tripped over outside the planning editors (issue 13), driven with
real clicks on real widgets and a real file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from ui.app import Windows

LEFT = Qt.MouseButton.LeftButton


def test_the_okrs_heading_follows_a_state_change_made_on_the_review_tab(
    qtbot, demo_copy: Path, answers
) -> None:
    window = Windows().open(demo_copy)
    qtbot.addWidget(window)
    window.show()
    assert window.heading.text().endswith(", active)")
    window.show_view("review")
    review = window.review_page.build()
    qtbot.waitUntil(lambda: "review" in review.review.state_bar.buttons, timeout=2000)
    button = review.review.state_bar.buttons["review"]
    answers.confirm = True
    qtbot.mouseClick(button, LEFT)
    assert answers.questions  # it asked first
    window.show_view("okrs")
    qtbot.waitUntil(lambda: window.heading.text().endswith(", review)"), timeout=2000)
