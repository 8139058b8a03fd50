"""Field coercion with clear messages: what a person typed in, a clean value out."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from okrdesk.errors import ValidationError
from okrdesk.parsing.dates import DAY_SPELLINGS, parse_day
from okrdesk.parsing.numbers import DEFAULT_DECIMAL, AmbiguousNumber, typed_number

Coerce = Callable[[str, Any], Any]


@dataclass(frozen=True)
class Field:
    coerce: Coerce
    label: str


def text(label: str, max_length: int, required: bool = False) -> Field:
    def coerce(name: str, value: Any) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise ValidationError(f"{label} must be text", name)
        value = value.strip()
        if not value.isascii() and not _is_unicode(value):
            # e.g. a command-line argument in another encoding (Python keeps its bytes as
            # lone surrogates): SQLite cannot store it, and it is not what was meant.
            raise ValidationError(f"{label} holds characters that are not text (not UTF-8)", name)
        if required and not value:
            raise ValidationError(f"{label} cannot be empty", name)
        if len(value) > max_length:
            raise ValidationError(
                f"{label} is too long ({len(value)} characters; at most {max_length})", name
            )
        return value

    return Field(coerce, label)


def _is_unicode(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def choice(label: str, values: tuple[str, ...], optional: bool = False) -> Field:
    def coerce(name: str, value: Any) -> str | None:
        if optional and value in (None, ""):
            return None
        if value not in values:
            allowed = ", ".join(v or "(none)" for v in values)
            raise ValidationError(f"{label} must be one of {allowed} (got {value!r})", name)
        return value

    return Field(coerce, label)


def parse_number(
    label: str, value: Any, name: str | None = None, decimal: str = DEFAULT_DECIMAL
) -> float | None:
    """A finite number from a float, an int or what a person typed ("1,200.5", "12,5"),
    `decimal` being their locale's decimal separator (see okrdesk.parsing.numbers: a text
    that reads two ways, such as "2,125", is refused)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(f"{label} must be a number", name)
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            parsed = typed_number(value, decimal)
        except AmbiguousNumber as exc:
            raise ValidationError(f"{label} {exc}", name) from None
        except ValidationError:
            message = f"{label} must be a number (got {value.strip()!r})"
            raise ValidationError(message, name) from None
        if parsed is None:
            return None
        number = parsed
    else:
        raise ValidationError(f"{label} must be a number", name)
    if not math.isfinite(number):
        raise ValidationError(f"{label} must be a finite number", name)
    return number


def number(
    label: str, required: bool = False, low: float | None = None, high: float | None = None
) -> Field:
    def coerce(name: str, value: Any) -> float | None:
        result = parse_number(label, value, name)
        if result is None:
            if required:
                raise ValidationError(f"{label} is required", name)
            return None
        if (low is not None and result < low) or (high is not None and result > high):
            bounds = f"at least {low:g}" if high is None else f"between {low:g} and {high:g}"
            raise ValidationError(f"{label} must be {bounds} (got {result:g})", name)
        return result

    return Field(coerce, label)


def integer(
    label: str, low: int | None = None, high: int | None = None, optional: bool = False
) -> Field:
    def coerce(name: str, value: Any) -> int | None:
        if optional and value in (None, ""):
            return None
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"{label} must be a whole number (got {value!r})", name)
        if (low is not None and value < low) or (high is not None and value > high):
            raise ValidationError(f"{label} must be between {low} and {high} (got {value})", name)
        return value

    return Field(coerce, label)


def boolean(label: str) -> Field:
    def coerce(name: str, value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValidationError(f"{label} must be yes or no", name)
        return value

    return Field(coerce, label)


def day(label: str, optional: bool = False) -> Field:
    def coerce(name: str, value: Any) -> date | None:
        if optional and value in (None, ""):
            return None
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return parse_day(value)
            except ValidationError as exc:
                raise ValidationError(f"{label}: {exc}", name) from None
        raise ValidationError(f"{label} must be a date like {DAY_SPELLINGS} (got {value!r})", name)

    return Field(coerce, label)


@dataclass(frozen=True)
class Reference(Field):
    """The id of another entity of `target` kind; the entity service checks it exists."""

    target: str = ""


def reference(label: str, target: str, optional: bool = False) -> Reference:
    def coerce(name: str, value: Any) -> str | None:
        if optional and value in (None, ""):
            return None
        if not isinstance(value, str) or not value:
            raise ValidationError(f"{label} is required", name)
        return value

    return Reference(coerce, label, target)


def settings_dict(label: str) -> Field:
    def coerce(name: str, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ValidationError(f"{label} must be a mapping", name)
        return value

    return Field(coerce, label)
