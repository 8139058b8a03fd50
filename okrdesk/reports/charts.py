"""Small check-in charts: a key result's values over the cycle against the ideal pace line."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from okrdesk.formatting import number
from okrdesk.reports import styles
from okrdesk.reports.data import CheckInPoint
from okrdesk.reports.document import MONTHS
from okrdesk.services.views import KeyResultView

LEFT, RIGHT, TOP, BOTTOM = 30.0, 6.0, 6.0, 13.0
# Commit and stretch levels: a line dark and thick enough to see, labelled where it ends.
LEVEL_COLOUR, LEVEL_WIDTH, LEVEL_DASH = styles.MUTED, 0.7, [3.0, 1.5]


def axis_label(value: float) -> str:
    """A value on the axis, short: "1,250", "38k" (over 99,999), "1.2M", "1bn"."""
    size = abs(value)
    for limit, suffix in ((1e9, "bn"), (1e6, "M"), (1e5, "k")):
        if size >= limit:
            return f"{value / limit:.3g}{suffix}"
    return number(value)


def history_chart(
    kr: KeyResultView,
    history: tuple[CheckInPoint, ...],
    cycle_start: date,
    cycle_end: date,
    width: float,
    height: float,
    font: str,
    size: float = 7.0,
) -> Drawing:
    """Values as a solid line with dots, the ideal pace as a dashed line from start to target.

    Line styles, not colours, tell them apart, so the chart reads in greyscale.
    A milestone shows "done" / "not done" steps and no pace line.
    """
    d = Drawing(width, height, initialFontName=font, initialFontSize=size)
    labels = (
        ["not done"]
        if kr.kind == "milestone"
        else [axis_label(v) for v in (kr.start, kr.target) if v is not None]
    )
    # Room for the widest label inside the drawing: none runs into the page margin.
    left = max(LEFT, max((stringWidth(t, font, size) for t in labels), default=0) + 5)
    plot_w, plot_h = width - left - RIGHT, height - TOP - BOTTOM
    span_days = max(1, (cycle_end - cycle_start).days)
    milestone = kr.kind == "milestone"
    points = [(p.on, p.value) for p in history if p.value is not None]
    if milestone:
        low, high = 0.0, 1.0
    else:
        values = [v for _d, v in points]
        values += [
            v for v in (kr.start, kr.target, kr.commit_level, kr.stretch_level) if v is not None
        ]
        low, high = (min(values), max(values)) if values else (0.0, 1.0)
        if high == low:
            low, high = low - 1, high + 1
        pad = (high - low) * 0.08
        low, high = low - pad, high + pad

    def x_of(day: date) -> float:
        days = min(max((day - cycle_start).days, 0), span_days)
        return left + plot_w * days / span_days

    def y_of(value: float) -> float:
        return BOTTOM + plot_h * (value - low) / (high - low)

    d.add(
        Rect(
            left,
            BOTTOM,
            plot_w,
            plot_h,
            strokeColor=styles.HAIRLINE,
            strokeWidth=0.5,
            fillColor=None,
        )
    )
    _month_ticks(d, cycle_start, cycle_end, x_of, font, size)
    if milestone:
        for value, label in ((0.0, "not done"), (1.0, "done")):
            d.add(
                String(
                    left - 3,
                    y_of(value) - size * 0.35,
                    label,
                    fontName=font,
                    fontSize=size,
                    fillColor=styles.MUTED,
                    textAnchor="end",
                )
            )
    else:
        for value in (kr.start, kr.target):
            if value is not None:
                d.add(
                    String(
                        left - 3,
                        y_of(value) - size * 0.35,
                        axis_label(value),
                        fontName=font,
                        fontSize=size,
                        fillColor=styles.MUTED,
                        textAnchor="end",
                    )
                )
        if kr.start is not None and kr.target is not None:
            d.add(
                Line(
                    x_of(cycle_start),
                    y_of(kr.start),
                    x_of(cycle_end),
                    y_of(kr.target),
                    strokeColor=styles.MUTED,
                    strokeWidth=0.8,
                    strokeDashArray=[2.5, 2],
                )
            )
        for level, name in ((kr.commit_level, "commit"), (kr.stretch_level, "stretch")):
            if level is not None:
                y = y_of(level)
                d.add(
                    Line(
                        left,
                        y,
                        left + plot_w,
                        y,
                        strokeColor=LEVEL_COLOUR,
                        strokeWidth=LEVEL_WIDTH,
                        strokeDashArray=LEVEL_DASH,
                    )
                )
                d.add(
                    String(
                        left + plot_w - 2,
                        y + 1.5,
                        name,
                        fontName=font,
                        fontSize=size,
                        fillColor=styles.INK,
                        textAnchor="end",
                    )
                )
    if points:
        coords: list[float] = []
        for day, value in points:
            x, y = x_of(day), y_of(value)
            if milestone and coords:
                coords += [x, coords[-1]]  # a step: done happens on the day it is reported
            coords += [x, y]
        if len(coords) > 2:
            d.add(PolyLine(coords, strokeColor=styles.INK, strokeWidth=1.1))
        for day, value in points:
            d.add(Circle(x_of(day), y_of(value), 1.3, fillColor=styles.INK, strokeColor=None))
    else:
        d.add(
            String(
                left + plot_w / 2,
                BOTTOM + plot_h / 2 - size / 2,
                "no check-ins",
                fontName=font,
                fontSize=size,
                fillColor=styles.MUTED,
                textAnchor="middle",
            )
        )
    return d


def _month_ticks(d: Drawing, start: date, end: date, x_of, font: str, size: float) -> None:
    """A tick and a short name at the first of each month within the cycle."""
    months: list[date] = []
    day = date(start.year, start.month, 1)
    while day <= end:
        if day >= start:
            months.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    step = max(1, len(months) // 6)  # a year-long cycle labels every other month
    for n, month in enumerate(months):
        x = x_of(month)
        d.add(Line(x, BOTTOM, x, BOTTOM - 2, strokeColor=styles.RULE, strokeWidth=0.5))
        if n % step == 0:
            d.add(
                String(
                    x + 1,
                    BOTTOM - size - 2,
                    MONTHS[month.month - 1][:3],
                    fontName=font,
                    fontSize=size,
                    fillColor=styles.MUTED,
                )
            )


def legend(width: float, font: str, size: float = 7) -> Drawing:
    """What the two lines of the charts mean."""
    d = Drawing(width, size * 1.6, initialFontName=font, initialFontSize=size)
    y = size * 0.5
    d.add(Line(0, y + size * 0.3, 18, y + size * 0.3, strokeColor=styles.INK, strokeWidth=1.1))
    d.add(Circle(9, y + size * 0.3, 1.3, fillColor=styles.INK, strokeColor=None))
    d.add(String(22, y, "check-ins", fontName=font, fontSize=size, fillColor=styles.INK))
    d.add(
        Line(
            80,
            y + size * 0.3,
            98,
            y + size * 0.3,
            strokeColor=styles.MUTED,
            strokeWidth=0.8,
            strokeDashArray=[2.5, 2],
        )
    )
    d.add(
        String(
            102,
            y,
            "ideal pace from start to target",
            fontName=font,
            fontSize=size,
            fillColor=styles.INK,
        )
    )
    d.add(
        Line(
            235,
            y + size * 0.3,
            253,
            y + size * 0.3,
            strokeColor=LEVEL_COLOUR,
            strokeWidth=LEVEL_WIDTH,
            strokeDashArray=LEVEL_DASH,
        )
    )
    d.add(
        String(257, y, "commit / stretch level", fontName=font, fontSize=size, fillColor=styles.INK)
    )
    return d
