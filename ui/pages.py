"""What the main window asks of a tab's content: the contract every tab page keeps.

The tabs are built late (:class:`ui.lazy_page.LazyPage`), so the window only knows
them by these protocols; a test checks that every tab's content satisfies them.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance


@runtime_checkable
class TabPage(Protocol):
    """Every tab: it follows the navigator and saves what is being typed on request."""

    def set_context(self, cycle_id: str | None, team_id: str | None) -> None:
        """Show this cycle and team (the navigator's choice; None: none chosen)."""

    def commit_pending(self) -> bool:
        """Save what is still being typed (before the window closes); False when it was
        refused and is kept on screen."""


@runtime_checkable
class ShowsObjectives(TabPage, Protocol):
    """A tab that can lead to an objective: the window shows it in the OKR view."""

    objective_activated: SignalInstance  # (objective id)


@runtime_checkable
class ChoosesContext(TabPage, Protocol):
    """A tab with a team and cycle of its own: the navigator follows it."""

    context_changed: SignalInstance  # (cycle id, team id)
