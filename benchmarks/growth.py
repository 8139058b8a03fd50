"""How the commands grow with the organisation: `python -m benchmarks.growth FOLDER`.

Builds (or reuses) the synthetic workspaces of 10, 50, 200 and 1,000 teams (seed 1) in
FOLDER as ``synthetic-{N}.okrdesk`` and runs each command the way a person does: a fresh
process (``python -m okrdesk …``), timed from outside. Each cell is the median wall time
of a few runs and the median of their peak resident memory (``wait4``'s rusage of that
one child). :func:`growth` returns the markdown section for docs/PERFORMANCE.md.

A command grows linearly when its time (and memory) per team at 1,000 teams is within
1.5× of that at 200 teams; a fixed start-up cost makes the figure a team at 200 the
larger one, so a ratio well below 1 is usual and fine.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

TEAMS = (10, 50, 200, 1000)
RUNS = 3
LINEAR = 1.5  # the most the cost a team may grow from 200 to 1,000 teams


@dataclass(frozen=True)
class Run:
    seconds: float  # wall time, process start to exit
    mib: float  # peak resident memory of the process


@dataclass(frozen=True)
class Cell:
    seconds: float
    mib: float

    def text(self) -> str:
        return f"{self.seconds:.2f} s · {self.mib:.0f} MiB"


def run_command(args: Sequence[str | Path], cwd: Path) -> Run:
    """One `okrdesk …` in a fresh process: its wall time and peak memory; fails loudly."""
    argv = [sys.executable, "-m", "okrdesk", *map(str, args)]
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _pid, status, usage = os.wait4(process.pid, 0)  # this child's own rusage
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            err.seek(0)
            reason = err.read().decode(errors="replace").strip()
            raise RuntimeError(f"okrdesk {' '.join(argv[3:])} failed: {reason}")
    return Run(seconds, usage.ru_maxrss / 1024)  # Linux: kilobytes


def measure(runs: int, command: Callable[[int], Run]) -> Cell:
    done = [command(n) for n in range(runs)]
    return Cell(statistics.median(r.seconds for r in done), statistics.median(r.mib for r in done))


def workspace(folder: Path, teams: int) -> Path:
    return folder / f"synthetic-{teams}.okrdesk"


def measure_demo(folder: Path, teams: int, runs: int) -> Cell:
    """Build the workspace `runs` times from scratch; the first build is kept when the
    folder has none yet."""
    final = workspace(folder, teams)

    def build(n: int) -> Run:
        scratch = folder / f".growth-demo-{teams}-{n}.okrdesk"
        scratch.unlink(missing_ok=True)
        try:
            done = run_command(["demo", scratch, "--teams", teams, "--seed", 1], folder)
            if not final.exists():
                os.replace(scratch, final)
        finally:
            scratch.unlink(missing_ok=True)
        return done

    return measure(runs, build)


def output_command(
    name: str, args: Callable[[Path, Path], list[str | Path]], suffix: str
) -> Callable[[Path, int, int], Cell]:
    """A command that writes a file: each run writes a fresh one, removed afterwards."""

    def command(folder: Path, teams: int, runs: int) -> Cell:
        def once(n: int) -> Run:
            out = folder / f".growth-{name}-{teams}-{n}{suffix}"
            out.unlink(missing_ok=True)
            try:
                return run_command(args(workspace(folder, teams), out), folder)
            finally:
                out.unlink(missing_ok=True)

        return measure(runs, once)

    return command


def measure_show(folder: Path, teams: int, runs: int) -> Cell:
    return measure(
        runs, lambda _n: run_command(["show", workspace(folder, teams), "--json"], folder)
    )


COMMANDS: dict[str, Callable[[Path, int, int], Cell]] = {
    "`okrdesk demo --teams N`": measure_demo,
    "`okrdesk export json`": output_command(
        "export", lambda ws, out: ["export", "json", ws, "-o", out], ".json"
    ),
    "`okrdesk booklet`": output_command(
        "booklet", lambda ws, out: ["booklet", ws, "-o", out], ".pdf"
    ),
    "`okrdesk show --json`": measure_show,
}


def growth(
    folder: Path,
    teams: Sequence[int] = TEAMS,
    runs: int = RUNS,
    progress: Callable[[str], None] | None = None,
) -> str:
    """Measure every command at every size; return the markdown section."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    teams = sorted(teams)
    cells: dict[str, dict[int, Cell]] = {name: {} for name in COMMANDS}
    for n in teams:  # demo first: it leaves the workspace the others read
        for name, command in COMMANDS.items():
            cells[name][n] = command(folder, n, runs)
            if progress is not None:
                progress(f"{name} {n} teams: {cells[name][n].text()}")
    return section(cells, teams, runs)


def section(cells: dict[str, dict[int, Cell]], teams: Sequence[int], runs: int) -> str:
    header = " | ".join(_teams(n) for n in teams)
    lines = [
        "## Commands as the organisation grows",
        "",
        f"`python -m benchmarks.growth FOLDER`: synthetic workspaces of {_listed(teams)} teams "
        f"(`okrdesk demo --teams N --seed 1`); each command in a fresh process "
        f"(`python -m okrdesk …`), median wall time and median peak resident memory of "
        f"{runs} run{'' if runs == 1 else 's'}.",
        "",
        f"| command | {header} |",
        "|---|" + "---|" * len(teams),
    ]
    for name, by_size in cells.items():
        lines.append(f"| {name} | " + " | ".join(by_size[n].text() for n in teams) + " |")
    if len(teams) >= 2:
        small, large = teams[-2], teams[-1]
        lines += [
            "",
            f"Linear when the cost a team at {large:,} teams is within {LINEAR}× of that at "
            f"{small:,} teams (a fixed start-up cost makes the smaller size's share the larger):",
            "",
        ]
        for name, by_size in cells.items():
            lines.append(f"- {name}: {verdict(by_size[small], by_size[large], small, large)}")
    return "\n".join(lines) + "\n"


def verdict(small: Cell, large: Cell, n_small: int, n_large: int) -> str:
    time_ratio = (large.seconds / n_large) / (small.seconds / n_small)
    memory_ratio = (large.mib / n_large) / (small.mib / n_small)
    linear = time_ratio <= LINEAR and memory_ratio <= LINEAR
    return (
        f"{'linear' if linear else '**grows faster than linear**'}: "
        f"{1000 * large.seconds / n_large:.1f} ms a team at {n_large:,} teams against "
        f"{1000 * small.seconds / n_small:.1f} ms at {n_small:,} ({time_ratio:.2f}×); "
        f"memory {large.mib / n_large:.2f} against {small.mib / n_small:.2f} MiB a team "
        f"({memory_ratio:.2f}×); each team from {n_small:,} to {n_large:,} adds "
        f"{1000 * (large.seconds - small.seconds) / (n_large - n_small):.1f} ms and "
        f"{1024 * (large.mib - small.mib) / (n_large - n_small):.0f} KiB"
    )


def _teams(n: int) -> str:
    return f"{n:,} team{'' if n == 1 else 's'}"


def _listed(numbers: Sequence[int]) -> str:
    words = [f"{n:,}" for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.growth", description=__doc__)
    parser.add_argument("folder", type=Path, help="where the synthetic workspaces are (kept)")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs a cell (default {RUNS})")
    parser.add_argument(
        "--teams", type=int, nargs="+", default=list(TEAMS), help="sizes (default 10 50 200 1000)"
    )
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        report = growth(
            args.folder,
            args.teams,
            args.runs,
            progress=lambda line: print(line, file=sys.stderr, flush=True),
        )
        print(report, end="")
        return 0
    return 130


if __name__ == "__main__":
    sys.exit(main())
