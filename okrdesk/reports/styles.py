"""Every look of the reports in one place: paper, scales, colours, paragraph styles.

A sheet is laid out at the first :data:`SCALES` step that fits its page; all
styles of a step are computed once per process (:func:`styles_for`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape, letter, portrait
from reportlab.lib.styles import ParagraphStyle

from okrdesk.reports import fonts

Paper = Literal["a4", "letter"]
PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": letter}

MIN_PT = 7.0  # nothing prints smaller than this
MIN_GREY_PT = 8.0  # grey text smaller than this prints too faint: it is printed black

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
HAIRLINE = colors.HexColor("#c8c8c8")
SHADE = colors.HexColor("#efefef")
BAR_EMPTY = colors.white
# Band colours are dark enough to stay distinct from the empty bar in greyscale;
# the percentage is always printed beside the bar, so colour is never the only cue.
BAND_COLOURS = {
    "red": colors.HexColor("#a83232"),
    "amber": colors.HexColor("#b87514"),
    "green": colors.HexColor("#2f7d3a"),
    None: colors.HexColor("#555555"),
}


def page_size(paper: Paper, is_landscape: bool) -> tuple[float, float]:
    size = PAPERS[paper]
    return landscape(size) if is_landscape else portrait(size)


@dataclass(frozen=True)
class Margins:
    left: float = 30
    right: float = 30
    top: float = 30
    bottom: float = 38  # the footer sits in here


MARGINS = Margins()


@dataclass(frozen=True)
class Scale:
    """One step of the fitting strategy: type size, leading and spacing."""

    name: str
    body: float  # body text size in points
    leading: float  # line height as a multiple of the size
    gap: float  # space between objective blocks
    pad: float  # table cell padding
    condensed: bool = False


SCALES: tuple[Scale, ...] = (
    Scale("normal", 9.5, 1.28, 12, 3.0),
    Scale("snug", 8.6, 1.22, 8, 2.4),
    Scale("tight", 8.0, 1.18, 5, 1.8),
    Scale("small", 7.5, 1.16, 4, 1.4, condensed=True),
    Scale("minimum", 7.0, 1.15, 3, 1.0, condensed=True),
)
NORMAL = SCALES[0]
# A sheet uses its page: the largest type that fits, from 11 pt down to 7.5 pt (the least a
# handout read at arm's length takes).
SHEET_SCALES: tuple[Scale, ...] = (
    Scale("large", 11.0, 1.3, 14, 3.4),
    Scale("roomy", 10.2, 1.28, 13, 3.2),
    *SCALES[:4],
)


@dataclass(frozen=True)
class Styles:
    scale: Scale
    regular: str
    bold: str
    organisation: ParagraphStyle
    team: ParagraphStyle
    cycle: ParagraphStyle
    objective: ParagraphStyle
    meta: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    number: ParagraphStyle
    column: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    cover_title: ParagraphStyle
    cover_text: ParagraphStyle
    toc: ParagraphStyle

    def size(self, factor: float) -> float:
        return max(MIN_PT, round(self.scale.body * factor, 2))


@cache
def styles_for(scale: Scale = NORMAL) -> Styles:
    fonts.register_fonts()
    regular = fonts.CONDENSED if scale.condensed else fonts.REGULAR
    bold = fonts.CONDENSED_BOLD if scale.condensed else fonts.BOLD

    def style(name: str, factor: float, *, strong: bool = False, **extra: object) -> ParagraphStyle:
        size = max(MIN_PT, round(scale.body * factor, 2))
        base: dict[str, object] = {
            "fontName": bold if strong else regular,
            "fontSize": size,
            "leading": round(size * scale.leading, 2),
            "textColor": INK,
            "splitLongWords": True,
            "allowWidows": 1,
        }
        base.update(extra)
        if base["textColor"] == MUTED and size < MIN_GREY_PT:
            base["textColor"] = INK  # grey this small prints too faint
        return ParagraphStyle(f"{scale.name}-{name}", **base)  # type: ignore[arg-type]

    return Styles(
        scale=scale,
        regular=regular,
        bold=bold,
        organisation=style("organisation", 0.95, textColor=MUTED),
        team=style("team", 1.9, strong=True, spaceAfter=1),
        cycle=style("cycle", 1.0),
        objective=style("objective", 1.12, strong=True),
        meta=style("meta", 0.86, textColor=MUTED),
        body=style("body", 1.0),
        small=style("small", 0.9),
        number=style("number", 0.92),
        column=style("column", 0.8, strong=True, textColor=MUTED),
        heading=style("heading", 1.45, strong=True, spaceBefore=6, spaceAfter=4),
        subheading=style("subheading", 1.12, strong=True, spaceBefore=5, spaceAfter=2),
        cover_title=style("cover-title", 3.0, strong=True, spaceAfter=10),
        cover_text=style("cover-text", 1.4, spaceAfter=4),
        toc=style("toc", 1.0),
    )


def bold_of(font: str) -> str:
    """The bold face of one of our faces."""
    return {fonts.REGULAR: fonts.BOLD, fonts.CONDENSED: fonts.CONDENSED_BOLD}.get(font, font)


@cache
def indented(style: ParagraphStyle, points: float) -> ParagraphStyle:
    """The style moved right by `points` (a team under its parent, in a tree)."""
    return ParagraphStyle(f"{style.name}-in{points:g}", parent=style, leftIndent=points)


def right_aligned(style: ParagraphStyle) -> ParagraphStyle:
    return _aligned(style, TA_RIGHT)


@cache
def _aligned(style: ParagraphStyle, alignment: int) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-a{alignment}", parent=style, alignment=alignment)


@cache
def cjk_variant(style: ParagraphStyle) -> ParagraphStyle:
    """The same style breaking lines between any two characters (for CJK text)."""
    return ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")


def table_style(st: Styles, *, grid: bool = True) -> list[tuple]:
    """Common table commands; the font is always set, so no Helvetica sneaks in."""
    pad = st.scale.pad
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), st.regular),
        ("FONTSIZE", (0, 0), (-1, -1), st.size(0.9)),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad + 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad + 1),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
    ]
    if grid:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, HAIRLINE))
    return commands
