"""The `okrdesk` command run in the test's own process: `okrdesk.cli.main(argv)`.

A new `python -m okrdesk` per call cost about a second of start-up (SQLAlchemy, ReportLab);
the tests of what the commands do call `main` directly and read what it printed (pytest's
`capfd`, so output written below Python would be caught too). What only a real process can
show, the console script, `python -m okrdesk` and their exit status, is in
tests/cli/test_process.py.

It answers like `subprocess.run`: `returncode`, `stdout`, `stderr`. argparse's refusals and
`--version` end with SystemExit, whose code becomes the return code, as in a process. A
Python warning that a real run would print (the interpreter's default filters) is added to
`stderr`, so "one line on stderr" still notices one.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from okrdesk.cli import main

# What a plain `python` run hides by default (see the `warnings` module's default filters).
_HIDDEN = (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


Cli = Callable[..., Ran]


def _status(code: object) -> int:
    """The exit status a process ending with SystemExit(code) has, as the interpreter sets it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)  # sys.exit("reason"): printed, status 1
    return 1


def call_main(capfd: pytest.CaptureFixture[str], *args: str | Path) -> Ran:
    capfd.readouterr()  # what was printed before is not this command's
    with warnings.catch_warnings(record=True) as caught:
        warnings.resetwarnings()
        warnings.simplefilter("default")
        for category in _HIDDEN:
            warnings.filterwarnings("ignore", category=category)
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit_:  # argparse: bad usage (2), --help and --version (0)
            code = _status(exit_.code)
    out, err = capfd.readouterr()
    shown = "".join(
        warnings.formatwarning(w.message, w.category, w.filename, w.lineno, w.line) for w in caught
    )
    return Ran(code, out, err + shown)
