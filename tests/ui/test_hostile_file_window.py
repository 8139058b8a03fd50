"""The window's open refuses a received file with a planted trigger, and leaves it alone."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from ui import dialogs
from ui.app import Windows


def test_the_window_refuses_a_planted_trigger_and_leaves_the_file(
    qapp, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    con = sqlite3.connect(demo_copy)
    con.execute("CREATE TRIGGER wipe AFTER INSERT ON check_in BEGIN DELETE FROM objective; END")
    con.commit()
    con.close()
    before = hashlib.sha256(demo_copy.read_bytes()).hexdigest()
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell_error", lambda _parent, _title, text: told.append(text))
    assert Windows().open(demo_copy) is None
    assert "it holds a trigger 'wipe' that OKR Desk never makes" in told[0]
    assert hashlib.sha256(demo_copy.read_bytes()).hexdigest() == before
