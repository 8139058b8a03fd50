"""Errors the core raises with a message meant for the person using OKR Desk."""

from __future__ import annotations


class OkrDeskError(Exception):
    """Base class: ``str(error)`` is a clear, one-line reason."""


class WorkspaceFileError(OkrDeskError):
    """A file cannot be opened as a workspace (missing, foreign, corrupt, newer, ...)."""


class WorkspaceLockedError(OkrDeskError):
    """Another program holds the workspace's lock; nothing was read or written."""


class ValidationError(OkrDeskError):
    """A value was refused; nothing was written."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class RuleError(ValidationError):
    """A change broke a rule every change obeys (a closed cycle is read-only, ...)."""


class NotFoundError(OkrDeskError):
    """An id, team or cycle that does not exist in the workspace."""


class InterchangeError(OkrDeskError):
    """An import was refused; nothing was written. The message names the line/field."""
