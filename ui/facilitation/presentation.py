"""Presentation mode: the room's view on the projector, full screen on a chosen screen.

Large type scaled from the screen height (body text 34 px at 1080 lines, nothing below
28 px), light text on a dark background, the step and its clock at the top, the step's
content below. Overtime turns the clock red *and* says "+2:10 over". Keys (also those
of a presenter remote): Page Down / Right / Space next step, Page Up / Left previous,
P pause or resume, B or . blank the screen, Escape leaves.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QKeyEvent,
    QScreen,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.services.workshop_clock import Reading
from ui.facilitation import slide_html
from ui.facilitation.clock_panel import finished_words
from ui.facilitation.context import WorkshopContext
from ui.facilitation.screens import projector_screen
from ui.facilitation.slide_html import COLOURS
from ui.facilitation.slide_layout import GAP, lay_out, sections_of
from ui.facilitation.slides import Slide, slide_for
from ui.refresh import OKRS, WORKSHOP, Refresher

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
BACKGROUND = "#0f1216"
CLOCK_COLOURS = {
    "running": "#f4f6f8",
    "paused": "#d0d7e0",
    "ending": "#ffc24a",  # the last minute: amber
    "over": "#ff6f61",  # overtime: red, with "+m:ss over" in words
}
ALONE_NOTICE = (
    "This screen now shows the room's view (there is no second screen). "
    "Esc or F5 leaves it; Page Down / Page Up move between steps."
)
BODY, SMALL, TITLE, CLOCK, MIN = 34, 30, 58, 150, 28  # pixels at 1080 lines
NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Down}
PREVIOUS_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up}
BLANK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period}
FLASH_MS = 4000
NOTICE_MS = 8000  # how long the "this screen is the room's view" notice stays


@cache
def family() -> str:
    """DejaVu Sans from our resources (marks like ▲ ✓ ✖ on every machine), else the default."""
    found = ""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(FONT_DIR / name))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        found = found or (families[0] if families else "")
    return found or QFont().family()


class PresentationWindow(QWidget):
    """The room's screen. ``closed`` fires when it is left (Escape or closed)."""

    closed = Signal()

    def __init__(self, ctx: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setObjectName("presentationWindow")
        self.setWindowTitle("OKR Desk — presentation")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(f"#presentationWindow {{ background: {BACKGROUND}; }}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.body_px = BODY
        self.shown_blocks = 0  # how many blocks of the slide fit (the rest: "… and N more")
        self.columns = 1  # newspaper columns the slide takes
        self.blank = False
        self._flashing = False
        self._slide = Slide("")

        self.step_no = self._label("stepNumber")
        self.title = self._label("stepTitle")
        self.title.setWordWrap(True)
        self.countdown = self._label("countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status = self._label("clockStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.schedule = self._label("clockSchedule")
        self.schedule.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.clock_frame = QFrame()
        self.clock_frame.setObjectName("clockFrame")
        clock = QVBoxLayout(self.clock_frame)
        clock.setContentsMargins(24, 0, 24, 8)
        clock.setSpacing(0)
        clock.addWidget(self.countdown)
        clock.addWidget(self.status)
        clock.addWidget(self.schedule)
        self.content = self._label("slideContent")
        self.content.setTextFormat(Qt.TextFormat.RichText)
        self.content.setWordWrap(True)
        self.content.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.content.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        # Measures a column as a label draws it (never shown).
        self._probe = self._label("probe")
        self._probe.setTextFormat(Qt.TextFormat.RichText)
        self._probe.setWordWrap(True)
        self.next_up = self._label("nextStep")
        self.where = self._label("where")
        self.where.setAlignment(Qt.AlignmentFlag.AlignRight)
        # Said when the presentation takes over the facilitator's only screen: a band
        # over the footer (outside the layout, so that the slide does not move).
        self.notice = QLabel(self)
        self.notice.setObjectName("presentNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.rule = QFrame()
        self.rule.setFixedHeight(3)
        self.rule.setStyleSheet(f"background: {COLOURS['muted']};")

        left = QVBoxLayout()
        left.addWidget(self.step_no)
        left.addWidget(self.title)
        left.addStretch(1)
        header = QHBoxLayout()
        header.addLayout(left, 1)
        header.addWidget(self.clock_frame, 0, Qt.AlignmentFlag.AlignTop)
        footer = QHBoxLayout()
        footer.addWidget(self.next_up, 1)
        footer.addWidget(self.where)
        self.frame = QVBoxLayout(self)
        # The window takes the screen it is given; type scales to fit it. The layout's
        # minimum must not resize a full-screen window (it dropped out of full screen).
        self.frame.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.frame.addLayout(header)
        self.frame.addWidget(self.rule)
        self.frame.addWidget(self.content, 1)
        self.frame.addLayout(footer)

        ctx.clock.ticked.connect(self.show_clock)
        ctx.clock.step_changed.connect(self._step_changed)
        ctx.clock.time_up.connect(self.flash)
        self.refresher = Refresher(
            self, ctx.session, WORKSHOP | OKRS, lambda _changes: self.refresh(), delay_ms=0
        )
        self._apply_sizes()

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    # -- showing -----------------------------------------------------------------------------

    def present(
        self, screen: QScreen | None = None, full_screen: bool = True, alone: bool = False
    ) -> None:
        """Show on ``screen`` (default: the projector when there is a second screen);
        ``alone``: it is the facilitator's only screen, so say how to leave."""
        screen = screen or projector_screen(self.parentWidget())
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.refresh()
        if full_screen:
            self.setCursor(Qt.CursorShape.BlankCursor)
            self.showFullScreen()
        else:
            self.show()
        self.raise_()
        self.activateWindow()
        self.setFocus()
        if alone:
            self.notice.setText(ALONE_NOTICE)
            self._place_notice()
            self.notice.show()
            self.notice.raise_()
            QTimer.singleShot(NOTICE_MS, self.hide_notice)
        else:
            self.hide_notice()

    def refresh(self) -> None:
        """Show the current step and its content as the database has it now."""
        self.refresher.caught_up()
        reading = self.ctx.clock.reading()
        steps = self.ctx.agenda()
        step = steps[reading.step] if 0 <= reading.step < len(steps) else None
        self.step_no.setText(f"STEP {reading.step + 1} OF {len(steps)}" if step else "")
        self.title.setText(step.title if step else "No workshop agenda yet")
        following = steps[reading.step + 1] if step and reading.step + 1 < len(steps) else None
        self.next_up.setText(
            f"Next: {following.title} · {following.planned_minutes} min"
            if following
            else ("Last step" if step else "")
        )
        self.where.setText(self._where())
        try:
            self._slide = slide_for(self.ctx)
        except OkrDeskError as exc:
            self._slide = Slide("", empty=str(exc))
        self.show_clock(reading)
        self.fit_content()

    def show_clock(self, reading: Reading) -> None:
        if reading.count == 0:
            self.countdown.setText("")
            self.status.setText("")
            self.schedule.setText("")
            return
        if self.ctx.clock.finished:
            self.countdown.setText("")
            self.status.setText("Finished")
            self.status.setStyleSheet(f"color: {CLOCK_COLOURS['running']}; font-weight: bold;")
            self.schedule.setText(finished_words(reading))
            return
        colour = CLOCK_COLOURS[reading.state]
        self.countdown.setText(reading.countdown)
        self.countdown.setStyleSheet(f"color: {colour};")
        words = reading.status
        if reading.state == "running":
            words = f"{reading.planned // 60} min step"
        if self._flashing and reading.remaining <= 0 and reading.overtime < 60:
            words = "Time is up" + (" · paused" if not reading.running else "")
        self.status.setText(words)
        self.status.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.schedule.setText(reading.schedule)
        border = CLOCK_COLOURS["ending"] if self._flashing else BACKGROUND
        self.clock_frame.setStyleSheet(
            f"#clockFrame {{ border: 6px solid {border}; border-radius: 18px; }}"
        )

    def _step_changed(self, _index: int) -> None:
        self._flashing = False
        self.notice.hide()  # the facilitator found the way round: the slide shows whole
        self.refresh()

    def flash(self) -> None:
        """The gentle signal at time up: the clock is framed in amber for a few seconds."""
        self._flashing = True
        self.show_clock(self.ctx.clock.reading())
        QTimer.singleShot(FLASH_MS, self._end_flash)

    def _end_flash(self) -> None:
        self._flashing = False
        self.show_clock(self.ctx.clock.reading())

    def _where(self) -> str:
        parts = []
        info = self.ctx.info()
        if info is not None:
            parts.append(info.title)
        return " · ".join(parts)

    # -- sizes and fitting -------------------------------------------------------------------

    def unit(self) -> float:
        """Pixels per pixel-at-1080-lines: type scales with the screen height."""
        return max(self.height(), 360) / 1080

    def _px(self, size: float) -> int:
        return max(1, round(size * self.unit()))

    def _apply_sizes(self) -> None:
        u = self.unit()
        margin_x, margin_y = round(64 * u), round(36 * u)
        self.frame.setContentsMargins(margin_x, margin_y, margin_x, round(28 * u))
        self.frame.setSpacing(round(18 * u))
        self.rule.setFixedHeight(max(2, round(3 * u)))
        self._font(self.step_no, SMALL, bold=True, colour=COLOURS["accent"])
        self._font(self.title, TITLE, bold=True, colour=COLOURS["body"])
        self._font(self.countdown, CLOCK, bold=True)
        self._font(self.status, SMALL, bold=True)
        self._font(self.schedule, MIN, colour=COLOURS["muted"])
        self._font(self.next_up, MIN, colour=COLOURS["muted"])
        self._font(self.where, MIN, colour=COLOURS["muted"])
        self._font(self.notice, SMALL, bold=True, colour=BACKGROUND)
        self.notice.setStyleSheet(
            f"color: {BACKGROUND}; background: {CLOCK_COLOURS['ending']};"
            f" border-radius: {round(12 * u)}px; padding: {round(14 * u)}px;"
        )
        # Wide enough for "+88:88", so the header does not jump as the clock ticks; the frame
        # itself is as wide as its widest line (the schedule may be longer).
        metrics = QFontMetrics(self.countdown.font())
        self.countdown.setMinimumWidth(metrics.horizontalAdvance("+88:88") + round(8 * u))

    def _font(self, label: QLabel, size: int, bold: bool = False, colour: str = "") -> None:
        font = QFont(family())
        font.setPixelSize(self._px(size))
        font.setBold(bold)
        label.setFont(font)
        if colour:
            label.setStyleSheet(f"color: {colour};")

    def fit_content(self) -> None:
        """The slide in the largest type that fits (not below 28 px at 1080 lines), in as
        few columns as hold it (:mod:`ui.facilitation.slide_layout`)."""
        if self.blank:
            self.content.setText("")
            return
        self.frame.activate()  # the header may have changed size: measure what is left
        width = max(1, self.content.width() - 8)
        height = max(1, self.content.height() - 8)
        slide = self._slide
        if not slide.blocks and not slide.extra:
            self.body_px, self.shown_blocks = self._px(BODY), 0
            self._set_body_font(self.body_px)
            self.content.setText(slide_html.empty(slide.empty, self.body_px))
            return
        heights: dict[tuple[str, int, int], int] = {}

        def measure(html: str, body: int, column: int) -> int:
            key = (html, body, column)
            if key not in heights:
                self._set_font(self._probe, body)
                self._probe.setText(html)
                heights[key] = self._probe.heightForWidth(column)
            return heights[key]

        layout = lay_out(sections_of(slide), width, height, self.unit(), measure)
        self.body_px = self._px(layout.body)
        self.shown_blocks = layout.shown
        self.columns = len(layout.columns)
        self._set_body_font(self.body_px)
        self.content.setText(
            slide_html.columns(["".join(c) for c in layout.columns], self._px(GAP))
        )

    def _set_body_font(self, pixels: int) -> None:
        self._set_font(self.content, pixels)

    def _set_font(self, label: QLabel, pixels: int) -> None:
        font = QFont(family())
        font.setPixelSize(pixels)
        label.setFont(font)

    def body_pixel_size(self) -> int:
        return self.content.font().pixelSize()

    # -- events ------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_sizes()
        self._place_notice()
        QTimer.singleShot(0, self.fit_content)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.fit_content)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        self.hide_notice()  # read: the slide shows whole again
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_F5):  # F5 toggles, as on the workshop tab
            self.close()
        elif key in NEXT_KEYS:
            self.ctx.clock.next()
        elif key in PREVIOUS_KEYS:
            self.ctx.clock.previous()
        elif key == Qt.Key.Key_P:
            self.ctx.clock.toggle()
        elif key in BLANK_KEYS:
            self.set_blank(not self.blank)
        else:
            super().keyPressEvent(event)

    def hide_notice(self) -> None:
        self.notice.hide()

    def _place_notice(self) -> None:
        u = self.unit()
        width = round(self.width() * 0.8)
        height = self.notice.heightForWidth(width)
        self.notice.setGeometry(
            (self.width() - width) // 2, self.height() - height - round(16 * u), width, height
        )

    def set_blank(self, blank: bool) -> None:
        """A black screen (a presenter remote's "blank" key) while the room talks."""
        self.blank = blank
        for widget in (self.step_no, self.title, self.clock_frame, self.next_up, self.where):
            widget.setVisible(not blank)
        self.rule.setVisible(not blank)
        self.fit_content()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.unsetCursor()
        super().closeEvent(event)
        self.closed.emit()

    def sizeHint(self) -> QSize:
        return QSize(1280, 720)
