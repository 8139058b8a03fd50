"""Check-ins: the team's check-in grid, a key result's history chart, what changed.

- :class:`CheckInPage` — the tab: date, grid, history (chart + list), changes panel.
- :class:`KeyResultChart` — a key result's values against the ideal pace (QPainter).
- :mod:`ui.checkins.checkin_ops` — saving, correcting and deleting as undo steps.
"""

from ui.checkins.chart import KeyResultChart
from ui.checkins.page import CheckInPage

__all__ = ["CheckInPage", "KeyResultChart"]
