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


def _counting_decimals(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Replace the per-figure decimals with a counting copy; the list grows by one per figure read."""
    import ikep_site.corridor as corridor_module

    seen: list[float] = []
    original = corridor_module._decimals

    def counted(number: float) -> int:
        seen.append(number)
        return original(number)

    monkeypatch.setattr(corridor_module, "_decimals", counted)
    return seen


def test_an_indicators_precision_is_worked_out_once_however_many_bands_are_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A value table asks for the band of every year, the page and the overview for the status:
    # each used to read every figure of the indicator again.
    from ikep_site.corridor import covered_band, figure_decimals, shown_band

    seen = _counting_decimals(monkeypatch)
    once = Indicator(
        id="einmal-gerechnet",
        name="Leerstandsquote",
        unit="%",
        better="lower",
        corridor=(CorridorPoint(year=2020, min=6.25, max=8.0), CorridorPoint(year=2030, min=3.0, max=5.5)),
        values=tuple(Measurement(year=year, value=7.0 + year / 1000) for year in range(2020, 2026)),
    )
    figures = len(once.values) + 2 * len(once.corridor)
    for year in range(2018, 2032):
        shown_band(once, year)
        covered_band(once, year)
    assert indicator_status(once) == indicator_status(once)
    assert figure_decimals(once) == 3
    assert len(seen) == figures


def test_the_same_indicator_written_again_gets_the_same_precision_and_status() -> None:
    from ikep_site.corridor import figure_decimals

    first = indicator((2024, 7.25), (2027, 6.6))
    again = indicator((2024, 7.25), (2027, 6.6))
    other = indicator((2024, 7.25), (2027, 6.625))
    assert (figure_decimals(first), indicator_status(first)) == (figure_decimals(again), indicator_status(again))
    assert (figure_decimals(other), indicator_status(other)) == (3, "outside")


@pytest.mark.parametrize(
    "number",
    [
        0.0,
        -0.0,
        8.0,
        7.25,
        -7.25,
        0.1 + 0.2,
        0.0001,
        0.00001,
        1e-7,
        2.5e-5,
        123456.789,
        105333.3333333,
        1e15,
        1.5e20,
        123456789012.5,
        0.30000000000001,
        1 / 3,
        -1e-12,
        float("nan"),
        float("inf"),
        -float("inf"),
    ],
)
def test_decimals_of_a_figure_as_written(number: float) -> None:
    # The reference: twelve significant digits, trailing zeros dropped, at most MAX_DECIMALS.
    from decimal import Decimal

    from ikep_site.corridor import MAX_DECIMALS, _decimals

    if number != number or number in (float("inf"), -float("inf")) or float(number).is_integer():
        expected = 0
    else:
        exponent = Decimal(format(number, ".12g")).normalize().as_tuple().exponent
        expected = min(-exponent, MAX_DECIMALS) if isinstance(exponent, int) and exponent < 0 else 0
    assert _decimals(number) == expected
