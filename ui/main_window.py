"""The first workspace window: the OKR tree of a cycle, read-only."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
)

from okrdesk.services import entities
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace
from okrdesk.textview import CONFIDENCE_WORDS, key_result_numbers

COLUMNS = ["OKR", "Progress", "Owner", "Confidence / status"]


class MainWindow(QMainWindow):
    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        info = ws.info()
        self.setWindowTitle(f"{info.name} — {ws.path.name} — OKR Desk")
        self.resize(1100, 720)

        toolbar = QToolBar("Cycle")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(" Cycle: "))
        self.cycle_box = QComboBox()
        cycles = entities.list_items(ws, "cycle")
        for cycle in sorted(cycles, key=lambda c: c["start_date"]):
            self.cycle_box.addItem(f"{cycle['name']} ({cycle['state']})", cycle["name"])
        toolbar.addWidget(self.cycle_box)
        self.addToolBar(toolbar)

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setColumnWidth(0, 620)
        self.tree.setAlternatingRowColors(True)
        self.setCentralWidget(self.tree)

        if cycles:
            current = okr_tree(ws).cycle.name
            self.cycle_box.setCurrentIndex(max(0, self.cycle_box.findData(current)))
        self.cycle_box.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        if self.cycle_box.count() == 0:
            self.statusBar().showMessage("This workspace has no cycles yet.")
            return
        tree = okr_tree(self.ws, cycle=self.cycle_box.currentData())
        parents: dict[str, QTreeWidgetItem] = {}
        for team in tree.teams:
            item = QTreeWidgetItem([team.name, "", "", team.kind])
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            holder = parents.get(team.parent_id or "")
            if holder is None:
                self.tree.addTopLevelItem(item)
            else:
                holder.addChild(item)
            parents[team.id] = item
            for o in team.objectives:
                score = f"{round(o.score * 100)}%" if o.score is not None else "—"
                o_item = QTreeWidgetItem([f"◎ {o.title}", score, o.owner, f"{o.kind}, {o.status}"])
                item.addChild(o_item)
                for kr in o.key_results:
                    progress = f"{round(kr.progress * 100)}%" if kr.progress is not None else "—"
                    confidence = CONFIDENCE_WORDS.get(kr.confidence or "", "")
                    numbers = key_result_numbers(kr)
                    label = f"{kr.title}   [{numbers}]" if numbers else kr.title
                    o_item.addChild(QTreeWidgetItem([label, progress, kr.owner, confidence]))
                for initiative in o.initiatives:
                    o_item.addChild(
                        QTreeWidgetItem(
                            [
                                f"• {initiative.title}",
                                "",
                                initiative.owner,
                                initiative.status.replace("_", " "),
                            ]
                        )
                    )
        self.tree.expandAll()
        c = tree.cycle
        self.statusBar().showMessage(f"{c.name}: {c.start_date} → {c.end_date}, {c.state}")
