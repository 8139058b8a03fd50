"""The rows of one team's OKRs, as the OKR view shows them: objectives, their key results
and initiatives, with a progress bar coloured by band.

Kept apart from :mod:`ui.okr_view` (and free of the data layer) so that start-up can show
a team's OKRs with these very rows before SQLAlchemy is loaded (:mod:`ui.first_look`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from okrdesk.formatting import key_result_numbers, percent
from okrdesk.services.view_data import TeamView
from okrdesk.vocabulary import (
    BAND_WORDS,
    CONFIDENCE_WORDS,
    INITIATIVE_STATUS_WORDS,
    OBJECTIVE_KIND_WORDS,
    OBJECTIVE_STATUS_WORDS,
    Band,
)

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3
BAND_ROLE = Qt.ItemDataRole.UserRole + 4
# The view data says which band a score is in (by the workspace's bands); this only colours it.
BAND_COLOURS: dict[Band, str] = {"red": "#c8553d", "amber": "#d9a53f", "green": "#4f8a4b"}
NO_BAND_COLOUR = "#9a9a9a"
COLUMNS = ["Objective / key result / initiative", "Progress", "Owner", "Confidence / status"]


class ProgressDelegate(QStyledItemDelegate):
    """A bar with the percentage written on it: readable without colour, in print too."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        value = index.data(PROGRESS_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        rect = option.rect
        bar = QRect(rect.left() + 4, rect.center().y() - 5, int(rect.width() * 0.55), 10)
        painter.save()
        painter.setPen(QColor("#777"))
        painter.drawRect(bar)
        filled = QRect(
            bar.left(), bar.top(), int(bar.width() * max(0.0, min(1.0, value))), bar.height()
        )
        band = index.data(BAND_ROLE)
        colour = BAND_COLOURS[band] if band else NO_BAND_COLOUR
        painter.fillRect(filled.adjusted(1, 1, 0, 0), QColor(colour))
        painter.setPen(option.palette.text().color())
        text_box = QRect(bar.right() + 6, rect.top(), rect.right() - bar.right() - 8, rect.height())
        painter.drawText(
            text_box,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            percent(value),
        )
        painter.restore()


def clear_rows(model: QStandardItemModel) -> None:
    model.clear()
    model.setHorizontalHeaderLabels(COLUMNS)


def fill_rows(model: QStandardItemModel, team: TeamView) -> None:
    """Append the team's objectives, each with its key results and initiatives below."""
    for objective in team.objectives:
        kind = OBJECTIVE_KIND_WORDS[objective.kind]
        row = _row(
            "objective",
            objective.id,
            f"◎  {objective.title}",
            (objective.score, objective.band),
            objective.owner,
            f"{kind}, {OBJECTIVE_STATUS_WORDS[objective.status]}",
            bold=True,
        )
        for kr in objective.key_results:
            numbers = key_result_numbers(kr)
            label = f"{kr.title}   [{numbers}]" if numbers else kr.title
            confidence = CONFIDENCE_WORDS[kr.confidence] if kr.confidence else ""
            row[0].appendRow(
                _row("key_result", kr.id, label, (kr.progress, kr.band), kr.owner, confidence)
            )
        for initiative in objective.initiatives:
            row[0].appendRow(
                _row(
                    "initiative",
                    initiative.id,
                    f"•  {initiative.title}",
                    (None, None),
                    initiative.owner,
                    INITIATIVE_STATUS_WORDS[initiative.status],
                )
            )
        model.appendRow(row)


def size_columns(header: QHeaderView) -> None:
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column, width in ((1, 110), (2, 110), (3, 140)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, width)
    header.setStretchLastSection(False)


def _row(
    kind: str,
    item_id: str,
    title: str,
    progress: tuple[float | None, Band | None],
    owner: str,
    status: str,
    bold: bool = False,
) -> list[QStandardItem]:
    cells = [
        QStandardItem(title),
        QStandardItem(""),
        QStandardItem(owner),
        QStandardItem(status),
    ]
    for cell in cells:
        cell.setData(kind, KIND_ROLE)
        cell.setData(item_id, ID_ROLE)
        cell.setEditable(False)
        cell.setDropEnabled(kind == "objective")
    cells[0].setToolTip(title)
    value, band = progress
    cells[1].setData(value, PROGRESS_ROLE)
    cells[1].setData(band, BAND_ROLE)
    if value is not None:  # the band in words too: the colour is never the only cue
        words = f" — {BAND_WORDS[band]}" if band else ""
        cells[1].setToolTip(f"{percent(value)}{words}")
    if bold:
        font = cells[0].font()
        font.setBold(True)
        cells[0].setFont(font)
    return cells
