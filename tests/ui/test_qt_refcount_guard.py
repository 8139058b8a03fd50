"""Guard against the PySide6 6.12.0 + CPython 3.11 reference-count defect.

That release drops a reference to None on every Qt call that returns nothing;
after ~5,000 calls the interpreter aborts (none_dealloc). An upgrade that
brings it back must fail here, not in front of a workshop.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("warm up")  # first calls may create caches
    before = sys.getrefcount(None)
    for n in range(500):
        label.setText(str(n))  # returns None
        label.setVisible(False)
    after = sys.getrefcount(None)
    assert after >= before - 50, f"None lost {before - after} references in 1,000 void calls"
