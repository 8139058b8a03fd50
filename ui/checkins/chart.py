"""A key result's values over its cycle against the ideal pace line, drawn with QPainter.

Readable in greyscale and on a projector: values are a solid dark line with filled dots,
the ideal pace a dashed grey line from start to target, the target a dotted line, the
check-in date a dash-dotted upright; a value typed in the grid but not saved yet is a
hollow dot ("unsaved"). Dates along the bottom, values up the side (a milestone's axis
reads "not done" / "done"). The legend wraps onto more lines when the chart is narrow.
"""

from __future__ import annotations

import math
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from okrdesk.formatting import number
from okrdesk.services.checkin_views import KeyResultHistory
from ui.checkins.format import day_text

VALUE_COLOUR = QColor("#1f3a5f")
IDEAL_COLOUR = QColor("#7a7a7a")
TARGET_COLOUR = QColor("#3d3d3d")
GRID_COLOUR = QColor("#e4e4e4")
TODAY_COLOUR = QColor("#b0b0b0")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low…high (1, 2, 2.5 or 5 times a power of ten apart)."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(1, count - 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks, value = [], first
    while value < high + step * 0.999:
        ticks.append(round(float(value), 10))
        value += step
    return ticks


def month_starts(start: date, end: date) -> list[date]:
    """The cycle's first day and every first of a month after it, up to its end."""
    days = [start]
    year, month = start.year, start.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        day = date(year, month, 1)
        if day > end:
            return days
        days.append(day)


