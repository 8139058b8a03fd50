"""Which screen the room sees (kept apart from the presentation window, which is imported
only when a workshop is presented)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


def projector_screen(near: QWidget | None = None) -> QScreen | None:
    """The screen to present on: another screen than the facilitator's when there is one."""
    screens = QGuiApplication.screens()
    own = near.screen() if near is not None else QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not own]
    return others[0] if others else own
