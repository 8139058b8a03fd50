"""Write the reports: OKR sheets, the booklet and the retrospective report, each as one PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak

from okrdesk.reports import booklet, retro
from okrdesk.reports.booklet import sheet_key
from okrdesk.reports.data import BookletData, PrintInfo, RetroData, SheetsData, SheetTeam
from okrdesk.reports.document import PageSetup, Progress, ReportDoc, ReportResult, build_pdf
from okrdesk.reports.flowables import Deferred, PageTracker, SectionMark
from okrdesk.reports.fonts import FontBook
from okrdesk.reports.keyresults import ColumnSample
from okrdesk.reports.sheet import fit_sheet

A4_PORTRAIT = PageSetup()


def write_sheets(
    data: SheetsData,
    path: Path,
    setup: PageSetup = A4_PORTRAIT,
    *,
    fallbacks: Sequence[Path] | None = None,
    progress: Progress | None = None,
) -> ReportResult:
    """One sheet per team of ``data`` (usually one), each starting a page."""
    book, tracker = FontBook(fallbacks), PageTracker()
    steps = _Steps(progress, layout=len(data.teams), pages=len(data.teams))
    story: list[Flowable] = []
    for n, sheet in enumerate(data.teams):
        if n:
            story.append(PageBreak())
        story.append(_section(sheet, data, book, setup, tracker, nested=False))
    if len(data.teams) == 1:
        title = f"{data.teams[0].team.name} — OKRs {data.cycle.name}"
    else:
        title = f"OKR sheets {data.cycle.name}"
    subject = f"OKR sheet of {data.info.organisation} for {data.cycle.name}"
    return _write(
        path,
        story,
        setup,
        data.info,
        book,
        tracker,
        title,
        subject,
        len(data.teams) > 1,
        steps=steps,
    )


def write_booklet(
    data: BookletData,
    path: Path,
    setup: PageSetup = A4_PORTRAIT,
    *,
    fallbacks: Sequence[Path] | None = None,
    progress: Progress | None = None,
) -> ReportResult:
    """Cover, contents, alignment overview, then every team's sheet; with bookmarks."""
    book, tracker = FontBook(fallbacks), PageTracker()
    sheets = data.sheets
    # Layout is one step a team; printing about one page a team plus cover and overviews.
    steps = _Steps(progress, layout=len(sheets.teams), pages=len(sheets.teams) + 3)
    story = booklet.cover(sheets, book, setup, tracker)
    contents, page_refs = booklet.contents_pages(sheets, book, setup, tracker)
    story += contents
    story += booklet.alignment_pages(data.alignment, book, setup, tracker)
    # One grid for the whole booklet: sized for the widest texts of all its sheets.
    objectives = (o for sheet in sheets.teams for o in sheet.team.objectives)
    sample = ColumnSample.of(objectives, book, keep=20)
    for sheet in sheets.teams:
        story.append(PageBreak())
        story.append(_section(sheet, sheets, book, setup, tracker, nested=True, sample=sample))
    title = f"OKR booklet {sheets.cycle.name} — {sheets.info.organisation}"
    subject = f"The OKRs of every team of {sheets.info.organisation} for {sheets.cycle.name}"
    return _write(
        path,
        story,
        setup,
        sheets.info,
        book,
        tracker,
        title,
        subject,
        True,
        page_refs,
        steps=steps,
    )


def write_retro(
    data: RetroData,
    path: Path,
    setup: PageSetup = A4_PORTRAIT,
    *,
    fallbacks: Sequence[Path] | None = None,
    progress: Progress | None = None,
) -> ReportResult:
    """Scores, check-in charts, grades, answers and carry-forward decisions per team."""
    book, tracker = FontBook(fallbacks), PageTracker()
    story = retro.retro_story(data, book, setup, tracker)
    title = f"Retrospective {data.cycle.name}"
    if len(data.teams) == 1:
        title += f" — {data.teams[0].team.team.name}"
    subject = f"Scores, grades and lessons of {data.info.organisation} for {data.cycle.name}"
    steps = _Steps(progress, layout=0, pages=2 * len(data.teams))
    return _write(path, story, setup, data.info, book, tracker, title, subject, True, steps=steps)


def sheet_section(
    sheet: SheetTeam,
    data: SheetsData,
    book: FontBook,
    setup: PageSetup,
    tracker: PageTracker,
    *,
    nested: bool,
    sample: ColumnSample | None = None,
) -> list[Flowable]:
    """A sheet fitted to the page, after a mark that bookmarks it and tracks its pages.

    ``nested``: the sheet's outline entry sits under its parent team's. ``sample``: the
    texts its columns are sized for (a booklet's, so all its sheets share one grid).
    """
    fitted = fit_sheet(
        sheet, data.cycle, data.info.organisation, book, setup.frame, data.info.printed_on, sample
    )
    level = sheet.team.depth if nested else 0
    mark = SectionMark(tracker, sheet_key(sheet), "sheet", sheet.team.name, level)
    return [mark, *fitted.story]


def _section(
    sheet: SheetTeam,
    data: SheetsData,
    book: FontBook,
    setup: PageSetup,
    tracker: PageTracker,
    *,
    nested: bool,
    sample: ColumnSample | None = None,
) -> Deferred:
    """A team's sheet, laid out when the document reaches it (memory: one sheet at a time)."""
    return Deferred(
        lambda: sheet_section(sheet, data, book, setup, tracker, nested=nested, sample=sample)
    )


@dataclass(frozen=True)
class _Steps:
    """Progress in steps: one per team laid out, one per page printed."""

    progress: Progress | None
    layout: int
    pages: int


def _write(
    path: Path,
    story: list[Flowable],
    setup: PageSetup,
    info: PrintInfo,
    book: FontBook,
    tracker: PageTracker,
    title: str,
    subject: str,
    page_numbers: bool,
    page_refs: list[str] | None = None,
    *,
    steps: _Steps,
) -> ReportResult:
    def make_doc(out: object) -> ReportDoc:
        return ReportDoc(
            out,
            setup,
            info,
            book,
            title=title,
            subject=subject,
            page_numbers=page_numbers,
            tracker=tracker,
            page_refs=page_refs,
            progress=steps.progress,
            steps_total=steps.layout + steps.pages,
        )

    doc = build_pdf(make_doc, story, path)
    sections = tracker.sections
    return ReportResult(
        path=Path(path),
        pages=doc.page,
        overflowed=tuple(
            s.title for s in sections if s.kind == "sheet" and s.last_page > s.first_page
        ),
        missing_glyphs="".join(sorted(book.missing)),
    )
