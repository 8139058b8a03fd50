"""Calendar quarters: the default cycle length, and names like "2026-Q3"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from okrdesk.parsing.dates import parse_quarter_name


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @property
    def name(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        return self.next().start - timedelta(days=1)

    def next(self) -> Quarter:
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def previous(self) -> Quarter:
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )


def quarter_of(day: date) -> Quarter:
    return Quarter(day.year, (day.month - 1) // 3 + 1)


def parse_quarter(name: str) -> Quarter | None:
    """ "2026-Q3", "2026 Q3", "Q3 2026" → Quarter(2026, 3); anything else → None, a quarter
    of a year we do not plan for ("0000-Q1", "9999-Q4") too."""
    found = parse_quarter_name(name)
    return Quarter(*found) if found else None
