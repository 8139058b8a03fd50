"""The step list on the left: where we are, what is done (✓) and what each step still needs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from okrdesk.services.planning import STEPS, StepStatus

STYLE = """
#stepButton { border: none; border-left: 4px solid transparent; border-radius: 0; }
#stepButton[current="true"] { background: #dce8f7; border-left: 4px solid #2f6db5; }
#stepButton:hover { background: #eef3fa; }
#stepTitle { color: #1a1a1a; }
#stepMark { border-radius: 13px; min-width: 26px; max-width: 26px; min-height: 26px;
            max-height: 26px; background: #e4e7eb; color: #444; font-weight: bold; }
#stepMark[done="true"] { background: #2e7d32; color: white; }
#stepMark[current="true"] { background: #2f6db5; color: white; }
#stepReason { color: #5a5a5a; }
"""


class StepButton(QFrame):
    clicked = Signal(int)

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.setObjectName("stepButton")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.mark = QLabel(str(index + 1))
        self.mark.setObjectName("stepMark")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(STEPS[index].title)
        self.title.setObjectName("stepTitle")
        self.reason = QLabel()
        self.reason.setObjectName("stepReason")
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        font = self.reason.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.reason.setFont(font)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(0)
        grid.addWidget(self.mark, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.title, 0, 1)
        grid.addWidget(self.reason, 1, 1)
        grid.setColumnStretch(1, 1)
        self.done = False
        self.current = False

    def show_state(self, status: StepStatus | None, current: bool) -> None:
        self.done = bool(status and status.done)
        self.current = current
        self.mark.setText("✓" if self.done else str(self.index + 1))
        self.reason.setText(status.reason if status else "")
        self.reason.setVisible(bool(status and status.reason))
        font = self.title.font()
        font.setBold(current)
        self.title.setFont(font)
        for widget in (self, self.mark):
            widget.setProperty("current", current)
        self.mark.setProperty("done", self.done and not current)
        for widget in (self, self.mark):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        state = "done" if self.done else "not done"
        where = ", current step" if current else ""
        self.setAccessibleName(f"Step {self.index + 1}: {STEPS[self.index].title}, {state}{where}")
        self.setToolTip(f"{STEPS[self.index].purpose}\n{status.reason if status else ''}".strip())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            self.clicked.emit(self.index)
        super().mousePressEvent(event)


class StepList(QWidget):
    """Seven steps, each clickable; the current one highlighted, done ones ticked."""

    step_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepList")
        self.setStyleSheet(STYLE)
        self.buttons = [StepButton(step.index) for step in STEPS]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for button in self.buttons:
            button.clicked.connect(self.step_clicked)
            layout.addWidget(button)
        layout.addStretch(1)

    def show_state(self, statuses: list[StepStatus], current: int, reachable: int) -> None:
        """Tick what is done, highlight `current`; steps from `reachable` on are disabled."""
        for button, status in zip(self.buttons, statuses, strict=False):
            button.show_state(status, button.index == current)
            button.setEnabled(button.index < reachable)
