"""Red / amber / green bands and their workspace settings."""

import math

import pytest

from okrdesk.scoring import DEFAULT_BANDS, Bands, band


@pytest.mark.parametrize(
    ("score", "colour"),
    [
        (0.0, "red"),
        (0.3, "red"),
        (0.35, "red"),  # in the gap: the lower colour
        (0.3999, "red"),
        (0.4, "amber"),
        (0.6, "amber"),
        (0.65, "amber"),  # in the gap: the lower colour
        (0.6999, "amber"),
        (0.7, "green"),
        (1.0, "green"),
        (None, None),
    ],
)
def test_default_bands(score: float | None, colour: str | None) -> None:
    assert band(score) == colour


def test_float_noise_does_not_drop_a_score_into_the_lower_band() -> None:
    assert band((0.7 + 0.7 + 0.7) / 3) == "green"  # 0.6999999999999998


@pytest.mark.parametrize(
    ("score", "colour"), [(0.49, "red"), (0.5, "amber"), (0.79, "amber"), (0.8, "green")]
)
def test_custom_bands(score: float, colour: str) -> None:
    assert band(score, Bands(red_below=0.5, green_from=0.8)) == colour


def test_equal_limits_leave_no_amber() -> None:
    bands = Bands(red_below=0.6, green_from=0.6)
    assert [band(s, bands) for s in (0.59, 0.6)] == ["red", "green"]


@pytest.mark.parametrize("bad", [-0.1, 1.1, math.nan])
def test_band_refuses_scores_outside_zero_to_one(bad: float) -> None:
    with pytest.raises(ValueError, match="score must be"):
        band(bad)


def test_defaults() -> None:
    assert Bands() == DEFAULT_BANDS
    assert Bands().to_dict() == {"red_below": 0.4, "green_from": 0.7}


def test_settings_round_trip() -> None:
    bands = Bands(red_below=0.3, green_from=0.8)
    assert Bands.from_dict(bands.to_dict()) == bands


def test_missing_settings_keep_their_defaults() -> None:
    assert Bands.from_dict({}) == Bands()
    assert Bands.from_dict({"green_from": 0.9}) == Bands(red_below=0.4, green_from=0.9)


def test_integer_settings_are_stored_as_floats() -> None:
    assert Bands.from_dict({"red_below": 0, "green_from": 1}).to_dict() == {
        "red_below": 0.0,
        "green_from": 1.0,
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"red_below": 0.8, "green_from": 0.7}, "0 ≤ red_below ≤ green_from ≤ 1"),
        ({"red_below": -0.1}, "0 ≤ red_below ≤ green_from ≤ 1"),
        ({"green_from": 1.5}, "0 ≤ red_below ≤ green_from ≤ 1"),
        ({"green_from": math.nan}, "green_from must be a finite number"),
        ({"red_below": "0.4"}, "red_below must be a number, got '0.4'"),
        ({"green_form": 0.7}, "unknown band setting.*'green_form'.*expected green_from, red_below"),
    ],
)
def test_bad_settings_are_refused_with_a_clear_message(
    data: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        Bands.from_dict(data)
