"""`okrdesk new`, `demo`, `show`, `export` and `import`: workspaces from the command line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from okrdesk.cli.textview import render_text, tree_as_json
from okrdesk.demo import build_demo, build_synthetic
from okrdesk.errors import OkrDeskError
from okrdesk.interchange import csv_format, json_format, xlsx_format
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace


def cmd_new(args: argparse.Namespace) -> int:
    Workspace.create(args.path, args.name).close()
    print(f"Created {args.path}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if args.teams is None:
        if args.past_quarters:
            raise OkrDeskError("--past-quarters goes with --teams (a synthetic workspace)")
        build_demo(Path(args.path))
        what = "demo workspace"
    else:
        build_synthetic(
            Path(args.path), teams=args.teams, seed=args.seed, past_quarters=args.past_quarters
        )
        what = f"synthetic workspace with {args.teams} teams (seed {args.seed})"
        if args.past_quarters:
            what = what[:-1] + f", {args.past_quarters} past quarters)"
    size = Path(args.path).stat().st_size
    elapsed = time.perf_counter() - started
    print(f"Created {what} at {args.path} ({size / 1e6:.1f} MB in {elapsed:.1f} s)")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with Workspace.open(args.path, read_only=True) as ws:
        tree = okr_tree(ws, cycle=args.cycle, team=args.team)
    if args.json:
        print(json.dumps(tree_as_json(tree), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_text(tree))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with Workspace.open(args.path, read_only=True) as ws:
        if args.format == "json":
            json_format.write_json(ws, Path(args.output))
        elif args.format == "xlsx":
            xlsx_format.write_xlsx(ws, Path(args.output), cycle=args.cycle)
        else:
            csv_format.write_csv(ws, Path(args.output), cycle=args.cycle)
    print(f"Exported {args.path} to {args.output}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    module = {"json": json_format, "csv": csv_format, "xlsx": xlsx_format}[args.format]
    source = Path(args.input)
    if args.into:
        with Workspace.open(args.into) as ws:
            report = module.import_into(source, ws)
        target = args.into
    else:
        report = module.import_new(source, Path(args.output))
        target = args.output
    for notice in getattr(report, "notices", []):
        print(f"notice: {notice}", file=sys.stderr)
    print(f"Imported {source} into {target}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create an empty workspace")
    p.add_argument("path")
    p.add_argument("--name", default="My organisation", help="the organisation's name")
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("demo", help="create the demo workspace, or a large synthetic one")
    p.add_argument("path")
    p.add_argument(
        "--teams", metavar="N", type=positive_int, help="generate N teams of synthetic OKRs"
    )
    p.add_argument("--seed", type=int, default=1, help="seed for --teams (default 1)")
    p.add_argument(
        "--past-quarters",
        metavar="Q",
        type=quarter_count,
        default=0,
        help="with --teams: Q closed quarters of history before the current one (graded, "
        "with check-ins and retrospectives)",
    )
    p.set_defaults(run=cmd_demo)

    p = sub.add_parser("show", help="print the OKR tree")
    p.add_argument("path")
    p.add_argument("--cycle", help="cycle name (default: the current cycle)")
    p.add_argument("--team", help="only this team")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_show)

    p = sub.add_parser(
        "export", help="export a workspace as JSON (lossless), CSV or an Excel workbook"
    )
    p.add_argument("format", choices=["json", "csv", "xlsx"])
    p.add_argument("path")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--cycle", help="CSV and Excel: only this cycle")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser(
        "import", help="import JSON, CSV or an Excel workbook into a new or existing workspace"
    )
    p.add_argument("format", choices=["json", "csv", "xlsx"])
    p.add_argument("input")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", help="a new workspace file")
    target.add_argument("--into", metavar="PATH", help="merge into this existing workspace")
    p.set_defaults(run=cmd_import)


MAX_PAST_QUARTERS = 100


def quarter_count(text: str) -> int:
    value = positive_int(text)
    if value > MAX_PAST_QUARTERS:
        raise argparse.ArgumentTypeError(f"at most {MAX_PAST_QUARTERS} quarters (25 years)")
    return value


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value
