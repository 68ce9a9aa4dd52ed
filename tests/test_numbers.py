"""Numbers as editors write them: German decimal commas and thousands, units, coordinates, lists as text.

Table-driven unit tests on the conversion of one YAML value, the loader on whole files, the JSON
Schema, and real `mkdocs build --strict` runs that show what reaches the published pages.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import GOAL, project, run_build, write_site

from ikep_site.content.loader import Loader, LoadResult
from ikep_site.content.schema import INVALID, Context, Number, Spec
from ikep_site.content.specs import CALL, LOCATION, MEASURE, PLACE, PROJECT, YEAR
from ikep_site.diagnostics import Report
from ikep_site.formatting import format_euro, format_number
from ikep_site.jsonschema import entity_schema
from ikep_site.model import Kind

BUDGET = PROJECT.fields["budget"].spec
PROGRESS = PROJECT.fields["progress"].spec
LAT = LOCATION.fields["lat"].spec
LON = LOCATION.fields["lon"].spec


def convert(spec: Spec, text: str) -> tuple[Any, list[str]]:
    """The value of `v: <text>` (a front matter line 2) and the messages about it."""
    node = yaml.compose(f"v: {text}\n", Loader=yaml.SafeLoader)
    value_node = node.value[0][1]
    ctx = Context(path="content/x.md", first_line=2, report=Report())
    value = spec.convert(value_node, ctx, "v")
    return value, [str(diagnostic) for diagnostic in ctx.report.items]


READ = [
    # YAML numbers, as before
    (BUDGET, "1200000", 1200000),
    (MEASURE, "8.3", 8.3),
    (MEASURE, "-3.5", -3.5),
    (MEASURE, "+7", 7),
    (BUDGET, "1_000", 1000),
    (MEASURE, "0.125", 0.125),  # a leading 0 is never a thousands group
    (MEASURE, "1200.000", 1200.0),  # four digits before the dot: no thousands dot, a decimal point
    (MEASURE, "1.5e3", 1500.0),
    # a decimal comma, plain or quoted
    (MEASURE, "8,3", 8.3),
    (MEASURE, '"8,3"', 8.3),
    (MEASURE, "-8,25", -8.25),
    (MEASURE, "0,5", 0.5),
    # German thousands dots: unambiguous with two groups or a decimal comma
    (BUDGET, "1.200.000", 1200000),
    (BUDGET, "1.200,50", 1200.5),
    (MEASURE, "-1.200.000,5", -1200000.5),
    (BUDGET, '"12.345.678"', 12345678),
    # spaces as thousands separators, also no-break and narrow no-break spaces
    (BUDGET, "1 200 000", 1200000),
    (BUDGET, "1\u00a0200\u00a0000", 1200000),
    (BUDGET, "1\u202f200", 1200),
    (BUDGET, "1 200,50", 1200.5),
    (MEASURE, "\u22123,5", -3.5),  # the typographic minus a word processor puts in
    # integers: an integral decimal is fine
    (PROGRESS, "40.0", 40),
    (PROGRESS, "40,0", 40),
    (YEAR, "2024", 2024),
    # coordinates: a dot is always a decimal point (no coordinate has a thousands separator)
    (LAT, "49.512", 49.512),
    (LAT, "49,512", 49.512),
    (LON, "7.845", 7.845),
    (LON, "-7,5", -7.5),
]


@pytest.mark.parametrize(("spec", "text", "expected"), READ, ids=[text for _, text, _ in READ])
def test_numbers_editors_write_are_read(spec: Spec, text: str, expected: float) -> None:
    value, messages = convert(spec, text)
    assert messages == []
    assert value == expected and type(value) is type(expected)


REJECTED = [
    # ambiguous: German thousands or an English decimal; both readings are named, nothing is guessed
    (BUDGET, "640.000", "v: 640.000 kann 640 oder 640000 bedeuten. Schreiben Sie 640000 oder 640.0."),
    (BUDGET, "1.200", "v: 1.200 kann 1,2 oder 1200 bedeuten. Schreiben Sie 1200 oder 1.2."),
    (MEASURE, "-2.500", "v: -2.500 kann -2,5 oder -2500 bedeuten. Schreiben Sie -2500 oder -2.5."),
    (BUDGET, '"640.000"', "v: 640.000 kann 640 oder 640000 bedeuten"),
    # the decimal suggested must not be ambiguous itself
    (MEASURE, "1.234", "v: 1.234 kann 1,234 oder 1234 bedeuten. Schreiben Sie 1234 oder 1.2340."),
    (YEAR, "2.024", "v: 2.024 kann 2,024 oder 2024 bedeuten. Schreiben Sie 2024."),
    (PROGRESS, "40.000", "v: 40.000 kann 40 oder 40000 bedeuten. Schreiben Sie 40000 oder 40."),
    # text where a number belongs, with an example of how to write it
    (BUDGET, "1,2 Mio. €", "v: '1,2 Mio. €' ist keine Zahl. Schreiben Sie die Zahl ganz aus, ohne Einheit: 1200000."),
    (BUDGET, "0,5 Millionen Euro", "Schreiben Sie die Zahl ganz aus, ohne Einheit: 500000."),
    (BUDGET, "12 Tsd. €", "Schreiben Sie die Zahl ganz aus, ohne Einheit: 12000."),
    (PROGRESS, "40 %", "v: '40 %' ist keine Zahl. Lassen Sie die Einheit % weg und schreiben Sie 40."),
    (PROGRESS, "40%", "Lassen Sie die Einheit % weg und schreiben Sie 40."),
    (
        BUDGET,
        "250000 Euro",
        "v: '250000 Euro' ist keine Zahl. Lassen Sie die Einheit Euro weg und schreiben Sie 250000.",
    ),
    (BUDGET, "1.200.000 €", "Lassen Sie die Einheit € weg und schreiben Sie 1200000."),
    (BUDGET, "€ 500", "Lassen Sie die Einheit € weg und schreiben Sie 500."),
    (BUDGET, "500,- €", "Lassen Sie die Einheit € weg und schreiben Sie 500."),
    (
        BUDGET,
        "420.000 €",
        "v: '420.000 €' ist keine Zahl. Lassen Sie die Einheit € weg. 420.000 kann 420 oder 420000 bedeuten. "
        "Schreiben Sie 420000 oder 420.0.",
    ),
    (MEASURE, "ca. 8", "v: 'ca. 8' ist keine Zahl. Schreiben Sie nur die Zahl, z. B. 8."),
    (MEASURE, "etwa 8,5", "Schreiben Sie nur die Zahl, z. B. 8.5."),
    (MEASURE, "sechs", "v: 'sechs' ist keine Zahl. Schreiben Sie die Zahl in Ziffern, z. B. 8.3."),
    (PROGRESS, "viel", "Schreiben Sie die Zahl in Ziffern, z. B. 40."),
    (MEASURE, "8 bis 10", "v: '8 bis 10' ist keine Zahl. Schreiben Sie die Zahl in Ziffern"),
    (BUDGET, "1,200,000", "v: '1,200,000' ist keine Zahl. Kommas trennen keine Tausender; schreiben Sie 1200000."),
    (BUDGET, "1 20", "v: '1 20' ist keine Zahl"),
    (BUDGET, "1.20.000", "v: '1.20.000' ist keine Zahl"),
    (BUDGET, "1.20.000 €", "v: '1.20.000 €' ist keine Zahl. Schreiben Sie die Zahl in Ziffern, z. B. 250000."),
    # not finite, or beyond what a float holds
    (MEASURE, ".nan", "v: '.nan' ist keine Zahl"),
    (MEASURE, ".inf", "v: '.inf' ist keine Zahl"),
    (MEASURE, "-.inf", "v: '-.inf' ist keine Zahl"),
    (BUDGET, "9" * 400, "ist keine Zahl. Die Zahl ist zu groß."),
    (BUDGET, "1" * 100_000, "ist keine Zahl. Die Zahl ist zu groß."),  # more digits than Python reads as an int
    # integers and ranges, as before
    (PROGRESS, "40,5", "v: '40,5' muss eine ganze Zahl sein."),
    (PROGRESS, "140", "v: 140 liegt nicht zwischen 0 und 100."),
    (BUDGET, "-1.200.000", "v: -1.200.000 darf nicht kleiner als 0 sein."),
    (LAT, "49.512.000", "v: '49.512.000' ist keine Zahl. Schreiben Sie die Zahl in Ziffern, z. B. 49.512."),
    (LAT, "149.5", "v: 149.5 liegt nicht zwischen -90 und 90."),
    # limits as Germans read them
    (MEASURE, "2e12", "v: 2e12 liegt nicht zwischen -1.000.000.000.000 und 1.000.000.000.000."),
    (YEAR, "1899", "v: 1899 liegt nicht zwischen 1900 und 2200."),
]


@pytest.mark.parametrize(("spec", "text", "message"), REJECTED, ids=[text for _, text, _ in REJECTED])
def test_numbers_that_cannot_be_read_are_errors_with_an_example(spec: Spec, text: str, message: str) -> None:
    value, messages = convert(spec, text)
    assert value is INVALID
    assert len(messages) == 1, messages
    assert messages[0].startswith("content/x.md:2: ")
    assert message in messages[0]


# The same conversion in a whole file: lines, nesting, the comma inside a flow mapping.
GOAL_WITH_VALUES = """---
title: Ortskerne beleben
indicators:
  - id: leerstand
    name: Leerstandsquote
    unit: "%"
    better: lower
    corridor:
      - {{year: 2024, min: 6.0, max: 8.0}}
      - {{year: 2030, min: 3.0, max: 5.0}}
    values:
{values}
---
"""


def load(tmp_path: Path, files: dict[str, str]) -> LoadResult:
    for src_uri, text in files.items():
        path = tmp_path / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Loader(tmp_path, display_prefix="content/").load(list(files))


def problems(result: LoadResult) -> list[str]:
    return [str(diagnostic) for diagnostic in result.report.sorted()]


def test_decimal_commas_in_block_values_are_read(tmp_path: Path) -> None:
    values = '      - year: 2024\n        value: 8,3\n      - year: 2025\n        value: "7,25"'
    result = load(tmp_path, {"ziele/ortskerne-beleben.md": GOAL_WITH_VALUES.format(values=values)})
    assert problems(result) == []
    indicator = result.site.main.goals["ortskerne-beleben"].indicators[0]
    assert [measurement.value for measurement in indicator.values] == [8.3, 7.25]


def test_a_decimal_comma_inside_braces_is_an_error_that_says_how_to_write_it(tmp_path: Path) -> None:
    """`{year: 2024, value: 8,3}`: YAML ends the mapping entry at the comma; `3` becomes a key without value."""
    values = "      - {year: 2023, value: 8.4}\n      - {year: 2024, value: 8,3}"
    result = load(tmp_path, {"ziele/ortskerne-beleben.md": GOAL_WITH_VALUES.format(values=values)})
    assert problems(result) == [
        "content/ziele/ortskerne-beleben.md:13: indicators.values.value: In geschweiften Klammern { } trennt "
        "das Komma die Angaben; aus value: 8,3 werden so value: 8 und eine Angabe 3. "
        'Schreiben Sie value: 8.3 oder in Anführungszeichen value: "8,3".'
    ]


def test_every_decimal_comma_inside_braces_is_reported(tmp_path: Path) -> None:
    text = project("Dorfladen", extra="location: {lat: 49,512, lon: 7,845}\n")
    result = load(tmp_path, {"ziele/ortskerne-beleben.md": GOAL.lstrip("\n"), "projekte/dorfladen.md": text})
    found = problems(result)
    assert len(found) == 2, found
    assert found[0].startswith("content/projekte/dorfladen.md:6: location.lat: In geschweiften Klammern")
    assert 'Schreiben Sie lat: 49.512 oder in Anführungszeichen lat: "49,512".' in found[0]
    assert 'Schreiben Sie lon: 7.845 oder in Anführungszeichen lon: "7,845".' in found[1]


def test_a_comma_after_a_text_inside_braces_is_not_taken_for_a_decimal(tmp_path: Path) -> None:
    text = "---\ntitle: Werkstatt\nformat: workshop\nstart: 2026-12-03T18:00\n"
    text += "contact: {name: Amt, phone: 06301,1234}\n---\n"
    result = load(tmp_path, {"beteiligung/werkstatt.md": text})
    found = problems(result)
    assert len(found) == 1 and found[0].startswith("content/beteiligung/werkstatt.md:5: Unbekannte Angabe contact.1234")
    assert "6301.1234" not in found[0]


def test_quoted_decimal_commas_inside_braces_are_read(tmp_path: Path) -> None:
    values = '      - {year: 2024, value: "8,3"}'
    result = load(tmp_path, {"ziele/ortskerne-beleben.md": GOAL_WITH_VALUES.format(values=values)})
    assert problems(result) == []
    assert result.site.main.goals["ortskerne-beleben"].indicators[0].values[0].value == 8.3


def test_corridor_bounds_read_german_numbers_and_report_the_ambiguous_ones(tmp_path: Path) -> None:
    text = GOAL_WITH_VALUES.format(values="      - {year: 2024, value: 7.1}").replace(
        "{year: 2024, min: 6.0, max: 8.0}", '{year: 2024, min: "6,5", max: 1.500}'
    )
    result = load(tmp_path, {"ziele/ortskerne-beleben.md": text})
    assert problems(result) == [
        "content/ziele/ortskerne-beleben.md:9: indicators.corridor.max: 1.500 kann 1,5 oder 1500 bedeuten. "
        "Schreiben Sie 1500 oder 1.5."
    ]


def test_a_corridor_upside_down_shows_its_bounds_as_germans_read_them(tmp_path: Path) -> None:
    text = GOAL_WITH_VALUES.format(values="      - {year: 2024, value: 7.1}").replace(
        "{year: 2030, min: 3.0, max: 5.0}", "{year: 2030, min: 5.5, max: 3.25}"
    )
    result = load(tmp_path, {"ziele/ortskerne-beleben.md": text})
    assert problems(result) == [
        "content/ziele/ortskerne-beleben.md:10: corridor: Im Jahr 2030 ist min (5,5) größer als max (3,25)."
    ]


# Coordinates: one alone is an error in both folders
ONE_COORDINATE = [
    ("projekte/dorfladen.md", project("Dorfladen", extra="location: {lat: 49.5}\n"), 6, "location.lon fehlt"),
    ("projekte/dorfladen.md", project("Dorfladen", extra="location:\n  lon: 7.8\n"), 6, "location.lat fehlt"),
    (
        "beteiligung/werkstatt.md",
        "---\ntitle: Werkstatt\nformat: workshop\nstart: 2026-12-03T18:00\nplace: {name: Bürgerhaus, lat: 49.5}\n---\n",
        5,
        "place: lat steht ohne lon. Ein Ort auf der Karte braucht die Breite (lat) und die Länge (lon): "
        "Tragen Sie lon ein oder löschen Sie lat.",
    ),
    (
        "beteiligung/werkstatt.md",
        "---\ntitle: Werkstatt\nformat: workshop\nstart: 2026-12-03T18:00\nplace:\n  name: Bürgerhaus\n"
        "  lon: 7.8\n---\n",
        7,
        "place: lon steht ohne lat.",
    ),
]


@pytest.mark.parametrize(
    ("src_uri", "text", "line", "words"), ONE_COORDINATE, ids=["lat", "lon", "place-lat", "place-lon"]
)
def test_a_single_coordinate_is_an_error(tmp_path: Path, src_uri: str, text: str, line: int, words: str) -> None:
    result = load(tmp_path, {"ziele/ortskerne-beleben.md": GOAL.lstrip("\n"), src_uri: text})
    found = problems(result)
    assert len(found) == 1, found
    assert found[0].startswith(f"content/{src_uri}:{line}: ")
    assert words in found[0]


def test_a_place_without_coordinates_is_still_fine(tmp_path: Path) -> None:
    text = "---\ntitle: Werkstatt\nformat: workshop\nstart: 2026-12-03T18:00\nplace: {name: Bürgerhaus}\n---\n"
    result = load(tmp_path, {"beteiligung/werkstatt.md": text})
    assert problems(result) == []


# Reference lists written as text
LISTS_AS_TEXT = [
    ("goals: ortskerne-beleben, breitband", "goals: [ortskerne-beleben, breitband]"),
    ('goals: "[ortskerne-beleben, breitband]"', "goals: [ortskerne-beleben, breitband]"),
    ("goals: ortskerne-beleben breitband", "goals: [ortskerne-beleben, breitband]"),
    ("goals: ortskerne-beleben; breitband", "goals: [ortskerne-beleben, breitband]"),
    ('goals: "[ortskerne-beleben]"', "goals: [ortskerne-beleben]"),
]


@pytest.mark.parametrize(("line", "suggestion"), LISTS_AS_TEXT, ids=[line for line, _ in LISTS_AS_TEXT])
def test_a_reference_list_written_as_text_shows_how_to_write_the_list(
    tmp_path: Path, line: str, suggestion: str
) -> None:
    text = f"---\ntitle: Dorfladen\nstatus: idea\n{line}\n---\n"
    result = load(tmp_path, {"ziele/ortskerne-beleben.md": GOAL.lstrip("\n"), "projekte/dorfladen.md": text})
    found = problems(result)
    assert len(found) == 1, found
    assert found[0].startswith("content/projekte/dorfladen.md:4: goals: ")
    assert "ist ein Text, keine Liste" in found[0]
    assert f"Schreiben Sie die Kennungen als Liste in eckigen Klammern: {suggestion}" in found[0]
    assert "gibt es nicht" not in found[0]


def test_several_ids_in_one_list_item_show_how_to_split_them(tmp_path: Path) -> None:
    text = "---\ntitle: Werkstatt\nformat: workshop\nstart: 2026-12-03T18:00\nprojects:\n  - dorfladen rufbus\n---\n"
    result = load(tmp_path, {"beteiligung/werkstatt.md": text})
    assert problems(result) == [
        "content/beteiligung/werkstatt.md:6: projects: 'dorfladen rufbus' sind mehrere Kennungen in einem "
        "Listeneintrag. Schreiben Sie jede als eigenen Eintrag: projects: [dorfladen, rufbus]"
    ]


def test_a_single_valid_id_still_counts_as_a_list_of_one(tmp_path: Path) -> None:
    text = "---\ntitle: Dorfladen\nstatus: idea\ngoals: ortskerne-beleben\n---\n"
    result = load(tmp_path, {"ziele/ortskerne-beleben.md": GOAL.lstrip("\n"), "projekte/dorfladen.md": text})
    assert problems(result) == []
    assert result.site.main.projects["dorfladen"].goals == ("ortskerne-beleben",)


# Display
def test_numbers_are_shown_as_germans_read_them() -> None:
    assert format_number(640000) == "640.000"
    assert format_number(8.3) == "8,3"
    assert format_number(0.00001) == "0,00001"  # not rounded away to 0
    assert format_number(99.999999) == "99,999999"
    assert format_number(0.1 + 0.2) == "0,3"  # float noise is not shown
    assert format_number(-0.0) == "0"
    assert format_number(10**18 + 1) == "1.000.000.000.000.000.001"  # integers exactly, not through a float
    assert format_euro(1200000) == "1.200.000\u00a0€"
    assert format_euro(1200.5) == "1.200,50\u00a0€"


# The published JSON Schema describes what the loader accepts
def schema_errors(schema: dict[str, Any], data: Any) -> list[str]:
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    return [
        error.message for error in jsonschema.Draft202012Validator(schema, format_checker=checker).iter_errors(data)
    ]


PROJECT_BASE = {"title": "Dorfladen", "status": "idea", "goals": ["ortskerne-beleben"]}


@pytest.mark.parametrize("number", [250000, 8.5, "8,5", "1.200.000", "1.200,50", "1 200 000", "1\u00a0200", "0.125"])
def test_schema_accepts_german_numbers_as_text(number: Any) -> None:
    assert schema_errors(entity_schema(Kind.PROJECT), {**PROJECT_BASE, "budget": number}) == []
    indicator = {
        "id": "leerstand",
        "name": "Leerstand",
        "unit": "%",
        "better": "lower",
        "corridor": [{"year": 2024, "min": number, "max": "-3,5"}, {"year": 2030, "min": 3, "max": 5}],
    }
    assert schema_errors(entity_schema(Kind.GOAL), {"title": "Ziel", "indicators": [indicator]}) == []


@pytest.mark.parametrize("budget", ["640.000", "1.200", "1,2 Mio. €", "40 %", "ca. 8", "1,200,000", "NaN", "sechs"])
def test_schema_rejects_what_the_loader_rejects_as_a_number(budget: str) -> None:
    assert schema_errors(entity_schema(Kind.PROJECT), {**PROJECT_BASE, "budget": budget})


def test_schema_wants_both_coordinates_of_a_place() -> None:
    call = {"title": "Werkstatt", "format": "workshop", "start": "2026-12-03T18:00"}
    schema = entity_schema(Kind.CALL)
    assert schema_errors(schema, {**call, "place": {"name": "Bürgerhaus", "lat": 49.5, "lon": "7,8"}}) == []
    assert schema_errors(schema, {**call, "place": {"name": "Bürgerhaus"}}) == []
    assert schema_errors(schema, {**call, "place": {"name": "Bürgerhaus", "lat": 49.5}})
    assert schema_errors(schema, {**call, "place": {"name": "Bürgerhaus", "lon": 7.8}})


def test_specs_used_here_are_the_published_ones() -> None:
    """The tests above take the specs from the entity records, so they test what editors get."""
    assert CALL.fields["place"].spec is PLACE
    assert isinstance(BUDGET, Number) and isinstance(LAT, Number)


# Real builds
def test_an_ambiguous_budget_fails_the_strict_build_at_its_line(tmp_path: Path) -> None:
    files = {
        "ziele/ortskerne-beleben.md": GOAL,
        "projekte/dorfladen.md": project("Dorfladen", extra="budget: 640.000\n"),
    }
    build = run_build(write_site(tmp_path, files), strict=True)
    assert build.returncode != 0
    assert (
        "content/projekte/dorfladen.md:6: budget: 640.000 kann 640 oder 640000 bedeuten. "
        "Schreiben Sie 640000 oder 640.0." in build.output
    )
    assert "Traceback" not in build.output


def test_german_numbers_reach_the_published_pages(tmp_path: Path) -> None:
    goal = GOAL.replace(
        "- {year: 2024, value: 7.1}", '- {year: 2024, value: "8,3"}\n      - year: 2025\n        value: 7,9'
    )
    files = {
        "ziele/ortskerne-beleben.md": goal,
        "projekte/dorfladen.md": project("Dorfladen", extra="budget: 1.200.000\nprogress: 40,0\n"),
    }
    build = run_build(write_site(tmp_path, files), strict=True)
    assert build.returncode == 0, build.output
    project_page = html.unescape(build.page("projekte/dorfladen/"))
    assert re.search(r"<dd>1\.200\.000\u00a0€</dd>", project_page)
    goal_page = html.unescape(build.page("ziele/ortskerne-beleben/"))
    table = goal_page[goal_page.index('<table class="ikep-table">') :]
    assert re.search(r'<th scope="row">2024</th><td>8,3</td>', table)
    assert re.search(r'<th scope="row">2025</th><td>7,9</td>', table)
    start = goal_page.index('class="ikep-chart"')
    chart = goal_page[start : goal_page.index("</svg>", start)]
    assert "8,3" in chart and "7,9" in chart
