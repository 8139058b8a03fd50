"""Numbers as people write them: "1,234.5", "1.234,5", "12,5", "2 500", "−3".

A point or a comma is either the decimal separator or a thousands separator, and some
texts read either way: "2,125" is 2125 in English and 2.125 in German. The rules:

- A text with both ("1,234.5", "1.234,5") says which is which: the last one is decimal.
- A separator that comes twice ("1.234.567") groups thousands.
- A single separator not followed by exactly three digits ("12,5", "0.25") is decimal.
- A single separator followed by exactly three digits ("2,125", "0,125", "1.250") is
  *ambiguous*: it is read only when something else says which separator is decimal.

What says so: for a value a person types, their locale's decimal separator (the caller
passes it: the window asks Qt, the command line asks Python's locale); for a file, the
evidence of all its number cells together (:func:`decide_decimal`), decided once and
applied to every cell. What stays ambiguous is refused, never guessed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from okrdesk.errors import ValidationError

POINT, COMMA = ".", ","
DEFAULT_DECIMAL = POINT  # English, like the rest of the app, when no locale says otherwise

# Spaces people and spreadsheets put between thousands: space, no-break, thin, narrow.
_SPACES = str.maketrans("", "", " \u00a0\u2009\u202f")
_SHAPE = re.compile(r"([+-]?)(\d[\d.,]*\d|\d|[.,]\d+)(?:[eE]([+-]?\d{1,3}))?")


@dataclass(frozen=True)
class _Shape:
    """What a number's text says about its separators."""

    sign: str
    body: str
    exponent: str | None

    @property
    def separators(self) -> set[str]:
        return {c for c in self.body if c in ",."}

    def evidence(self) -> str | None:
        """The separator this text shows to be the decimal one, or None if it shows none."""
        seps = self.separators
        if len(seps) == 2:
            return max(seps, key=self.body.rfind)
        if len(seps) == 1:
            (sep,) = seps
            if self.body.startswith(sep):  # ".125": nothing before it to group
                return sep
            if self.body.count(sep) > 1:
                return _other(sep)
            if len(self.body) - self.body.index(sep) - 1 != 3:
                return sep
        return None

    def ambiguous(self) -> bool:
        """One separator followed by exactly three digits: thousands or decimals?"""
        return len(self.separators) == 1 and self.evidence() is None


class AmbiguousNumber(ValidationError):
    """A number that reads two ways ("2,125": 2125 or 2.125?), with nothing to say which."""


def _other(separator: str) -> str:
    return COMMA if separator == POINT else POINT


def _shape(text: str) -> _Shape | None:
    s = text.strip().translate(_SPACES).replace("\u2212", "-")
    match = _SHAPE.fullmatch(s)
    if match is None:
        return None
    return _Shape(match.group(1), match.group(2), match.group(3))


def _value(shape: _Shape, decimal: str) -> float | None:
    """The number `shape` is when `decimal` is the decimal separator (the other one groups
    thousands in threes); None if it is not a number written that way."""
    whole, _, fraction = shape.body.partition(decimal)
    if decimal in fraction:
        return None
    group = _other(decimal)
    if group in fraction:
        return None
    if group in whole and not re.fullmatch(rf"[1-9]\d{{0,2}}(?:\{group}\d{{3}})+", whole):
        return None
    digits = whole.replace(group, "") + ("." + fraction if fraction else "")
    if digits.startswith("."):
        digits = "0" + digits
    exponent = f"e{shape.exponent}" if shape.exponent else ""
    number = float(f"{shape.sign}{digits}{exponent}")
    return number if math.isfinite(number) else None


def _refuse_ambiguous(text: str, shape: _Shape, advice: str) -> AmbiguousNumber:
    (sep,) = shape.separators
    as_decimal = _value(shape, sep)
    as_thousands = float(f"{shape.sign}{shape.body.replace(sep, '')}")
    return AmbiguousNumber(
        f"{text.strip()!r} could be {_plain(as_decimal)} or {_plain(as_thousands)}; {advice}"
    )


def _plain(value: float | None) -> str:
    """1234567.0 → "1234567", 0.125 → "0.125" (for messages: no exponent, no ".0")."""
    return "?" if value is None else format(Decimal(repr(value)), "f").removesuffix(".0")


def typed_number(text: str, decimal: str = DEFAULT_DECIMAL) -> float | None:
    """A number a person typed, `decimal` being their locale's decimal separator; None for
    an empty text. "2,125" with a decimal point is refused (a typo for 2.125, or 2125?);
    "12,5" is 12.5 whatever the locale, since it can only be that."""
    if not text.strip():
        return None
    shape = _shape(text)
    if shape is None:
        raise ValidationError(f"{text.strip()!r} is not a number")
    evidence = shape.evidence()
    if evidence is None and shape.separators == {_other(decimal)}:
        (sep,) = shape.separators
        as_decimal = _plain(_value(shape, sep)).replace(POINT, decimal)
        raise _refuse_ambiguous(
            text, shape, f"type {as_decimal} or {_plain(float(shape.body.replace(sep, '')))}"
        )
    value = _value(shape, evidence or decimal)
    if value is None:
        raise ValidationError(f"{text.strip()!r} is not a number")
    return value


def _name(separator: str) -> str:
    return "a decimal point" if separator == POINT else "a decimal comma"


def file_number(text: str, decimal: str | None) -> float | None:
    """A number cell of a file whose decimal separator was decided (:func:`decide_decimal`),
    or None if the file shows none; None for an empty cell."""
    if not text.strip():
        return None
    shape = _shape(text)
    if shape is None:
        raise ValidationError(f"must be a number (got {text.strip()!r})")
    if decimal is None:
        if shape.ambiguous():
            (sep,) = shape.separators
            as_decimal = _plain(_value(shape, sep)).replace(POINT, sep)
            as_thousands = _plain(float(shape.body.replace(sep, "")))
            raise _refuse_ambiguous(
                text,
                shape,
                "no other number in the file shows which separator is decimal: "
                f"write {as_decimal} or {as_thousands}",
            )
        decimal = shape.evidence() or POINT
    value = _value(shape, decimal)
    if value is None:
        raise ValidationError(
            f"{text.strip()!r} is not a number written with {_name(decimal)}, "
            "as the other numbers in the file are"
        )
    return value


def decide_decimal(cells: Iterable[tuple[str, str]]) -> str | None:
    """The decimal separator of a file from all its number cells, as (where, text) pairs:
    POINT, COMMA, or None if no cell shows it. Cells that disagree ("12,5" beside "2.5")
    are refused, naming both."""
    seen: tuple[str, str, str] | None = None  # separator, where, text
    for where, text in cells:
        shape = _shape(text)
        evidence = shape.evidence() if shape else None
        if evidence is None:
            continue
        if seen is None:
            seen = (evidence, where, text.strip())
        elif seen[0] != evidence:
            raise ValidationError(
                f"{where}: {text.strip()!r} has {_name(evidence)} but {seen[1]}: "
                f"{seen[2]!r} has {_name(seen[0])}; use one decimal separator in the file"
            )
    return seen[0] if seen else None
