"""The KPI list: name, team, healthy range, latest value, a sparkline of its values with the
healthy band shaded, and its health in words and colour."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from okrdesk.formatting import number
from okrdesk.services.kpis import KpiView

VALUES_ROLE = Qt.ItemDataRole.UserRole + 1  # (values, low, high, out of range)
ID_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("KPI", "Team", "Healthy range", "Latest", "Trend", "Health")
TREND = COLUMNS.index("Trend")
WIDTHS = (125, 145, 115, 110, 120)  # of the columns after the name, which takes the rest
OUT_COLOURS = ("#fbe0dc", "#8e1b10")
IN_COLOURS = ("#dcefdc", "#1d5a20")
NONE_COLOURS = ("#eeeeee", "#555555")


def with_unit(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{number(value)} {unit}".strip()


def range_text(k: KpiView) -> str:
    low, high = k.healthy_low, k.healthy_high
    if low is not None and high is not None:
        return f"{number(low)} – {with_unit(high, k.unit)}"
    if low is not None:
        return f"at least {with_unit(low, k.unit)}"
    if high is not None:
        return f"at most {with_unit(high, k.unit)}"
    return "any"


def health_text(k: KpiView) -> str:
    if k.latest is None:
        return "No values yet"
    if k.out_of_range:
        return f"OUT OF RANGE ({'too low' if k.side == 'below' else 'too high'})"
    return "In range"


class SparklineDelegate(QStyledItemDelegate):
    """Draws a KPI's values as a line, its healthy range as a pale band, the latest value as
    a dot (red when out of range)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        data = index.data(VALUES_ROLE)
        if not data or len(data[0]) < 2:
            return
        values, low, high, out = data
        box = QRectF(option.rect).adjusted(6, 5, -8, -5)  # type: ignore[attr-defined]
        bounds = [v for v in (low, high) if v is not None]
        top, bottom = max(values + bounds), min(values + bounds)
        span = (top - bottom) or 1.0

        def y(v: float) -> float:
            return box.bottom() - (v - bottom) / span * box.height()

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if bounds:
            band_top = y(high) if high is not None else box.top()
            band_bottom = y(low) if low is not None else box.bottom()
            painter.fillRect(
                QRectF(box.left(), band_top, box.width(), band_bottom - band_top),
                QColor("#e3f1e3"),
            )
        step = box.width() / (len(values) - 1)
        line = QPolygonF([QPointF(box.left() + i * step, y(v)) for i, v in enumerate(values)])
        painter.setPen(QPen(QColor("#35608f"), 1.6))
        painter.drawPolyline(line)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor("#b00020" if out else "#1d5a20")))
        painter.drawEllipse(line.last(), 3.2, 3.2)
        painter.restore()


class KpiTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("kpiTable")
        self.setHorizontalHeaderLabels(COLUMNS)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegateForColumn(TREND, SparklineDelegate(self))
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(44)  # two lines of text, or a sparkline
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for column, width in zip(range(1, len(COLUMNS)), WIDTHS, strict=True):
            self.setColumnWidth(column, width)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def show_kpis(self, kpis: list[KpiView]) -> None:
        chosen = self.current_id()
        self.setRowCount(len(kpis))
        for row, k in enumerate(kpis):
            latest = with_unit(k.latest, k.unit)
            if k.latest_date is not None:
                latest += f"\non {k.latest_date:%d %b %Y}"
            health = health_text(k).replace(" (", "\n(")  # two lines in a narrow column
            texts = (k.name, k.team or "—", range_text(k), latest, "", health)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, k.id)
                self.setItem(row, column, item)
            self.item(row, TREND).setData(
                VALUES_ROLE,
                ([v for _d, v in k.values], k.healthy_low, k.healthy_high, k.out_of_range),
            )
            self.item(row, TREND).setToolTip(
                " · ".join(f"{d:%d %b}: {number(v)}" for d, v in k.values[-6:])
            )
            health_item = self.item(row, len(COLUMNS) - 1)
            colours = (
                NONE_COLOURS if k.latest is None else OUT_COLOURS if k.out_of_range else IN_COLOURS
            )
            health_item.setBackground(QColor(colours[0]))
            health_item.setForeground(QColor(colours[1]))
            if k.out_of_range:
                font = QFont(health_item.font())
                font.setBold(True)
                health_item.setFont(font)
        if chosen:
            self.select_id(chosen)
        elif kpis:
            self.selectRow(0)

    def current_id(self) -> str | None:
        item = self.item(self.currentRow(), 0) if self.currentRow() >= 0 else None
        return item.data(ID_ROLE) if item else None

    def select_id(self, kpi_id: str) -> bool:
        for row in range(self.rowCount()):
            if self.item(row, 0).data(ID_ROLE) == kpi_id:
                self.selectRow(row)
                return True
        return False

    def row_of(self, name: str) -> int:
        for row in range(self.rowCount()):
            if self.item(row, 0).text() == name:
                return row
        return -1
