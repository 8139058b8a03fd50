"""A numbered title whose wrapped lines hang under its text, not under its number.

"1.2  Cut median hands-on rebuild time from 24 hours to 19" wraps as

    1.2  Cut median hands-on rebuild time from
         24 hours to 19

so the numbers stand in a column of their own and each title reads as one block.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable
from reportlab.platypus.paragraph import ParagraphStyle

from okrdesk.reports.cells import TextBlock, text
from okrdesk.reports.fonts import FontBook

GAP = "\u00a0\u00a0"  # between the number and the title


class Hanging(Flowable):
    """`label` ("O1", "1.2") and the `title` beside it, wrapped in the room that is left."""

    def __init__(self, label: Flowable, title: Flowable, label_width: float) -> None:
        super().__init__()
        self.label, self.title, self.label_width = label, title, label_width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.label.wrap(self.label_width, avail_height)
        _w, h = self.title.wrap(max(1.0, avail_width - self.label_width), avail_height)
        self.width, self.height = avail_width, max(h, self.label.height)
        return self.width, self.height

    def draw(self) -> None:
        label_y, title_y = self.height - self.label.height, self.height - self.title.height
        if isinstance(self.label, TextBlock) and isinstance(self.title, TextBlock):
            # One text object: copied out, the number and its title read as one line.
            t = self.canv.beginText()
            state: dict[str, object] = {}
            self.label.write_to(t, 0, label_y, state)
            self.title.write_to(t, self.label_width, title_y, state)
            self.canv.drawText(t)
            return
        self.label.drawOn(self.canv, 0, label_y)
        self.title.drawOn(self.canv, self.label_width, title_y)


def numbered(
    label: str, title: str, style: ParagraphStyle, book: FontBook, *, widest: str | None = None
) -> Hanging:
    """A `label` and `title` in `style`; the label's column as wide as `widest` (say "O10"),
    so the titles of one list start at one x."""
    font, size = style.fontName, style.fontSize
    width = stringWidth((widest or label) + GAP, font, size)
    return Hanging(text(label, style, book), text(title, style, book), width)
