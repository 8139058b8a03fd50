"""Presentation mode at 1920×1080: large type, the keys of a presenter remote, the clock
in words and colour, and every step's content fitting the screen."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from fake_time import FakeTime
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from okrdesk.services import entities
from okrdesk.services.views import current_cycle_id, team_nodes
from okrdesk.services.workshop_ideas import add_candidates, group_duplicates
from okrdesk.services.workshop_votes import set_dots
from okrdesk.services.workspace import Workspace
from ui.facilitation import FacilitationWidget, PresentationWindow, prompts
from ui.facilitation.presentation import BACKGROUND, CLOCK_COLOURS, MIN
from ui.facilitation.slides import slide_for
from ui.session import WorkspaceSession

SCREENSHOTS = None  # set to a folder path to keep the screenshots of a run
TODAY = date(2026, 11, 23)  # the day the demo workspace is built for (tests/conftest.py)


@pytest.fixture
def presenting(qtbot, demo_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """The demo's Café Sales team in a workshop with ideas and votes, presented at 1080p."""
    monkeypatch.setattr(prompts, "ask_text", lambda *_a: "Café Sales Q4 planning")
    session = WorkspaceSession(Workspace.open(demo_copy))
    now = FakeTime()
    widget = FacilitationWidget(session, now=now)
    qtbot.addWidget(widget)
    ws = session.ws
    cycle = current_cycle_id(ws, TODAY)
    team = next(t.id for t in team_nodes(ws) if t.name == "Café Sales")
    widget.set_context(cycle, team)
    session_id = widget.new_session()
    add_candidates(
        ws,
        session_id,
        "Win back cafés that stopped ordering beans\nBecome the first call for new café owners\n"
        "Make every lease a five-star experience\nwin back cafes that stopped ordering beans!\n"
        "Sell more grinders",
    )
    group_duplicates(ws, session_id)
    ids = [r["id"] for r in _candidates(ws, session_id)]
    set_dots(ws, ids[1], None, 5)
    set_dots(ws, ids[0], None, 3)
    entities.create(
        ws, "parking_lot_item", text="Ask finance about leasing rates", session_id=session_id
    )
    window = widget.toggle_presentation()
    assert isinstance(window, PresentationWindow)
    qtbot.addWidget(window)
    window.showNormal()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.content.height() > 500, timeout=2000)
    window.fit_content()
    yield widget, window, now, tmp_path
    session.close()


def _candidates(ws: Workspace, session_id: str) -> list[dict]:
    return entities.list_items(ws, "candidate", session_id=session_id)


def shoot(window: PresentationWindow, folder: Path, name: str) -> Path:
    window.fit_content()
    path = Path(SCREENSHOTS or folder) / f"presentation-{name}.png"
    assert window.grab().save(str(path))
    return path


def test_type_is_readable_from_the_back_of_the_room(presenting):
    _widget, window, _now, folder = presenting
    assert window.body_pixel_size() >= 28
    assert window.title.font().pixelSize() >= 56
    assert window.countdown.font().pixelSize() >= 140
    for label in (window.next_up, window.where, window.schedule, window.status):
        assert label.font().pixelSize() >= MIN
    shoot(window, folder, "agenda")


def test_every_step_fits_the_screen_at_28_px_or_more(presenting):
    widget, window, _now, folder = presenting
    count = len(widget.ctx.agenda())
    for step in range(count):
        widget.ctx.clock.go_to(step)
        window.fit_content()
        assert window.body_px >= 28, f"step {step + 1}"
        needed = window.content.heightForWidth(window.content.width())
        assert needed <= window.content.height(), f"step {step + 1} is clipped"
        if step in (2, 4, 9):
            shoot(window, folder, f"step-{step + 1}")


def test_keys_of_a_presenter_remote_move_pause_and_leave(qtbot, presenting):
    widget, window, now, _folder = presenting
    clock = widget.ctx.clock
    assert clock.step == 0 and window.step_no.text() == "STEP 1 OF 10"
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert clock.step == 1 and window.step_no.text() == "STEP 2 OF 10"
    assert window.title.text() == "Where we are heading: mission and strategy"
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert clock.step == 3
    assert "Candidate objectives — ranked by dots" in window.content.text()
    assert "5 dots" in window.content.text()
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert clock.step == 1
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert clock.running
    now.now += 30
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert not clock.running and round(clock.reading().elapsed) == 30
    qtbot.keyClick(window, Qt.Key.Key_B)  # blank the screen while the room talks
    assert window.blank and not window.title.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert not window.blank and window.title.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert widget.present_button.text() == "Present (F5)"


def test_overtime_shows_in_words_and_another_colour(qtbot, presenting):
    widget, window, now, folder = presenting
    clock = widget.ctx.clock
    clock.go_to(3)  # the brainstorm: 15 minutes
    clock.start()
    assert window.countdown.text() == "15:00"
    assert CLOCK_COLOURS["running"] in window.countdown.styleSheet()
    now.now += 14 * 60 + 30
    clock.tick()
    assert window.countdown.text() == "0:30"
    assert CLOCK_COLOURS["ending"] in window.countdown.styleSheet()
    assert window.status.text() == "last minute"
    with qtbot.waitSignal(clock.time_up, timeout=1000):
        now.now += 30
        clock.tick()
    assert window.status.text() == "Time is up"
    assert CLOCK_COLOURS["ending"] in window.clock_frame.styleSheet()  # the amber frame
    now.now += 130
    clock.tick()
    assert window.countdown.text() == "+2:10"
    assert CLOCK_COLOURS["over"] in window.countdown.styleSheet()
    assert window.status.text() == "+2:10 over"
    shoot(window, folder, "overtime")


