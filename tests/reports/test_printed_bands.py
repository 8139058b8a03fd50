"""Printouts of a graded cycle colour progress bars by the workspace's own bands (read
back from the PDF).

Bands show only as the colour of a bar (the percentage beside it carries the number), so
these tests read the fill colours out of each page's drawing operators.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from band_helpers import CUSTOM_BANDS, use_bands
from pypdf import PdfReader

from okrdesk.reports import (
    booklet_data,
    retro_data,
    sheets_data,
    write_booklet,
    write_retro,
    write_sheets,
)
from okrdesk.reports.styles import BAND_COLOURS
from okrdesk.services import lifecycle
from okrdesk.services.workspace import Workspace

FILL = re.compile(rb"([-\d.]+) ([-\d.]+) ([-\d.]+) rg")
AMBER, GREEN = (BAND_COLOURS[band].hexval()[2:].lower() for band in ("amber", "green"))
Write = Callable[[Workspace, dict[str, str], Path], None]


def fills(path: Path) -> Counter[str]:
    """How often the pages set each fill colour (as rrggbb)."""
    found: Counter[str] = Counter()
    for page in PdfReader(path).pages:
        for rgb in FILL.findall(page.get_contents().get_data()):
            found["".join(f"{round(float(x) * 255):02x}" for x in rgb)] += 1
    return found


def sheet(ws: Workspace, ids: dict[str, str], out: Path) -> None:
    write_sheets(sheets_data(ws, cycle=ids["cycle"], team=ids["team"]), out)


def booklet(ws: Workspace, ids: dict[str, str], out: Path) -> None:
    write_booklet(booklet_data(ws, cycle=ids["cycle"]), out)


def retro(ws: Workspace, ids: dict[str, str], out: Path) -> None:
    write_retro(retro_data(ws, cycle=ids["cycle"], team=ids["team"]), out)


@pytest.mark.parametrize("write", [sheet, booklet, retro])
@pytest.mark.parametrize(
    ("bands", "shown", "not_shown"), [(None, GREEN, AMBER), (CUSTOM_BANDS, AMBER, GREEN)]
)
def test_a_score_of_80_prints_in_the_workspaces_band(
    ws: Workspace,
    at_80: dict[str, str],
    tmp_path: Path,
    write: Write,
    bands: dict | None,
    shown: str,
    not_shown: str,
) -> None:
    if bands:
        use_bands(ws, bands)
    # Grades colour the bars of a graded cycle (a running one shows its status instead).
    for state in ("active", "review"):
        lifecycle.set_state(ws, at_80["cycle"], state)
    out = tmp_path / f"{write.__name__}.pdf"
    write(ws, at_80, out)
    colours = fills(out)
    # The other band's colour appears only in a sheet's legend of the colours (once a page).
    assert colours[shown] > colours[not_shown] + 1
    assert colours[not_shown] <= len(PdfReader(out).pages)
