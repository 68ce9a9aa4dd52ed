"""Goal corridors: where an indicator should be in a year, and where it actually is.

Pure derivation on the model (no I/O, no rendering): the charts, tables, goal pages and the
goal overview all ask this module, so that a status can never differ between two places.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import pairwise
from typing import Final

from .model import CorridorPoint, Indicator, Measurement

# The statuses in the order of `labels.CORRIDOR_STATUS`.
STATUSES: Final = ("inside", "better", "outside", "no_data")

# Interpolated bands carry float noise (0.1 + 0.6 != 0.7); a value an editor wrote exactly on
# the corridor edge must still count as "inside", so edges are compared with this tolerance.
_REL_TOL: Final = 1e-9
_ABS_TOL: Final = 1e-9
# Editors write figures with a few decimals at most; more than this is noise, not precision.
MAX_DECIMALS: Final = 4
# Indicators whose precision and status are kept (see `figure_decimals`): far more than a portal of
# every process in the state has (about 10,000), so a build never works one out twice.
_KEPT_INDICATORS: Final = 1 << 15


def band_at(corridor: Sequence[CorridorPoint], year: int) -> tuple[float, float]:
    """The corridor band `(min, max)` in `year`, linear between the corridor's points.

    A corridor is a path to a target: outside its span we compare with its nearest end, so
    before the first point the first point's band holds and after the last point the last
    band holds (the target, once reached, is to be kept).

    Points need not be sorted; if an editor swapped `min` and `max`, the band is still the
    range between them. Raises `ValueError` for an empty corridor: the content validator
    guarantees at least two points, so this is a programming error, not a content error.
    """
    if not corridor:
        raise ValueError("a corridor needs at least one point")
    points = sorted(corridor, key=lambda point: point.year)
    if year <= points[0].year:
        return _band(points[0])
    if year >= points[-1].year:
        return _band(points[-1])
    for before, after in pairwise(points):
        if year == after.year:
            return _band(after)
        if before.year < year < after.year:
            share = (year - before.year) / (after.year - before.year)
            low_before, high_before = _band(before)
            low_after, high_after = _band(after)
            return (
                _lerp(low_before, low_after, share),
                _lerp(high_before, high_after, share),
            )
    # Unreachable: `year` lies strictly between the first and the last point.
    raise AssertionError(f"year {year} not within the corridor")  # pragma: no cover


@lru_cache(maxsize=_KEPT_INDICATORS)
def figure_decimals(indicator: Indicator) -> int:
    """How many decimals the indicator's own figures have: the most any value or corridor point has.

    Interpolated bounds are shown with this precision, so a corridor written in whole numbers never
    shows "105.333,3333", and one written in tenths shows tenths.

    Kept per indicator (by value: indicators are frozen, so an equal one has the same figures): the
    value table, the chart, the page, the overview and the open data ask for every band and status
    of an indicator, which read all its figures again each time.
    """
    numbers: Iterable[float] = (
        *(measurement.value for measurement in indicator.values),
        *(bound for point in indicator.corridor for bound in (point.min, point.max)),
    )
    return max((_decimals(number) for number in numbers), default=0)


def round_figure(value: float, decimals: int) -> float:
    """`value` rounded to `decimals` as people round: a half goes away from zero (2,25 → 2,3).

    Rounds the shortest decimal form of the float (`repr`), so 2.25, stored a little below 2.25,
    still goes up; Python's `round` would give 2.2.
    """
    if not math.isfinite(value):
        return value
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return float(rounded)


def shown_band(indicator: Indicator, year: int) -> tuple[float, float]:
    """The band in `year` as the reader sees it: rounded to the indicator's own precision.

    Statuses are judged on this band, so a value the table shows on the lower bound is "inside".
    Before the first and after the last corridor point, the nearest end holds (see `band_at`).
    """
    decimals = figure_decimals(indicator)
    low, high = band_at(indicator.corridor, year)
    return (round_figure(low, decimals), round_figure(high, decimals))


def covered_band(indicator: Indicator, year: int) -> tuple[float, float] | None:
    """The shown band in a year the corridor covers (from its first to its last point), else None.

    Tables and downloads list bounds only where a corridor was set: before its first year there
    was no target yet, and after its last year none has been decided.
    """
    if not indicator.corridor:
        return None
    years = [point.year for point in indicator.corridor]
    if not min(years) <= year <= max(years):
        return None
    return shown_band(indicator, year)


def newest_value(indicator: Indicator) -> Measurement | None:
    """The measurement with the highest year, or None: the status is judged on this one."""
    if not indicator.values:
        return None
    return max(indicator.values, key=lambda measurement: measurement.year)


@lru_cache(maxsize=_KEPT_INDICATORS)
def indicator_status(indicator: Indicator) -> str:
    """`inside`, `better`, `outside` or `no_data`: the newest value against that year's band, as shown.

    `better` tells which side of the band is good: for "lower", a value below the band is
    "better" and one above it "outside"; for "higher" the other way round. A value on an edge
    is "inside". Without values, or without a corridor to compare with, it is "no_data".
    Raises `ValueError` for an unknown direction (the validator only lets "lower"/"higher" in).
    """
    newest = newest_value(indicator)
    if newest is None or not indicator.corridor:
        return "no_data"
    return value_status(newest.value, shown_band(indicator, newest.year), indicator.better)


def value_status(value: float, band: tuple[float, float], better: str) -> str:
    """The status of one value against one band, so charts can judge any point the same way."""
    if better not in ("lower", "higher"):
        raise ValueError(f"unknown direction {better!r}: expected 'lower' or 'higher'")
    low, high = band
    if value < low and not _close(value, low):
        return "better" if better == "lower" else "outside"
    if value > high and not _close(value, high):
        return "better" if better == "higher" else "outside"
    return "inside"


def _decimals(number: float) -> int:
    """The decimals of a figure as written (8.0 has none, 7.25 two), at most `MAX_DECIMALS`.

    Read with 12 significant digits, so float noise (0.1 + 0.2 = 0.30000000000000004) is no precision.
    """
    if not math.isfinite(number) or float(number).is_integer():
        return 0
    written = format(number, ".12g")
    if "e" not in written:  # "g" drops trailing zeros: the digits after the point are the decimals
        point = written.find(".")
        return min(len(written) - point - 1, MAX_DECIMALS) if point >= 0 else 0
    exponent = Decimal(written).normalize().as_tuple().exponent
    return min(-exponent, MAX_DECIMALS) if isinstance(exponent, int) and exponent < 0 else 0


def _band(point: CorridorPoint) -> tuple[float, float]:
    return (min(point.min, point.max), max(point.min, point.max))


def _lerp(start: float, end: float, share: float) -> float:
    return start + (end - start) * share


def _close(first: float, second: float) -> bool:
    return math.isclose(first, second, rel_tol=_REL_TOL, abs_tol=_ABS_TOL)
