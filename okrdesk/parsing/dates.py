"""Days and quarter names as people write them, one set of spellings everywhere.

Days: ``2026-12-03`` (ISO) or ``3.12.2026`` / ``03.12.2026`` (day.month.year, as written
across Europe). Nothing else: ``20261203``, ``2026-W49-4`` and ``12/03/2026`` (3 December
or 12 March?) are refused with the spellings that work. Files we write (JSON) use ISO only.

Quarters (cycle names): ``2026-Q3``, ``2026 Q3``, ``2026/Q3``, ``Q3 2026``, ``Q3-2026``,
any case, for the years FIRST_YEAR to LAST_YEAR.
"""

from __future__ import annotations

import re
from datetime import date

from okrdesk.errors import ValidationError

FIRST_YEAR, LAST_YEAR = 1900, 2999  # a cycle outside these is a typo, not a plan
DAY_SPELLINGS = "2026-12-03 or 03.12.2026"
QUARTER_SPELLINGS = f"2026-Q3 or Q3 2026 (years {FIRST_YEAR} to {LAST_YEAR})"

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOTTED_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_QUARTER = re.compile(r"(?:(\d{4})\s*[-/ ]?\s*Q([1-4])|Q([1-4])\s*[-/ ]?\s*(\d{4}))", re.I)


def iso_day(text: str) -> date:
    """A day written as YYYY-MM-DD (what our files hold); ValueError otherwise."""
    match = _ISO_DAY.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a date like 2026-12-03")
    year, month, day = (int(g) for g in match.groups())
    return date(year, month, day)


def parse_day(text: str) -> date:
    """A day a person typed or a cell held, in one of DAY_SPELLINGS."""
    s = text.strip()
    iso, dotted = _ISO_DAY.fullmatch(s), _DOTTED_DAY.fullmatch(s)
    try:
        if iso:
            return date(*(int(g) for g in iso.groups()))
        if dotted:
            day, month, year = (int(g) for g in dotted.groups())
            return date(year, month, day)
    except ValueError:
        raise ValidationError(f"{s!r} is not a day of the calendar") from None
    raise ValidationError(f"{s!r} is not a date like {DAY_SPELLINGS}")


def parse_quarter_name(text: str) -> tuple[int, int] | None:
    """ "2026-Q3", "Q3 2026" → (2026, 3); anything else → None, a quarter of a year outside
    FIRST_YEAR..LAST_YEAR too ("0000-Q1" is a name, not a quarter we can date)."""
    match = _QUARTER.fullmatch(text.strip())
    if match is None:
        return None
    year = int(match.group(1) or match.group(4))
    number = int(match.group(2) or match.group(3))
    return (year, number) if FIRST_YEAR <= year <= LAST_YEAR else None
