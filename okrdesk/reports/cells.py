"""Cells: plain text that wraps cheaply, and rows of cells with fixed widths.

A booklet holds tens of thousands of short texts (names, numbers, titles). Parsing
each as Paragraph markup and laying each row out as a Table would cost more than
everything else together; these two small flowables do the same for plain text.
"""

from __future__ import annotations

import re

from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable
from reportlab.platypus.paragraph import ParagraphStyle

from okrdesk.reports import styles
from okrdesk.reports.flowables import para
from okrdesk.reports.fonts import FontBook


class TextBlock(Flowable):
    """Plain text in one font, wrapped at spaces: a light Paragraph for table cells.

    Most cells are a name, a number or a sentence in the main font; parsing them as
    Paragraph markup would cost more than laying out the whole page.
    """

    def __init__(
        self, text: str, font: str, size: float, leading: float, colour: object, align: int = 0
    ) -> None:
        super().__init__()
        self.text, self.font, self.size, self.leading = text, font, size, leading
        self.colour, self.align = colour, align
        self.lines: list[str] = []
        self._wrapped_at: float | None = None
        self.link: str | None = None  # a bookmark key: the text links there

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped_at != avail_width:
            self.lines = break_lines(self.text, self.font, self.size, avail_width)
            self._wrapped_at = avail_width
        self.width = avail_width
        self.height = len(self.lines) * self.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fit = int(avail_height // self.leading)
        if fit < 1 or fit >= len(self.lines):
            return []
        first, rest = (
            TextBlock(self.text, self.font, self.size, self.leading, self.colour, self.align)
            for _ in range(2)
        )
        first.lines, first._wrapped_at = self.lines[:fit], avail_width
        rest.lines, rest._wrapped_at = self.lines[fit:], avail_width
        return [first, rest]

    def draw(self) -> None:
        t = self.canv.beginText()
        self.write_to(t, 0.0, 0.0, {})
        self.canv.drawText(t)
        self.draw_link(self.canv, 0.0, 0.0)

    def write_to(self, t: PDFTextObject, x: float, y: float, state: dict[str, object]) -> None:
        """Add the lines to a text object, bottom left corner at (x, y).

        ``state`` remembers the font and colour already set in ``t``, so a row of
        cells becomes one text object without repeated settings.
        """
        if state.get("font") != (self.font, self.size):
            t.setFont(self.font, self.size, self.leading)
            state["font"] = (self.font, self.size)
        if state.get("colour") != self.colour:
            t.setFillColor(self.colour)
            state["colour"] = self.colour
        baseline = y + self.height - self.size
        for line in self.lines:
            if self.align == TA_RIGHT:
                t.setTextOrigin(x + self.width - stringWidth(line, self.font, self.size), baseline)
            else:
                t.setTextOrigin(x, baseline)
            t.textOut(line)
            baseline -= self.leading

    def draw_link(self, c: Canvas, x: float, y: float) -> None:
        if self.link:
            c.linkRect(
                "", self.link, (x, y, x + self.width, y + self.height), relative=1, thickness=0
            )


# A number (with its sign, currency and percent; a unit tied on by a no-break space) is
# never cut: "31,40" over "0" misreads as another number. At worst it overhangs its cell.
_NUMBER = re.compile(r"[-+−]?[€$£]?\d[\d.,]*%?(\u00a0\S+)*")


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at spaces; a word wider than the line is cut where it must be,
    unless it is a number."""
    # Most cells (names, numbers, short titles) fit on one line: one measurement, not one a
    # word. The margin leaves a text as wide as its column (to the last rounding error) to
    # the word-by-word sums below, which decide such ties as they always have.
    if stringWidth(text, font, size) < width - 1e-6:
        return [text]
    lines: list[str] = []
    space = stringWidth(" ", font, size)
    line: list[str] = []
    used = 0.0
    for word in text.split(" "):
        w = stringWidth(word, font, size)
        if line and used + space + w <= width:
            line.append(word)
            used += space + w
            continue
        if line:
            lines.append(" ".join(line))
        while w > width and len(word) > 1 and not _NUMBER.fullmatch(word):
            cut = _longest_prefix(word, font, size, width)
            lines.append(word[:cut])
            word = word[cut:]
            w = stringWidth(word, font, size)
        line, used = [word], w
    if line:
        lines.append(" ".join(line))
    return lines


def _longest_prefix(word: str, font: str, size: float, width: float) -> int:
    cut = 1
    while cut < len(word) and stringWidth(word[: cut + 1], font, size) <= width:
        cut += 1
    return cut


_ASCII_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def text(
    value: str, style: ParagraphStyle, book: FontBook, *, bold: bool = False, colour: object = None
) -> Flowable:
    """User text as a cell: a TextBlock when the main font draws all of it, else a Paragraph."""
    clean = book.plain(value)
    font = styles.bold_of(style.fontName) if bold else style.fontName
    if book.main_font_draws(clean) or all(book.font_for(ch) is None for ch in clean):
        return TextBlock(
            _ASCII_SPACES.sub(" ", clean),
            font,
            style.fontSize,
            style.leading,
            colour or style.textColor,
            style.alignment,
        )
    return para(value, style, book, bold=bold)


Cell = Flowable | list[Flowable] | None


class Row(Flowable):
    """One table row of cells with fixed widths, without a Table's machinery.

    A sheet is hundreds of such rows; as separate flowables a frame places them one
    by one and moves a row that does not fit to the next page whole.
    """

    def __init__(
        self,
        cells: list[Cell],
        widths: tuple[float, ...],
        *,
        pad: float,
        first_indent: float = 0.0,
        background: object = None,
        line_above: object = None,
        line_below: object = None,
        valign_bottom: bool = False,
    ) -> None:
        super().__init__()
        self.cells = [[] if c is None else c if isinstance(c, list) else [c] for c in cells]
        self.widths, self.pad, self.first_indent = widths, pad, first_indent
        self.background, self.line_above, self.line_below = background, line_above, line_below
        self.valign_bottom = valign_bottom
        self._wrapped_at: float | None = None
        self._heights: list[list[float]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped_at != avail_width:
            self._heights = []
            for n, (cell, width) in enumerate(zip(self.cells, self.widths, strict=True)):
                inner = width - 2 * (self.pad + 1) - (self.first_indent if n == 0 else 0)
                self._heights.append([f.wrap(inner, 0x7FFFFFFF)[1] for f in cell])
            self.height = max((sum(h) for h in self._heights), default=0.0) + 2 * self.pad
            self.width = sum(self.widths)
            self._wrapped_at = avail_width
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """A row taller than a page (a very long "why") splits across pages, cell by cell."""
        self.wrap(avail_width, avail_height)
        room = avail_height - 2 * self.pad
        if room <= 0 or any(len(cell) > 1 for cell in self.cells):
            return []
        first: list[Cell] = []
        rest: list[Cell] = []
        for n, (cell, heights, width) in enumerate(
            zip(self.cells, self._heights, self.widths, strict=True)
        ):
            if not cell or heights[0] <= room:
                first.append(cell[0] if cell else None)
                rest.append(None)
                continue
            inner = width - 2 * (self.pad + 1) - (self.first_indent if n == 0 else 0)
            parts = cell[0].split(inner, room)
            if len(parts) != 2:
                return []
            first.append(parts[0])
            rest.append(parts[1])
        options = {
            "pad": self.pad,
            "first_indent": self.first_indent,
            "background": self.background,
            "line_below": self.line_below,
        }
        return [
            Row(first, self.widths, line_above=self.line_above, **options),
            Row(rest, self.widths, **options),
        ]

    def draw(self) -> None:
        c = self.canv
        if self.background is not None:
            c.setFillColor(self.background)
            c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        c.setLineWidth(0.8 if self.line_above is not None else 0.4)
        if self.line_above is not None:
            c.setStrokeColor(self.line_above)
            c.line(0, self.height, self.width, self.height)
        if self.line_below is not None:
            c.setLineWidth(0.4)
            c.setStrokeColor(self.line_below)
            c.line(0, 0, self.width, 0)
        # Runs of plain-text cells share one text object; other flowables draw themselves.
        t = c.beginText()
        state: dict[str, object] = {}
        x = 0.0
        content = self.height - 2 * self.pad
        for n, (cell, heights, width) in enumerate(
            zip(self.cells, self._heights, self.widths, strict=True)
        ):
            left = x + self.pad + 1 + (self.first_indent if n == 0 else 0)
            y = self.height - self.pad
            if self.valign_bottom:
                y -= content - sum(heights)
            for f, h in zip(cell, heights, strict=True):
                y -= h
                if isinstance(f, TextBlock):
                    f.write_to(t, left, y, state)
                    f.draw_link(c, left, y)
                    continue
                if state:  # keep the reading order: text so far, then this flowable
                    c.drawText(t)
                    t, state = c.beginText(), {}
                f.drawOn(c, left, y)
            x += width
        if state:
            c.drawText(t)
