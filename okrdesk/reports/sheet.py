"""The one-page OKR sheet of a team: header, objectives with key results, initiatives.

:func:`fit_sheet` tries the layouts of :func:`strategies` in order — normal type,
then tighter spacing and smaller type down to 7 pt, on wide pages also two
columns — and keeps the first whose story, measured with ``wrap``, fits the page.
Only when none fits does the sheet run on to a second page ("continued" there).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus.flowables import _listWrapOn

from okrdesk.formatting import percent
from okrdesk.reports import styles
from okrdesk.reports.bar_look import Pace, graded
from okrdesk.reports.cells import Cell, Row, TextBlock, text
from okrdesk.reports.data import SheetTeam
from okrdesk.reports.document import date_span, short_date
from okrdesk.reports.flowables import BarLegend, KeepWhole, PageTop, Para, ProgressBar, para
from okrdesk.reports.fonts import FontBook
from okrdesk.reports.hanging import numbered
from okrdesk.reports.keyresults import Columns, ColumnSample, columns, key_result_rows
from okrdesk.reports.running_columns import RunningColumns
from okrdesk.reports.styles import Scale, Styles
from okrdesk.services.views import CycleView, InitiativeView, ObjectiveView
from okrdesk.vocabulary import CYCLE_STATE_WORDS, INITIATIVE_STATUS_WORDS, OBJECTIVE_KIND_WORDS

GUTTER = 16.0
LONG_WHY = 600  # characters
TWO_COLUMNS_FROM = 620.0  # frame width (points) from which two columns are tried


@dataclass(frozen=True)
class FittedSheet:
    story: list[Flowable]
    scale: Scale
    columns: int
    fits: bool
    height: float  # of the story, in points; infinite for one that runs on


def strategies(width: float) -> list[tuple[Scale, int]]:
    """Layouts to try, most readable first: (type scale, number of columns)."""
    one = [(scale, 1) for scale in styles.SHEET_SCALES]
    if width < TWO_COLUMNS_FROM:
        return one
    # On a wide page two columns of larger type read better than one of small type.
    return one[:3] + [(scale, 2) for scale in styles.SHEET_SCALES] + one[3:]


def fit_sheet(
    sheet: SheetTeam,
    cycle: CycleView,
    organisation: str,
    book: FontBook,
    frame: tuple[float, float],
    today: date | None = None,
    sample: ColumnSample | None = None,
) -> FittedSheet:
    """The most readable layout that fits one page. `today`: the day it is printed
    (where each bar should be by then)."""
    width, height = frame
    for scale, ncols in strategies(width):
        st = styles.styles_for(scale)
        story = sheet_story(
            sheet, cycle, organisation, book, width, st, ncols, today=today, sample=sample
        )
        measured = measure(story, width)
        if measured <= height - 1:
            return FittedSheet(story, scale, ncols, True, measured)
    # Nothing fits: the smallest readable type, which runs on to more pages (in two columns
    # on every page where the page is wide enough for them).
    scale = styles.SHEET_SCALES[-1]
    ncols = 2 if width >= TWO_COLUMNS_FROM and len(sheet.team.objectives) > 1 else 1
    st = styles.styles_for(scale)
    story = sheet_story(
        sheet, cycle, organisation, book, width, st, ncols, run_on=True, today=today, sample=sample
    )
    return FittedSheet(story, scale, ncols, False, math.inf)  # more than a page


def measure(story: list[Flowable], width: float) -> float:
    """The height ``story`` takes in a frame of ``width``, as a frame lays it out."""
    return _listWrapOn(list(_unkept(story)), width, _measuring_canvas())[1]


def _unkept(story: list[Flowable]) -> Iterator[Flowable]:
    """The story with what KeepTogether holds in its place (a KeepTogether measures
    itself as endless, to make the frame split it)."""
    for flowable in story:
        if isinstance(flowable, KeepTogether):
            yield from _unkept(flowable._content)
        else:
            yield flowable


@lru_cache(maxsize=1)
def _measuring_canvas() -> Canvas:
    return Canvas(io.BytesIO())


def sheet_story(
    sheet: SheetTeam,
    cycle: CycleView,
    organisation: str,
    book: FontBook,
    width: float,
    st: Styles,
    ncols: int = 1,
    *,
    run_on: bool = False,
    today: date | None = None,
    sample: ColumnSample | None = None,
) -> list[Flowable]:
    """The sheet's flowables; `run_on`: laid out to run on to more pages (two columns that
    continue on the next page, rather than a table that must fit one)."""
    story = header(sheet, cycle, organisation, book, width, st)
    pace = Pace(cycle, today or date.today())
    objectives = sheet.team.objectives
    if not objectives:
        story += [Spacer(1, st.scale.gap), Para("No objectives in this cycle yet.", st.body)]
        return story
    return (
        story
        + objectives_story(objectives, book, width, st, ncols, run_on, pace, sample)
        + [
            Spacer(1, st.scale.gap),
            legend(objectives, pace, st),
        ]
    )


def legend(objectives: tuple[ObjectiveView, ...], pace: Pace, st: Styles) -> BarLegend:
    three_level = any(kr.kind == "three_level" for o in objectives for kr in o.key_results)
    today = short_date(pace.today, year=False) if pace.cycle.state == "active" else None
    size = max(styles.MIN_PT, st.small.fontSize * 0.9)
    colour = styles.MUTED if size >= styles.MIN_GREY_PT else styles.INK
    return BarLegend(graded(pace.cycle), today, three_level, st.regular, size, colour)


def objectives_story(
    objectives: tuple[ObjectiveView, ...],
    book: FontBook,
    width: float,
    st: Styles,
    ncols: int,
    run_on: bool,
    pace: Pace,
    sample: ColumnSample | None,
) -> list[Flowable]:
    story: list[Flowable] = []
    if ncols == 1 or len(objectives) == 1:
        cols = columns(width, st, objectives, book, sample)

        def headings() -> list[Flowable]:
            return [column_legend(cols, st)]

        story += [column_legend(cols, st), PageTop(headings)]
        reserve = measure(headings(), width)
        for n, objective in enumerate(objectives, 1):
            block = continued_block(n, objective, book, cols, st, headings, pace)
            story.append(KeepWhole(block, reserve))
        story.append(PageTop(None))  # the next sheet's pages start bare
        return story
    if run_on:
        return story + running_columns(objectives, book, width, st, pace, sample)
    story.append(two_columns(objectives, book, width, st, pace, sample))
    return story


def running_columns(
    objectives: tuple[ObjectiveView, ...],
    book: FontBook,
    width: float,
    st: Styles,
    pace: Pace,
    sample: ColumnSample | None = None,
) -> list[Flowable]:
    """Objectives in two columns that run on across pages, each page headed by both
    columns' headings."""
    col_width = (width - GUTTER) / 2
    cols = columns(col_width, st, objectives, book, sample)

    def headings() -> list[Flowable]:
        return [side_by_side(column_legend(cols, st), column_legend(cols, st), col_width, st)]

    units = [
        part
        for n, o in enumerate(objectives, 1)
        for part in objective_parts(n, o, book, cols, st, headings, pace)
    ]
    return [*headings(), PageTop(headings), RunningColumns(units, col_width, GUTTER), PageTop(None)]


