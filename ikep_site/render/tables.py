"""An indicator's data as rows: for the HTML table beside the chart and the CSV download.

Both outputs come from `indicator_rows`, so the table a reader sees and the file they download
always hold the same numbers.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Final

from ..corridor import covered_band
from ..labels import LABELS
from ..model import Indicator

# Excel only reads a CSV file as UTF-8 (umlauts in units and headers) when it starts with a BOM.
BOM: Final = "\ufeff"
# A cell starting with one of these is read by spreadsheets as a formula (CSV injection).
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
# Enough digits for any measured value, few enough to drop float noise such as 0.30000000000000004.
_SIGNIFICANT_DIGITS: Final = 12

Row = tuple[int, float | None, float | None, float | None]


def indicator_rows(indicator: Indicator) -> list[Row]:
    """`(year, value, band min, band max)` for every year with a value or a corridor point.

    Years in between are left out: the corridor is linear there, and a row per year would bury
    the few measured values. `value` is None where nothing was measured; the bounds are None in
    years the corridor does not cover, and rounded to the indicator's own precision where they
    are interpolated (see `corridor.covered_band`).
    """
    values = {measurement.year: measurement.value for measurement in indicator.values}
    years = sorted(set(values) | {point.year for point in indicator.corridor})
    rows: list[Row] = []
    for year in years:
        low, high = covered_band(indicator, year) or (None, None)
        rows.append((year, values.get(year), low, high))
    return rows


def indicator_csv(indicator: Indicator) -> str:
    """The CSV download: BOM, `;`-separated, CRLF, decimal comma, as German spreadsheets expect.

    Encode the result as UTF-8 when writing it out.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            LABELS["year"],
            LABELS["value"],
            LABELS["corridor_min"],
            LABELS["corridor_max"],
            LABELS["unit"],
        ]
    )
    unit = safe_csv_cell(indicator.unit)
    for year, value, low, high in indicator_rows(indicator):
        writer.writerow(
            [
                str(year),
                "" if value is None else csv_number(value),
                "" if low is None else csv_number(low),
                "" if high is None else csv_number(high),
                unit,
            ]
        )
    return BOM + buffer.getvalue()


def safe_csv_cell(text: str) -> str:
    """Neutralise a text cell a spreadsheet would run as a formula, by a leading apostrophe.

    Meant for text editors wrote (units, names); numbers formatted by `csv_number` are not text
    and must not go through here, or "-3,5" would no longer be a number.
    """
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def csv_number(value: float) -> str:
    """A number as German spreadsheets read it: decimal comma, no thousands separator, no exponent.

    Thousands dots are left out on purpose: "1.234" is read as 1.234 by some programs.
    """
    cleaned = float(f"{value:.{_SIGNIFICANT_DIGITS}g}")
    text = str(int(cleaned)) if cleaned.is_integer() else format(Decimal(repr(cleaned)), "f")
    return text.replace(".", ",")