def test_the_emerging_okr_set_carries_the_coachs_flags_in_words(presenting):
    widget, window, _now, _folder = presenting
    widget.ctx.clock.go_to(6)  # key results
    window.fit_content()
    text = window.content.text()
    assert "Café Sales: the OKRs so far" in text
    assert "▲ Warning" in text  # the demo's activity posing as a key result
    widget.ctx.clock.go_to(9)  # review: the parking lot beside the set
    window.fit_content()
    assert "Parking lot (1)" in window.content.text()
    assert "Ask finance about leasing rates" in window.content.text()


def test_the_agenda_slide_says_which_steps_were_skipped(presenting):
    widget, window, now, folder = presenting
    clock = widget.ctx.clock
    clock.start()
    now.now += 9 * 60
    clock.go_to(2)  # mission and strategy passed over
    now.now += 10 * 60
    clock.go_to(5)  # the break shows the agenda
    window.fit_content()
    assert window.title.text() == "Break"
    assert ">skipped<" in window.content.text()
    lines = {block.main.text: block for block in slide_for(widget.ctx).blocks}
    assert lines["Welcome and why we are here"].aside == "took 9:00"
    assert lines["Where we are heading: mission and strategy"].aside == "skipped"
    assert lines["This cycle's themes"].aside == "took 10:00"
    assert lines["Dot vote and choose"].aside == "skipped"
    assert window.schedule.text().endswith("1 min ahead of plan · 3 steps skipped (35 min)")
    shoot(window, folder, "agenda-skipped")


def contrast(colour: str, background: str = BACKGROUND) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(colour), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_nothing_on_any_slide_is_small_or_pale(presenting):
    """At 1080 lines nothing is below 28 px, and secondary text (the schedule, what comes
    next, the "… and N more" lines) is as clear as the body: 12:1 or more."""
    widget, window, _now, _folder = presenting
    for step in range(len(widget.ctx.agenda())):
        widget.ctx.clock.go_to(step)
        window.fit_content()
        html = window.content.text()
        sizes = [int(px) for px in re.findall(r"font-size:(\d+)px", html)]
        assert sizes and min(sizes) >= MIN, f"step {step + 1}"
        for label in window.findChildren(QLabel):
            if label.isVisible() and label.text():
                assert label.font().pixelSize() >= MIN, (step, label.objectName())
        for colour in set(re.findall(r"color:(#[0-9a-f]{6})", html)):
            assert contrast(colour) >= 7, (step, colour)  # all of it: WCAG's AAA
    for label in (window.schedule, window.next_up, window.where):
        colour = re.search(r"color: (#[0-9a-f]{6})", label.styleSheet())
        assert colour is not None and contrast(colour[1]) >= 12, label.objectName()


def test_alignment_shows_links_up_and_down_and_flags_only_team_objectives(presenting):
    widget, window, _now, folder = presenting
    widget.ctx.clock.go_to(8)  # alignment
    window.fit_content()
    text = window.content.text()
    assert "↑ supports" in text and "Plant our flag in Basel and Alsace" in text
    assert "supports nothing yet" not in text
    ws = widget.ctx.ws
    company = next(t.id for t in team_nodes(ws) if t.depth == 0)
    widget.set_context(widget.ctx.cycle_id, company)
    window.fit_content()
    text = window.content.text()
    # The company's objectives support nothing by design; the teams' links up show.
    assert "supports nothing yet" not in text
    assert "↓ supported by" in text
    assert "Keep every lease customer for a second term · Café Sales" in text
    shoot(window, folder, "alignment-company")


def test_a_long_review_fills_the_screen_in_columns_and_counts_right(presenting):
    widget, window, _now, folder = presenting
    ws = widget.ctx.ws
    for n in range(5):
        objective = entities.create(
            ws,
            "objective",
            cycle_id=widget.ctx.cycle_id,
            team_id=widget.ctx.team_id,
            title=f"Objective number {n + 3} of the sales team this quarter",
            owner="Ana",
        )
        for k in range(3):
            entities.create(
                ws,
                "key_result",
                objective_id=objective,
                title=f"Raise repeat orders in region {k + 1} from 20 to 40 a month",
                start=20,
                target=40,
                unit="orders",
            )
    widget.ctx.clock.go_to(9)  # review: seven objectives and the parking lot
    window.fit_content()
    html = window.content.text()
    shown = len(re.findall(r">O\d+<", html))
    more = re.search(r"… and (\d+) more objectives", html)
    assert more is not None and int(more[1]) == 7 - shown  # the coach's block is not one
    assert shown >= 3
    assert window.columns >= 2  # the width is used
    assert window.body_px >= MIN
    needed = window.content.heightForWidth(window.content.width())
    assert needed <= window.content.height()
    shoot(window, folder, "review-long")
