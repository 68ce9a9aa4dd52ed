"""What reading an indicator's value file costs: a 10,000-row CSV and a 10,000-row workbook.

    python -m benchmark.value_files

Years run from 1900 to the build year, so a file of 10,000 rows repeats them: every later row is
read and checked like a good one (both cells parsed) and then reported as a duplicate year, the
worst case an editor's file can be. A file with one row per year (127 rows) is timed beside it.
Each figure is the best of five reads of bytes already in memory (`content/valuefiles.py`), as
the loader does it; the first import of openpyxl is timed on its own, in a fresh process.
"""

from __future__ import annotations

import io
import subprocess
import sys
import time
from datetime import date
from typing import Final

import openpyxl

from ikep_site.content.valuefiles import read_values
from ikep_site.diagnostics import Report

TODAY: Final = date(2026, 11, 24)
ROWS: Final = 10_000
REPEATS: Final = 5


def rows(count: int) -> list[tuple[int, float]]:
    years = TODAY.year - 1900 + 1
    return [(1900 + index % years, round(5 + (index % 97) / 10, 1)) for index in range(count)]


def csv_bytes(count: int) -> bytes:
    lines = ["Jahr;Wert", *(f"{year};{str(value).replace('.', ',')}" for year, value in rows(count))]
    return ("\n".join(lines) + "\n").encode("utf-8")


def workbook_bytes(count: int) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(("Jahr", "Wert"))
    for row in rows(count):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def best(data: bytes, suffix: str) -> tuple[float, int, int]:
    """Seconds of the fastest read, the values read and the problems reported."""
    times = []
    for _ in range(REPEATS):
        report = Report()
        start = time.perf_counter()
        values = read_values(data, suffix, f"content/daten/werte{suffix}", report, today=TODAY)
        times.append(time.perf_counter() - start)
    return min(times), len(values), len(report)


def import_seconds() -> float:
    code = "import time; t = time.perf_counter(); import openpyxl; print(time.perf_counter() - t)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout)


def main() -> None:
    print("| file | rows | bytes | seconds (best of 5) | values | problems |")
    print("|---|---:|---:|---:|---:|---:|")
    for count in (ROWS, TODAY.year - 1900 + 1):
        for suffix, data in ((".csv", csv_bytes(count)), (".xlsx", workbook_bytes(count))):
            seconds, values, problems = best(data, suffix)
            print(f"| {suffix} | {count:,} | {len(data):,} | {seconds:.3f} | {values} | {problems:,} |")
    print(f"\nFirst import of openpyxl: {import_seconds():.3f} s")


if __name__ == "__main__":
    main()
