"""A slide as rich text for the presentation window: a table of blocks in large type,
colours from a dark, high-contrast palette (always with a mark or a word beside them)."""

from __future__ import annotations

from html import escape

from ui.facilitation.slides import Block, Line

COLOURS = {
    "body": "#f4f6f8",
    "muted": "#d0d7e0",  # secondary text, still 12.9:1 on the background (read from the back)
    "accent": "#8fd0ff",
    "good": "#8ee3b0",
    "warning": "#ffc24a",
    "error": "#ff8a80",
}


def heading(text: str, body: int) -> str:
    return _heading(text, body)


def block(one: Block, body: int, small: int, mark_width: int = 0) -> str:
    """One block as a table of its own (a unit that can move to the next column); the
    marks of a section get one width so that its titles line up."""
    return _table([one], body, small, first_gap=body // 2, mark_width=mark_width)


def mark_width(blocks: tuple[Block, ...] | list[Block], body: int) -> int:
    """Room for the widest mark ("O12", "10.", "▶") in bold body type; 0 without marks."""
    longest = max((len(b.main.mark) for b in blocks), default=0)
    return round(longest * body * 0.75) if longest else 0


def more(hidden: tuple[Block, ...] | list[Block], noun: str, small: int) -> str:
    """ "… and 7 more objectives" — counting only the slide's items, naming the rest."""
    count = sum(1 for b in hidden if not b.apart)
    parts = [f"{count} {noun}"] if count else []
    parts += [b.apart for b in hidden if b.apart]
    return _more_text("… and " + " and ".join(parts), small)


def columns(parts: list[str], gap: int) -> str:
    """Newspaper columns of equal width, ``gap`` pixels apart."""
    style = f"color:{COLOURS['body']};"
    if len(parts) == 1:
        return f"<div style='{style}'>{parts[0]}</div>"
    width = round(100 / len(parts))
    cells = f"<td width='{gap}'></td>".join(
        f"<td valign='top' width='{width}%'>{part}</td>" for part in parts
    )
    return (
        f"<table cellspacing='0' cellpadding='0' width='100%' style='{style}'><tr>"
        f"{cells}</tr></table>"
    )


def empty(text: str, body: int) -> str:
    return f"<p style='color:{COLOURS['muted']}; font-size:{body}px;'>{escape(text)}</p>"


def _heading(text: str, body: int) -> str:
    return (
        f"<p style='color:{COLOURS['accent']}; font-size:{body}px; font-weight:bold; "
        f"margin-top:{body // 3}px; margin-bottom:{body // 3}px;'>{escape(text)}</p>"
    )


def _more_text(text: str, small: int) -> str:
    return (
        f"<p style='color:{COLOURS['muted']}; font-size:{small}px; margin-top:{small // 2}px;'>"
        f"{escape(text)}</p>"
    )


def _table(
    blocks: list[Block], body: int, small: int, first_gap: int = 0, mark_width: int = 0
) -> str:
    rows = []
    gap = body // 2
    width = f" width='{mark_width}'" if mark_width else ""
    for n, block in enumerate(blocks):
        pad = first_gap if n == 0 else gap
        rows.append(
            "<tr>"
            f"<td style='padding-top:{pad}px; padding-right:{body // 2}px;' valign='top'"
            f"{width} nowrap>{_span(block.main.mark, block.main.tone, body, strong=True)}</td>"
            f"<td style='padding-top:{pad}px;' valign='top' width='100%'>"
            f"{_span(block.main.text, block.main.tone, body, block.main.strong)}</td>"
            f"<td style='padding-top:{pad}px; padding-left:{body}px;' valign='top' "
            f"align='right' nowrap>{_span(block.aside, block.aside_tone, small)}</td>"
            "</tr>"
        )
        for line in block.below:
            rows.append(
                "<tr><td></td>"
                f"<td colspan='2' style='padding-top:{small // 4}px;'>{_sub(line, small)}</td>"
                "</tr>"
            )
    return f"<table cellspacing='0' cellpadding='0' width='100%'>{''.join(rows)}</table>"


def _sub(line: Line, small: int) -> str:
    mark = ""
    if line.mark:
        tone = line.tone if line.tone in ("warning", "error", "good") else "muted"
        mark = _span(line.mark, tone, small, strong=True) + "&nbsp;&nbsp;"
    return mark + _span(line.text, line.tone, small, line.strong)


def _span(text: str, tone: str, size: int, strong: bool = False) -> str:
    if not text:
        return ""
    weight = " font-weight:bold;" if strong else ""
    colour = COLOURS.get(tone, COLOURS["body"])
    return f"<span style='color:{colour}; font-size:{size}px;{weight}'>{escape(text)}</span>"
