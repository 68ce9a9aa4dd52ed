"""Indicator values from a file (`values: daten/leerstand.csv` or `.xlsx`): read as if written in the front matter.

The same values written as a list, in a CSV and in a workbook give the same site, byte for byte; every
problem in a file is reported at its line (a workbook: the sheet's row), all in one build; a plain build
shows the good rows, `--strict` fails; the file itself is not published.
"""

from __future__ import annotations

import io
import json
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import GOAL, Build, run_build, write_site
from test_jsonschema import errors

from ikep_site.cli import check_site
from ikep_site.content.loader import Loader
from ikep_site.jsonschema import entity_schema
from ikep_site.model import Goal, Kind, Measurement

LIST = """    values:
      - {year: 2021, value: 8.4}
      - {year: 2022, value: 8}
      - {year: 2023, value: 7.6}
      - {year: 2025, value: 6.9}
"""
EXPECTED = (
    Measurement(year=2021, value=8.4),
    Measurement(year=2022, value=8),
    Measurement(year=2023, value=7.6),
    Measurement(year=2025, value=6.9),
)
# The same values as an office's spreadsheet exports them: German, semicolons, decimal commas.
CSV = "Jahr;Wert\n2021;8,4\n2022;8\n2023;7,6\n2025;6,9\n"
GOAL_FILE = "ziele/ortskerne-beleben.md"


def goal(values: str) -> str:
    """The test goal with `values` (an indented `values:` block or a path) instead of its own list."""
    own = "    values:\n      - {year: 2021, value: 8.4}\n      - {year: 2024, value: 7.1}\n"
    assert own in GOAL
    block = values if values.startswith("    values:") else f"    values: {values}\n"
    return GOAL.replace(own, block)


