"""Indicator rows and the CSV download."""

from __future__ import annotations

import csv
import io

import pytest

from ikep_site.labels import LABELS
from ikep_site.model import CorridorPoint, Indicator, Measurement
from ikep_site.render import tables

CORRIDOR = (
    CorridorPoint(year=2024, min=6.0, max=8.0),
    CorridorPoint(year=2030, min=3.0, max=5.0),
)


def indicator(*values: tuple[int, float], unit: str = "%") -> Indicator:
    return Indicator(
        id="leerstand",
        name="Leerstandsquote",
        unit=unit,
        better="lower",
        corridor=CORRIDOR,
        values=tuple(Measurement(year=year, value=value) for year, value in values),
    )


def parse(text: str) -> list[list[str]]:
    """Read the CSV back as a spreadsheet would: BOM stripped, `;` as separator."""
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def number(cell: str) -> float:
    return float(cell.replace(",", "."))


def test_rows_cover_value_and_corridor_years_sorted() -> None:
    rows = tables.indicator_rows(indicator((2027, 5.0), (2021, 8.4), (2024, 7.1)))
    assert [row[0] for row in rows] == [2021, 2024, 2027, 2030]
    assert rows[0] == (2021, 8.4, None, None)  # before the corridor: no bounds (none were set)
    assert rows[1] == (2024, 7.1, 6.0, 8.0)
    assert rows[2][1] == 5.0
    assert rows[2][2:] == pytest.approx((4.5, 6.5))  # interpolated
    assert rows[3] == (2030, None, 3.0, 5.0)


def test_rows_without_values_are_the_corridor_points() -> None:
    assert tables.indicator_rows(indicator()) == [(2024, None, 6.0, 8.0), (2030, None, 3.0, 5.0)]


def test_csv_starts_with_bom_uses_crlf_and_semicolons() -> None:
    text = tables.indicator_csv(indicator((2024, 7.1)))
    assert text.startswith("\ufeffJahr;Messwert;Korridor von;Korridor bis;Einheit\r\n")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")


def test_csv_header_comes_from_labels() -> None:
    header = parse(tables.indicator_csv(indicator()))[0]
    keys = ["year", "value", "corridor_min", "corridor_max", "unit"]
    assert header == [LABELS[key] for key in keys]


def test_csv_round_trips_the_numbers_with_decimal_comma() -> None:
    source = indicator((2021, 8.4), (2024, 7.1), (2027, 1234.5), (2028, -3.25))
    rows = parse(tables.indicator_csv(source))[1:]
    assert [row[1] for row in rows] == ["8,4", "7,1", "1234,5", "-3,25", ""]
    for row, (year, value, low, high) in zip(rows, tables.indicator_rows(source), strict=True):
        assert int(row[0]) == year
        assert (number(row[1]) if row[1] else None) == value
        assert (number(row[2]) if row[2] else None) == pytest.approx(low)
        assert (number(row[3]) if row[3] else None) == pytest.approx(high)
        assert row[4] == "%"


def test_csv_has_an_empty_cell_where_nothing_was_measured() -> None:
    rows = parse(tables.indicator_csv(indicator((2024, 7.1))))
    assert rows[2] == ["2030", "", "3", "5", "%"]


def test_csv_keeps_umlauts_and_quotes_separators_in_the_unit() -> None:
    rows = parse(tables.indicator_csv(indicator((2024, 7.1), unit='Gebäude; "leer"')))
    assert rows[1][4] == 'Gebäude; "leer"'
    assert len(rows[1]) == 5


@pytest.mark.parametrize("unit", ['=HYPERLINK("http://x")', "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"])
def test_csv_neutralises_a_formula_in_the_unit(unit: str) -> None:
    rows = parse(tables.indicator_csv(indicator((2024, 7.1), unit=unit)))
    assert rows[1][4] == "'" + unit


def test_negative_numbers_are_not_prefixed() -> None:
    rows = parse(tables.indicator_csv(indicator((2024, -7.5))))
    assert rows[1][1] == "-7,5"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+49 631", "'+49 631"),
        ("-", "'-"),
        ("@me", "'@me"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("%", "%"),
        ("Einwohner je km²", "Einwohner je km²"),
        ("1 = 1", "1 = 1"),
        ("", ""),
    ],
)
def test_safe_csv_cell(text: str, expected: str) -> None:
    assert tables.safe_csv_cell(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (7.0, "7"),
        (7, "7"),
        (7.1, "7,1"),
        (-0.5, "-0,5"),
        (1234567.25, "1234567,25"),
        (0.1 + 0.2, "0,3"),
        (0.00001, "0,00001"),
        (1e20, "100000000000000000000"),
        (-0.0, "0"),
    ],
)
def test_csv_number(value: float, expected: str) -> None:
    assert tables.csv_number(value) == expected
