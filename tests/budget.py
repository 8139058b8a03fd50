"""How much of the slow tests a run does.

`make test` (the quick set) runs every test, the slow ones (`@pytest.mark.slow`) on a
bounded share: fewer kills, fewer generated examples. The full set, `make test-all` (what
CI runs: `.ci/run`), sets OKRDESK_FULL_TESTS=1 and runs them in full.
"""

from __future__ import annotations

import os

FULL = os.environ.get("OKRDESK_FULL_TESTS", "") not in ("", "0")


def share(full: int, quick: int) -> int:
    """`full` in the full set, `quick` in `make test`."""
    return full if FULL else quick
