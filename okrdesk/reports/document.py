"""The page frame every report shares, and writing a PDF so that it is whole or absent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from okrdesk import __version__, atomic
from okrdesk.errors import OkrDeskError
from okrdesk.reports import fonts, styles
from okrdesk.reports.data import PrintInfo
from okrdesk.reports.flowables import (
    Deferred,
    PageTracker,
    define_hatches,
    define_page_refs,
    define_sheet_pages,
    sheet_pages_form,
)
from okrdesk.reports.fonts import FontBook


class ReportError(OkrDeskError):
    """A report could not be written (the message names the file and the reason)."""


class ReportCancelled(ReportError):
    """The person stopped a long export; nothing was written."""


# Called with (steps done, steps in all) while laying out teams and printing pages;
# it may raise ReportCancelled to stop the export.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ReportResult:
    """What a written report holds, and what the person printing it should know."""

    path: Path
    pages: int
    overflowed: tuple[str, ...] = ()  # teams whose sheet needed more than one page
    missing_glyphs: str = ""  # characters no available font can draw

    @property
    def notices(self) -> list[str]:
        found = []
        if self.overflowed:
            names = ", ".join(self.overflowed[:5]) + (" …" if len(self.overflowed) > 5 else "")
            found.append(
                f"{len(self.overflowed)} sheet(s) did not fit one page even at the smallest "
                f"readable size and continue on a second page: {names}"
            )
        if self.missing_glyphs:
            found.append(
                "no available font can draw these characters; they print as boxes: "
                + fonts.missing_text(self.missing_glyphs)
            )
        return found


@dataclass(frozen=True)
class PageSetup:
    paper: styles.Paper = "a4"
    landscape: bool = False

    @property
    def size(self) -> tuple[float, float]:
        return styles.page_size(self.paper, self.landscape)

    @property
    def frame(self) -> tuple[float, float]:
        """Width and height of the area the story flows into."""
        width, height = self.size
        m = styles.MARGINS
        return width - m.left - m.right, height - m.top - m.bottom


class ReportDoc(BaseDocTemplate):
    """A document with the shared footer and "continued" marks, built in one pass."""

    def __init__(
        self,
        target: object,
        setup: PageSetup,
        info: PrintInfo,
        book: FontBook,
        *,
        title: str,
        subject: str,
        page_numbers: bool,
        tracker: PageTracker,
        page_refs: list[str] | None = None,
        progress: Progress | None = None,
        steps_total: int = 0,
    ) -> None:
        m = styles.MARGINS
        super().__init__(
            target,
            pagesize=setup.size,
            leftMargin=m.left,
            rightMargin=m.right,
            topMargin=m.top,
            bottomMargin=m.bottom,
            title=book.plain(title),
            author=book.plain(info.organisation),
            subject=book.plain(subject),
            creator=f"OKR Desk {__version__}",
            producer=f"OKR Desk {__version__}",
            initialFontName=fonts.REGULAR,
            initialFontSize=9,
            lang="en",  # screen readers and copied text know the language (issue 19: more)
        )
        self.info, self.book, self.page_numbers = info, book, page_numbers
        self.tracker = tracker
        self.page_refs = page_refs or []
        # Progress counts the parts laid out (each Deferred) and the pages printed.
        self.progress, self.steps_total = progress, steps_total
        self.laid_out = self.printed = 0
        width, height = setup.frame
        frame = Frame(m.left, m.bottom, width, height, 0, 0, 0, 0, id="body")
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._decorate)])
        # The organisation, not the file: a sheet on a wall is not about where it was saved.
        self._footer_left = book.plain(info.organisation)
        self._footer_right = "Printed " + long_date(info.printed_on)
        # What a page that begins starts with (set by PageTop marks as the story is drawn).
        self.page_top: Callable[[], list[Flowable]] | None = None
        self.hatches: set[tuple[str, float]] = set()  # the bar patterns used, defined at the end

    def handle_pageBegin(self) -> None:
        self._pageTopFlowables = self.page_top() if self.page_top is not None else []
        super().handle_pageBegin()

    def _decorate(self, c: Canvas, doc: BaseDocTemplate) -> None:
        page = self.printed = c.getPageNumber()
        self._report_progress()
        width, _height = self.pagesize
        m = styles.MARGINS
        c.saveState()
        y = m.bottom - 22
        c.setStrokeColor(styles.HAIRLINE)
        c.setLineWidth(0.5)
        c.line(m.left, y + 10, width - m.right, y + 10)
        draw_text(c, self.book, m.left, y, self._footer_left, fonts.REGULAR, 8, styles.MUTED)
        section = self.tracker.current
        folio = self.page_numbers and not (section is not None and section.kind == "cover")
        right = self._footer_right + (f" · page {page}" if folio else "")
        draw_text(c, self.book, width - m.right, y, right, fonts.REGULAR, 8, styles.MUTED, "right")
        continued = self.tracker.page_ended(page)
        if section is not None and section.kind == "sheet":
            c.saveState()
            c.translate(width / 2, y)
            c.doForm(sheet_pages_form(section.key, page - section.first_page + 1))
            c.restoreState()
        if continued is not None:
            label = f"{continued.title} — continued"
            top = self.pagesize[1] - m.top + 12
            draw_text(
                c, self.book, width - m.right, top, label, fonts.BOLD, 8.5, styles.INK, "right"
            )
        c.restoreState()

    def filterFlowables(self, flowables: list[Flowable]) -> None:
        # ReportLab's hook before each flowable: a Deferred part is made here, when reached.
        while flowables and isinstance(flowables[0], Deferred):
            flowables[0:1] = flowables[0].expand()
            self.laid_out += 1
            self._report_progress()

    def _report_progress(self) -> None:
        if self.progress is not None:
            done = self.laid_out + self.printed
            self.progress(done, max(self.steps_total, done))

    def _endBuild(self) -> None:
        # Page references (table of contents) are forms: define them now that pages are known.
        self._doSave = 0
        super()._endBuild()
        define_page_refs(self.canv, self.tracker, self.page_refs, fonts.REGULAR, styles.NORMAL.body)
        define_sheet_pages(self.canv, self.tracker, fonts.BOLD, 7)
        define_hatches(self.canv, self.hatches)
        if self.page_numbers:  # a booklet or report of many parts opens with its bookmarks
            self.canv.showOutline()
        self.canv.save()


def draw_text(
    c: Canvas,
    book: FontBook,
    x: float,
    y: float,
    text: str,
    font: str,
    size: float,
    colour: object,
    align: str = "left",
) -> None:
    """A line of user text on the canvas, with fallback fonts for the runs that need them."""
    text = book.plain(text)
    runs: list[tuple[str, str]] = []
    if book.main_font_draws(text):
        runs.append((font, text))
    else:
        for ch in text:
            run_font = book.font_for(ch) or font
            if runs and runs[-1][0] == run_font:
                runs[-1] = (run_font, runs[-1][1] + ch)
            else:
                runs.append((run_font, ch))
    total = sum(stringWidth(chunk, f, size) for f, chunk in runs)
    if align == "right":
        x -= total
    c.setFillColor(colour)
    for run_font, chunk in runs:
        c.setFont(run_font, size)
        c.drawString(x, y, chunk)
        x += stringWidth(chunk, run_font, size)


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def long_date(d: date) -> str:
    """23 November 2026 (English like the rest of the app, whatever the system locale)."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def short_date(d: date, *, year: bool = True) -> str:
    """23 Nov 2026, or 23 Nov."""
    text = f"{d.day} {MONTHS[d.month - 1][:3]}"
    return f"{text} {d.year}" if year else text


def date_span(start: date, end: date) -> str:
    """1 Oct – 31 Dec 2026 (the year once when both dates share it)."""
    first = short_date(start, year=start.year != end.year)
    return f"{first} – {short_date(end)}"


def write_atomically(path: Path, build: Callable[[object], None]) -> None:
    """Build into a temporary file beside ``path``, then rename it into place.

    A killed or failing build leaves no file at ``path`` (or the old one untouched).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"{path}: the folder {folder} does not exist")
    try:
        with atomic.writing(path) as out:
            build(out)
    except OSError as exc:
        raise ReportError(f"{path}: cannot be written ({exc.strerror or exc})") from exc


def build_pdf(
    doc_factory: Callable[[object], ReportDoc], story: list[Flowable], path: Path
) -> ReportDoc:
    """Build ``story`` into ``path`` atomically; returns the built document (with its tracker)."""
    built: list[ReportDoc] = []

    def build(out: object) -> None:
        doc = doc_factory(out)
        # Binary streams: ASCII85 makes files a fifth larger and costs a third of the save.
        a85, rl_config.useA85 = rl_config.useA85, 0
        try:
            doc.build(story)
        finally:
            rl_config.useA85 = a85
        built.append(doc)

    write_atomically(path, build)
    return built[0]
