"""A clock the workshop tests move by hand (no sleeping): pass it as the widget's `now`."""

from __future__ import annotations


class FakeTime:
    def __init__(self, now: float = 100.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
