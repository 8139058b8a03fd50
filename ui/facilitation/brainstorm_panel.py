"""Fast capture of candidates: type or paste one a line (lists are split into items),
Ctrl+Enter adds them; duplicates are grouped automatically or by hand."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from okrdesk.errors import OkrDeskError
from okrdesk.formatting import counted
from okrdesk.services import entities
from okrdesk.services.workshop_ideas import add_candidates, group, group_duplicates, ungroup
from okrdesk.services.workshop_votes import tally
from okrdesk.services.workspace import Workspace
from okrdesk.vocabulary import CANDIDATE_KIND_WORDS, CANDIDATE_STATUS_WORDS, CandidateStatus
from ui.facilitation.context import WorkshopContext

KINDS = [(kind, f"Candidate {words}s") for kind, words in CANDIDATE_KIND_WORDS.items()]
STATUS_MARKS: dict[CandidateStatus, str] = {"promoted": "✓", "parked": "·"}


class BrainstormPanel(QWidget):
    kind_changed = Signal(str)

    def __init__(self, ctx: WorkshopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("candidateKind")
        for value, label in KINDS:
            self.kind_box.addItem(label, value)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.capture = QPlainTextEdit()
        self.capture.setObjectName("captureBox")
        self.capture.setPlaceholderText(
            "One idea a line — paste a list as it is. Ctrl+Enter adds them."
        )
        self.capture.setTabChangesFocus(True)
        self.capture.setMaximumHeight(80)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.capture)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.add_captured)
        self.add_button = QPushButton("Add (Ctrl+Enter)")
        self.add_button.setObjectName("addCandidates")
        self.add_button.clicked.connect(self.add_captured)

        self.list = QListWidget()
        self.list.setObjectName("candidateList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.count = QLabel()
        self.dedupe_button = QPushButton("Group duplicates")
        self.dedupe_button.setObjectName("groupDuplicates")
        self.dedupe_button.clicked.connect(self.group_duplicates)
        self.group_button = QPushButton("Group selected")
        self.group_button.clicked.connect(self.group_selected)
        self.ungroup_button = QPushButton("Ungroup")
        self.ungroup_button.clicked.connect(self.ungroup_selected)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.message = QLabel()
        self.message.setObjectName("brainstormMessage")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.kind_box)
        top.addStretch(1)
        top.addWidget(self.count)
        capture_row = QHBoxLayout()
        capture_row.addWidget(self.capture, 1)
        capture_row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        buttons = QHBoxLayout()
        for button in (
            self.dedupe_button,
            self.group_button,
            self.ungroup_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(capture_row)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    @property
    def kind(self) -> str:
        return self.kind_box.currentData()

    def refresh(self) -> None:
        self.list.clear()
        enabled = self.ctx.session_id is not None
        for widget in (self.capture, self.add_button, self.dedupe_button, self.group_button):
            widget.setEnabled(enabled)
        if not enabled:
            self.count.setText("")
            return
        ranked = sorted(
            tally(self.ctx.ws, self.ctx.session_id, self.kind).ranked, key=lambda r: r.position
        )
        for r in ranked:
            mark = STATUS_MARKS.get(r.status)
            words = f"  {mark} {CANDIDATE_STATUS_WORDS[r.status]}" if mark else ""
            item = QListWidgetItem(r.text + words)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.list.addItem(item)
            for member_id, text in zip(r.member_ids, r.members, strict=True):
                member = QListWidgetItem(f"      ↳ {text}")
                member.setData(Qt.ItemDataRole.UserRole, member_id)
                member.setForeground(Qt.GlobalColor.darkGray)
                self.list.addItem(member)
        open_count = sum(1 for r in ranked if r.status == "open")
        grouped = sum(len(r.members) for r in ranked)
        text = f"{counted(len(ranked), 'idea')}, {open_count} open"
        grouped_text = f" · {counted(grouped, 'duplicate')} grouped" if grouped else ""
        self.count.setText(text + grouped_text)

    def selected_ids(self) -> list[str]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]

    # -- actions -----------------------------------------------------------------------------

    def add_captured(self) -> None:
        if self.ctx.session_id is None:
            return
        text = self.capture.toPlainText()
        if self._run(add_candidates, self.ctx.session_id, text, self.kind):
            self.capture.clear()
            added = len(self._last)
            self.message.setText(f"Added {counted(added, 'idea')}.")
        self.capture.setFocus()

    def group_duplicates(self) -> None:
        if self.ctx.session_id is None:
            return
        if self._run(group_duplicates, self.ctx.session_id):
            moved = self._last
            self.message.setText(
                f"Grouped {moved} duplicate{'s' if moved != 1 else ''}."
                if moved
                else "No duplicates found."
            )

    def group_selected(self) -> None:
        if self._run(group, self.selected_ids()):
            self.message.setText("Grouped.")

    def ungroup_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.message.setText("Choose a grouped idea first.")
            return
        self._run(ungroup, ids[0])

    def delete_selected(self) -> None:
        """Delete the chosen ideas: one undo step, however many."""
        ids = self.selected_ids()
        if not ids:
            self.message.setText("Choose the ideas to delete first.")
            return

        def delete_all(ws: Workspace) -> None:
            for candidate_id in ids:
                entities.delete(ws, "candidate", candidate_id)

        what = counted(len(ids), "idea")
        try:
            self.ctx.session.run(f"Delete {what}", delete_all)
        except OkrDeskError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(f"Deleted {what}. Ctrl+Z brings them back.")

    def _run(self, action, *args) -> bool:
        self.message.clear()
        try:
            self._last = self.ctx.session.run("", action, *args)
        except OkrDeskError as exc:
            self.message.setText(str(exc))
            return False
        return True

    def _kind_changed(self, _index: int) -> None:
        self.refresh()
        self.kind_changed.emit(self.kind)
