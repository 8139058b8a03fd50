"""The booklet's own pages: cover, table of contents and the alignment overview."""

from __future__ import annotations

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Spacer,
)

from okrdesk.formatting import counted, percent
from okrdesk.reports import styles
from okrdesk.reports.cells import Cell, Row, text
from okrdesk.reports.data import AlignedObjective, Alignment, SheetsData, SheetTeam
from okrdesk.reports.document import PageSetup, date_span, long_date
from okrdesk.reports.flowables import (
    PageRef,
    PageTop,
    PageTracker,
    Para,
    ProgressBar,
    SectionMark,
    para,
)
from okrdesk.reports.fonts import FontBook
from okrdesk.services.views import ObjectiveView
from okrdesk.vocabulary import CYCLE_STATE_WORDS

ALIGNMENT_KEY = "alignment"


def sheet_key(sheet: SheetTeam) -> str:
    return f"team-{sheet.team.id}"


def cover(
    sheets: SheetsData, book: FontBook, setup: PageSetup, tracker: PageTracker
) -> list[Flowable]:
    st = styles.styles_for()
    info, cycle = sheets.info, sheets.cycle
    objectives = [o for s in sheets.teams for o in s.team.objectives]
    key_results = sum(len(o.key_results) for o in objectives)
    story: list[Flowable] = [
        SectionMark(tracker, "cover", "cover", info.organisation, 0),
        Spacer(1, setup.frame[1] * 0.28),
        para(info.organisation, st.cover_text, book),
        Para(f"OKRs {book.markup(cycle.name)}", st.cover_title),
        Para(
            f"{date_span(cycle.start_date, cycle.end_date)} · {CYCLE_STATE_WORDS[cycle.state]}",
            st.cover_text,
        ),
    ]
    if cycle.themes:
        story.append(Spacer(1, 8))
        story.append(Para("<b>Themes</b>", st.cover_text))
        story += [para(f"• {theme}", st.cover_text, book) for theme in cycle.themes]
    story += [
        Spacer(1, 18),
        Para(
            f"{counted(len(sheets.teams), 'team')} · {counted(len(objectives), 'objective')} · "
            f"{counted(key_results, 'key result')}",
            st.body,
        ),
        Para(f"Printed {long_date(info.printed_on)} from {book.markup(info.workspace)}", st.meta),
    ]
    return story


def contents_pages(
    sheets: SheetsData, book: FontBook, setup: PageSetup, tracker: PageTracker
) -> tuple[list[Flowable], list[str]]:
    """The table of contents and the section keys whose page numbers it shows."""
    st = styles.styles_for()
    width = setup.frame[0]
    page_col, score_col, count_col = 36.0, 44.0, 84.0
    widths = (width - page_col - score_col - count_col, count_col, score_col, page_col)
    size, pad = st.toc.fontSize, st.scale.pad
    right = styles.right_aligned(st.meta)
    story: list[Flowable] = [
        PageBreak(),
        SectionMark(tracker, "contents", "contents", "Contents", 0),
        Para("Contents", st.heading),
        Row(
            [
                _link(ALIGNMENT_KEY, "Alignment overview", st, book, 0),
                None,
                None,
                PageRef(ALIGNMENT_KEY, st.regular, size, page_col - 2 * (pad + 1)),
            ],
            widths,
            pad=pad,
            line_below=styles.HAIRLINE,
        ),
    ]
    keys = [ALIGNMENT_KEY]
    for sheet in sheets.teams:
        key = sheet_key(sheet)
        keys.append(key)
        team = sheet.team
        count = len(team.objectives)
        cells: list[Cell] = [
            _link(key, team.name, st, book, team.depth),
            text(f"{count} objective{'' if count == 1 else 's'}", st.meta, book),
            text(percent(team.score) if team.score is not None else "", right, book),
            PageRef(key, st.regular, size, page_col - 2 * (pad + 1)),
        ]
        story.append(
            Row(cells, widths, pad=pad, first_indent=12 * team.depth, line_below=styles.HAIRLINE)
        )
    return story, keys


