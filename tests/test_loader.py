"""The loader on its own, without MkDocs: what editors write becomes the right Python values."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from ikep_site.content.loader import Loader, LoadResult, slugify
from ikep_site.content.plugin_options import read_options
from ikep_site.diagnostics import Diagnostic
from ikep_site.model import Call, Project

GEODATA = Path(__file__).parent.parent / "content" / "geodaten" / "kl-ortsgemeinden.geojson"
GOAL = """\
---
title: Ortskerne beleben
indicators:
  - id: leerstand
    name: Leerstandsquote
    unit: "%"
    better: lower
    corridor:
      - {year: 2024, min: 6.0, max: 8.0}
      - {year: 2030, min: 3, max: 5}
    values:
      - {year: 2024, value: 7.1}
      - {year: 2025, value: 7}
---
"""
BERLIN_WINTER = timezone(timedelta(hours=1))


def load(tmp_path: Path, files: dict[str, str | bytes], *, with_goal: bool = True) -> LoadResult:
    if with_goal:
        files = {"ziele/ortskerne-beleben.md": GOAL, **files}
    for src_uri, text in files.items():
        path = tmp_path / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return Loader(tmp_path, display_prefix="content/").load(files)


def problems(result: LoadResult) -> list[str]:
    return [str(diagnostic) for diagnostic in result.report.sorted()]


def only_problem(result: LoadResult) -> Diagnostic:
    assert len(result.report) == 1, problems(result)
    return result.report.items[0]


def call_with(start: str, end: str | None = None) -> str:
    lines = ["---", "title: Werkstatt", "format: workshop", f"start: {start}"]
    if end is not None:
        lines.append(f"end: {end}")
    return "\n".join([*lines, "---", "", "Text."])


def load_call(tmp_path: Path, start: str, end: str | None = None) -> Call:
    result = load(tmp_path, {"beteiligung/werkstatt.md": call_with(start, end)})
    assert not problems(result)
    return result.site.main.calls["werkstatt"]


def load_project(tmp_path: Path, *lines: str) -> Project:
    text = "\n".join(["---", "title: Dorfladen", "status: idea", "goals: [ortskerne-beleben]", *lines, "---", ""])
    result = load(tmp_path, {"projekte/dorfladen.md": text})
    assert not problems(result)
    return result.site.main.projects["dorfladen"]


# Dates and times ------------------------------------------------------------------------------

WINTER_EVENING = datetime(2026, 12, 3, 18, 0, tzinfo=BERLIN_WINTER)


@pytest.mark.parametrize(
    "written",
    [
        "2026-12-03T18:00",
        "2026-12-03 18:00",
        '"2026-12-03T18:00"',
        "2026-12-03T18:00:00",
        "2026-12-03T18:00:00+01:00",
        "2026-12-03T17:00:00Z",
        "2026-12-03T17:00Z",
        "2026-12-03T19:00+02:00",
    ],
)
def test_call_start_and_end_accept_every_date_time_form(tmp_path: Path, written: str) -> None:
    call = load_call(tmp_path, written, written)
    for value in (call.start, call.end):
        assert isinstance(value, datetime)
        assert value.tzinfo is not None and value.utcoffset() is not None
        assert value == WINTER_EVENING


def test_naive_time_is_berlin_time_with_summer_time(tmp_path: Path) -> None:
    call = load_call(tmp_path, "2026-07-01T18:00", "2026-12-03 18:00")
    assert isinstance(call.start, datetime) and isinstance(call.end, datetime)
    assert call.start.utcoffset() == timedelta(hours=2)
    assert call.end.utcoffset() == timedelta(hours=1)
    assert call.start.tzinfo is not None and "Berlin" in str(call.start.tzinfo)
    assert (call.start.hour, call.start.minute) == (18, 0)


def test_date_only_call_stays_a_date(tmp_path: Path) -> None:
    call = load_call(tmp_path, "2026-11-01", "2026-11-30")
    assert type(call.start) is date and call.start == date(2026, 11, 1)
    assert type(call.end) is date and call.end == date(2026, 11, 30)


@pytest.mark.parametrize(("start", "end"), [("2026-12-03", "2026-12-03T21:00"), ("2026-12-03T18:00", "2026-12-03")])
def test_date_and_time_mixed_on_the_same_day(tmp_path: Path, start: str, end: str) -> None:
    call = load_call(tmp_path, start, end)
    assert {type(call.start), type(call.end)} == {date, datetime}


@pytest.mark.parametrize(
    ("start", "end"),
    [("2026-12-03", "2026-12-02T21:00"), ("2026-12-03T18:00", "2026-12-02"), ("2026-12-03T18:00", "2026-12-03T17:59")],
)
def test_end_before_start_with_dates_and_times_mixed(tmp_path: Path, start: str, end: str) -> None:
    problem = only_problem(load(tmp_path, {"beteiligung/werkstatt.md": call_with(start, end)}))
    assert problem.line == 5 and "liegt vor dem Beginn" in problem.message


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("2026-13-45", "kein gültiges Datum"),
        ("2026-02-30", "kein gültiges Datum"),
        ("2026-12-03T24:30", "kein gültiges Datum"),
        ("03.12.2026", "deutscher Schreibweise"),
        ("3.12.", "deutscher Schreibweise"),
        ("morgen", "ist kein Datum"),
        ("2026/12/03", "ist kein Datum"),
    ],
)
def test_bad_call_dates_are_reported_on_their_line(tmp_path: Path, written: str, words: str) -> None:
    result = load(tmp_path, {"beteiligung/werkstatt.md": call_with("2026-12-01", written)})
    problem = only_problem(result)
    assert (problem.path, problem.line) == ("content/beteiligung/werkstatt.md", 5)
    assert words in problem.message and not problem.warning_only
    assert "werkstatt" not in result.site.main.calls
    assert "beteiligung/werkstatt.md" in result.left_out


def test_project_dates_are_dates(tmp_path: Path) -> None:
    project = load_project(tmp_path, "start: 2024-03-01", "end: 2027-03-31", "updated: 2026-10-28")
    assert project.start == date(2024, 3, 1) and type(project.start) is date
    assert project.end == date(2027, 3, 31)
    assert project.updated == date(2026, 10, 28)


# Lists, booleans, numbers, texts ------------------------------------------------------------------


def test_single_value_where_a_list_is_expected_is_a_list_of_one(tmp_path: Path) -> None:
    project = load_project(tmp_path)
    assert project.goals == ("ortskerne-beleben",)
    text = "---\ntitle: Dorfladen\nstatus: idea\ngoals: ortskerne-beleben\n---\n"
    result = load(tmp_path, {"projekte/dorfladen.md": text})
    assert not problems(result)
    assert result.site.main.projects["dorfladen"].goals == ("ortskerne-beleben",)


@pytest.mark.parametrize(
    ("written", "expected"),
    [("true", True), ("false", False), ("ja", True), ("nein", False), ("Ja", True), ("yes", True), ("no", False)],
)
def test_milestone_done_booleans(tmp_path: Path, written: str, expected: bool) -> None:
    project = load_project(tmp_path, "milestones:", f"  - {{date: 2025-01-01, title: Start, done: {written}}}")
    assert project.milestones[0].done is expected


def test_bad_boolean_is_reported(tmp_path: Path) -> None:
    text = "---\ntitle: Dorfladen\nstatus: idea\ngoals: [ortskerne-beleben]\nmilestones:\n"
    text += "  - date: 2025-01-01\n    title: Start\n    done: erledigt\n---\n"
    problem = only_problem(load(tmp_path, {"projekte/dorfladen.md": text}))
    assert problem.line == 8 and "'erledigt' muss true (ja) oder false (nein) sein" in problem.message


def test_numbers_are_ints_and_floats(tmp_path: Path) -> None:
    project = load_project(tmp_path, "progress: 40", "budget: 250_000", "location: {lat: 49.52, lon: 7}")
    assert project.progress == 40 and type(project.progress) is int
    assert project.budget == 250000 and isinstance(project.budget, int)
    assert project.location is not None
    assert project.location.lat == 49.52 and type(project.location.lat) is float
    assert project.location.lon == 7
    result = load(tmp_path, {})
    indicator = result.site.main.goals["ortskerne-beleben"].indicators[0]
    assert [point.min for point in indicator.corridor] == [6.0, 3]
    assert [value.value for value in indicator.values] == [7.1, 7]
    assert type(indicator.values[0].value) is float and type(indicator.values[1].value) is int
    assert type(indicator.corridor[0].year) is int


def test_integer_progress_rejects_a_fraction(tmp_path: Path) -> None:
    text = "---\ntitle: Dorfladen\nstatus: idea\ngoals: [ortskerne-beleben]\nprogress: 40.5\n---\n"
    problem = only_problem(load(tmp_path, {"projekte/dorfladen.md": text}))
    assert problem.line == 5 and "muss eine ganze Zahl sein" in problem.message


def test_texts_keep_what_the_editor_wrote(tmp_path: Path) -> None:
    project = load_project(tmp_path, "lead: 2026", "funding: yes", 'summary: "07335027"')
    assert (project.lead, project.funding, project.summary) == ("2026", "yes", "07335027")


def test_unquoted_ags_keeps_its_leading_zero(tmp_path: Path) -> None:
    (tmp_path / "geodaten").mkdir()
    (tmp_path / "geodaten" / GEODATA.name).write_bytes(GEODATA.read_bytes())
    text = (
        "---\ntitle: Mittelbrunn\nkind: gemeinde\ngeometry: geodaten/kl-ortsgemeinden.geojson\nkey: AGS\n"
        "members: [07335027, 07335025]\n---\n"
    )
    result = load(tmp_path, {"raeume/mittelbrunn.md": text})
    assert not problems(result)
    area = result.site.main.areas["mittelbrunn"]
    assert area.members == ("07335027", "07335025")
    assert area.member_names == ("Mittelbrunn", "Mehlbach")


def test_unknown_members_are_reported_on_their_own_lines(tmp_path: Path) -> None:
    (tmp_path / "geodaten").mkdir()
    (tmp_path / "geodaten" / GEODATA.name).write_bytes(GEODATA.read_bytes())
    text = (
        "---\ntitle: Lautertal\nkind: kooperationsraum\ngeometry: geodaten/kl-ortsgemeinden.geojson\nkey: AGS\n"
        'members:\n  - "07335025"\n  - "07335998"\n  - "07335034"\n  - "07335999"\n---\n'
    )
    result = load(tmp_path, {"raeume/lautertal.md": text})
    assert [(d.line, "'0733599" in d.message) for d in result.report.sorted()] == [(8, True), (10, True)]


# Foundations in the process option ------------------------------------------------------------------


def test_foundation_states_yes_and_no_stay_strings(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Test\nplugins:\n  - ikep:\n      process:\n        name: Test\n        foundations:\n"
        "          management: {state: yes}\n          chefsache: {state: no, note: Noch nicht.}\n"
        "          dialogue:\n            state: partly\n",
        encoding="utf-8",
    )
    # MkDocs reads `yes` as True; the plugin reads the file again, as written.
    options = {"process": {"name": "Test", "foundations": {"management": {"state": True}}}}
    source = read_options(config, "mkdocs.yml", options).process
    result = Loader(tmp_path).load([], process=source)
    assert not problems(result)
    profile = result.site.main.profile
    assert profile is not None
    states = {name: foundation.state for name, foundation in profile.foundations.items()}
    assert states == {"management": "yes", "chefsache": "no", "dialogue": "partly"}


def test_bad_foundation_state_points_at_mkdocs_yml(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Test\nplugins:\n  - search\n  - ikep:\n      process:\n        name: Test\n"
        "        foundations:\n          chefsache:\n            state: vielleicht\n",
        encoding="utf-8",
    )
    source = read_options(config, "mkdocs.yml").process
    problem = only_problem(Loader(tmp_path).load([], process=source))
    assert (problem.path, problem.line) == ("mkdocs.yml", 9)
    assert "process.foundations.chefsache.state: 'vielleicht' ist nicht erlaubt" in problem.message


def test_overlapping_phase_points_at_its_own_line(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Test\nplugins:\n  - ikep:\n      process:\n        name: Test\n        phases:\n"
        "          - {name: Bestandsaufnahme, start: 2023-01-01, end: 2023-12-31}\n"
        "          - {name: Ziele, start: 2024-01-01, end: 2024-09-30}\n"
        "          - name: Umsetzung\n            start: 2024-09-01\n",
        encoding="utf-8",
    )
    source = read_options(config, "mkdocs.yml").process
    problem = only_problem(Loader(tmp_path).load([], process=source))
    assert (problem.path, problem.line) == ("mkdocs.yml", 9)
    assert "Die Phase „Umsetzung“ beginnt vor dem Ende der vorherigen Phase" in problem.message


# Line numbers --------------------------------------------------------------------------------------


def test_crlf_and_bom_are_accepted(tmp_path: Path) -> None:
    good = "\ufeff---\r\ntitle: Dorfladen\r\nstatus: idea\r\ngoals: [ortskerne-beleben]\r\n---\r\n\r\nText.\r\n"
    result = load(tmp_path, {"projekte/dorfladen.md": good.encode("utf-8")})
    assert not problems(result)
    project = result.site.main.projects["dorfladen"]
    assert project.title == "Dorfladen" and project.body.strip() == "Text."


def test_crlf_and_bom_keep_line_numbers(tmp_path: Path) -> None:
    bad = "\ufeff---\r\ntitle: Dorfladen\r\nlead: Verein\r\nstatus: laufend\r\ngoals: [ortskerne-beleben]\r\n---\r\n"
    problem = only_problem(load(tmp_path, {"projekte/dorfladen.md": bad.encode("utf-8")}))
    assert problem.line == 4 and "Meinten Sie in_progress?" in problem.message


def test_old_mac_line_ends_keep_line_numbers(tmp_path: Path) -> None:
    bad = "---\rtitle: Dorfladen\rstatus: laufend\rgoals: [ortskerne-beleben]\r---\r"
    problem = only_problem(load(tmp_path, {"projekte/dorfladen.md": bad}))
    assert problem.line == 3


def test_nested_keys_have_their_own_lines(tmp_path: Path) -> None:
    text = """\
