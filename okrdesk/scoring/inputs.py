"""Plain input data for scoring, built by the services from the database.

The facts are validated on construction so that every scoring function can
trust them: a NaN, an unknown kind or thresholds in the wrong order raise a
ValueError naming the field, instead of producing a silently wrong score.
Missing values (``None``) are allowed: a draft key result may have no target
yet, and a new one has no check-in; the scoring functions answer ``None``
("no score yet") for those.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from math import isfinite

from okrdesk.scoring._checks import require_finite
from okrdesk.vocabulary import DIRECTIONS, KEY_RESULT_KINDS, Direction
from okrdesk.vocabulary import KeyResultKind as Kind

_NUMBERS = ("start", "target", "current", "commit", "stretch")


@dataclass(frozen=True)
class KeyResultFacts:
    """What scoring needs to know about one key result.

    - ``metric``: ``start``, ``target`` and ``current`` (the latest check-in
      value, None when there is no check-in yet). ``direction`` must agree
      with start and target: "decrease" when the target is below the start.
      When target equals start, ``direction`` says which side counts as reached.
    - ``milestone``: only ``done`` matters.
    - ``three_level``: ``commit``, ``target`` and ``stretch`` thresholds in the
      key result's unit, ordered by ``direction`` (increase: commit ≤ target
      ≤ stretch; decrease: commit ≥ target ≥ stretch), and ``current``.
    - ``weight``: the key result's share in its objective's score (≥ 0).
    """

    kind: Kind
    start: float | None = None
    target: float | None = None
    current: float | None = None
    direction: Direction = "increase"
    done: bool = False
    commit: float | None = None
    stretch: float | None = None
    weight: float = 1.0

    def __post_init__(self) -> None:
        if self.kind not in KEY_RESULT_KINDS:
            raise ValueError(
                f"kind must be one of {', '.join(KEY_RESULT_KINDS)}; got {self.kind!r}"
            )
        if self.direction not in DIRECTIONS:
            raise ValueError(
                f"direction must be one of {', '.join(DIRECTIONS)}; got {self.direction!r}"
            )
        if not isinstance(self.done, bool):
            raise ValueError(f"done must be True or False, got {self.done!r}")
        for name in _NUMBERS:
            value = getattr(self, name)
            if value is not None and (type(value) is not float or not isfinite(value)):
                require_finite(name, value)  # the plain finite float needs no more checks
        if require_finite("weight", self.weight) < 0:
            raise ValueError(f"weight must not be negative, got {self.weight!r}")
        if self.kind == "metric":
            self._check_metric_direction()
        elif self.kind == "three_level":
            self._check_level_order()

    def _check_metric_direction(self) -> None:
        if self.start is None or self.target is None or self.start == self.target:
            return
        implied: Direction = "increase" if self.target > self.start else "decrease"
        if implied != self.direction:
            raise ValueError(
                f"direction is {self.direction!r}, but the target {self.target!r} is "
                f"{'above' if implied == 'increase' else 'below'} the start {self.start!r}"
            )

    def _check_level_order(self) -> None:
        levels = [
            (name, value)
            for name, value in (
                ("commit", self.commit),
                ("target", self.target),
                ("stretch", self.stretch),
            )
            if value is not None
        ]
        for (low_name, low), (high_name, high) in pairwise(levels):
            in_order = low <= high if self.direction == "increase" else low >= high
            if not in_order:
                relation = "≤" if self.direction == "increase" else "≥"
                raise ValueError(
                    f"three-level thresholds must satisfy {low_name} {relation} {high_name} "
                    f"for direction {self.direction!r}; got {low_name}={low!r}, "
                    f"{high_name}={high!r}"
                )
