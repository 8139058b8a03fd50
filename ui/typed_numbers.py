"""Numbers in the window's fields, in the person's locale: the decimal separator Qt's
locale gives ("0,125" is 0.125 in German, refused as ambiguous in English: 0.125 or 125?).

The rules themselves are the core's (okrdesk.parsing.numbers), the same for the command
line and the imports; this module only supplies the locale's separator.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale

from okrdesk.formatting import editable_number
from okrdesk.parsing.numbers import COMMA, DEFAULT_DECIMAL, POINT
from okrdesk.services.checkins import parse_value_of_kind
from okrdesk.services.fields import parse_number

# The fields of key results and links that hold numbers typed by a person.
NUMBER_FIELDS = frozenset({"start", "target", "current", "commit_level", "stretch_level", "weight"})


def decimal_point() -> str:
    """The decimal separator of the locale the window runs in (a point if Qt's is neither)."""
    point = QLocale().decimalPoint()
    return point if point in (POINT, COMMA) else DEFAULT_DECIMAL


def shown(value: float | None) -> str:
    """A stored number as the field shows it: exact, with the locale's decimal separator,
    so that saving it again reads back the same number."""
    return editable_number(value).replace(POINT, decimal_point())


def typed(label: str, value: Any, name: str | None = None) -> Any:
    """A number field's text as a number (None when empty), read in the locale; anything
    else as it is."""
    return parse_number(label, value, name, decimal_point()) if isinstance(value, str) else value


def typed_field(name: str, value: Any) -> Any:
    """:func:`typed` for a field of an entity by its name; other fields as they are."""
    if name not in NUMBER_FIELDS:
        return value
    return typed(name.replace("_", " ").capitalize(), value, name)


def typed_check_in(kind: str, value: Any) -> Any:
    """A check-in value typed in the grid, read in the locale (milestones: done/not done);
    an empty text stays empty (the service says a check-in needs a value)."""
    if not isinstance(value, str) or not value.strip():
        return value
    return parse_value_of_kind(kind, value, decimal_point())