---
title: Mobil ohne Auto
indicators:
  - id: pendler
    name: Pendleranteil
    unit: "%"
    better: lower
    corridor:
      - year: 2024
        min: sechs
        max: 8
      - {year: 2030, min: 3, max: 5}
---
"""
    problem = only_problem(load(tmp_path, {"ziele/mobil-ohne-auto.md": text}))
    assert (problem.path, problem.line) == ("content/ziele/mobil-ohne-auto.md", 10)
    assert problem.message.startswith("indicators.corridor.min: 'sechs' ist keine Zahl")


def test_problem_with_a_whole_block_value_points_at_its_key(tmp_path: Path) -> None:
    text = "---\ntitle: Dorfladen\nstatus: idea\ngoals: [ortskerne-beleben]\nlocation:\n  lat: 49.5\n---\n"
    problem = only_problem(load(tmp_path, {"projekte/dorfladen.md": text}))
    assert problem.line == 5 and "location.lon fehlt" in problem.message


def test_yaml_error_line_counts_from_the_file_start(tmp_path: Path) -> None:
    text = "---\ntitle: Dorfladen\nstatus: idea\ngoals: [ortskerne-beleben]\nlead: Verein: Dorfladen eG\n---\n"
    problem = only_problem(load(tmp_path, {"projekte/dorfladen.md": text}))
    assert problem.line == 5 and "Doppelpunkt" in problem.message


def test_every_problem_of_a_file_at_once(tmp_path: Path) -> None:
    text = "---\ntitle:\nstatus: laufend\ngoals: [ortskerne-beleben]\nprogress: 140\nstart: 2026-13-01\n---\n"
    result = load(tmp_path, {"projekte/dorfladen.md": text})
    assert [d.line for d in result.report.sorted()] == [2, 3, 5, 6]


# References -----------------------------------------------------------------------------------------


def test_dangling_reference_is_dropped_and_the_entity_kept(tmp_path: Path) -> None:
    text = "---\ntitle: Dorfladen\nstatus: idea\ngoals:\n  - ortskerne-beleben\n  - ortskern\n---\n"
    result = load(tmp_path, {"projekte/dorfladen.md": text})
    problem = only_problem(result)
    assert problem.warning_only
    assert (problem.path, problem.line) == ("content/projekte/dorfladen.md", 6)
    assert "Das Ziel 'ortskern' gibt es nicht. Vorhanden: ortskerne-beleben." in problem.message
    assert result.site.main.projects["dorfladen"].goals == ("ortskerne-beleben",)
    assert "projekte/dorfladen.md" in result.entity_pages
    assert "projekte/dorfladen.md" not in result.left_out


def test_reference_to_a_broken_entity_is_not_reported_twice(tmp_path: Path) -> None:
    broken_goal = "---\ntitle: Mobil\nfeld: Verkehr\n---\n"
    project = "---\ntitle: Dorfladen\nstatus: idea\ngoals: [ortskerne-beleben, mobil]\n---\n"
    result = load(tmp_path, {"ziele/mobil.md": broken_goal, "projekte/dorfladen.md": project})
    problem = only_problem(result)
    assert problem.path == "content/ziele/mobil.md" and "Meinten Sie field?" in problem.message
    assert result.site.main.projects["dorfladen"].goals == ("ortskerne-beleben",)
    assert result.left_out == {"ziele/mobil.md"}


# File names -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Mitfahrbänke", "mitfahrbaenke"),
        ("Straße", "strasse"),
        ("Öko-Dorf Überall", "oeko-dorf-ueberall"),
        ("ÄRZTEHAUS", "aerztehaus"),
        ("Dorfladen Mehlbach", "dorfladen-mehlbach"),
        ("Café & Laden (neu)", "cafe-laden-neu"),
        (unicodedata.normalize("NFD", "Mitfahrbänke"), "mitfahrbaenke"),
        ("???", "eintrag"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_bad_file_name_suggests_a_slug(tmp_path: Path) -> None:
    text = "---\ntitle: Dorfladen\nstatus: idea\ngoals: [ortskerne-beleben]\n---\n"
    result = load(tmp_path, {"projekte/Dorfladen Mühlbach.md": text})
    problem = only_problem(result)
    assert "'dorfladen-muehlbach.md'" in problem.message
    assert "projekte/Dorfladen Mühlbach.md" in result.left_out
    assert not result.site.main.projects


# Files an editor names ------------------------------------------------------------------------


def test_image_paths_resolve_inside_content_only(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "geheim.txt").write_text("nicht veröffentlichen", encoding="utf-8")
    project = "\n".join(
        [
            "---",
            "title: Dorfladen",
            "status: idea",
            "goals: [ortskerne-beleben]",
            "image: {image}",
            "image_alt: Ein Laden",
            "---",
            "",
        ]
    )
    content = tmp_path / "content"
    (content / "bilder").mkdir()
    (content / "bilder" / "laden.png").write_bytes(b"\x89PNG")
    inside = load(content, {"projekte/dorfladen.md": project.format(image="../bilder/laden.png")})
    assert not problems(inside)
    assert inside.site.main.projects["dorfladen"].image == "bilder/laden.png"  # relative to content/
    outside = load(content, {"projekte/dorfladen.md": project.format(image="../../geheim.txt")})
    assert "image: Die Datei '../../geheim.txt' gibt es im Ordner content/ nicht." in problems(outside)[0]


def test_a_tab_after_the_colon_is_read_like_a_space(tmp_path: Path) -> None:
    """libyaml (which reads front matter when available) accepts it; editors' editors insert it."""
    assert load_project(tmp_path, "lead:\tOrtsgemeinde Mehlbach").lead == "Ortsgemeinde Mehlbach"
