"""The OKR view colours progress by the workspace's own bands, and says the band in words."""

from __future__ import annotations

import pytest
from band_helpers import CUSTOM_BANDS, use_bands
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor

from okrdesk.services.workspace import Workspace
from ui.okr_rows import BAND_COLOURS, ID_ROLE
from ui.okr_view import OkrView
from ui.session import WorkspaceSession


def _bar_colour(view: OkrView, cell_index: QModelIndex) -> str:
    """The colour painted inside the filled part of a progress bar."""
    cell = view.visualRect(cell_index)
    bar = QRect(cell.left() + 4, cell.center().y() - 5, int(cell.width() * 0.55), 10)
    image = view.viewport().grab().toImage()
    return QColor(image.pixel(bar.left() + bar.width() // 3, bar.center().y())).name()


@pytest.mark.parametrize(("bands", "expected"), [(None, "green"), (CUSTOM_BANDS, "amber")])
def test_a_score_of_80_has_the_colour_and_words_of_the_workspaces_band(
    qtbot, ws: Workspace, at_80: dict[str, str], bands: dict | None, expected: str
) -> None:
    if bands:
        use_bands(ws, bands)
    view = OkrView(WorkspaceSession(ws))
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    view.show_team(at_80["cycle"], at_80["team"])
    objective = view.model_.index(0, 0)
    assert objective.data(ID_ROLE) == at_80["objective"]
    kr = view.model_.index(0, 1, objective)  # its first key result, also at 80%
    for progress in (view.model_.index(0, 1), kr):
        assert progress.data(Qt.ItemDataRole.ToolTipRole) == f"80% — {expected}"
        assert _bar_colour(view, progress) == BAND_COLOURS[expected]
