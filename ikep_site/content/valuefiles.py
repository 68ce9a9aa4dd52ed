"""An indicator's measured values from a file in content/: a CSV or an Excel workbook (.xlsx).

Offices keep their figures in spreadsheets; copying them into front matter by hand is where typos
come from. The file has a header row with the columns `Jahr` and `Wert` (or `year` and `value`),
then one row per year. Every cell is read exactly as the same number written in the front matter
(the specs' YEAR and MEASURE, so `7,1` is 7.1 and `1.200` is ambiguous), and every problem is
reported at the file's line (a workbook: the sheet's row), all at once. Rows with a problem are
left out; the good rows are shown.

No file access here: the loader reads the bytes and hands them in, so that it alone knows which
files an entry depends on (the serve cache, content/loader.py).
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from yaml.error import Mark
from yaml.nodes import ScalarNode

from ..diagnostics import Report
from ..formatting import format_date
from ..messages import MESSAGES
from ..model import Measurement
from .frontmatter import _is_binary, decode
from .schema import INVALID, Context, Number
from .specs import MEASURE, YEAR

SUFFIXES: Final = (".csv", ".xlsx")
YEAR_HEADERS: Final = ("jahr", "year")
VALUE_HEADERS: Final = ("wert", "value")
# A workbook is a ZIP archive: the same start as a .csv saved from Excel under the wrong name.
ZIP_START: Final = b"PK\x03\x04"
# Numbers a workbook stores as numbers: never German thousands, so `1.234` is a decimal.
_YEAR_NUMBER: Final = Number(minimum=YEAR.minimum, maximum=YEAR.maximum, integer=True, grouping=False)
_MEASURE_NUMBER: Final = Number(minimum=MEASURE.minimum, maximum=MEASURE.maximum, grouping=False)
_STRING: Final = "tag:yaml.org,2002:str"
_MARK: Final = Mark("", 0, 0, 0, "", 0)  # line 0: the Context puts the row's line first

Cell = str | int | float | bool | date | None


@dataclass(frozen=True)
class Row:
    line: int  # in the file (CSV) or the sheet's row number (workbook)
    cells: tuple[Cell, ...]


def read_values(data: bytes, suffix: str, path: str, report: Report, *, today: date) -> tuple[Measurement, ...]:
    """The measurements of a value file (`suffix`: ".csv" or ".xlsx"), in file order; `path` as shown."""
    rows = _workbook_rows(data, path, report) if suffix == ".xlsx" else _csv_rows(data, path, report)
    if rows is None:
        return ()
    return _measurements(rows, path, report, today)


# Reading ----------------------------------------------------------------------------------------


def _csv_rows(data: bytes, path: str, report: Report) -> list[Row] | None:
    if data.startswith(ZIP_START):
        report.add(path, 1, MESSAGES["values_file_workbook_as_csv"])
        return None
    if _is_binary(data):
        report.add(path, 1, MESSAGES["values_file_binary"])
        return None
    text = decode(data, path, report)  # UTF-8 with or without BOM; the line of a byte that is not
    if text is None:
        return None
    lines = text.split("\n")
    header = next((line for line in lines if line.strip()), None)
    if header is None:
        report.add(path, 1, MESSAGES["values_file_empty"])
        return None
    delimiter = ";" if ";" in header else ","
    rows: list[Row] = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            report.add(path, line, MESSAGES["values_file_csv_broken"].format(problem=error))
            return rows or None
        rows.append(Row(line, tuple(cells)))
        line = reader.line_num + 1  # a quoted cell may span lines: the next row starts after it
    return rows


def _workbook_rows(data: bytes, path: str, report: Report) -> list[Row] | None:
    """The first sheet's rows, numbered as Excel shows them; None (reported) if it is no workbook."""
    from openpyxl import load_workbook  # only sites with a workbook pay for the import

    try:
        with warnings.catch_warnings():
            # openpyxl warns about what it cannot keep (styles, extensions): we read values only.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheets = workbook.worksheets
                if not sheets:
                    report.add(path, 1, MESSAGES["values_file_empty"])
                    return None
                rows = [
                    Row(number, tuple(row)) for number, row in enumerate(sheets[0].iter_rows(values_only=True), start=1)
                ]
            finally:
                workbook.close()
    # A broken or foreign file fails in many ways inside openpyxl (ZIP, XML, missing parts, a
    # sheet it cannot parse): whichever it is, an editor's file must never end the build.
    except Exception:
        report.add(path, 1, MESSAGES["values_file_not_workbook"])
        return None
    return rows


