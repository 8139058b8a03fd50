"""Several session calls as one undo step."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ui.session import WorkspaceSession


@contextmanager
def one_step(session: WorkspaceSession, text: str) -> Iterator[None]:
    """Group the edits made inside into one undo step named `text`.

    When nothing was changed (the first call was refused), no empty step is left behind.
    """
    stack = session.undo_stack
    stack.beginMacro(text)
    try:
        yield
    finally:
        stack.endMacro()
        top = stack.command(stack.index() - 1)
        if top is not None and top.childCount() == 0:
            top.setObsolete(True)
            stack.undo()
