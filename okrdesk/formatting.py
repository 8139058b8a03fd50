"""Values as people read them and type them, once for every screen and printout.

- :func:`number` is for reading: thousands separators, at most two decimals ("38,000",
  "4.6"). It rounds, so it is never put into a field that is saved again.
- :func:`editable_number` is for fields: the shortest text that reads back as exactly the
  same number (:func:`okrdesk.services.fields.parse_number`): "0.125", "1234567.5",
  "0.0000001"; no thousands separators, no exponent for everyday sizes.
- :func:`percent` and :func:`score_text` show progress (40%) and grades (0.7).
- :func:`shorten` fits a title into a menu, a message or a narrow column ("Cut repeat…").

The bottom layer: nothing here imports from okrdesk but the vocabulary.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from okrdesk.vocabulary import KeyResultKind

NONE = "—"  # where a number is missing


def counted(count: int, word: str, many: str | None = None) -> str:
    """ "1 idea", "2 ideas"; `many` for a word whose plural is not word + "s"."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def shorten(text: str, limit: int = 40) -> str:
    """The text, cut to `limit` characters with "…" when it is longer."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def number(value: float | None) -> str:
    """ "1,234,567.5", "0.13", "—" for None."""
    if value is None:
        return NONE
    value = float(value)
    text = f"{int(value):,}" if value.is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text  # a tiny negative rounds to 0, not "-0"


def editable_number(value: float | None) -> str:
    """The text that :func:`~okrdesk.services.fields.parse_number` reads back as ``value``."""
    if value is None:
        return ""
    value = float(value)
    if value == 0:
        return "0"
    shortest = repr(value)  # the shortest text that reads back as the same float
    if not 1e-12 <= abs(value) < 1e21:  # written out, these would be dozens of digits
        return shortest
    text = format(Decimal(shortest), "f")  # the same digits without an exponent
    return text.removesuffix(".0")


def percent(fraction: float | None) -> str:
    """Progress or a score as a whole percentage: "40%", "—" for None."""
    return NONE if fraction is None else f"{round(fraction * 100)}%"


def score_text(score: float | None) -> str:
    """A score or grade as people give it, in tenths or hundredths: "0.7", "0.25", "1.0"."""
    if score is None:
        return NONE
    text = f"{score:.2f}"
    return text[:-1] if text.endswith("0") else text


def span(start: float | None, target: float | None, unit: str = "") -> str:
    """ "72 → 95 %": from where to where a key result goes."""
    return f"{number(start)} → {number(target)}" + (f" {unit}" if unit else "")


class KeyResultNumbers(Protocol):
    """What :func:`key_result_numbers` reads of a key result (a view or a stored row)."""

    @property
    def kind(self) -> KeyResultKind: ...
    @property
    def start(self) -> float | None: ...
    @property
    def target(self) -> float | None: ...
    @property
    def current(self) -> float | None: ...
    @property
    def unit(self) -> str: ...
    @property
    def done(self) -> bool: ...
    @property
    def commit_level(self) -> float | None: ...
    @property
    def stretch_level(self) -> float | None: ...


def key_result_numbers(kr: KeyResultNumbers) -> str:
    """ "72 → 95 %, now 82", "done", or "" for a key result without numbers yet."""
    if kr.kind == "milestone":
        return "done" if kr.done else "not done yet"
    if kr.start is None and kr.target is None:
        return ""
    text = span(kr.start, kr.target, kr.unit)
    if kr.kind == "three_level":
        text += f" (commit {number(kr.commit_level)}, stretch {number(kr.stretch_level)})"
    return text + (f", now {number(kr.current)}" if kr.current is not None else "")
