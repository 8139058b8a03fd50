"""Colour bands for scores: red, amber, green — configurable per workspace."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields

from okrdesk.scoring._checks import reaches, require_finite, require_fraction
from okrdesk.vocabulary import Band


@dataclass(frozen=True)
class Bands:
    """Where the colours change. Defaults follow the usual OKR bands.

    red: ``score < red_below``; amber: ``red_below ≤ score < green_from``;
    green: ``score ≥ green_from``. With the defaults 0.0–0.3 is red,
    0.4–0.6 amber and 0.7–1.0 green, and the scores in the gaps fall to the
    lower colour (0.35 is red, 0.65 amber). Requires
    0 ≤ red_below ≤ green_from ≤ 1; equal limits leave amber empty.
    """

    red_below: float = 0.4
    green_from: float = 0.7

    def __post_init__(self) -> None:
        red_below = require_finite("red_below", self.red_below)
        green_from = require_finite("green_from", self.green_from)
        if not 0.0 <= red_below <= green_from <= 1.0:
            raise ValueError(
                "bands must satisfy 0 ≤ red_below ≤ green_from ≤ 1; got "
                f"red_below={self.red_below!r}, green_from={self.green_from!r}"
            )
        # Store plain floats so to_dict() round-trips the same way for 1 and 1.0.
        object.__setattr__(self, "red_below", red_below)
        object.__setattr__(self, "green_from", green_from)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Bands:
        """Read bands from workspace settings; missing keys keep their default.

        Unknown keys raise ValueError, so that a misspelt setting is noticed
        instead of silently ignored.
        """
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(
                f"unknown band setting(s) {', '.join(map(repr, unknown))}; "
                f"expected {', '.join(sorted(known))}"
            )
        return cls(**data)  # type: ignore[arg-type]  # values are checked in __post_init__

    def to_dict(self) -> dict[str, float]:
        """The settings as a plain dict, readable by :meth:`from_dict`."""
        return asdict(self)


DEFAULT_BANDS = Bands()


def band(score: float | None, bands: Bands = DEFAULT_BANDS) -> Band | None:
    """The colour of ``score`` (0.0–1.0); None when there is no score."""
    if score is None:
        return None
    score = require_fraction("score", score)
    if reaches(score, bands.green_from):
        return "green"
    if reaches(score, bands.red_below):
        return "amber"
    return "red"