class KeyResultChart(QWidget):
    """Call :meth:`set_history`; :meth:`points` says what is plotted (for tests and readers)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: KeyResultHistory | None = None
        self.pending: tuple[date, float] | None = None
        self.check_in_day: date | None = None  # the date being checked in: a marked line
        self.setMinimumSize(240, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Chart of the key result's check-ins against the ideal pace")
        self.setAutoFillBackground(True)

    def sizeHint(self) -> QSize:
        return QSize(480, 240)

    def set_history(
        self,
        history: KeyResultHistory | None,
        pending: tuple[date, float] | None = None,
        check_in_day: date | None = None,
    ) -> None:
        self.history, self.pending, self.check_in_day = history, pending, check_in_day
        self.update()

    def points(self) -> list[tuple[date, float]]:
        if self.history is None:
            return []
        return [(p.date, p.value) for p in self.history.points if p.value is not None]

    # -- geometry ------------------------------------------------------------------------------

    def _value_range(self) -> tuple[float, float]:
        h = self.history
        assert h is not None
        if h.kind == "milestone":
            return 0.0, 1.0
        values = [v for _d, v in self.points()]
        values += [v for v in (h.start, h.target) if v is not None]
        values += [v for _d, v in h.ideal]
        if self.pending is not None:
            values.append(self.pending[1])
        if not values:
            return 0.0, 1.0
        low, high = min(values), max(values)
        if math.isclose(low, high):
            low, high = low - 1.0, high + 1.0
        return low, high

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        h = self.history
        if h is None:
            painter.setPen(QColor("#666"))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                "Select a key result in the grid to see its check-ins over the cycle.",
            )
            return
        font = QFont(self.font())
        painter.setFont(font)
        metrics = QFontMetrics(font)
        if h.kind == "milestone":
            ticks = [0.0, 1.0]
            labels = ["not done", "done"]
        else:
            ticks = nice_ticks(*self._value_range())
            labels = [number(t) for t in ticks]
        low, high = ticks[0], ticks[-1]
        label_width = max(metrics.horizontalAdvance(t) for t in labels)
        legend_rows = len(self._legend_lines(metrics, label_width + 14))
        legend_height = legend_rows * (metrics.height() + 4) + 6
        plot = QRectF(
            label_width + 14,
            legend_height + 6,
            self.width() - label_width - 14 - 16,
            self.height() - legend_height - 6 - metrics.height() - 12,
        )
        if plot.width() < 40 or plot.height() < 30:
            return
        span_days = max(1, (h.cycle_end - h.cycle_start).days)

        def x_of(day: date) -> float:
            return plot.left() + plot.width() * (day - h.cycle_start).days / span_days

        pad = 8.0  # keeps dots on the lowest or highest tick off the axes

        def y_of(value: float) -> float:
            share = (value - low) / ((high - low) or 1.0)
            return plot.bottom() - pad - (plot.height() - 2 * pad) * share

        # Grid, value labels, date labels.
        painter.setPen(QPen(GRID_COLOUR, 1))
        for tick, text in zip(ticks, labels, strict=True):
            y = y_of(tick)
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#444"))
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, label_width + 8, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        for day in month_starts(h.cycle_start, h.cycle_end):
            x = x_of(day)
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(QColor("#444"))
            text = day_text(day)
            width = metrics.horizontalAdvance(text)
            left = min(max(0.0, x - width / 2), self.width() - width - 2.0)
            painter.drawText(QPointF(left, plot.bottom() + metrics.ascent() + 5), text)
        painter.setPen(QPen(QColor("#888"), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

        day = self.check_in_day
        if day is not None and h.cycle_start <= day <= h.cycle_end:
            x = x_of(day)
            painter.setPen(QPen(TODAY_COLOUR, 1, Qt.PenStyle.DashDotLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))

        # Target (dotted) and ideal pace (dashed).
        if h.target is not None and h.kind != "milestone":
            y = y_of(h.target)
            painter.setPen(QPen(TARGET_COLOUR, 1.5, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            text = f"target {number(h.target)} {h.unit}".strip()
            width = metrics.horizontalAdvance(text)
            above = y - 4 if y - metrics.height() > plot.top() else y + metrics.ascent() + 3
            painter.drawText(QPointF(plot.right() - width - 2, above), text)
        if len(h.ideal) >= 2:
            painter.setPen(QPen(IDEAL_COLOUR, 2, Qt.PenStyle.DashLine))
            first, last = h.ideal[0], h.ideal[-1]
            painter.drawLine(
                QPointF(x_of(first[0]), y_of(first[1])), QPointF(x_of(last[0]), y_of(last[1]))
            )

        # The values: a line through filled dots (a milestone steps).
        points = [QPointF(x_of(d), y_of(v)) for d, v in self.points()]
        if points:
            path = QPainterPath(points[0])
            for previous, point in pairwise(points):
                if h.kind == "milestone":
                    path.lineTo(point.x(), previous.y())
                path.lineTo(point)
            painter.setPen(QPen(VALUE_COLOUR, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(VALUE_COLOUR)
            painter.setPen(QPen(QColor("white"), 1))
            for point in points:
                painter.drawEllipse(point, 4.5, 4.5)
        if self.pending is not None:
            point = QPointF(x_of(self.pending[0]), y_of(self.pending[1]))
            painter.setBrush(QColor("white"))
            painter.setPen(QPen(VALUE_COLOUR, 2))
            painter.drawEllipse(point, 5, 5)

        self._legend(painter, metrics, plot.left())

    def _legend_items(self) -> list[tuple[str, str, QPen]]:
        """(text, sample kind, pen) for what this chart shows."""
        h = self.history
        items = [("values", "dots", QPen(VALUE_COLOUR, 2.5))]
        if h is not None and h.ideal:
            items.append(("ideal pace", "line", QPen(IDEAL_COLOUR, 2, Qt.PenStyle.DashLine)))
        if h is not None and h.kind != "milestone":
            items.append(("target", "line", QPen(TARGET_COLOUR, 1.5, Qt.PenStyle.DotLine)))
        if self.pending is not None:
            items.append(("unsaved", "hollow", QPen(VALUE_COLOUR, 2)))
        day = self.check_in_day
        if h is not None and day is not None and h.cycle_start <= day <= h.cycle_end:
            pen = QPen(TODAY_COLOUR, 1.5, Qt.PenStyle.DashDotLine)
            items.append((f"check-in date, {day_text(day)}", "upright", pen))
        return items

    def _legend_lines(self, metrics: QFontMetrics, left: float) -> list[list[tuple]]:
        """The legend's items, in as many lines as the width needs."""
        lines: list[list[tuple]] = [[]]
        x = left
        for text, sample, pen in self._legend_items():
            width = 30 + metrics.horizontalAdvance(text) + 18
            if lines[-1] and x + width - 18 > self.width():
                lines.append([])
                x = left
            lines[-1].append((x, text, sample, pen))
            x += width
        return lines

    def _legend(self, painter: QPainter, metrics: QFontMetrics, left: float) -> None:
        for n, line in enumerate(self._legend_lines(metrics, left)):
            y = metrics.height() / 2 + 4 + n * (metrics.height() + 4)
            for x, text, sample, pen in line:
                painter.setPen(pen)
                if sample == "hollow":
                    painter.setBrush(QColor("white"))
                    painter.drawEllipse(QPointF(x + 12, y), 5, 5)
                elif sample == "upright":
                    painter.drawLine(QPointF(x + 12, y - 7), QPointF(x + 12, y + 7))
                else:
                    painter.drawLine(QPointF(x, y), QPointF(x + 24, y))
                    if sample == "dots":
                        painter.setBrush(VALUE_COLOUR)
                        painter.drawEllipse(QPointF(x + 12, y), 3.5, 3.5)
                painter.setPen(QColor("#333"))
                painter.drawText(QPointF(x + 30, y + metrics.ascent() / 2 - 1), text)


__all__ = ["KeyResultChart", "month_starts", "nice_ticks"]
