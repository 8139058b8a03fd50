"""The guided planning session: the workshop flow as a step-by-step mode."""

from ui.guided.widget import GuidedSessionWidget

__all__ = ["GuidedSessionWidget"]
