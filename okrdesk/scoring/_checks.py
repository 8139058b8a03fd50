"""Small argument checks shared by the scoring modules.

Scoring is fed from the database and from user settings; a NaN or an infinity
there is a bug upstream, so we refuse it loudly instead of letting it turn
every score it touches into NaN.
"""

from __future__ import annotations

import math

# Scores are means of tenths (0.7, 0.7, 0.7 ...); float noise such as
# 0.6999999999999998 must not drop a score into a lower band or outcome.
TOLERANCE = 1e-9


def require_finite(name: str, value: float) -> float:
    """Return ``value`` as a float; raise ValueError if it is not a finite number."""
    # bool is an int subclass, but True as a target is always a mistake.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def require_optional_finite(name: str, value: float | None) -> float | None:
    """Like :func:`require_finite`, but lets None ("not set") through."""
    return None if value is None else require_finite(name, value)


def require_fraction(name: str, value: float) -> float:
    """Return ``value`` if it is a finite number within 0…1, else raise ValueError."""
    number = require_finite(name, value)
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"{name} must be between 0.0 and 1.0, got {value!r}")
    return number


def reaches(value: float, threshold: float) -> bool:
    """True if ``value`` is at or above ``threshold``, forgiving float noise."""
    return value >= threshold - TOLERANCE