def _link(key: str, name: str, st: styles.Styles, book: FontBook, depth: int) -> Flowable:
    cell = text(name, st.toc, book, bold=depth == 0)
    cell.link = key  # type: ignore[attr-defined]
    return cell


def alignment_pages(
    alignment: Alignment, book: FontBook, setup: PageSetup, tracker: PageTracker
) -> list[Flowable]:
    """Each top objective with the objectives that support it (and theirs), then the orphans."""
    st = styles.styles_for()
    width = setup.frame[0]
    bar_col, team_col = 92.0, min(150.0, width * 0.26)
    widths = (width - team_col - bar_col, team_col, bar_col)
    story: list[Flowable] = [
        PageBreak(),
        SectionMark(tracker, ALIGNMENT_KEY, "alignment", "Alignment overview", 0),
        Para("Alignment overview", st.heading),
        Para(
            "The organisation's objectives, each followed by the team objectives that support "
            "it; objectives that support no other objective are listed at the end.",
            st.meta,
        ),
        Spacer(1, 6),
    ]
    if not alignment.roots and not alignment.orphans:
        story.append(Para("No objectives in this cycle yet.", st.body))
        return story
    if not alignment.roots:
        story.append(Para("No objectives at the organisation’s top level in this cycle.", st.body))
    for root in alignment.roots:
        story.append(CondPageBreak(60))
        head, *supporters = _rows(root, 0, st, book, widths)
        # A page that breaks inside the group starts with its top objective again.
        mark = PageTop(lambda root=root: [_continued(root, st, book, widths)])
        mark.keepWithNext = True  # stays with the top objective's row, as its first supporter
        story += [head, mark, *supporters, PageTop(None)]
    story += [
        CondPageBreak(80),
        Para(f"Not aligned to another objective ({len(alignment.orphans)})", st.subheading),
    ]
    for team, o in alignment.orphans:
        cells: list[Cell] = [
            text(o.title, st.small, book),
            text(team, st.small, book),
            _bar(o, st, widths[-1]),
        ]
        story.append(Row(cells, widths, pad=st.scale.pad, line_below=styles.HAIRLINE))
    if not alignment.orphans:
        story.append(Para(_all_aligned(alignment), st.meta))
    return story


def _all_aligned(alignment: Alignment) -> str:
    """What "no orphans" means here: every team objective supports one, or there are none."""
    if any(root.supporters for root in alignment.roots):
        return "Every team objective supports another objective."
    return "No team objective supports another one yet: these are the organisation’s own."


def _continued(
    root: AlignedObjective, st: styles.Styles, book: FontBook, widths: tuple[float, ...]
) -> Row:
    title = text(f"{root.objective.title} (continued)", st.body, book, bold=True)
    cells: list[Cell] = [title, text(root.team, st.small, book), None]
    return Row(cells, widths, pad=st.scale.pad, background=styles.SHADE, line_below=styles.HAIRLINE)


def _rows(
    node: AlignedObjective, depth: int, st: styles.Styles, book: FontBook, widths: tuple[float, ...]
) -> list[Flowable]:
    o = node.objective
    title = text(
        ("↳ " if depth else "") + o.title,
        st.body if depth == 0 else st.small,
        book,
        bold=depth == 0,
    )
    cells: list[Cell] = [title, text(node.team, st.small, book), _bar(o, st, widths[-1])]
    if depth == 0:
        row = Row(
            cells,
            widths,
            pad=st.scale.pad,
            background=styles.SHADE,
            line_above=styles.RULE,
            line_below=styles.HAIRLINE,
        )
        row.keepWithNext = True
    else:
        row = Row(
            cells,
            widths,
            pad=st.scale.pad,
            first_indent=14 * min(depth, 8),
            line_below=styles.HAIRLINE,
        )
    rows: list[Flowable] = [row]
    for child in node.supporters:
        rows += _rows(child, depth + 1, st, book, widths)
    return rows


def _bar(o: ObjectiveView, st: styles.Styles, width: float) -> ProgressBar:
    return ProgressBar(o.score, width - 2 * (st.scale.pad + 1), st.regular, st.size(0.9), o.band)