def workbook(rows: list[tuple[Any, ...]], *, first_row: int = 1, sheets: int = 1) -> bytes:
    """An .xlsx whose first sheet holds `rows` from `first_row` on (as openpyxl writes it, like Excel)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Werte"
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            sheet.cell(row=first_row + offset, column=column, value=value)
    for number in range(1, sheets):  # more sheets behind the first: notes nobody meant to publish
        book.create_sheet(f"Notizen {number}")["A1"] = "Telefonliste, nicht veröffentlichen"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


WORKBOOK = workbook([("Jahr", "Wert"), (2021, 8.4), (2022, 8), (2023, 7.6), (2025, 6.9)], sheets=2)


def line_of(text: str, written: str) -> int:
    """The line (from 1) of the first line of `text` that is `written` once its indent is stripped."""
    return next(number for number, line in enumerate(text.split("\n"), start=1) if line.strip() == written)


def site_files(root: Path) -> dict[str, bytes]:
    site = root / "site"
    skip = ("sitemap.xml", "sitemap.xml.gz")  # built from the same pages; their dates are the build's
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.name not in skip and "search" not in path.parts
    }


# --- the same values, three ways ---------------------------------------------------------------


@pytest.fixture(scope="module")
def three_ways(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    sites = {
        "list": {GOAL_FILE: goal(LIST)},
        "csv": {GOAL_FILE: goal("daten/leerstand.csv"), "daten/leerstand.csv": CSV},
        "xlsx": {GOAL_FILE: goal("daten/leerstand.xlsx"), "daten/leerstand.xlsx": WORKBOOK},
    }
    builds = {}
    for name, files in sites.items():
        build = run_build(write_site(tmp_path_factory.mktemp(name), files), strict=True)
        assert build.returncode == 0, build.output
        builds[name] = build
    return builds


def test_values_from_a_csv_or_a_workbook_give_the_site_the_list_gives(three_ways: dict[str, Build]) -> None:
    written = site_files(three_ways["list"].site.parent)
    for name in ("csv", "xlsx"):
        from_file = site_files(three_ways[name].site.parent)
        assert sorted(from_file) == sorted(written), name  # no file more (the value file is not published)
        different = [path for path in written if written[path] != from_file[path]]
        assert different == [], name


def test_the_goal_shows_the_values_of_the_file(three_ways: dict[str, Build]) -> None:
    build = three_ways["xlsx"]
    page = build.page("ziele/ortskerne-beleben/")
    for shown in ("8,4", "7,6", "6,9"):
        assert shown in page
    download = (build.site / "ziele/ortskerne-beleben/leerstand.csv").read_text(encoding="utf-8-sig")
    assert "2021;8,4" in download and "2025;6,9" in download
    data = json.loads((build.site / "daten/prozess.json").read_text(encoding="utf-8"))
    (indicator,) = data["processes"][0]["goals"][0]["indicators"]
    assert indicator["values"] == [
        {"year": 2021, "value": 8.4},
        {"year": 2022, "value": 8},
        {"year": 2023, "value": 7.6},
        {"year": 2025, "value": 6.9},
    ]
    assert not (build.site / "daten/leerstand.xlsx").exists()  # its other sheet stays unpublished
    assert "Telefonliste" not in "".join(path.read_text(errors="replace") for path in build.site.rglob("*.html"))


# --- CSV forms and workbooks, read by the loader ---------------------------------------------------


def load_goal(
    tmp_path: Path, files: dict[str, str | bytes], today: str = "2026-11-24"
) -> tuple[Goal | None, list[str]]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")

    result = Loader(tmp_path, display_prefix="content/", today=date.fromisoformat(today)).load([GOAL_FILE])
    goals = result.site.main.goals
    return goals.get("ortskerne-beleben"), [str(problem) for problem in result.report.sorted()]


CSV_FORMS = {
    "semicolon, decimal comma": CSV,
    "comma, decimal point, English header": "year,value\n2021,8.4\n2022,8\n2023,7.6\n2025,6.9\n",
    "BOM and Windows line ends": ("\ufeff" + CSV).replace("\n", "\r\n"),
    "comma, quoted decimal commas": 'Jahr,Wert\n2021,"8,4"\n2022,8\n2023,"7,6"\n2025,"6,9"\n',
    "columns swapped, capitals, spaces, a note column": (
        " WERT ; Jahr ;Bemerkung\n8,4;2021;geschätzt\n8;2022;\n7,6;2023;\n6,9;2025;vorläufig\n"
    ),
    "empty lines and rows of empty cells": "\nJahr;Wert\n2021;8,4\n\n2022;8\n;\n2023;7,6\n2025;6,9\n\n",
    "newest first": "Jahr;Wert\n2025;6,9\n2023;7,6\n2022;8\n2021;8,4\n",
}


@pytest.mark.parametrize("text", CSV_FORMS.values(), ids=list(CSV_FORMS))
def test_csv_forms_editors_save(tmp_path: Path, text: str) -> None:
    found, problems = load_goal(tmp_path, {GOAL_FILE: goal("daten/leerstand.csv"), "daten/leerstand.csv": text})
    assert problems == []
    assert found is not None
    assert found.indicators[0].values == EXPECTED


def test_german_numbers_in_a_csv_read_as_in_the_front_matter(tmp_path: Path) -> None:
    text = "Jahr;Wert\n2021;1.200.000\n2022;\u22123,5\n2023;1 250 000\n2024;1.250,5\n"
    found, problems = load_goal(tmp_path, {GOAL_FILE: goal("daten/leerstand.csv"), "daten/leerstand.csv": text})
    assert problems == []
    assert found is not None
    assert [(value.year, value.value) for value in found.indicators[0].values] == [
        (2021, 1200000),
        (2022, -3.5),
        (2023, 1250000),
        (2024, 1250.5),
    ]


def test_a_workbook_from_its_header_row_on_numbers_as_numbers_and_as_text(tmp_path: Path) -> None:
    """The header in row 3 below empty rows; `1.234` stored as a number is a decimal, never ambiguous."""
    rows = [("Jahr", "Wert"), (2021, 1.234), ("2022", "7,6"), (2023.0, 7), ("2024", "1.234")]
    found, problems = load_goal(
        tmp_path, {GOAL_FILE: goal("daten/leerstand.xlsx"), "daten/leerstand.xlsx": workbook(rows, first_row=3)}
    )
    # Text in a cell is read as an editor writes it: there `1.234` may be German thousands. Row 7 of the sheet.
    assert problems == [
        "content/daten/leerstand.xlsx:7: Wert: 1.234 kann 1,234 oder 1234 bedeuten. Schreiben Sie 1234 oder 1.2340."
    ]
    assert found is not None
    assert [(value.year, value.value) for value in found.indicators[0].values] == [
        (2021, 1.234),
        (2022, 7.6),
        (2023, 7),
    ]


def test_a_file_with_the_header_only_means_no_values_yet(tmp_path: Path) -> None:
    found, problems = load_goal(
        tmp_path, {GOAL_FILE: goal("daten/leerstand.csv"), "daten/leerstand.csv": "Jahr;Wert\n"}
    )
    assert problems == []
    assert found is not None and found.indicators[0].values == ()


def test_the_upper_case_suffix_excel_may_write(tmp_path: Path) -> None:
    found, problems = load_goal(tmp_path, {GOAL_FILE: goal("daten/LEERSTAND.XLSX"), "daten/LEERSTAND.XLSX": WORKBOOK})
    assert problems == []
    assert found is not None and found.indicators[0].values == EXPECTED


# --- every mistake, at its line, all in one build ---------------------------------------------------

INDICATOR = """  - id: {id}
    name: Indikator {id}
    unit: "%"
    better: lower
    corridor:
      - {{year: 2024, min: 6.0, max: 8.0}}
      - {{year: 2030, min: 3.0, max: 5.0}}
    values: {values}
