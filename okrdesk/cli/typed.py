"""What a person types on the command line, read as the window reads it: the decimal
separator comes from their locale (LC_ALL, LC_NUMERIC, LANG), as a spreadsheet's would."""

from __future__ import annotations

import locale
from datetime import date

from okrdesk.errors import ValidationError
from okrdesk.parsing.dates import parse_day
from okrdesk.parsing.numbers import COMMA, DEFAULT_DECIMAL, POINT


def locale_decimal() -> str:
    """The locale's decimal separator; a point when none is set or it is not installed."""
    saved = locale.setlocale(locale.LC_NUMERIC)
    try:
        locale.setlocale(locale.LC_NUMERIC, "")
        point = locale.localeconv()["decimal_point"]
    except locale.Error:
        return DEFAULT_DECIMAL
    finally:
        # Set back at once: Python's own number formatting must not follow the locale.
        locale.setlocale(locale.LC_NUMERIC, saved)
    return point if point in (POINT, COMMA) else DEFAULT_DECIMAL


def typed_day(text: str | None, option: str = "--date") -> date | None:
    """A day given to `option` (None when not given: today), refused in words naming it."""
    if text is None or not text.strip():
        return None
    try:
        return parse_day(text)
    except ValidationError as exc:
        raise ValidationError(f"{option} {exc}", "date") from None
