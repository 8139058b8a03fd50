"""`okrdesk sheet`, `okrdesk booklet` and `okrdesk retro`: printed OKRs as PDF files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from okrdesk.errors import OkrDeskError
from okrdesk.services.workspace import Workspace

if TYPE_CHECKING:
    from okrdesk.reports import PageSetup, ReportResult

# ReportLab is imported only when a report is printed, so other commands start fast.


def cmd_sheet(args: argparse.Namespace) -> int:
    from okrdesk.reports import sheets_data, write_sheets

    output = _output(args)
    with Workspace.open(args.path, read_only=True) as ws:
        data = sheets_data(ws, cycle=args.cycle, team=args.team)
    return _report(write_sheets(data, output, _setup(args)))


def cmd_booklet(args: argparse.Namespace) -> int:
    from okrdesk.reports import booklet_data, write_booklet

    output = _output(args)
    with Workspace.open(args.path, read_only=True) as ws:
        data = booklet_data(ws, cycle=args.cycle)
    return _report(write_booklet(data, output, _setup(args)))


def cmd_retro(args: argparse.Namespace) -> int:
    from okrdesk.reports import retro_data, write_retro

    output = _output(args)
    with Workspace.open(args.path, read_only=True) as ws:
        data = retro_data(ws, cycle=args.cycle, team=args.team)
    return _report(write_retro(data, output, _setup(args)))


def _setup(args: argparse.Namespace) -> PageSetup:
    from okrdesk.reports import PageSetup

    return PageSetup(paper=args.paper, landscape=args.landscape)


def _output(args: argparse.Namespace) -> Path:
    """The PDF to write; never the workspace itself, nor a file that is not a PDF."""
    output = Path(args.output)
    workspace = Path(args.path)
    if output.exists():
        if workspace.exists() and output.resolve() == workspace.resolve():
            raise OkrDeskError(f"{output}: that is the workspace; choose another output file")
        if output.is_dir():
            raise OkrDeskError(f"{output}: is a folder; name the PDF file to write")
        with output.open("rb") as existing:
            if existing.read(5) != b"%PDF-":
                raise OkrDeskError(f"{output}: exists and is not a PDF; it was left untouched")
    return output


def _report(result: ReportResult) -> int:
    for notice in result.notices:
        print(f"okrdesk: notice: {notice}", file=sys.stderr)
    pages = f"{result.pages} page{'' if result.pages == 1 else 's'}"
    print(f"Wrote {result.path} ({pages})")
    return 0


def _page_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--paper", choices=["a4", "letter"], default="a4", help="paper size (default a4)"
    )
    p.add_argument("--landscape", action="store_true", help="landscape instead of portrait")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the PDF to write")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sheet", help="print a team's one-page OKR sheet as PDF")
    p.add_argument("path")
    p.add_argument("--team", required=True, help="the team's name")
    p.add_argument("--cycle", help="cycle name (default: the current cycle)")
    _page_options(p)
    p.set_defaults(run=cmd_sheet)

    p = sub.add_parser("booklet", help="print every team's sheet in one PDF, with an overview")
    p.add_argument("path")
    p.add_argument("--cycle", help="cycle name (default: the current cycle)")
    _page_options(p)
    p.set_defaults(run=cmd_booklet)

    p = sub.add_parser("retro", help="print the retrospective report of a cycle as PDF")
    p.add_argument("path")
    p.add_argument("--cycle", help="cycle name (default: the current cycle)")
    p.add_argument("--team", help="only this team (default: every team)")
    _page_options(p)
    p.set_defaults(run=cmd_retro)
