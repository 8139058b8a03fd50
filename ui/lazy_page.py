"""A tab whose content is built the first time it is shown, so start-up stays quick."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    """Holds a factory; `content` is None until the page is first shown (or `build()`)."""

    def __init__(
        self, factory: Callable[[], QWidget], on_built: Callable[[QWidget], None] | None = None
    ) -> None:
        super().__init__()
        self._factory, self._on_built = factory, on_built
        self.content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> QWidget:
        if self.content is None:
            self.content = self._factory()
            self.layout().addWidget(self.content)
            if self._on_built is not None:
                self._on_built(self.content)
        return self.content

    def showEvent(self, event: QShowEvent) -> None:
        self.build()
        super().showEvent(event)