"""
BAD_FILES: dict[str, str | bytes] = {
    # good rows among bad ones: 2021 and 2024 are shown
    "daten/zahlen.csv": (
        "Jahr;Wert\n2021;8,4\n2022;1.200\n2023;8,3 %\n2024;7,1\n2024;7,0\n2027;6,5\nzwanzig;7\n2025;\n"
        '2026;=HYPERLINK("https://example.org","7")\n'
    ),
    "daten/spalten.csv": "Jahr;Anteil\n2021;8,4\n",
    "daten/leer.csv": "",
    "daten/latin1.csv": "Jahr;Wert\n2021;8,4\n2022;7,9 ungefähr\n".encode("cp1252"),
    "daten/komma.csv": "Jahr,Wert\n2021,8.4\n2022,7,9\n",
    "daten/kaputt.xlsx": b"PK\x03\x04 nur der Anfang einer Arbeitsmappe",
    "daten/mappe.csv": WORKBOOK,
    "daten/mappe.xlsx": workbook(
        [("Jahr", "Wert"), (2021, 8.4), (2022, "acht"), (2022, 7.9), (None, 7.5)], first_row=2
    ),
}
BAD_VALUES = {
    "zahlen": "daten/zahlen.csv",
    "spalten": "daten/spalten.csv",
    "leer": "daten/leer.csv",
    "latin1": "daten/latin1.csv",
    "komma": "daten/komma.csv",
    "kaputt": "daten/kaputt.xlsx",
    "mappe-csv": "daten/mappe.csv",
    "mappe": "daten/mappe.xlsx",
    "fehlt": "daten/gibt-es-nicht.csv",
    "xls": "daten/leerstand.xls",
    "zahl": "8.4",
}


def bad_goal() -> str:
    indicators = "".join(INDICATOR.format(id=name, values=values) for name, values in BAD_VALUES.items())
    return f"---\ntitle: Ortskerne beleben\nindicators:\n{indicators}---\nBeschreibung.\n"


def expected_problems() -> list[str]:
    text = bad_goal()

    def at(name: str) -> int:  # the line of the indicator's `values:`
        start = line_of(text, f"- id: {name}")
        return start + 7

    goal_path = "content/ziele/ortskerne-beleben.md"
    return [
        "content/daten/kaputt.xlsx:1: Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx).",
        "content/daten/komma.csv:3: Die Zeile hat mehr Felder (3) als die Kopfzeile (2): „2022 | 7 | 9“. Mit Komma",
        "content/daten/latin1.csv:3: Die Datei ist nicht als UTF-8 gespeichert (unlesbares Byte 0xE4).",
        "content/daten/leer.csv:1: Die Datei ist leer.",
        "content/daten/mappe.csv:1: Die Datei ist eine Excel-Arbeitsmappe, endet aber auf .csv.",
        "content/daten/mappe.xlsx:4: Wert: 'acht' ist keine Zahl.",
        "content/daten/mappe.xlsx:5: Jahr: Das Jahr 2022 steht doppelt (zuerst in Zeile 4).",
        "content/daten/mappe.xlsx:6: Jahr: In dieser Zeile fehlt die Angabe.",
        "content/daten/spalten.csv:1: Die Kopfzeile braucht die Spalten Jahr und Wert (oder year und value), "
        "hier steht: „Jahr | Anteil“. Es fehlt: Wert.",
        "content/daten/zahlen.csv:3: Wert: 1.200 kann 1,2 oder 1200 bedeuten.",
        "content/daten/zahlen.csv:4: Wert: '8,3 %' ist keine Zahl. Lassen Sie die Einheit % weg und schreiben Sie 8.3.",
        "content/daten/zahlen.csv:6: Jahr: Das Jahr 2024 steht doppelt (zuerst in Zeile 5).",
        "content/daten/zahlen.csv:7: Jahr: Das Jahr 2027 liegt in der Zukunft (die Website ist vom 24. November 2026).",
        "content/daten/zahlen.csv:8: Jahr: 'zwanzig' ist keine Zahl.",
        "content/daten/zahlen.csv:9: Wert: In dieser Zeile fehlt die Angabe.",
        """content/daten/zahlen.csv:10: Wert: '=HYPERLINK("https://example.org","7")' ist keine Zahl.""",
        f"{goal_path}:{at('fehlt')}: values: Die Datei 'daten/gibt-es-nicht.csv' gibt es im Ordner content/ nicht",
        f"{goal_path}:{at('xls')}: values: 'daten/leerstand.xls' ist keine Datei .csv oder .xlsx.",
        f"{goal_path}:{at('zahl')}: values: '8.4' ist weder eine Liste von Messwerten noch eine Datei.",
    ]


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("bad"), {GOAL_FILE: bad_goal(), **BAD_FILES})


def warnings_of(build: Build) -> list[str]:
    return [line.split("-  ", 1)[1] for line in build.output.splitlines() if line.startswith("WARNING")]


def test_every_problem_of_every_file_at_its_line_in_one_build(bad_site: Path) -> None:
    build = run_build(bad_site)
    assert build.returncode == 0, build.output  # a plain build shows what it can
    found = warnings_of(build)
    expected = expected_problems()
    for line in expected:
        assert any(warning.startswith(line) for warning in found), f"{line}\nnot in:\n" + "\n".join(found)
    assert len(found) == len(expected), "\n".join(found)
    assert "Traceback" not in build.output


def test_a_plain_build_shows_the_good_rows_and_strict_fails(bad_site: Path) -> None:
    build = run_build(bad_site)
    assert build.returncode == 0, build.output
    download = (build.site / "ziele/ortskerne-beleben/zahlen.csv").read_text(encoding="utf-8-sig")
    rows = [row for row in download.splitlines()[1:] if row.split(";")[1]]
    assert rows == ["2021;8,4;;;%", "2024;7,1;6;8;%"], download
    assert "HYPERLINK" not in download
    data = json.loads((build.site / "daten/prozess.json").read_text(encoding="utf-8"))
    shown = {indicator["id"]: indicator["values"] for indicator in data["processes"][0]["goals"][0]["indicators"]}
    assert shown["zahlen"] == [{"year": 2021, "value": 8.4}, {"year": 2024, "value": 7.1}]
    assert shown["mappe"] == [{"year": 2021, "value": 8.4}]
    assert shown["komma"] == [{"year": 2021, "value": 8.4}]
    assert shown["fehlt"] == shown["kaputt"] == shown["leer"] == []
    assert not any(path.suffix in (".xlsx",) for path in build.site.rglob("*"))
    assert not (build.site / "daten/zahlen.csv").exists()  # the raw file with its formula is not published
    strict = run_build(bad_site, strict=True)
    assert strict.returncode != 0
    assert "Aborted with" in strict.output


def test_ikep_check_reports_what_the_build_reports(bad_site: Path) -> None:
    reported = [str(problem) for problem in check_site(bad_site).sorted()]
    expected = expected_problems()
    assert len(reported) == len(expected), "\n".join(reported)
    for line in expected:
        assert any(problem.startswith(line) for problem in reported), line


def test_a_value_file_is_no_stray_file_in_any_folder(tmp_path: Path) -> None:
    """Where an editor keeps the file (beside the goals, in a folder of its own) is no problem for the check."""
    indicators = INDICATOR.format(id="zweiter", values="ziele/werte/zweiter.csv") + INDICATOR.format(
        id="dritter", values="ziele/dritter.xlsx"
    )
    files: dict[str, str | bytes] = {
        GOAL_FILE: f"---\ntitle: Ortskerne beleben\nindicators:\n{indicators}---\nBeschreibung.\n",
        "ziele/werte/zweiter.csv": "Jahr;Wert\n2024;7,5\n",
        "ziele/dritter.xlsx": workbook([("Jahr", "Wert"), (2024, 7.5)]),
    }
    root = write_site(tmp_path, files)
    assert [str(problem) for problem in check_site(root).sorted()] == []
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    assert not (build.site / "ziele/werte/zweiter.csv").exists()
    assert not (build.site / "ziele/dritter.xlsx").exists()
    assert "2024;7,5" in (build.site / "ziele/ortskerne-beleben/dritter.csv").read_text(encoding="utf-8-sig")


# --- the JSON Schema -----------------------------------------------------------------------------


def test_the_json_schema_takes_a_list_or_the_path_of_a_csv_or_workbook() -> None:
    schema = entity_schema(Kind.GOAL)
    indicator = {
        "id": "leerstand",
        "name": "Leerstand",
        "unit": "%",
        "better": "lower",
        "corridor": [{"year": 2024, "min": 6, "max": 8}, {"year": 2030, "min": 3, "max": 5}],
    }

    def check(values: object) -> list[str]:
        return errors(schema, {"title": "Ziel", "indicators": [{**indicator, "values": values}]})

    assert check([{"year": 2024, "value": 7.1}]) == []
    assert check("daten/leerstand.csv") == []
    assert check("daten/Leerstand.XLSX") == []
    assert check("daten/leerstand.xls")
    assert check("../leerstand.csv")
    assert check("/daten/leerstand.csv")
    assert check("https://example.org/leerstand.csv")
    assert check("8.4")


def test_a_link_to_a_file_outside_content_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "anderswo.csv"
    outside.write_text(CSV, encoding="utf-8")
    content = tmp_path / "content"
    (content / "daten").mkdir(parents=True)
    (content / "daten/leerstand.csv").symlink_to(outside)
    found, problems = load_goal(content, {GOAL_FILE: goal("daten/leerstand.csv")})
    assert found is not None and found.indicators[0].values == ()
    line = line_of(textwrap.dedent(goal("daten/leerstand.csv")).lstrip("\n"), "values: daten/leerstand.csv")
    assert problems == [
        f"content/{GOAL_FILE}:{line}: values: Die Datei 'daten/leerstand.csv' ist eine Verknüpfung auf eine Datei "
        "außerhalb des Ordners content/. Legen Sie die Datei selbst in den Ordner content/."
    ]


def test_in_a_portal_each_process_keeps_its_files_in_its_folder(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"index.md": "# Portal\n\n<!-- ikep:processes -->\n"}
    for village, value in (("mehlbach", "8,4"), ("katzweiler", "6,1")):
        files[f"{village}/prozess.yml"] = f"name: Zukunfts-Check Dorf {village.title()}\n"
        files[f"{village}/ziele/ortskerne-beleben.md"] = goal(f"{village}/daten/leerstand.csv")
        files[f"{village}/daten/leerstand.csv"] = f"Jahr;Wert\n2024;{value}\n"
    build = run_build(write_site(tmp_path, files, plugin={"process": None}), strict=True)
    assert build.returncode == 0, build.output
    for village, shown in (("mehlbach", "2024;8,4"), ("katzweiler", "2024;6,1")):
        download = build.site / f"{village}/ziele/ortskerne-beleben/leerstand.csv"
        assert shown in download.read_text(encoding="utf-8-sig")
        assert not (build.site / f"{village}/daten/leerstand.csv").exists()
