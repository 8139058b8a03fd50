"""How a slide's sections fill the projector: one flow of items (a section's heading, its
blocks, "… and N more") poured into newspaper columns.

The largest type that fits wins (34 px down to 28 px at 1080 lines), and at each size the
fewest columns that hold everything; a wide screen takes up to three. Only when the
smallest type in the most columns is still too little are the last blocks of the first
section left out, with "… and N more <noun>" counting the blocks of that kind only (the
coach's notes on the whole set are not an objective). Heights are measured as the label
draws them (``measure``), so what is said to fit does fit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ui.facilitation import slide_html
from ui.facilitation.slides import Block, Slide

SIZES = (34, 32, 30, 28)  # body type, pixels at 1080 lines; the last is the floor
MIN_COLUMN = 520  # narrowest column, pixels at 1080 lines (about 30 characters)
MAX_COLUMNS = 3
GAP = 48  # between columns, pixels at 1080 lines


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]
    noun: str  # "… and 3 more <noun>"


@dataclass(frozen=True)
class Layout:
    body: int  # body type at 1080 lines
    columns: tuple[tuple[str, ...], ...]  # rich-text items per column
    shown: int  # blocks shown, of all sections


Measure = Callable[[str, int, int], int]  # (html, body px, width px) -> height px


def sections_of(slide: Slide) -> list[Section]:
    found = [Section(slide.heading, slide.blocks, slide.more_noun)]
    if slide.extra:
        found.append(Section(slide.extra_heading, slide.extra, "more"))
    return found


def lay_out(
    sections: list[Section], width: int, height: int, unit: float, measure: Measure
) -> Layout:
    """The most readable layout of ``sections`` in a ``width`` × ``height`` area."""
    gap = round(GAP * unit)
    most = max(1, min(MAX_COLUMNS, (width + gap) // (round(MIN_COLUMN * unit) + gap)))
    full = [len(s.blocks) for s in sections]
    for body in SIZES:
        for count in range(1, most + 1):
            found = _try(sections, full, body, count, width, height, unit, measure)
            if found is not None:
                return found
    # Still too much in the smallest type: the first section gives way, then the others.
    body = SIZES[-1]
    shown = list(full)
    for n, section in enumerate(sections):
        for keep in range(len(section.blocks) - 1, 0, -1):
            shown[n] = keep
            # Fewer, wider columns may hold more than more, narrower ones.
            for count in range(1, most + 1):
                found = _try(sections, shown, body, count, width, height, unit, measure)
                if found is not None:
                    return found
    shown = [min(1, n) for n in full]
    return _try(sections, shown, body, most, width, height, unit, measure, force=True)  # type: ignore[return-value]


def _try(
    sections: list[Section],
    shown: list[int],
    body: int,
    count: int,
    width: int,
    height: int,
    unit: float,
    measure: Measure,
    force: bool = False,
) -> Layout | None:
    b, s = max(1, round(body * unit)), max(1, round(max(SIZES[-1], body - 4) * unit))
    gap = round(GAP * unit)
    column_width = (width - gap * (count - 1)) // count
    items = _items(sections, shown, b, s)
    columns: list[list[str]] = [[]]
    used = 0
    for n, (html, keep_with_next) in enumerate(items):
        need = measure(html, b, column_width)
        if keep_with_next and n + 1 < len(items):
            need += measure(items[n + 1][0], b, column_width)
        if used + need > height and columns[-1]:
            if len(columns) == count and not force:
                return None
            if len(columns) < count:
                columns.append([])
                used = 0
        columns[-1].append(html)
        used += measure(html, b, column_width)
    # The sum of the items' heights is close; the column as drawn is what counts.
    if not force and any(measure("".join(c), b, column_width) > height for c in columns):
        return None
    columns += [[] for _ in range(count - len(columns))]  # drawn at the widths measured
    return Layout(body, tuple(tuple(c) for c in columns), sum(shown))


def _items(sections: list[Section], shown: list[int], body: int, small: int):
    """(html, keep with the next item) in reading order."""
    items: list[tuple[str, bool]] = []
    for section, count in zip(sections, shown, strict=True):
        if section.heading:
            items.append((slide_html.heading(section.heading, body), True))
        marks = slide_html.mark_width(section.blocks, body)
        items += [(slide_html.block(b, body, small, marks), False) for b in section.blocks[:count]]
        hidden = section.blocks[count:]
        if hidden:
            items.append((slide_html.more(hidden, section.noun, small), False))
    return items
