"""The choice of what kind of organisation plans here: company, school, ministry, …"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from okrdesk.vocabulary import ORGANISATION_KIND_WORDS


class OrganisationKindBox(QComboBox):
    """Each kind by its word, capitalised; `kind()` is the value the core keeps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisationKind")
        self.setAccessibleName("Kind of organisation")
        for kind, word in ORGANISATION_KIND_WORDS.items():
            self.addItem(word.capitalize(), kind)

    def kind(self) -> str:
        return self.currentData()

    def set_kind(self, kind: str) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(kind)))
        self.blockSignals(False)
