"""Printed OKRs: one-page sheets, booklets and retrospective reports (ReportLab Platypus).

Two steps, so the layouts never touch the database::

    data = sheets_data(ws, cycle="2026-Q4", team="Workshop")   # plain frozen dataclasses
    result = write_sheets(data, Path("workshop.pdf"), PageSetup("letter", landscape=True))
    result.pages, result.overflowed, result.missing_glyphs, result.notices

``booklet_data`` / ``write_booklet`` and ``retro_data`` / ``write_retro`` work the
same way. Files are written atomically; fonts are embedded; a sheet always fits one
page unless even the smallest readable type cannot hold it, and then the result
says so (``overflowed``) and the extra page is marked "continued".
"""

from okrdesk.reports.data import (
    BookletData,
    PrintInfo,
    RetroData,
    SheetsData,
    booklet_data,
    retro_data,
    sheets_data,
)
from okrdesk.reports.document import (
    PageSetup,
    Progress,
    ReportCancelled,
    ReportError,
    ReportResult,
)
from okrdesk.reports.writers import write_booklet, write_retro, write_sheets

__all__ = [
    "BookletData",
    "PageSetup",
    "PrintInfo",
    "Progress",
    "ReportCancelled",
    "ReportError",
    "ReportResult",
    "RetroData",
    "SheetsData",
    "booklet_data",
    "retro_data",
    "sheets_data",
    "write_booklet",
    "write_retro",
    "write_sheets",
]