def side_by_side(left: Flowable, right: Flowable, col_width: float, st: Styles) -> Table:
    return Table(
        [[left, right]],
        colWidths=(col_width + GUTTER / 2, col_width + GUTTER / 2),
        style=TableStyle(
            [
                *styles.table_style(st, grid=False),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), GUTTER / 2),
                ("LEFTPADDING", (1, 0), (1, 0), GUTTER / 2),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )


def two_columns(
    objectives: tuple[ObjectiveView, ...],
    book: FontBook,
    width: float,
    st: Styles,
    pace: Pace,
    sample: ColumnSample | None = None,
) -> Table:
    """Objectives in two columns, split where the taller column is shortest (order kept)."""
    col_width = (width - GUTTER) / 2
    cols = columns(col_width, st, objectives, book, sample)
    blocks = [objective_block(n, o, book, cols, st, pace) for n, o in enumerate(objectives, 1)]
    heights = [measure(block, col_width) for block in blocks]
    total = sum(heights)
    best, split, running = total, 1, 0.0
    for i in range(1, len(blocks)):
        running += heights[i - 1]
        taller = max(running, total - running)
        if taller < best:
            best, split = taller, i
    left = [column_legend(cols, st), *[f for b in blocks[:split] for f in b]]
    right = [column_legend(cols, st), *[f for b in blocks[split:] for f in b]]
    return Table(
        [[left, right]],
        colWidths=(col_width + GUTTER / 2, col_width + GUTTER / 2),
        style=TableStyle(
            [
                *styles.table_style(st, grid=False),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), GUTTER / 2),
                ("LEFTPADDING", (1, 0), (1, 0), GUTTER / 2),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )


