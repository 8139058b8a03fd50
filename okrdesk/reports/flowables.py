"""Small flowables the reports are made of: progress bars, section marks, page references."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer
from reportlab.platypus.paragraph import ParagraphStyle

from okrdesk.formatting import percent
from okrdesk.reports import styles
from okrdesk.reports.bar_look import BarLook
from okrdesk.reports.fonts import FontBook


class Para(Paragraph):
    """A Paragraph that remembers its lines for the last width it was wrapped to.

    Tables wrap each cell several times at the same width (measuring, laying out,
    drawing); breaking the lines once instead is what keeps big booklets fast.
    """

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self.__dict__.get("_wrapped_at") == avail_width:
            return self.width, self.height
        size = super().wrap(avail_width, avail_height)
        self._wrapped_at = avail_width
        return size


def para(text: str, style: ParagraphStyle, book: FontBook, *, bold: bool = False) -> Para:
    """A Paragraph of user text: escaped, with fallback fonts where needed."""
    markup = book.markup(text)
    if book.needs_cjk_wrap(text):
        style = styles.cjk_variant(style)
    return Para(f"<b>{markup}</b>" if bold else markup, style)


class ProgressBar(Flowable):
    """A bar filled to ``value`` (0…1) with the percentage printed beside it.

    The number carries the meaning; the band colour only repeats it, so the bar
    reads the same on a greyscale printer.
    """

    def __init__(
        self,
        value: float | None,
        width: float,
        font: str,
        size: float,
        band: str | None = None,
        look: BarLook | None = None,
    ) -> None:
        super().__init__()
        self.look = look or BarLook(band)
        self.value = value
        self.width = width
        self.font = font
        self.size = size
        self.label = percent(value)
        # Room for the widest label in bold: an objective's bar (bold label) is as long as
        # its key results' bars (regular labels) below it.
        self.label_width = stringWidth("100%", styles.bold_of(font), size) + 2
        self.height = size * 1.15

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        # Drawn in place: a few rectangles and a label. (As shared forms they cost more:
        # a 200-team booklet has ~5,000 bars in ~1,100 looks, each form a PDF object.)
        c = self.canv
        fill = None if self.value is None else round(max(0.0, min(1.0, self.value)) * 200) / 200
        # Clipped to the box bars were drawn in as forms, so they print exactly as before
        # (the box trims the outer half of the left border).
        box = c.beginPath()
        box.rect(0, -2, self.width, self.height + 4)
        c.clipPath(box, stroke=0, fill=0)
        self._draw_bar(c, fill)

    def _draw_bar(self, c: Canvas, fill: float | None) -> None:
        bar_width = max(8.0, self.width - self.label_width - 3)
        bar_height = self.size * 0.8
        y = (self.height - bar_height) / 2 - self.size * 0.08
        c.setLineWidth(0.5)
        c.setStrokeColor(styles.INK)
        c.setFillColor(styles.BAR_EMPTY)
        c.rect(0, y, bar_width, bar_height, stroke=1, fill=1)
        if fill:
            c.setFillColor(styles.BAND_COLOURS.get(self.look.colour, styles.BAND_COLOURS[None]))
            c.rect(0, y, bar_width * fill, bar_height, stroke=0, fill=1)
            if self.look.pattern:
                _hatch(c, bar_width * fill, y, bar_height, self.look.pattern)
            c.rect(0, y, bar_width, bar_height, stroke=1, fill=0)
        if self.look.mark is not None:  # where it should be today
            x = bar_width * max(0.0, min(1.0, self.look.mark))
            c.setLineWidth(1.1)
            c.line(x, y - bar_height * 0.3, x, y + bar_height * 1.3)
        c.setFillColor(styles.INK)
        c.setFont(self.font, self.size)
        c.drawRightString(self.width, y + bar_height * 0.12, self.label)


class BarLegend(Flowable):
    """A line or two at the foot of a sheet that says what its bars mean: sample bars for
    the statuses (their colours and patterns) and the tick, or for the grades; and, when
    the sheet has any, how three-level key results score."""

    def __init__(
        self,
        graded: bool,
        today: str | None,
        three_level: bool,
        font: str,
        size: float,
        colour: object = styles.MUTED,
    ) -> None:
        super().__init__()
        self.graded, self.today, self.three_level = graded, today, three_level
        self.font, self.size, self.colour = font, size, colour
        self.line_height = size * 1.6
        self._placed: list[tuple[float, int, BarLook | None, str]] = []  # (x, line, look, words)

    def parts(self) -> list[tuple[BarLook | None, str]]:
        """(sample bar or None, words) in reading order."""
        if self.graded:
            parts: list[tuple[BarLook | None, str]] = [(None, "Bars: progress, coloured by grade:")]
            parts += [(BarLook(band), words) for band, words in GRADE_SAMPLES]
        else:
            parts = [(None, "Bars: progress from start to target, by status:")]
            parts += [(BarLook(colour, pattern), words) for colour, pattern, words in PACE_SAMPLES]
            if self.today:
                parts.append((BarLook(None, mark=0.6), f"where it should be on {self.today}"))
        if self.three_level:
            parts.append((None, "Three levels score 0.3 at commit, 0.7 at target, 1.0 at stretch."))
        return parts

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._placed, x, line = [], 0.0, 0
        for look, words in self.parts():
            width = self._sample_width(look) + stringWidth(words, self.font, self.size)
            if x and x + width > avail_width:
                x, line = 0.0, line + 1
            self._placed.append((x, line, look, words))
            x += width + self.size * 1.2
        self.width, self.height = avail_width, (line + 1) * self.line_height
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        for x, line, look, words in self._placed:
            y = self.height - (line + 1) * self.line_height + self.size * 0.45
            if look is not None:
                c.saveState()
                _sample_bar(c, x, y - self.size * 0.05, self.size * 2.4, self.size * 0.75, look)
                c.restoreState()
            c.setFont(self.font, self.size)
            c.setFillColor(self.colour)
            c.drawString(x + self._sample_width(look), y, words)

    def _sample_width(self, look: BarLook | None) -> float:
        return 0.0 if look is None else self.size * 2.8


GRADE_SAMPLES = (("green", "good"), ("amber", "partial"), ("red", "missed"))
PACE_SAMPLES = (
    ("green", None, "on track"),
    ("amber", "stripes", "at risk"),
    ("red", "crosshatch", "off track"),
)


def _sample_bar(c: Canvas, x: float, y: float, width: float, height: float, look: BarLook) -> None:
    c.translate(x, y)
    c.setLineWidth(0.5)
    c.setStrokeColor(styles.INK)
    c.setFillColor(styles.BAR_EMPTY)
    c.rect(0, 0, width, height, stroke=1, fill=1)
    if look.colour is not None or look.mark is None:
        c.setFillColor(styles.BAND_COLOURS.get(look.colour, styles.BAND_COLOURS[None]))
        c.rect(0, 0, width * 0.7, height, stroke=0, fill=1)
        if look.pattern:
            _hatch(c, width * 0.7, 0, height, look.pattern)
        c.rect(0, 0, width, height, stroke=1, fill=0)
    if look.mark is not None:
        c.setLineWidth(1.1)
        c.line(width * look.mark, -height * 0.3, width * look.mark, height * 1.3)


HATCH_LENGTH = 1200.0  # points: longer than any bar, which clips it to its fill


def _hatch(c: Canvas, width: float, y: float, height: float, pattern: str) -> None:
    """White diagonal lines over a filled bar: a status that a greyscale print keeps.

    In a report the lines are one shared form per pattern and bar height, drawn once at
    the end (:func:`define_hatches`) and clipped to each bar's fill: thousands of bars
    would otherwise each write their own few dozen lines."""
    c.saveState()
    area = c.beginPath()
    area.rect(0, y, width, height)
    c.clipPath(area, stroke=0, fill=0)
    c.translate(0, y)
    hatches = getattr(getattr(c, "_doctemplate", None), "hatches", None)
    if hatches is None:  # drawn outside a report document
        _hatch_lines(c, width, height, pattern)
    else:
        hatches.add((pattern, round(height, 2)))
        c.doForm(hatch_form(pattern, round(height, 2)))
    c.restoreState()


def hatch_form(pattern: str, height: float) -> str:
    return f"hatch-{pattern}-{height}"


def define_hatches(c: Canvas, hatches: set[tuple[str, float]]) -> None:
    for pattern, height in sorted(hatches):
        c.beginForm(hatch_form(pattern, height), 0, 0, HATCH_LENGTH, height)
        _hatch_lines(c, HATCH_LENGTH, height, pattern)
        c.endForm()


def _hatch_lines(c: Canvas, width: float, height: float, pattern: str) -> None:
    c.setStrokeColor(styles.BAR_EMPTY)
    # Thin lines, wide apart: the colour stays the colour; the texture tells it in grey.
    crossed = pattern == "crosshatch"
    c.setLineWidth(height * (0.11 if crossed else 0.16))
    step = height * (0.8 if crossed else 0.55)
    x = -height
    while x < width + height:
        c.line(x, 0, x + height, height)
        if crossed:
            c.line(x, height, x + height, 0)
        x += step


@dataclass
class Section:
    key: str
    kind: str  # "sheet", "cover", "contents", "alignment", "retro", …
    title: str
    first_page: int
    last_page: int


@dataclass
class PageTracker:
    """Which section each page belongs to; filled in while the document is drawn."""

    sections: list[Section] = field(default_factory=list)

    @property
    def current(self) -> Section | None:
        return self.sections[-1] if self.sections else None

    def start(self, key: str, kind: str, title: str, page: int) -> None:
        self.sections.append(Section(key, kind, title, page, page))

    def page_ended(self, page: int) -> Section | None:
        """The section running on; returned when this page continues it."""
        section = self.current
        if section is None:
            return None
        section.last_page = page
        return section if section.first_page < page else None

    def first_page(self, key: str) -> int | None:
        return next((s.first_page for s in self.sections if s.key == key), None)


class Deferred(Flowable):
    """A part of the story made only when the document reaches it (:class:`ReportDoc`
    replaces it by what `make` returns): a booklet of a thousand sheets holds one sheet's
    flowables at a time, not all of them."""

    def __init__(self, make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.make = make

    def expand(self) -> list[Flowable]:
        return self.make() or [Spacer(0, 0)]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        raise TypeError("a Deferred part is expanded by ReportDoc, never laid out itself")


class SectionMark(Flowable):
    """Zero-size: starts a section, with a bookmark and an outline entry."""

    def __init__(
        self, tracker: PageTracker, key: str, kind: str, title: str, level: int | None = 0
    ) -> None:
        super().__init__()
        self.tracker, self.key, self.kind, self.title, self.level = (
            tracker,
            key,
            kind,
            title,
            level,
        )
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        c: Canvas = self.canv
        self.tracker.start(self.key, self.kind, self.title, c.getPageNumber())
        c.bookmarkPage(self.key)
        if self.level is not None:
            c.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level > 0)


class KeepWhole(KeepTogether):
    """Moved whole to the next page when it does not fit here but fits on a page (below
    the `reserve` the page's top takes); a part taller than that runs on from here
    (ReportLab's KeepTogether would first leave the rest of this page empty)."""

    def __init__(self, flowables: list[Flowable], reserve: float = 0.0) -> None:
        super().__init__(flowables)
        self.reserve = reserve

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (avail_width, avail_height):
            self.wrap(avail_width, avail_height)
        frame = getattr(self, "_frame", None)
        if frame is not None and frame._height - self.reserve < self._H:
            return list(self._content)
        return super().split(avail_width, avail_height)


class PageTop(Flowable):
    """Zero-size: from here on, a page that begins starts with what `make` returns (a
    sheet's column headings; "O5 (continued)" inside an objective), so no page of a long
    sheet starts without its context. ``None``: pages start bare again."""

    def __init__(self, make: Callable[[], list[Flowable]] | None) -> None:
        super().__init__()
        self.make = make
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self._doctemplate.page_top = self.make  # type: ignore[union-attr]


class PageRef(Flowable):
    """The page a section starts on, right-aligned: drawn as a form filled in at the end,
    so a table of contents needs no second build."""

    def __init__(self, key: str, font: str, size: float, width: float) -> None:
        super().__init__()
        self.key, self.font, self.size, self.width = key, font, size, width
        self.height = size * 1.2

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c: Canvas = self.canv
        c.saveState()
        c.translate(self.width, self.size * 0.25)
        c.doForm(form_name(self.key))
        c.restoreState()
        c.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


def form_name(key: str) -> str:
    return f"pageref-{key}"


def sheet_pages_form(key: str, page: int) -> str:
    """The form a sheet's page footer draws: "2 of 3", filled in once the pages are known."""
    return f"sheet-pages-{key}-{page}"


def define_sheet_pages(c: Canvas, tracker: PageTracker, font: str, size: float) -> None:
    """Fill in each sheet page's "1 of 2 · continues overleaf" (empty for a one-page sheet)."""
    for section in tracker.sections:
        if section.kind != "sheet":
            continue
        count = section.last_page - section.first_page + 1
        for n in range(1, count + 1):
            c.beginForm(
                sheet_pages_form(section.key, n),
                lowerx=-300,
                lowery=-size,
                upperx=300,
                uppery=size * 1.5,
            )
            if count > 1:
                c.setFont(font, size)
                c.setFillColor(colors.black)
                label = f"{n} of {count}" + (" · continues overleaf" if n < count else "")
                c.drawCentredString(0, 0, label)
            c.endForm()


def define_page_refs(
    c: Canvas, tracker: PageTracker, keys: list[str], font: str, size: float
) -> None:
    """Fill in every page reference once the pages are known."""
    for key in keys:
        page = tracker.first_page(key)
        c.beginForm(form_name(key), lowerx=-200, lowery=-size, upperx=0, uppery=size * 1.5)
        c.setFont(font, size)
        c.setFillColor(colors.black)
        c.drawRightString(0, 0, "" if page is None else str(page))
        c.endForm()
