"""The `okrdesk` command: the desktop app's launcher and the headless subcommands.

Exit status: 0 ok, 1 the command ran and found problems, 2 bad usage or
unreadable input (with a one-line reason on stderr).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from okrdesk import __version__
from okrdesk.errors import OkrDeskError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

# The modules that add subcommands, each with register(sub): it adds parsers whose
# defaults set `run` to a function taking the parsed arguments and returning an exit
# status. They are imported only when one of their commands runs, so the desktop app
# does not wait for the data layer before its window appears (tests keep the names true).
SUBCOMMANDS = {
    "okrdesk.cli.workspace": ("new", "demo", "show", "export", "import"),
    "okrdesk.cli.coach": ("lint", "check", "rules"),
    "okrdesk.cli.reports": ("sheet", "booklet", "retro"),
    "okrdesk.cli.cycle": ("checkin", "score"),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, as promised: "okrdesk show: error: ..." without the usage block.
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def one_line(text: str) -> str:
    """A reason as one printable line: a newline (or a byte that is not UTF-8, kept by
    Python as a lone surrogate) in a file name is shown escaped, as Python writes it."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def cmd_gui(args: argparse.Namespace) -> int:
    if args.path and not Path(args.path).exists():
        commands = ", ".join(sorted(c for names in SUBCOMMANDS.values() for c in names))
        print(f"okrdesk: {args.path}: no such file (commands: {commands})", file=sys.stderr)
        return EXIT_USAGE
    # The launcher is the one place the core reaches the front end, and only on demand,
    # so headless subcommands never load Qt.
    app = importlib.import_module("ui.app")
    return app.run(
        args.path, screenshot=args.screenshot, view=args.view, size=args.size, team=args.team
    )


def window_size(text: str) -> tuple[int, int]:
    """ "1366x768" → (1366, 768): the window's size in pixels, for --size."""
    width, x, height = text.lower().partition("x")
    if not (x and width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1366x768")
    size = int(width), int(height)
    if not (320 <= size[0] <= 10000 and 240 <= size[1] <= 10000):
        raise argparse.ArgumentTypeError(f"{text}: width 320 to 10000, height 240 to 10000")
    return size


def gui_parser() -> argparse.ArgumentParser:
    gui = _Parser(prog="okrdesk", description="OKR Desk: plan, track and print OKRs.")
    gui.add_argument("--version", action="version", version=f"OKR Desk {__version__}")
    gui.add_argument(
        "path", nargs="?", help="workspace to open (default: the last one, or the demo)"
    )
    gui.add_argument(
        "--screenshot", metavar="PNG", help="start, save a picture of the window, quit"
    )
    gui.add_argument(
        "--size",
        metavar="WxH",
        type=window_size,
        help="the window's size in pixels, e.g. 1366x768 (default: the last one used)",
    )
    gui.add_argument(
        "--view",
        choices=["okrs", "alignment", "planning", "workshop", "review", "checkins"],
        default="okrs",
        help="the tab to open on (default: okrs)",
    )
    gui.add_argument(
        "--team", metavar="NAME", help="the team to show first (default: the top of the tree)"
    )
    return gui


def tools_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    tools = _Parser(prog="okrdesk")
    sub = tools.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for module in SUBCOMMANDS:
        importlib.import_module(module).register(sub)
    return tools, sub


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and any(argv[0] in names for names in SUBCOMMANDS.values()):
        args = tools_parser()[0].parse_args(argv)
        run = args.run
    else:
        args = gui_parser().parse_args(argv)
        run = cmd_gui
    try:
        return run(args)
    except OkrDeskError as exc:
        print(f"okrdesk: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # the system refused (permissions, a full disk): say so in one line
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"okrdesk: {one_line(f'{where}{exc.strerror or exc}')}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        if not isinstance(exc, DBAPIError):
            raise
        # The database failed in a way no service turned into a reason.
        print(
            f"okrdesk: {one_line(f'the workspace could not be used ({exc.orig})')}",
            file=sys.stderr,
        )
        return EXIT_USAGE
