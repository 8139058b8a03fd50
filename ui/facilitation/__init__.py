"""Facilitation mode: run a planning workshop — agenda and clock, brainstorm and dot
vote, promotion, parking lot, the room's presentation screen and the handouts."""

from ui.facilitation.presentation import PresentationWindow
from ui.facilitation.widget import FacilitationWidget

__all__ = ["FacilitationWidget", "PresentationWindow"]
