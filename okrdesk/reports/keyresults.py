"""The key result table of a sheet, and column widths fitted to what the columns hold."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from okrdesk.formatting import number
from okrdesk.reports import styles
from okrdesk.reports.bar_look import Pace
from okrdesk.reports.cells import Cell, Row, text
from okrdesk.reports.flowables import Para, ProgressBar
from okrdesk.reports.fonts import FontBook
from okrdesk.reports.hanging import numbered
from okrdesk.reports.styles import Styles
from okrdesk.services.views import KeyResultView, ObjectiveView
from okrdesk.vocabulary import CONFIDENCE_WORDS, OBJECTIVE_KIND_WORDS

WIDE_FROM = (
    620.0  # from this width, start/target, now, confidence and owner get columns of their own
)


@dataclass(frozen=True)
class Columns:
    """Column widths; ``wide`` gives every value its own column, else values stack in a cell."""

    wide: bool
    widths: tuple[float, ...]
    indent: float  # key result titles sit this far right of objective titles

    @property
    def progress(self) -> int:
        return 3 if self.wide else 2


@dataclass(frozen=True)
class ColumnSample:
    """The texts the value columns are sized for. A booklet sizes every sheet's columns
    for the widest texts of all its sheets, so its pages share one grid."""

    spans: tuple[str, ...]
    nows: tuple[str, ...]
    people: tuple[str, ...]

    @classmethod
    def of(cls, objectives: Iterable[ObjectiveView], book: FontBook, keep: int = 0) -> ColumnSample:
        """From `objectives`; `keep` > 0: only that many longest of each (enough to find the
        widest when there are thousands)."""
        objectives = list(objectives)
        krs = [kr for o in objectives for kr in o.key_results]
        spans = {_plain(target_text(kr, book)) for kr in krs}
        nows = {now_text(kr) for kr in krs}
        people = {o.owner for o in objectives} | {kr.owner for kr in krs}

        def longest(texts: set[str]) -> tuple[str, ...]:
            ordered = sorted(texts, key=len, reverse=True)
            return tuple(ordered[:keep] if keep else ordered)

        return cls(longest(spans), longest(nows), longest(people))


def columns(
    width: float,
    st: Styles,
    objectives: tuple[ObjectiveView, ...],
    book: FontBook,
    sample: ColumnSample | None = None,
) -> Columns:
    """Value columns as wide as their content needs (within limits); titles get the rest.
    `sample`: the texts to size them for (default: these objectives')."""
    sample = sample or ColumnSample.of(objectives, book)
    k = st.scale.body / styles.NORMAL.body
    pad = 2 * (st.scale.pad + 1)
    size = st.number.fontSize
    span_w = _fit(_natural(list(sample.spans), st.regular, size) + pad, 56 * k, 118 * k)
    progress_w = 88 * k  # a bar long enough to read its fill and today's tick
    people = list(sample.people)
    words = [*CONFIDENCE_WORDS.values(), *(w.capitalize() for w in OBJECTIVE_KIND_WORDS.values())]
    # Never narrower than the column's heading word, which would otherwise break mid-word.
    heading_w = _natural(["Confidence,"], st.bold, st.column.fontSize) + pad
    people_w = max(heading_w, _natural([*words, *people], st.regular, st.small.fontSize) + pad)
    indent = 10 * k
    if width >= WIDE_FROM:
        now_w = _fit(_natural(["Now", *sample.nows], st.regular, size) + pad, 30 * k, 64 * k)
        conf_w = _natural(words, st.bold, st.small.fontSize) + pad
        owner_w = _fit(_natural(people, st.regular, st.small.fontSize) + pad, 48 * k, 100 * k)
        fixed = (span_w, now_w, progress_w, conf_w, owner_w)
        return Columns(True, (width - sum(fixed), *fixed), indent)
    # Stacked: "now" goes under the bar, so start → target may wrap to a second line.
    fixed = (min(span_w, 84 * k), progress_w, max(heading_w, _fit(people_w, 52 * k, 92 * k)))
    return Columns(False, (width - sum(fixed), *fixed), indent)


def _fit(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _natural(texts: list[str], font: str, size: float) -> float:
    return max((stringWidth(t, font, size) for t in texts), default=0.0)


def _plain(markup: str) -> str:
    """The longest line of some markup, as plain text (good enough for measuring)."""
    lines = re.sub(r"<(?!br/>)[^>]+>", "", markup).split("<br/>")
    return max(lines, key=len).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def key_result_rows(
    n: int, krs: tuple[KeyResultView, ...], book: FontBook, cols: Columns, st: Styles, pace: Pace
) -> list[Row]:
    """One row per key result: title, start → target, now, progress, confidence, owner."""
    bar_width = cols.widths[cols.progress] - 2 * (st.scale.pad + 1)
    rows = []
    for k, kr in enumerate(krs, 1):
        title = numbered(f"{n}.{k}", kr.title, st.body, book, widest=f"{n}.{len(krs)}")
        span, now = target_text(kr, book), now_text(kr)
        bar = ProgressBar(
            kr.progress, bar_width, st.regular, st.size(0.92), look=pace.key_result(kr)
        )
        confidence = _confidence(kr, st, book)
        owner = text(kr.owner, st.small, book)
        if cols.wide:
            now_cell = text(now, styles.right_aligned(st.number), book)  # figures line up
            cells: list[Cell] = [title, _span(span, kr, st, book), now_cell, bar, confidence, owner]
        else:
            label = now if kr.kind == "milestone" else f"now {now}"
            progress = [bar, text(label, st.number, book)] if now else bar
            cells = [title, _span(span, kr, st, book), progress, [confidence, owner]]
        rows.append(
            Row(
                cells,
                cols.widths,
                pad=st.scale.pad,
                first_indent=cols.indent,
                line_below=styles.HAIRLINE,
            )
        )
    return rows


def _span(markup: str, kr: KeyResultView, st: Styles, book: FontBook) -> Flowable:
    if kr.kind == "three_level" or "<" in markup or "&" in markup:
        return Para(markup, st.number)
    return text(markup, st.number, book)


def _confidence(kr: KeyResultView, st: Styles, book: FontBook) -> Flowable:
    if not kr.confidence:
        return text("—", st.small, book)
    words = CONFIDENCE_WORDS[kr.confidence]
    # Off track in bold: the word, not a colour, is what catches the eye on paper.
    return text(words, st.small, book, bold=kr.confidence == "off_track")


def target_text(kr: KeyResultView, book: FontBook) -> str:
    """Markup for "start → target unit" (with the commit and stretch levels when it has them)."""
    if kr.kind == "milestone":
        return "milestone"
    if kr.start is None and kr.target is None:
        return "—"
    # No-break spaces: a unit never starts a line of its own, nor a level its number.
    unit = book.markup(kr.unit)
    markup = f"{with_unit(kr.start, unit)} → {with_unit(kr.target, unit)}"
    if unit and not _sticks(unit):
        markup += f"\u00a0{unit}"
    if kr.kind == "three_level":
        markup += (
            f"<br/><font color='#555555'>commit\u00a0{number(kr.commit_level)}\u00a0· "
            f"stretch\u00a0{number(kr.stretch_level)}</font>"
        )
    return markup


def now_text(kr: KeyResultView) -> str:
    if kr.kind == "milestone":
        return "done" if kr.done else "not yet"
    return with_unit(kr.current, kr.unit) if kr.current is not None else ""


CURRENCIES = frozenset("€$£¥₹₩₽₺₪")


def _sticks(unit: str) -> bool:
    """A unit written on the number itself, as people write it: 82%, €27,000."""
    return unit == "%" or unit in CURRENCIES


def with_unit(value: float | None, unit: str) -> str:
    """The number as the title writes it: "82%", "€27,000"; other units follow the span."""
    if unit == "%":
        return f"{number(value)}%"
    if unit in CURRENCIES:
        return f"{unit}{number(value)}"
    return number(value)
