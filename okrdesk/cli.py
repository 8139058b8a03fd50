"""The `okrdesk` command: the desktop app's launcher and the headless subcommands.

Exit status: 0 ok, 1 the command ran and found problems, 2 bad usage or
unreadable input (with a one-line reason on stderr).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from sqlalchemy.exc import DBAPIError

from okrdesk import __version__
from okrdesk.cli_coach import register as register_coach
from okrdesk.cli_cycle import register as register_cycle
from okrdesk.cli_reports import register as register_reports
from okrdesk.demo import build_demo, build_synthetic
from okrdesk.errors import OkrDeskError
from okrdesk.interchange import csv_format, json_format
from okrdesk.services.views import okr_tree
from okrdesk.services.workspace import Workspace
from okrdesk.textview import render_text, tree_as_json

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, as promised: "okrdesk show: error: ..." without the usage block.
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def cmd_new(args: argparse.Namespace) -> int:
    Workspace.create(args.path, args.name).close()
    print(f"Created {args.path}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if args.teams is None:
        build_demo(Path(args.path))
        what = "demo workspace"
    else:
        build_synthetic(Path(args.path), teams=args.teams, seed=args.seed)
        what = f"synthetic workspace with {args.teams} teams (seed {args.seed})"
    size = Path(args.path).stat().st_size
    elapsed = time.perf_counter() - started
    print(f"Created {what} at {args.path} ({size / 1e6:.1f} MB in {elapsed:.1f} s)")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with Workspace.open(args.path) as ws:
        tree = okr_tree(ws, cycle=args.cycle, team=args.team)
    if args.json:
        print(json.dumps(tree_as_json(tree), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_text(tree))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    with Workspace.open(args.path) as ws:
        if args.format == "json":
            json_format.write_json(ws, Path(args.output))
        else:
            csv_format.write_csv(ws, Path(args.output), cycle=args.cycle)
    print(f"Exported {args.path} to {args.output}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    module = json_format if args.format == "json" else csv_format
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
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    if args.path and not Path(args.path).exists():
        commands = ", ".join(sorted(_build_parsers()[2]))
        print(f"okrdesk: {args.path}: no such file (commands: {commands})", file=sys.stderr)
        return EXIT_USAGE
    # The launcher is the one place the core reaches the front end, and only on demand,
    # so headless subcommands never load Qt.
    app = importlib.import_module("ui.app")
    return app.run(args.path, screenshot=args.screenshot, view=args.view)


def _register_workspace_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create an empty workspace")
    p.add_argument("path")
    p.add_argument("--name", default="My organisation", help="the organisation's name")
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("demo", help="create the demo workspace, or a large synthetic one")
    p.add_argument("path")
    p.add_argument("--teams", type=_positive_int, help="generate N teams of synthetic OKRs")
    p.add_argument("--seed", type=int, default=1, help="seed for --teams (default 1)")
    p.set_defaults(run=cmd_demo)

    p = sub.add_parser("show", help="print the OKR tree")
    p.add_argument("path")
    p.add_argument("--cycle", help="cycle name (default: the current cycle)")
    p.add_argument("--team", help="only this team")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_show)

    p = sub.add_parser("export", help="export a workspace as JSON (lossless) or CSV")
    p.add_argument("format", choices=["json", "csv"])
    p.add_argument("path")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--cycle", help="CSV: only this cycle")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("import", help="import JSON or CSV into a new or existing workspace")
    p.add_argument("format", choices=["json", "csv"])
    p.add_argument("input")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", help="a new workspace file")
    target.add_argument("--into", metavar="PATH", help="merge into this existing workspace")
    p.set_defaults(run=cmd_import)


# Each area of the product adds its subcommands here: register(sub) adds parsers whose
# defaults set `run` to a function taking the parsed arguments and returning an exit status.
REGISTRARS: list[Callable[[argparse._SubParsersAction], None]] = [
    _register_workspace_commands,
    register_coach,
    register_reports,
    register_cycle,
]


def _build_parsers() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser, set[str]]:
    gui = _Parser(prog="okrdesk", description="OKR Desk: plan, track and print OKRs.")
    gui.add_argument("--version", action="version", version=f"OKR Desk {__version__}")
    gui.add_argument(
        "path", nargs="?", help="workspace to open (default: the last one, or the demo)"
    )
    gui.add_argument(
        "--screenshot", metavar="PNG", help="start, save a picture of the window, quit"
    )
    gui.add_argument(
        "--view",
        choices=["okrs", "alignment", "planning", "workshop", "review", "checkins"],
        default="okrs",
        help="the tab to open on (default: okrs)",
    )

    tools = _Parser(prog="okrdesk")
    sub = tools.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for register in REGISTRARS:
        register(sub)
    return gui, tools, set(sub.choices)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui, tools, subcommands = _build_parsers()
    if argv and argv[0] in subcommands:
        args = tools.parse_args(argv)
        run: Callable[[argparse.Namespace], int] = args.run
    else:
        args = gui.parse_args(argv)
        run = cmd_gui
    try:
        return run(args)
    except OkrDeskError as exc:
        print(f"okrdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # the system refused (permissions, a full disk): say so in one line
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"okrdesk: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except DBAPIError as exc:  # the database failed in a way no service turned into a reason
        print(f"okrdesk: the workspace could not be used ({exc.orig})", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
