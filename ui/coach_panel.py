"""The live coach beside a text field: findings appear a moment after typing stops."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from okrdesk.coach import (
    NEUTRAL,
    Finding,
    HintExamples,
    ParsedMetric,
    check_initiative,
    check_key_result,
    check_objective,
    parse_metric,
)
from okrdesk.formatting import span

DEBOUNCE_MS = 300
# Room kept for the findings whatever they say: two findings with their hints at a laptop's
# width. More than that scrolls inside the box; the form below never moves while typing.
RESERVED_LINES = 8
MARKS = {"error": "✖", "warning": "▲", "info": "●"}
COLOURS = {"error": "#b00020", "warning": "#9a5b00", "info": "#35608f"}

Checker = Callable[..., list[Finding]]
CHECKERS: dict[str, Checker] = {
    "objective": check_objective,
    "key_result": check_key_result,
    "initiative": check_initiative,
}


def findings_html(findings: list[Finding]) -> str:
    """Findings as rich text: a mark and the severity in words (not colour alone)."""
    parts = []
    for f in findings:
        colour = COLOURS[f.severity]
        parts.append(
            f"<p style='margin:0 0 6px 0'><span style='color:{colour}'>{MARKS[f.severity]} "
            f"<b>{f.severity.capitalize()}</b></span> {escape(f.message)}<br>"
            f"<span style='color:#444'>{escape(f.hint)}</span></p>"
        )
    return "".join(parts)


class CoachPanel(QWidget):
    """Shows the coach's findings for one statement; offers to fill a parsed metric.

    Call :meth:`watch` with the text as the person types; the check runs once the
    typing pauses. ``metric_offered`` carries a ParsedMetric when the user clicks
    "Use these numbers".
    """

    metric_offered = Signal(object)

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.disabled: frozenset[str] = frozenset()
        self.examples: HintExamples = NEUTRAL  # the workspace's kind's, set by the editor
        self.key_result_kind = "metric"
        self.findings: list[Finding] = []
        self.metric: ParsedMetric | None = None
        self._text = ""
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.check_now)

        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setObjectName("coachFindings")
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.fill_button = QPushButton("Use these numbers")
        # A click must not take the focus from the field being typed in: leaving the field
        # saves it and reflows the form, which moved the button from under the pointer
        # between press and release, and the click was lost. Tab still reaches it.
        self.fill_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.fill_button.setVisible(False)
        self.fill_button.clicked.connect(lambda: self.metric_offered.emit(self.metric))
        self.metric_label = QLabel()
        self.metric_label.setVisible(False)
        if kind == "key_result":  # the numbers' row keeps its room while there are none
            for widget in (self.fill_button, self.metric_label):
                policy = widget.sizePolicy()
                policy.setRetainSizeWhenHidden(True)
                widget.setSizePolicy(policy)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.metric_label, 1)
        row.addWidget(self.fill_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self._reserved_box(self.label))
        layout.addLayout(row)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _reserved_box(self, label: QLabel) -> QScrollArea:
        """The findings in a box of fixed height: as findings come and go while the person
        types, the fields and buttons below stay where the pointer expects them."""
        box = QScrollArea()
        box.setObjectName("coachBox")
        box.setWidget(label)
        box.setWidgetResizable(True)
        box.setFrameShape(QFrame.Shape.NoFrame)
        box.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click on it leaves the typing be
        box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box.setStyleSheet("#coachBox, #coachBox > QWidget { background: transparent; }")
        label.setAutoFillBackground(False)
        box.setFixedHeight(RESERVED_LINES * label.fontMetrics().lineSpacing())
        return box

    def watch(self, text: str) -> None:
        self._text = text
        self._timer.start()

    def check_now(self) -> None:
        self._timer.stop()
        text = self._text
        if self.kind == "key_result":
            self.findings = check_key_result(
                text, self.disabled, kind=self.key_result_kind, examples=self.examples
            )
            self.metric = parse_metric(text) if self.key_result_kind != "milestone" else None
        else:
            self.findings = CHECKERS[self.kind](text, self.disabled, examples=self.examples)
            self.metric = None
        if self.findings:
            self.label.setText(findings_html(self.findings))
        elif text.strip():
            self.label.setText("<span style='color:#2e6b30'>✔ The coach is happy with this.</span>")
        else:
            self.label.setText("")
        usable = self.metric is not None and self.metric.target is not None
        self.fill_button.setVisible(usable)
        self.metric_label.setVisible(usable)
        if usable and self.metric is not None:
            m = self.metric
            self.metric_label.setText(f"Read: {span(m.start, m.target, m.unit)}")

    def clear(self) -> None:
        """Nothing to judge yet (a blank new item): no findings, a quiet invitation."""
        self._timer.stop()
        self._text = ""
        self.findings, self.metric = [], None
        self.fill_button.setVisible(False)
        self.metric_label.setVisible(False)
        self.label.setText("<span style='color:#777'>The coach reads along as you type.</span>")

    def rules(self) -> list[str]:
        return [f.rule for f in self.findings]
