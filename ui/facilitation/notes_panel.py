"""Session notes for the current step: saved when the step changes or the field is left."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from okrdesk.errors import OkrDeskError
from ui.facilitation.context import WorkshopContext


class NotesPanel(QWidget):
    def __init__(self, ctx: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.step_id: str | None = None
        self.label = QLabel("Notes")
        self.label.setObjectName("notesLabel")
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("stepNotes")
        self.edit.setPlaceholderText("What was said and decided in this step")
        self.edit.installEventFilter(self)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.message)
        ctx.clock.step_changed.connect(lambda _i: self.refresh())

    def refresh(self) -> None:
        """Show the current step's notes (keeping what is being typed for the same step)."""
        step = self.ctx.current_step()
        new_id = step.id if step else None
        if new_id != self.step_id:
            self.commit()
        elif self.edit.document().isModified():
            return
        self.step_id = new_id
        self.edit.setEnabled(step is not None)
        self.label.setText(f"Notes — {step.title}" if step else "Notes")
        self.edit.setPlainText(step.notes if step else "")
        self.edit.document().setModified(False)

    def commit(self) -> bool:
        """Save typed notes (one undo step); False when refused (the text stays)."""
        if self.step_id is None or not self.edit.document().isModified():
            return True
        try:
            self.ctx.session.update("agenda_step", self.step_id, notes=self.edit.toPlainText())
        except OkrDeskError as exc:
            self.message.setText(str(exc))
            return False
        self.message.clear()
        self.edit.document().setModified(False)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            self.commit()
        return super().eventFilter(watched, event)
