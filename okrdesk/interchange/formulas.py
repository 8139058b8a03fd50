"""Formula injection: text we write into a spreadsheet must stay text.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-`` or
``@`` (and some treat a leading tab or carriage return the same way) as a formula, so a
title such as ``=HYPERLINK("http://x", "y")`` or a DDE payload ``+cmd|' /C calc'!A0`` in
an exported CSV would act when the file is opened. As OWASP's CSV-injection guidance
recommends, a text cell that would start with one of these gets a single quote in front:
the sheet shows it as text. Numbers are written as numbers and never get one (-5 stays
a number).

Reading our own export back must give the very text we wrote, so the quote comes off
again — but only ours: a quote is taken off only when a trigger follows it (after any
further quotes). A text that itself begins with quotes and a trigger (``'=x``) is written
with one quote more (``''=x``) and read back as it was; ``'hello`` has no trigger after
its quote and is written and read unchanged.
"""

from __future__ import annotations

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _quoted_trigger(text: str) -> bool:
    """Whether the text, past any leading quotes, starts with a trigger."""
    return text.lstrip("'").startswith(TRIGGERS)


def neutralise(text: str) -> str:
    """The text as a spreadsheet cell that cannot run: a quote before a trigger."""
    if text.startswith(TRIGGERS) or (text.startswith("'") and _quoted_trigger(text)):
        return "'" + text
    return text


def restore(text: str) -> str:
    """Undo :func:`neutralise`: the quote it added comes off, any other stays."""
    if text.startswith("'") and _quoted_trigger(text):
        return text[1:]
    return text