# Checking ---------------------------------------------------------------------------------------


def _measurements(rows: Sequence[Row], path: str, report: Report, today: date) -> tuple[Measurement, ...]:
    filled = _filled(rows)
    header = next(filled, None)
    if header is None:
        report.add(path, 1, MESSAGES["values_file_empty"])
        return ()
    names = [_text(cell).lower() for cell in header.cells]
    year_at = next((i for i, name in enumerate(names) if name in YEAR_HEADERS), None)
    value_at = next((i for i, name in enumerate(names) if name in VALUE_HEADERS), None)
    if year_at is None or value_at is None:
        missing = " und ".join(word for word, at in (("Jahr", year_at), ("Wert", value_at)) if at is None)
        found = "„" + " | ".join(_text(cell) for cell in header.cells) + "“"
        message = MESSAGES["values_file_columns"].format(found=found, missing=missing)
        if len(header.cells) == 1 and isinstance(header.cells[0], str):  # one cell: a CSV split by neither
            message += MESSAGES["values_file_separator_hint"]
        report.add(path, header.line, message)
        return ()
    year_name, value_name = _text(header.cells[year_at]), _text(header.cells[value_at])
    columns = max(index for index, name in enumerate(names) if name) + 1
    found_years: dict[int, int] = {}
    measurements: list[Measurement] = []
    for row in filled:
        if _too_many_cells(row, columns, path, report):
            continue
        number = _number(row, year_at, year_name, YEAR, _YEAR_NUMBER, path, report)
        value = _number(row, value_at, value_name, MEASURE, _MEASURE_NUMBER, path, report)
        if number is None:
            continue
        year = int(number)  # the spec took only whole numbers
        if year > today.year:
            report.add(
                path,
                row.line,
                MESSAGES["values_file_future"].format(name=year_name, year=year, today=format_date(today)),
            )
            continue
        if year in found_years:
            report.add(
                path,
                row.line,
                MESSAGES["duplicate_year"].format(name=year_name, year=year, line=found_years[year]),
            )
            continue
        found_years[year] = row.line
        if value is not None:
            measurements.append(Measurement(year=year, value=value))
    return tuple(measurements)


def _filled(rows: Sequence[Row]) -> Iterator[Row]:
    """The rows with something in them: empty lines and rows of empty cells are no rows."""
    return (row for row in rows if any(_text(cell) for cell in row.cells))


def _too_many_cells(row: Row, columns: int, path: str, report: Report) -> bool:
    """A row with more filled cells than the header names: a split decimal comma, usually."""
    cells = [cell for cell in row.cells if _text(cell)]
    last = max(index for index, cell in enumerate(row.cells) if _text(cell))
    if last < columns:
        return False
    hint = MESSAGES["values_file_comma_hint"] if all(isinstance(cell, str) for cell in cells) else ""
    shown = "„" + " | ".join(_text(cell) for cell in cells) + "“"
    report.add(
        path,
        row.line,
        MESSAGES["values_file_extra_cells"].format(count=len(cells), columns=columns, cells=shown, hint=hint),
    )
    return True


def _number(
    row: Row, index: int, name: str, written: Number, stored: Number, path: str, report: Report
) -> int | float | None:
    """A cell read as the front matter reads the same number; None (reported) if it is none."""
    cell = row.cells[index] if index < len(row.cells) else None
    if not _text(cell):
        report.add(path, row.line, MESSAGES["values_file_cell_empty"].format(name=name))
        return None
    # A workbook's number is a number; its text, like a CSV's, is read as an editor's writing.
    is_number = isinstance(cell, (int, float)) and not isinstance(cell, bool)
    spec, text = (stored, repr(cell)) if is_number else (written, _text(cell))
    ctx = Context(path=path, first_line=row.line, report=report)
    value = spec.convert(ScalarNode(_STRING, text, start_mark=_MARK), ctx, name)
    if value is INVALID:
        return None
    assert isinstance(value, (int, float))
    return value


def _text(cell: Cell) -> str:
    return "" if cell is None else str(cell).strip()
