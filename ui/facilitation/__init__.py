"""Facilitation mode: run a planning workshop — agenda and clock, brainstorm and dot
vote, promotion, parking lot, the room's presentation screen and the handouts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.facilitation.widget import FacilitationWidget

if TYPE_CHECKING:
    from ui.facilitation.presentation import PresentationWindow


def __getattr__(name: str) -> Any:
    """PresentationWindow is imported when asked for (presenting is what needs it)."""
    if name == "PresentationWindow":
        from ui.facilitation.presentation import PresentationWindow

        return PresentationWindow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FacilitationWidget", "PresentationWindow"]
