"""Open data: CSV files read back as a spreadsheet would, and the JSON read back, against the model."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest

from ikep_site.corridor import covered_band
from ikep_site.formatting import BERLIN
from ikep_site.labels import CALL_FORMAT, EXPORT_LABELS, PROJECT_STATUS
from ikep_site.model import (
    Area,
    Call,
    Contact,
    CorridorPoint,
    Foundation,
    Goal,
    Indicator,
    Location,
    Measurement,
    Milestone,
    Network,
    NetworkMember,
    Operator,
    Phase,
    Place,
    Process,
    ProcessProfile,
    Project,
    ProjectUpdate,
    Site,
    Update,
)
from ikep_site.render import opendata
from ikep_site.urls import page_url

SITE_URL = "https://example.github.io/kreis-kl/"
# Every character a spreadsheet reads as the start of a formula.
FORMULAS = ('=HYPERLINK("http://evil";"x")', "+49 631 7105-0", "-2+3", "@SUM(A1)", "\tTab", "\rCR")


def url_of(src_uri: str) -> str:
    return SITE_URL + page_url(src_uri, use_directory_urls=True)


def goal(id: str, **fields: Any) -> Goal:
    values: dict[str, Any] = {"process": "", "src_uri": f"ziele/{id}.md", "title": f"Ziel {id}"}
    values.update(fields)
    return Goal(id=id, **values)


LEERSTAND = Indicator(
    id="leerstand",
    name="Leerstandsquote; Ortskerne",
    unit="%",
    better="lower",
    source="Kataster, Landkreis",
    corridor=(CorridorPoint(year=2024, min=6.0, max=8.0), CorridorPoint(year=2030, min=3.0, max=5.0)),
    values=(
        Measurement(year=2021, value=8.4),
        Measurement(year=2024, value=7.1),
        Measurement(year=2026, value=0.1 + 0.2),
    ),
)
SALDO = Indicator(
    id="saldo",
    name="Wanderungssaldo",
    unit="Personen",
    better="higher",
    corridor=(CorridorPoint(year=2024, min=-120.5, max=-20.0), CorridorPoint(year=2030, min=0.0, max=150.0)),
    values=(Measurement(year=2023, value=-1234.5),),
)
GOALS = {
    "ortskerne": goal("ortskerne", field="Dorfentwicklung", indicators=(LEERSTAND, SALDO), summary="Mehr Leben."),
    "breitband": goal("breitband", title="=1+1 Breitband"),
}
PROJECTS = {
    "dorfladen": Project(
        id="dorfladen",
        process="",
        src_uri="projekte/dorfladen.md",
        title="Dorfladen Mehlbach",
        summary='Ein Laden; mit Café, "Treffpunkt"\nund mehr.',
        status="in_progress",
        goals=("ortskerne", "breitband"),
        areas=("vg-otterbach",),
        networks=("dorflaeden",),
        lead="-Ortsgemeinde Mehlbach",
        start=date(2024, 3, 1),
        end=date(2026, 12, 31),
        progress=40,
        funding="Dorferneuerung",
        budget=250000.5,
        location=Location(lat=49.512, lon=7.845, address="Hauptstraße 12, 67734 Mehlbach"),
        milestones=(Milestone(date=date(2024, 5, 15), title="Studie", done=True),),
        updates=(ProjectUpdate(date=date(2025, 2, 10), text="Pachtvertrag beschlossen."),),
        updated=date(2025, 2, 11),
    ),
    "idee": Project(id="idee", process="", src_uri="projekte/idee.md", title="@Idee", status="idea"),
}
CALLS = {
    "werkstatt": Call(
        id="werkstatt",
        process="",
        src_uri="beteiligung/werkstatt.md",
        title="Zukunftswerkstatt",
        format="workshop",
        start=datetime(2026, 12, 3, 18, 0, tzinfo=BERLIN),
        end=datetime(2026, 12, 3, 21, 0, tzinfo=BERLIN),
        deadline=date(2026, 12, 1),
        place=Place(name="Bürgerhaus", address="Rummelstraße 15, 67685 Weilerbach", lat=49.4799, lon=7.6343),
        registration=Contact(url="https://anmeldung.example.org/", email="a@example.org", phone="+49 631 1"),
        accessibility="Stufenloser Zugang",
        contact=Contact(name="Stabsstelle", email="s@example.org", phone="0631 7105-0"),
        goals=("ortskerne",),
        areas=("vg-otterbach",),
    ),
    "umfrage": Call(
        id="umfrage",
        process="",
        src_uri="beteiligung/umfrage.md",
        title="Umfrage",
        format="survey",
        start=date(2026, 11, 1),
        end=date(2026, 11, 30),
        online="https://u.example.org/",
    ),
}
PROCESS = Process(
    id="",
    profile=ProcessProfile(
        name="Kreisentwicklung Musterkreis",
        kind="Kreisentwicklungskonzept",
        area="vg-otterbach",
        phases=(Phase(name="Bestandsaufnahme", start=date(2023, 1, 1), end=date(2023, 12, 31)),),
        management=Contact(name="Stabsstelle", email="s@example.org"),
        foundations={"management": Foundation(state="yes", note="Zwei Stellen.")},
    ),
    goals=GOALS,
    projects=PROJECTS,
    calls=CALLS,
    areas={
        "vg-otterbach": Area(
            id="vg-otterbach",
            process="",
            src_uri="raeume/vg-otterbach.md",
            title="VG Otterbach",
            kind="verbandsgemeinde",
            geometry="geodaten/kl.geojson",
            key_property="AGS",
            members=("07335027", "07335019"),
            member_names=("Otterbach", "Katzweiler"),
        )
    },
    networks={
        "dorflaeden": Network(
            id="dorflaeden",
            process="",
            src_uri="netzwerke/dorflaeden.md",
            title="Dorfläden",
            members=(NetworkMember(name="Dorfladen eG", kind="business", role="Mitglied"),),
        )
    },
    updates={
        "bilanz": Update(
            id="bilanz", process="", src_uri="aktuelles/bilanz.md", title="Bilanz", date=date(2025, 6, 30)
        ),
        "start": Update(
            id="start",
            process="",
            src_uri="aktuelles/start.md",
            title="Start",
            date=date(2024, 1, 1),
            projects=("idee",),
        ),
    },
)
OPERATOR = Operator(name="Kreisverwaltung", address="Lauterstraße 8, 67657 Kaiserslautern", email="p@example.org")
SITE = Site(processes={"": PROCESS}, operator=OPERATOR)


# --- reading back ---------------------------------------------------------------------------------


def parse_csv(text: str) -> list[dict[str, str]]:
    """Read a CSV file as a German spreadsheet does: UTF-8 with BOM, `;`, rows keyed by header."""
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    header, *body = rows
    assert all(len(row) == len(header) for row in body)
    return [dict(zip(header, row, strict=True)) for row in body]


def parse_number(cell: str) -> float | None:
    return None if cell == "" else float(cell.replace(",", "."))


def parse_text(cell: str) -> str | None:
    """Undo the formula guard: a leading apostrophe before a formula character was added by us."""
    if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return cell[1:]
    return cell or None


def parse_keys(cell: str) -> tuple[str, ...]:
    return tuple(cell.split(", ")) if cell else ()


def header(name: str, column: str) -> str:
    return EXPORT_LABELS[f"column_{column}"]


# --- CSV format -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["projects", "goals", "indicator_values", "calls"])
def test_csv_format_bom_semicolon_crlf_and_documented_header(name: str) -> None:
    text = render_csv(name)
    assert text.startswith("\ufeff")
    data_lines = text[1:].split("\r\n")
    assert data_lines[-1] == ""  # ends with CRLF
    assert data_lines[0] == ";".join(heading for heading, _about in opendata.COLUMNS[name])
    assert all(about for _heading, about in opendata.COLUMNS[name])
    assert len({heading for heading, _about in opendata.COLUMNS[name]}) == len(opendata.COLUMNS[name])
    assert text.encode("utf-8").decode("utf-8-sig")  # valid UTF-8


def render_csv(name: str) -> str:
    if name == "projects":
        return opendata.projects_csv(SITE, url_of=url_of)
    if name == "goals":
        return opendata.goals_csv(SITE, url_of=url_of)
    if name == "indicator_values":
        return opendata.indicator_values_csv(SITE)
    return opendata.calls_csv(SITE, url_of=url_of)


def test_columns_and_file_names_cover_the_same_files() -> None:
    assert set(opendata.COLUMNS) | {"process"} == set(opendata.FILE_NAMES)


# --- formula injection ---------------------------------------------------------------------------------


@pytest.mark.parametrize("hostile", FORMULAS)
def test_formula_starts_are_neutralised_in_every_text_column(hostile: str) -> None:
    project = replace(PROJECTS["idee"], title=hostile, summary=hostile, lead=hostile, funding=hostile)
    site = Site(processes={"": Process(id="", profile=None, projects={"idee": project})})
    (row,) = parse_csv(opendata.projects_csv(site))
    for column in ("title", "summary", "lead", "funding"):
        cell = row[header("projects", column)]
        assert cell == "'" + hostile
        assert parse_text(cell) == hostile


def test_negative_numbers_stay_numbers() -> None:
    rows = parse_csv(opendata.indicator_values_csv(SITE))
    saldo_2023 = next(row for row in rows if row["Indikator"] == "saldo" and row["Jahr"] == "2023")
    assert saldo_2023["Messwert"] == "-1234,5"
    assert saldo_2023["Korridor von"] == ""  # before the corridor's first year: no bounds
    saldo_2024 = next(row for row in rows if row["Indikator"] == "saldo" and row["Jahr"] == "2024")
    assert saldo_2024["Korridor von"] == "-120,5"


# --- round trips ------------------------------------------------------------------------------------------


def test_projects_round_trip() -> None:
    rows = parse_csv(opendata.projects_csv(SITE, url_of=url_of))
    assert [row["Kennung"] for row in rows] == ["dorfladen", "idee"]
    for row in rows:
        project = PROJECTS[row["Kennung"]]
        assert parse_text(row["Titel"]) == project.title
        assert parse_text(row["Kurzbeschreibung"]) == project.summary
        assert row["Status"] == PROJECT_STATUS[project.status]
        assert parse_keys(row["Ziele"]) == project.goals
        assert parse_keys(row["Räume"]) == project.areas
        assert parse_keys(row["Netzwerke"]) == project.networks
        assert parse_text(row["Verantwortlich"]) == project.lead
        assert row["Beginn"] == (project.start.isoformat() if project.start else "")
        assert row["Ende"] == (project.end.isoformat() if project.end else "")
        assert parse_number(row["Fortschritt in Prozent"]) == project.progress
        assert parse_number(row["Budget in Euro"]) == project.budget
        location = project.location
        assert parse_number(row["Breitengrad"]) == (location.lat if location else None)
        assert parse_number(row["Längengrad"]) == (location.lon if location else None)
        assert parse_text(row["Adresse"]) == (location.address if location else None)
        assert row["Zuletzt aktualisiert"] == (project.updated.isoformat() if project.updated else "")
        assert row["Internetseite"] == url_of(project.src_uri)
    assert rows[0]["Budget in Euro"] == "250000,5"
    assert rows[0]["Kurzbeschreibung"] == 'Ein Laden; mit Café, "Treffpunkt"\nund mehr.'


def test_goals_round_trip_one_row_per_indicator() -> None:
    rows = parse_csv(opendata.goals_csv(SITE, url_of=url_of))
    assert [(row["Ziel"], row["Indikator"]) for row in rows] == [
        ("breitband", ""),
        ("ortskerne", "leerstand"),
        ("ortskerne", "saldo"),
    ]
    breitband, leerstand, saldo = rows
    assert parse_text(breitband["Titel des Ziels"]) == "=1+1 Breitband"
    assert breitband["Titel des Ziels"] == "'=1+1 Breitband"
    assert parse_keys(breitband["Schlüsselprojekte"]) == ("dorfladen",)
    assert leerstand["Name des Indikators"] == LEERSTAND.name
    assert leerstand["Handlungsfeld"] == "Dorfentwicklung"
    assert leerstand["Quelle"] == LEERSTAND.source
    assert leerstand["Richtung"] == "niedriger ist besser"
    assert leerstand["Jahr des neuesten Werts"] == "2026"
    assert leerstand["Neuester Wert"] == "0,3"  # float noise of 0.1 + 0.2 dropped
    assert leerstand["Stand gegenüber dem Korridor"] == "besser als der Korridor"
    assert saldo["Stand gegenüber dem Korridor"] == "außerhalb des Korridors"
    assert leerstand["Internetseite"] == SITE_URL + "ziele/ortskerne/"


def test_indicator_values_round_trip() -> None:
    rows = parse_csv(opendata.indicator_values_csv(SITE))
    read: dict[tuple[str, str, int], tuple[float | None, float | None, float | None]] = {
        (row["Ziel"], row["Indikator"], int(row["Jahr"])): (
            parse_number(row["Messwert"]),
            parse_number(row["Korridor von"]),
            parse_number(row["Korridor bis"]),
        )
        for row in rows
    }
    expected = {}
    for indicator in (LEERSTAND, SALDO):
        values = {measurement.year: measurement.value for measurement in indicator.values}
        for year in sorted(set(values) | {point.year for point in indicator.corridor}):
            low, high = covered_band(indicator, year) or (None, None)
            expected[("ortskerne", indicator.id, year)] = (values.get(year), low, high)
    assert read.keys() == expected.keys()
    for key, (value, low, high) in expected.items():
        got_value, got_low, got_high = read[key]
        assert got_value == pytest.approx(value) if value is not None else got_value is None
        assert got_low == (pytest.approx(low) if low is not None else None)
        assert got_high == (pytest.approx(high) if high is not None else None)
    assert {row["Einheit"] for row in rows} == {"%", "Personen"}


def test_calls_round_trip() -> None:
    rows = parse_csv(opendata.calls_csv(SITE, url_of=url_of))
    assert [row["Kennung"] for row in rows] == ["umfrage", "werkstatt"]  # date order
    umfrage, werkstatt = rows
    assert werkstatt["Format"] == CALL_FORMAT["workshop"]
    assert werkstatt["Beginn"] == "2026-12-03 18:00"
    assert werkstatt["Ende"] == "2026-12-03 21:00"
    assert werkstatt["Anmeldung oder Teilnahme bis"] == "2026-12-01"
    assert werkstatt["Ort"] == "Bürgerhaus"
    assert werkstatt["Adresse"] == "Rummelstraße 15, 67685 Weilerbach"
    assert parse_number(werkstatt["Breitengrad"]) == 49.4799
    assert parse_number(werkstatt["Längengrad"]) == 7.6343
    assert werkstatt["Anmeldung im Internet"] == "https://anmeldung.example.org/"
    assert werkstatt["Anmeldung per E-Mail"] == "a@example.org"
    assert parse_text(werkstatt["Anmeldung per Telefon"]) == "+49 631 1"
    assert werkstatt["Anmeldung per Telefon"] == "'+49 631 1"
    assert werkstatt["Barrierefreiheit"] == "Stufenloser Zugang"
    assert (werkstatt["Kontakt"], werkstatt["Kontakt E-Mail"], werkstatt["Kontakt Telefon"]) == (
        "Stabsstelle",
        "s@example.org",
        "0631 7105-0",
    )
    assert parse_keys(werkstatt["Ziele"]) == ("ortskerne",)
    assert parse_keys(werkstatt["Schlüsselprojekte"]) == ()
    assert werkstatt["Internetseite"] == SITE_URL + "beteiligung/werkstatt/"
    assert (umfrage["Beginn"], umfrage["Ende"]) == ("2026-11-01", "2026-11-30")
    assert umfrage["Online"] == "https://u.example.org/"
    assert umfrage["Ort"] == ""


def test_urls_are_empty_without_url_of() -> None:
    (row, _) = parse_csv(opendata.projects_csv(SITE))
    assert row["Internetseite"] == ""


# --- JSON -----------------------------------------------------------------------------------------------------


def test_json_round_trip() -> None:
    data = json.loads(opendata.process_json(SITE, url_of=url_of))
    assert data["format"] == "ikep-site"
    assert data["version"] == opendata.FORMAT_VERSION
    assert data["operator"] == {
        "name": OPERATOR.name,
        "address": OPERATOR.address,
        "email": OPERATOR.email,
        "phone": None,
    }
    (process,) = data["processes"]
    assert process["id"] == ""
    profile = process["profile"]
    assert profile["name"] == "Kreisentwicklung Musterkreis"
    assert profile["phases"] == [{"name": "Bestandsaufnahme", "start": "2023-01-01", "end": "2023-12-31"}]
    assert profile["foundations"] == {"management": {"state": "yes", "note": "Zwei Stellen."}}
    assert profile["management"] == {"name": "Stabsstelle", "email": "s@example.org", "phone": None, "url": None}

    goals = {item["id"]: item for item in process["goals"]}
    assert list(goals) == ["breitband", "ortskerne"]
    ortskerne = goals["ortskerne"]
    assert ortskerne["url"] == SITE_URL + "ziele/ortskerne/"
    assert ortskerne["projects"] == ["dorfladen"]
    leerstand = ortskerne["indicators"][0]
    assert leerstand["status"] == "better"
    assert [(point["year"], point["min"], point["max"]) for point in leerstand["corridor"]] == [
        (point.year, point.min, point.max) for point in LEERSTAND.corridor
    ]
    assert [(value["year"], value["value"]) for value in leerstand["values"]] == [
        (value.year, value.value) for value in LEERSTAND.values
    ]
    assert leerstand["corridor"][0] == {"year": 2024, "min": 6, "max": 8}  # whole numbers without .0

    projects = {item["id"]: item for item in process["projects"]}
    dorfladen = projects["dorfladen"]
    model = PROJECTS["dorfladen"]
    assert dorfladen["title"] == model.title
    assert dorfladen["summary"] == model.summary
    assert dorfladen["status"] == "in_progress"
    assert dorfladen["goals"] == list(model.goals)
    assert dorfladen["start"] == "2024-03-01"
    assert dorfladen["budget"] == 250000.5
    assert dorfladen["location"] == {"lat": 49.512, "lon": 7.845, "address": "Hauptstraße 12, 67734 Mehlbach"}
    assert dorfladen["milestones"] == [{"date": "2024-05-15", "title": "Studie", "done": True}]
    assert dorfladen["updates"] == [{"date": "2025-02-10", "text": "Pachtvertrag beschlossen."}]
    assert projects["idee"]["location"] is None
    assert projects["idee"]["title"] == "@Idee"  # JSON is not a spreadsheet: no formula guard

    calls = {item["id"]: item for item in process["calls"]}
    assert [item["id"] for item in process["calls"]] == ["umfrage", "werkstatt"]
    werkstatt = calls["werkstatt"]
    assert werkstatt["start"] == "2026-12-03T18:00:00+01:00"
    assert datetime.fromisoformat(werkstatt["start"]) == CALLS["werkstatt"].start
    assert werkstatt["deadline"] == "2026-12-01"
    assert werkstatt["place"] == {
        "name": "Bürgerhaus",
        "address": "Rummelstraße 15, 67685 Weilerbach",
        "lat": 49.4799,
        "lon": 7.6343,
    }
    assert calls["umfrage"]["start"] == "2026-11-01"

    (area,) = process["areas"]
    assert "geometry" not in area
    assert area["member_key"] == "AGS"
    assert area["members"] == [{"key": "07335027", "name": "Otterbach"}, {"key": "07335019", "name": "Katzweiler"}]
    (network,) = process["networks"]
    assert network["members"] == [{"name": "Dorfladen eG", "kind": "business", "role": "Mitglied"}]
    assert [item["id"] for item in process["updates"]] == ["bilanz", "start"]  # newest first
    assert process["updates"][1]["projects"] == ["idee"]


def test_every_entity_of_a_kind_has_the_same_keys() -> None:
    data = json.loads(opendata.process_json(SITE))
    for kind in ("goals", "projects", "calls", "updates"):
        shapes = {tuple(item) for item in data["processes"][0][kind]}
        assert len(shapes) == 1, kind
    assert data["processes"][0]["projects"][0]["url"] is None


def test_json_is_deterministic_whatever_the_loading_order() -> None:
    reordered = Process(
        id="",
        profile=PROCESS.profile,
        goals=dict(reversed(list(GOALS.items()))),
        projects=dict(reversed(list(PROJECTS.items()))),
        calls=dict(reversed(list(CALLS.items()))),
        areas=PROCESS.areas,
        networks=PROCESS.networks,
        updates=dict(reversed(list(PROCESS.updates.items()))),
    )
    other = Site(processes={"": reordered}, operator=OPERATOR)
    assert opendata.process_json(SITE) == opendata.process_json(other)
    assert opendata.projects_csv(SITE) == opendata.projects_csv(other)
    assert opendata.calls_csv(SITE) == opendata.calls_csv(other)


def test_several_processes_are_all_exported_in_id_order() -> None:
    dorf_b = Process(id="dorf-b", profile=None, projects={"dorf-b/x": replace(PROJECTS["idee"], process="dorf-b")})
    dorf_a = Process(
        id="dorf-a", profile=None, projects={"dorf-a/y": replace(PROJECTS["idee"], id="y", process="dorf-a")}
    )
    site = Site(processes={"dorf-b": dorf_b, "dorf-a": dorf_a})
    data = json.loads(opendata.process_json(site))
    assert [process["id"] for process in data["processes"]] == ["dorf-a", "dorf-b"]
    assert data["processes"][0]["projects"][0]["key"] == "dorf-a/y"
    assert data["operator"] is None
    assert [row["Kennung"] for row in parse_csv(opendata.projects_csv(site))] == ["dorf-a/y", "dorf-b/idee"]
