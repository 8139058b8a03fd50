"""The guided planning session: the workshop flow as a step-by-step mode.

The widget is imported when first asked for, so that a module using only the session's small
parts (say ``ui.guided.fields``) does not bring in the whole session with it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.guided.widget import GuidedSessionWidget

__all__ = ["GuidedSessionWidget"]


def __getattr__(name: str) -> Any:
    if name == "GuidedSessionWidget":
        from ui.guided.widget import GuidedSessionWidget

        return GuidedSessionWidget
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
