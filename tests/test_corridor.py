"""Corridor derivation: the band in a year and the status of the newest value."""

from __future__ import annotations

import pytest

from ikep_site.corridor import band_at, indicator_status, newest_value, value_status
from ikep_site.labels import CORRIDOR_STATUS
from ikep_site.model import CorridorPoint, Indicator, Measurement

CORRIDOR = (
    CorridorPoint(year=2024, min=6.0, max=8.0),
    CorridorPoint(year=2030, min=3.0, max=5.0),
)


def indicator(
    *values: tuple[int, float],
    better: str = "lower",
    corridor: tuple[CorridorPoint, ...] = CORRIDOR,
) -> Indicator:
    return Indicator(
        id="leerstand",
        name="Leerstandsquote",
        unit="%",
        better=better,
        corridor=corridor,
        values=tuple(Measurement(year=year, value=value) for year, value in values),
    )


def test_band_at_a_corridor_point_is_that_point() -> None:
    assert band_at(CORRIDOR, 2024) == (6.0, 8.0)
    assert band_at(CORRIDOR, 2030) == (3.0, 5.0)


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2025, (5.5, 7.5)), (2027, (4.5, 6.5)), (2029, (3.5, 5.5))],
)
def test_band_is_linear_between_points(year: int, expected: tuple[float, float]) -> None:
    assert band_at(CORRIDOR, year) == pytest.approx(expected)


def test_band_before_and_after_the_corridor_is_its_nearest_end() -> None:
    assert band_at(CORRIDOR, 2000) == (6.0, 8.0)
    assert band_at(CORRIDOR, 2023) == (6.0, 8.0)
    assert band_at(CORRIDOR, 2031) == (3.0, 5.0)
    assert band_at(CORRIDOR, 2100) == (3.0, 5.0)


def test_band_with_three_points_uses_the_segment_of_the_year() -> None:
    corridor = (
        CorridorPoint(year=2020, min=0.0, max=10.0),
        CorridorPoint(year=2022, min=10.0, max=20.0),
        CorridorPoint(year=2032, min=10.0, max=10.0),
    )
    assert band_at(corridor, 2021) == pytest.approx((5.0, 15.0))
    assert band_at(corridor, 2022) == (10.0, 20.0)
    assert band_at(corridor, 2027) == pytest.approx((10.0, 15.0))


def test_band_ignores_point_order_and_swapped_min_max() -> None:
    corridor = (
        CorridorPoint(year=2030, min=5.0, max=3.0),
        CorridorPoint(year=2024, min=6.0, max=8.0),
    )
    assert band_at(corridor, 2030) == (3.0, 5.0)
    assert band_at(corridor, 2027) == pytest.approx((4.5, 6.5))


def test_band_of_an_empty_corridor_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least one point"):
        band_at((), 2024)


def test_newest_value_is_the_highest_year_not_the_last_written() -> None:
    unsorted = indicator((2024, 7.1), (2021, 8.4))
    newest = newest_value(unsorted)
    assert newest is not None
    assert (newest.year, newest.value) == (2024, 7.1)
    assert newest_value(indicator()) is None


@pytest.mark.parametrize(
    ("value", "lower_is_better", "higher_is_better"),
    [
        (7.1, "inside", "inside"),
        (6.0, "inside", "inside"),  # on the lower edge
        (8.0, "inside", "inside"),  # on the upper edge
        (5.99, "better", "outside"),
        (8.01, "outside", "better"),
        (-20.0, "better", "outside"),
        (1000.0, "outside", "better"),
    ],
)
def test_status_in_the_first_corridor_year(value: float, lower_is_better: str, higher_is_better: str) -> None:
    assert indicator_status(indicator((2024, value), better="lower")) == lower_is_better
    assert indicator_status(indicator((2024, value), better="higher")) == higher_is_better


def test_status_uses_the_interpolated_band_of_the_newest_year() -> None:
    # 2027: band 4.5..6.5. 6.6 would be inside the 2024 band, but not in 2027's.
    assert indicator_status(indicator((2024, 7.1), (2027, 6.6))) == "outside"
    assert indicator_status(indicator((2024, 9.0), (2027, 4.4))) == "better"
    assert indicator_status(indicator((2027, 6.5))) == "inside"
    assert indicator_status(indicator((2027, 4.5))) == "inside"


def test_status_only_looks_at_the_newest_value() -> None:
    # An old value far outside does not matter once a newer one is inside.
    assert indicator_status(indicator((2021, 50.0), (2024, 7.0))) == "inside"
    assert indicator_status(indicator((2024, 7.0), (2021, 50.0))) == "inside"


def test_value_on_an_interpolated_edge_with_float_noise_is_inside() -> None:
    # Two thirds of the way from 0.1 to 0.4 is 0.30000000000000004 in floats; an editor wrote 0.3.
    corridor = (
        CorridorPoint(year=2020, min=0.1, max=1.0),
        CorridorPoint(year=2023, min=0.4, max=1.0),
    )
    low, _ = band_at(corridor, 2022)
    assert low != 0.3  # the noise is real ...
    assert indicator_status(indicator((2022, 0.3), corridor=corridor)) == "inside"  # ... and ignored
    assert indicator_status(indicator((2022, 0.2999), corridor=corridor)) == "better"


def test_status_after_the_corridor_compares_with_the_target() -> None:
    assert indicator_status(indicator((2035, 5.5))) == "outside"
    assert indicator_status(indicator((2035, 4.0))) == "inside"


def test_status_without_values_or_corridor_is_no_data() -> None:
    assert indicator_status(indicator()) == "no_data"
    assert indicator_status(indicator((2024, 7.0), corridor=())) == "no_data"


def test_every_status_has_a_german_label() -> None:
    statuses = {
        indicator_status(indicator((2024, 7.0))),
        indicator_status(indicator((2024, 5.0))),
        indicator_status(indicator((2024, 9.0))),
        indicator_status(indicator()),
    }
    assert statuses == set(CORRIDOR_STATUS)


def test_unknown_direction_is_an_error() -> None:
    with pytest.raises(ValueError, match="sideways"):
        value_status(1.0, (0.0, 2.0), "sideways")
