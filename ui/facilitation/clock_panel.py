"""The facilitator's clock: the countdown of the current step, pause/resume, previous and
next step, the running total against the plan, and the sound switch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from okrdesk.services.workshop_clock import Reading, run_of_plan
from ui.facilitation.context import WorkshopContext

# Light theme (the facilitator's window); colour always comes with words.
STATE_COLOURS = {"running": "#1a1a1a", "paused": "#555555", "ending": "#9a5b00", "over": "#b00020"}


class ClockPanel(QWidget):
    def __init__(self, ctx: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.step_label = QLabel()
        self.step_label.setObjectName("clockStep")
        self.step_label.setWordWrap(True)
        self.step_label.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.step_label.font())
        bold.setBold(True)
        self.step_label.setFont(bold)
        self.countdown = QLabel("0:00")
        self.countdown.setObjectName("clockCountdown")
        big = QFont(self.countdown.font())
        big.setPointSizeF(big.pointSizeF() * 3)
        big.setBold(True)
        self.countdown.setFont(big)
        self.status = QLabel()
        self.status.setObjectName("clockStatus")
        self.schedule = QLabel()
        self.schedule.setObjectName("clockSchedule")
        # Wraps rather than widening the agenda's column ("… · 2 steps skipped (25 min)").
        self.schedule.setWordWrap(True)

        self.start_button = QPushButton("Start")
        self.start_button.setObjectName("clockStart")
        self.start_button.setToolTip("Start or pause the clock (P in presentation mode)")
        self.start_button.clicked.connect(ctx.clock.toggle)
        self.previous_button = QPushButton("← Previous")
        self.previous_button.clicked.connect(ctx.clock.previous)
        self.next_button = QPushButton("Next step →")
        self.next_button.setObjectName("clockNext")
        self.next_button.clicked.connect(ctx.clock.next)
        self.sound = QCheckBox("Sound at time up")
        self.sound.setObjectName("clockSound")
        self.sound.toggled.connect(lambda on: setattr(ctx.clock, "sound", on))

        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.next_button)
        # The buttons come first: the lines below wrap as their text grows (a long step
        # title, "… · 2 steps skipped"), and a button that moves under the pointer
        # loses the next click.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.step_label)
        row = QHBoxLayout()
        row.addWidget(self.countdown)
        side = QVBoxLayout()
        side.addStretch(1)
        side.addWidget(self.status)
        side.addWidget(self.schedule)
        row.addLayout(side, 1)
        layout.addLayout(row)
        layout.addWidget(self.sound)

        ctx.clock.ticked.connect(self.show_reading)
        ctx.clock.step_changed.connect(lambda _i: self.show_reading(ctx.clock.reading()))

    def show_reading(self, reading: Reading) -> None:
        step = self.ctx.current_step()
        has_steps = reading.count > 0
        if step is None:
            self.step_label.setText("No agenda yet")
        else:
            self.step_label.setText(f"Step {reading.step + 1} of {reading.count}: {step.title}")
        self.countdown.setText(reading.countdown if has_steps else "—")
        colour = STATE_COLOURS[reading.state]
        self.countdown.setStyleSheet(f"color: {colour};")
        self.status.setText((reading.status or "running") if has_steps else "")
        self.status.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.schedule.setText(reading.schedule if has_steps else "")
        self.start_button.setText("Pause" if reading.running else "Start")
        if has_steps and self.ctx.clock.finished:  # closed, not "paused · +0:35 over"
            self.step_label.setText("The workshop is finished")
            self.countdown.setText("Done")
            self.countdown.setStyleSheet("")
            self.status.setText("finished")
            self.status.setStyleSheet("font-weight: bold;")
            self.schedule.setText(finished_words(reading))
            self.start_button.setText("Carry on")
        self.start_button.setEnabled(has_steps)
        self.previous_button.setEnabled(has_steps and reading.step > 0)
        self.next_button.setEnabled(has_steps and reading.step + 1 < reading.count)


def finished_words(reading: Reading) -> str:
    """ "Ran 1:53:10 of 2:00:00 planned" (the summary's figure)."""
    return f"Ran {run_of_plan(reading.total_elapsed, reading.total_planned)} planned"