def header(
    sheet: SheetTeam, cycle: CycleView, organisation: str, book: FontBook, width: float, st: Styles
) -> list[Flowable]:
    """Organisation and team on the left; cycle, its dates and the team's progress on the right."""
    team = sheet.team
    above = " › ".join((organisation, *sheet.path[1:])) if sheet.path else organisation
    right_style = styles.right_aligned(st.cycle)
    right = [
        para(f"{cycle.name} · {CYCLE_STATE_WORDS[cycle.state]}", right_style, book, bold=True),
        Para(date_span(cycle.start_date, cycle.end_date), right_style),
    ]
    if team.score is not None:
        right.append(Para(f"Team progress {percent(team.score)}", right_style))
    left = [para(above, st.organisation, book), para(team.name, st.team, book)]
    if team.kind == "company" and not sheet.path:
        left = left[1:]  # the company's own sheet: its name once, not above itself again
    right_width = min(width * 0.34, 200)
    table = Table(
        [[left, right]],
        colWidths=(width - right_width, right_width),
        style=TableStyle(
            [
                *styles.table_style(st, grid=False),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
                ("VALIGN", (-1, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    story: list[Flowable] = [table]
    if cycle.themes:
        story.append(para("Themes: " + " · ".join(cycle.themes), st.meta, book))
    story.append(
        HRFlowable(
            width="100%",
            thickness=1.2,
            color=styles.INK,
            spaceBefore=2,
            spaceAfter=max(2.0, st.scale.gap / 2),
        )
    )
    return story


def column_legend(cols: Columns, st: Styles) -> Row:
    if cols.wide:
        names = [
            "Objective · key result",
            "Start → target",
            "Now",
            "Progress",
            "Confidence",
            "Owner",
        ]
    else:
        names = ["Objective · key result", "Start → target", "Progress, now", "Confidence, owner"]
    size, leading = st.column.fontSize, st.column.leading
    cells: list[Cell] = [
        TextBlock(name, st.bold, size, leading, styles.MUTED, TA_RIGHT if name == "Now" else 0)
        for name in names
    ]
    return Row(cells, cols.widths, pad=st.scale.pad / 2, valign_bottom=True)


def objective_block(
    n: int, o: ObjectiveView, book: FontBook, cols: Columns, st: Styles, pace: Pace
) -> list[Flowable]:
    """The objective's line (aligned with its key results), why, key results, initiatives."""
    if o.status == "draft":
        draft = "&nbsp;&nbsp;<font color='#555555'>(draft)</font>"
        title: Flowable = Para(f"O{n}&nbsp;&nbsp;{book.markup(o.title)}{draft}", st.objective)
    else:
        title = numbered(f"O{n}", o.title, st.objective, book)
    pad = st.scale.pad
    bar_width = cols.widths[cols.progress] - 2 * (pad + 1)
    bar = ProgressBar(o.score, bar_width, st.bold, st.size(0.92), look=pace.objective(o))
    kind = text(OBJECTIVE_KIND_WORDS[o.kind].capitalize(), st.small, book)
    owner = text(o.owner, st.small, book)
    # The title spans the columns left of the progress bars, which line up below it.
    widths = (sum(cols.widths[: cols.progress]), *cols.widths[cols.progress :])
    cells: list[Cell] = [title, bar, kind, owner] if cols.wide else [title, bar, [kind, owner]]
    head = Row(cells, widths, pad=pad, background=styles.SHADE, line_above=styles.RULE)
    # The objective's line stays with what follows it, unless that is a "why" so long that
    # keeping them together would leave the rest of the page empty.
    head.keepWithNext = len(o.why) < LONG_WHY
    story: list[Flowable] = [Spacer(1, st.scale.gap), head]
    tags = [f"Theme: {o.theme}"] if o.theme else []
    if o.supports:
        tags.append("Supports: " + "; ".join(supported for _id, supported in o.supports))
    # Its theme and what it supports as small tags; its why on a line of its own.
    for note, style in (
        ("\u2003·\u2003".join(tags), st.meta),
        (o.why and f"Why: {o.why}", st.small),
    ):
        if note:
            line = Row(
                [text(note, style, book)],
                (sum(cols.widths),),
                pad=pad / 2,
                first_indent=cols.indent,
            )
            line.keepWithNext = len(o.why) < LONG_WHY
            story.append(line)
    story += key_result_rows(n, o.key_results, book, cols, st, pace)
    if o.initiatives:
        story.append(initiatives_row(o.initiatives, book, cols, st))
    return story


def objective_parts(
    n: int,
    o: ObjectiveView,
    book: FontBook,
    cols: Columns,
    st: Styles,
    headings: Callable[[], list[Flowable]],
    pace: Pace,
) -> list[list[Flowable]]:
    """An objective's flowables for a sheet that runs on, in parts that stay together: its
    line with what is kept with it (its why, its first key result), then each further row.
    A page that breaks inside it starts with the column headings and "O5 … (continued)"."""
    block = objective_block(n, o, book, cols, st, pace)

    def inside() -> list[Flowable]:
        title = text(f"O{n}\u00a0\u00a0{o.title} (continued)", st.objective, book)
        row = Row([title], (sum(cols.widths),), pad=st.scale.pad, background=styles.SHADE)
        return [*headings(), row]

    end = 1
    while end < len(block) - 1 and getattr(block[end], "keepWithNext", False):
        end += 1
    first = [block[0], block[1], PageTop(inside), *block[2 : end + 1]]
    return [first, *([f] for f in block[end + 1 :]), [PageTop(headings)]]


def continued_block(
    n: int,
    o: ObjectiveView,
    book: FontBook,
    cols: Columns,
    st: Styles,
    headings: Callable[[], list[Flowable]],
    pace: Pace,
) -> list[Flowable]:
    """:func:`objective_parts` in one column, where "keep with next" keeps the objective's
    line with what follows (a KeepTogether inside the block would measure it as endless)."""
    first, *rest = objective_parts(n, o, book, cols, st, headings, pace)
    _spacer, head, mark = first[:3]
    mark.keepWithNext = head.keepWithNext
    return [*first, *(f for part in rest for f in part)]


def initiatives_row(
    items: tuple[InitiativeView, ...], book: FontBook, cols: Columns, st: Styles
) -> Row:
    """All initiatives of an objective, wrapped in one cell after a bold label."""
    parts = []
    for i in items:
        details = [INITIATIVE_STATUS_WORDS[i.status]]
        if i.owner:
            details.append(i.owner)
        if i.due_date:
            details.append(f"due {short_date(i.due_date, year=False)}")
        parts.append(f"▸\u00a0{i.title} ({', '.join(details)})")
    size = st.small.fontSize
    label = TextBlock("Initiatives", st.bold, size, st.small.leading, styles.INK)
    label_width = stringWidth("Initiatives", st.bold, size) + 2 * (st.scale.pad + 1) + cols.indent
    widths = (label_width, sum(cols.widths) - label_width)
    content = text("   ".join(parts), st.small, book)
    return Row([label, content], widths, pad=st.scale.pad / 2 + 0.5, first_indent=cols.indent)
