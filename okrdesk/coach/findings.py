"""What the coach says about one statement or one set: a plain, serialisable finding."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]

# Sort order for callers that list the worst problems first.
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One piece of advice: which rule, how serious, what is wrong and how to fix it."""

    rule: str
    severity: Severity
    message: str
    hint: str

    def to_dict(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }
