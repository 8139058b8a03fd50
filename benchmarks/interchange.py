"""Imports and exports at scale: `python -m benchmarks.interchange FOLDER`.

- a 100,000-row CSV (1,000 teams, four quarters, four key results an objective) imported
  into a new workspace;
- one objective with 10,000 key results, imported from a CSV (this took minutes while
  each row looked its siblings up again);
- a ~50 MB JSON export (200 teams with 3 past quarters) imported into a new workspace,
  and exported again.

Each runs once, as the command (`okrdesk.cli.main`) in a fresh process of its own that
prints its time (process start and imports excluded) and its peak resident memory
(VmHWM, benchmarks.peak.peak_mib: a child's ru_maxrss would start from its parent's peak).
"""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CSV_ROWS = 100_000
ONE_OBJECTIVE = 10_000
HEADER = ("cycle", "team", "theme", "objective", "key_result", "start", "target", "unit", "owner")


@dataclass(frozen=True)
class Measured:
    what: str
    seconds: float
    mib: float
    target: float | None = None  # seconds


def many_teams_csv(path: Path, rows: int = CSV_ROWS) -> Path:
    """`rows` key results: 1,000 teams × 4 quarters, 4 key results an objective."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for n in range(rows):
            objective = n // 4
            team, quarter = objective % 1000, objective // 1000 % 4 + 1
            writer.writerow(
                [
                    f"2026-Q{quarter}",
                    f"Team {team:04d}",
                    f"Theme {objective % 3}",
                    f"Objective {objective} of team {team}",
                    f"Raise measure {n} from 10 to 20",
                    10,
                    20 + n % 7,
                    "%",
                    f"Owner {n % 50}",
                ]
            )
    return path


def one_objective_csv(path: Path, key_results: int = ONE_OBJECTIVE) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for n in range(key_results):
            writer.writerow(
                ["2026-Q4", "Sales", "Growth", "Win the north", f"Key result {n}", 0, n + 1, "", ""]
            )
    return path


def fifty_mb_json(folder: Path) -> Path:
    from okrdesk.demo import build_synthetic
    from okrdesk.interchange.json_format import write_json
    from okrdesk.services.workspace import Workspace

    source = folder / "json-source.okrdesk"
    build_synthetic(source, teams=200, seed=1, past_quarters=3)
    path = folder / "fifty.json"
    with Workspace.open(source, read_only=True) as ws:
        write_json(ws, path)
    return path


def measure(*argv: str | Path) -> tuple[float, float]:
    """`okrdesk ARGV` in a fresh process: (seconds, peak MiB) as it reports them."""
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.interchange", "--run", *map(str, argv)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    seconds, mib = out.strip().splitlines()[-1].split()
    return float(seconds), float(mib)


def measurements(folder: Path) -> list[Measured]:
    folder.mkdir(parents=True, exist_ok=True)
    found = []
    rows = many_teams_csv(folder / "rows.csv")
    seconds, mib = measure("import", "csv", rows, "-o", folder / "rows.okrdesk")
    found.append(
        Measured(f"`import csv` of {CSV_ROWS:,} rows (1,000 teams, 4 quarters)", seconds, mib, 30)
    )
    one = one_objective_csv(folder / "one.csv")
    seconds, mib = measure("import", "csv", one, "-o", folder / "one.okrdesk")
    found.append(
        Measured(f"`import csv` of one objective with {ONE_OBJECTIVE:,} key results", seconds, mib)
    )
    data = fifty_mb_json(folder)
    size = data.stat().st_size / 1e6
    seconds, mib = measure("import", "json", data, "-o", folder / "json.okrdesk")
    found.append(Measured(f"`import json` of a {size:.0f} MB export", seconds, mib))
    seconds, mib = measure("export", "json", folder / "json.okrdesk", "-o", folder / "again.json")
    found.append(Measured(f"`export json` of that workspace ({size:.0f} MB)", seconds, mib))
    return found


def _run(argv: list[str]) -> None:
    """The child: run the command, print its seconds and this process's peak MiB."""
    from benchmarks.peak import peak_mib
    from okrdesk.cli import main

    started = time.perf_counter()
    status = main(argv)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"okrdesk {' '.join(argv)} exited with {status}")
    print(f"{seconds:.3f} {peak_mib():.1f}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--run"]:
        _run(argv[1:])
        return 0
    if len(argv) != 1:
        print("usage: python -m benchmarks.interchange FOLDER", file=sys.stderr)
        return 2
    for m in measurements(Path(argv[0])):
        target = f" (target < {m.target:.0f} s)" if m.target else ""
        print(f"{m.what}: {m.seconds:.1f} s, peak {m.mib:.0f} MiB{target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
