"""A slide as rich text for the presentation window: a table of blocks in large type,
colours from a dark, high-contrast palette (always with a mark or a word beside them)."""

from __future__ import annotations

from html import escape

from ui.facilitation.slides import Block, Line

COLOURS = {
    "body": "#f4f6f8",
    "muted": "#b9c2ce",
    "accent": "#8fd0ff",
    "good": "#8ee3b0",
    "warning": "#ffc24a",
    "error": "#ff8a80",
}


def column(
    heading: str, blocks: list[Block], more_noun: str, body: int, small: int, shown: int
) -> str:
    """A heading and the first ``shown`` blocks, then "… and N more <noun>"."""
    parts = [_heading(heading, body)] if heading else []
    shown = min(shown, len(blocks))
    if shown:
        parts.append(_table(blocks[:shown], body, small))
    if shown < len(blocks):
        parts.append(_more(len(blocks) - shown, more_noun, small))
    return "".join(parts)


def empty(text: str, body: int) -> str:
    return f"<p style='color:{COLOURS['muted']}; font-size:{body}px;'>{escape(text)}</p>"


def page(main: str, side: str | None = None, side_share: float = 0.0) -> str:
    """One column, or the main column with a second one on its right."""
    style = f"color:{COLOURS['body']};"
    if side is None:
        return f"<div style='{style}'>{main}</div>"
    main_pc = round((1 - side_share) * 100) - 4
    side_pc = round(side_share * 100)
    return (
        f"<table cellspacing='0' cellpadding='0' width='100%' style='{style}'><tr>"
        f"<td valign='top' width='{main_pc}%'>{main}</td><td width='4%'></td>"
        f"<td valign='top' width='{side_pc}%'>{side}</td></tr></table>"
    )


def _heading(text: str, body: int) -> str:
    return (
        f"<p style='color:{COLOURS['accent']}; font-size:{body}px; font-weight:bold; "
        f"margin-top:{body // 3}px; margin-bottom:{body // 3}px;'>{escape(text)}</p>"
    )


def _more(count: int, noun: str, small: int) -> str:
    return (
        f"<p style='color:{COLOURS['muted']}; font-size:{small}px; margin-top:{small // 2}px;'>"
        f"… and {count} {escape(noun)}</p>"
    )


def _table(blocks: list[Block], body: int, small: int) -> str:
    rows = []
    gap = body // 2
    for n, block in enumerate(blocks):
        pad = 0 if n == 0 else gap
        rows.append(
            "<tr>"
            f"<td style='padding-top:{pad}px; padding-right:{body // 2}px;' valign='top' "
            f"nowrap>{_span(block.main.mark, block.main.tone, body, strong=True)}</td>"
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
