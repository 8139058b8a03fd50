"""A workspace on a read-only path: a clear one-line refusal, and the file untouched.

The tests run as root in CI, where file permissions do not stop writes. Two real ways
to get a read-only location anyway, each used when the machine allows it:

- a read-only bind mount inside a private user and mount namespace
  (``unshare --user --map-root-user --mount``): writes fail with EROFS for everyone;
- the command run as the unprivileged user ``nobody`` (``setpriv``) on a file in a
  0555 folder: writes fail with EACCES, as for any ordinary user.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_tools import one_line, sha256

from okrdesk.interchange import json_format
from okrdesk.services.workspace import Workspace

NOBODY = 65534
TOOLS = Path(__file__).with_name("reliability_tools.py")
UNSHARE = ("unshare", "--user", "--map-root-user", "--mount")


def _works(command: list[str]) -> bool:
    try:
        return subprocess.run(command, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _read_only_mount_possible(folder: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = folder / "probe"
    probe.mkdir()
    script = (
        f"mount --bind {shlex.quote(str(probe))} {shlex.quote(str(probe))} && "
        f"mount -o remount,bind,ro {shlex.quote(str(probe))} && "
        f"! touch {shlex.quote(str(probe / 'x'))} 2>/dev/null"
    )
    ok = _works([*UNSHARE, "sh", "-c", script])
    probe.rmdir()
    return ok


@pytest.fixture
def places(demo_file: Path, tmp_path: Path) -> tuple[Path, Path]:
    """`ro/` holds a workspace (to be made read-only); `rw/` a writable one and its export."""
    ro, rw = tmp_path / "ro", tmp_path / "rw"
    ro.mkdir()
    rw.mkdir()
    shutil.copy(demo_file, ro / "demo.okrdesk")
    shutil.copy(demo_file, rw / "demo.okrdesk")
    with Workspace.open(rw / "demo.okrdesk") as ws:
        json_format.write_json(ws, rw / "demo.json")
    return ro, rw


Commands = dict[str, tuple[list[str | Path], str]]


READS = {"show"}  # commands that only read the workspace on the read-only place


def _commands(ro: Path, rw: Path) -> Commands:
    """What a person might try on the read-only place, and what the one line must say."""
    return {
        # Reading needs no writing: it works on a read-only share and leaves every byte.
        "show": (["show", ro / "demo.okrdesk"], "Kolbenwerk Espresso GmbH — 2026-Q4"),
        "rules": (
            ["rules", ro / "demo.okrdesk", "--disable", "objective-has-number"],
            "read-only; copy it somewhere writable",
        ),
        "export": (["export", "json", rw / "demo.okrdesk", "-o", ro / "x.json"], "cannot be"),
        "sheet": (["sheet", rw / "demo.okrdesk", "--team", "Workshop", "-o", ro / "x.pdf"], "can"),
        "import": (["import", "json", rw / "demo.json", "-o", ro / "new.okrdesk"], "cannot be"),
        "new": (["new", ro / "empty.okrdesk"], "cannot be written"),
    }


def _run_all(
    commands: Commands, logs: Path, *, namespace: str = "", user: tuple[str, ...] = ()
) -> dict[str, tuple[int, str]]:
    """Run every command at once, each in its own process: as `user`, or in a private
    user and mount namespace after the shell snippet `namespace` prepared it.

    One Python start-up forks a process per command (see reliability_tools.fork_each).
    """
    logs.mkdir(exist_ok=True)
    logs.chmod(0o777)  # the commands may run as another user
    spec = {name: [str(a) for a in args] for name, (args, _) in commands.items()}
    (logs / "spec.json").write_text(json.dumps(spec))
    runner = [*user, sys.executable, str(TOOLS), str(logs / "spec.json")]
    result = subprocess.run(
        [*UNSHARE, "sh", "-c", f"{namespace}\nexec {shlex.join(runner)}"] if namespace else runner,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "HOME": str(logs)},
    )
    assert result.returncode == 0, result.stderr
    return {
        name: (int((logs / f"{name}.rc").read_text()), (logs / f"{name}.out").read_text())
        for name in commands
    }


def _judge(results: dict[str, tuple[int, str]], commands: Commands, ro: Path, before: dict) -> None:
    for name, (code, output) in results.items():
        expected = commands[name][1]
        if name in READS:
            assert code == 0 and output.startswith(expected), (name, output)
            continue
        assert code == 2, (name, output)
        line = one_line(output)
        assert line.startswith("okrdesk: ") and expected in line, (name, line)
    # Nothing was written in the read-only place, and the workspace there is untouched.
    assert {p.name: sha256(p) for p in ro.iterdir()} == before


def test_read_only_mount(places: tuple[Path, Path], tmp_path: Path) -> None:
    ro, rw = places
    if not _read_only_mount_possible(tmp_path):
        pytest.skip("no user namespaces here: cannot make a read-only mount")
    before = {p.name: sha256(p) for p in ro.iterdir()}
    q = shlex.quote(str(ro))
    setup = f"mount --bind {q} {q} && mount -o remount,bind,ro {q} || exit 3"
    commands = _commands(ro, rw)
    results = _run_all(commands, tmp_path / "logs", namespace=setup)
    assert "Read-only file system" in results["export"][1]
    _judge(results, commands, ro, before)


@pytest.fixture
def shared_places(places: tuple[Path, Path]) -> Iterator[tuple[Path, Path]]:
    """The same places, moved where user `nobody` can reach them (pytest's folder is 0700)."""
    base = Path(tempfile.mkdtemp(prefix="okrdesk-ro-"))
    ro, rw = base / "ro", base / "rw"
    try:
        base.chmod(0o755)
        for place in places:
            shutil.copytree(place, base / place.name)
        rw.chmod(0o777)
        for p in rw.iterdir():
            p.chmod(0o666)
        (ro / "private.pdf").write_bytes(b"%PDF-1.4 someone else's report\n")
        (ro / "private.pdf").chmod(0o600)
        ro.chmod(0o555)
        yield ro, rw
    finally:
        if ro.exists():
            ro.chmod(0o755)
        shutil.rmtree(base)


def test_read_only_folder_for_an_ordinary_user(shared_places: tuple[Path, Path]) -> None:
    ro, rw = shared_places
    prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run a command as user nobody")
    if not _works([*prefix, sys.executable, "-c", "import okrdesk"]):
        pytest.skip("user nobody cannot run this Python (e.g. it lives under /root)")
    before = {p.name: sha256(p) for p in ro.iterdir()}
    commands = _commands(ro, rw)
    # A PDF of the same name that this user may not even read: checked before writing.
    sheet = ["sheet", rw / "demo.okrdesk", "--team", "Workshop", "-o", ro / "private.pdf"]
    commands["private"] = (sheet, f"{ro / 'private.pdf'}: Permission denied")
    results = _run_all(commands, rw.parent / "logs", user=tuple(prefix))
    assert "Permission denied" in results["export"][1]
    _judge(results, commands, ro, before)


WINDOW = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QLabel
from ui.app import Windows

app = QApplication([])
window = Windows().open(sys.argv[1])
note = window.findChild(QLabel, "readOnlyNote")
for index in range(window.tabs.count()):  # every view, as a person would look around
    window.tabs.setCurrentIndex(index)
    app.processEvents()
window.add_objective()  # a change: refused, with the reason
app.processEvents()
print(window.windowTitle())
print(note.text() if note is not None else "no note")
print(window.statusBar().currentMessage())
window.close()
"""


def test_the_window_opens_a_read_only_workspace_read_only_and_says_so(
    places: tuple[Path, Path], tmp_path: Path
) -> None:
    ro, _rw = places
    if not _read_only_mount_possible(tmp_path):
        pytest.skip("no user namespaces here: cannot make a read-only mount")
    path = ro / "demo.okrdesk"
    before = {p.name: sha256(p) for p in ro.iterdir()}
    q = shlex.quote(str(ro))
    script = tmp_path / "window.py"
    script.write_text(WINDOW)
    runner = shlex.join([sys.executable, str(script), str(path)])
    result = subprocess.run(
        [*UNSHARE, "sh", "-c", f"mount --bind {q} {q} && mount -o remount,bind,ro {q}\n{runner}"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")},
    )
    assert result.returncode == 0, result.stderr
    title, note, message = result.stdout.splitlines()[-3:]
    assert "(read-only)" in title
    assert note == "Read-only: changes cannot be saved here"
    assert "read-only; copy it somewhere writable" in message
    assert {p.name: sha256(p) for p in ro.iterdir()} == before
