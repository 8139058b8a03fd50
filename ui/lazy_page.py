"""A tab whose content is built the first time it is shown, so start-up stays quick."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.pages import TabPage

P = TypeVar("P", bound=TabPage)


class LazyPage(QWidget, Generic[P]):
    """Holds a factory; `content` is None until the page is first shown (or `build()`)."""

    def __init__(
        self, factory: Callable[[], P], on_built: Callable[[P], None] | None = None
    ) -> None:
        super().__init__()
        self._factory, self._on_built = factory, on_built
        self.content: P | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> P:
        if self.content is None:
            content = self._factory()
            assert isinstance(content, QWidget) and isinstance(content, TabPage), content
            self.content = content
            self.layout().addWidget(content)
            if self._on_built is not None:
                self._on_built(content)
        return self.content

    def showEvent(self, event: QShowEvent) -> None:
        self.build()
        super().showEvent(event)
