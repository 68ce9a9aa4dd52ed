"""Dialogue calls in a real build: pages, calendars, feed, JSON-LD, open data, and the reader's clock."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
from datetime import date, datetime
from pathlib import Path

import extruct
import feedparser
import icalendar
import pytest
from browser_support import CHROMIUM, LAUNCH_ARGS, serve
from conftest import GEOAREAS, GOAL, Build, project, run_build, write_site
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.async_api import async_playwright

SITE_URL = "https://example.org/test/"

WORKSHOP = """---
title: Zukunftswerkstatt Ortskern; Weilerbach, 2026
summary: Gemeinsam planen wir die Ortsmitte.
format: workshop
start: 2026-12-03T18:00
end: 2026-12-03T21:00
deadline: 2026-12-01
place: {name: Bürgerhaus Weilerbach, address: "Rummelstraße 15, 67685 Weilerbach", lat: 49.4799, lon: 7.6343}
registration: {email: anmeldung@example.org}
accessibility: Stufenloser Zugang, Induktionsschleife.
contact: {name: Kreisverwaltung, email: kreisentwicklung@example.org}
goals: [ortskerne-beleben]
areas: [weilerbach]
---
Wir freuen uns auf Sie.
"""
SURVEY = """---
title: Online-Umfrage Mobilität
format: survey
start: 2026-11-02
end: 2026-12-20
online: https://beteiligung.example.org/umfrage
---
"""
WALK = """---
title: Dorfspaziergang Mehlbach
format: walk
start: 2026-09-12T14:00
end: 2026-09-12T16:30
place: {name: Dorfplatz Mehlbach, lat: 49.52, lon: 7.73}
---
"""
AREA = """---
title: Verbandsgemeinde Weilerbach
kind: verbandsgemeinde
geometry: geodaten/kl-ortsgemeinden.geojson
key: AGS
members: ["07335029", "07335027"]
---
"""


def _files() -> dict[str, str | bytes]:
    return {
        "ziele/ortskerne-beleben.md": GOAL,
        "projekte/p.md": project("Projekt =1+1", extra="updates:\n  - {date: 2026-10-01, text: Neu.}\n"),
        "beteiligung/werkstatt.md": WORKSHOP,
        "beteiligung/umfrage.md": SURVEY,
        "beteiligung/spaziergang.md": WALK,
        "raeume/weilerbach.md": AREA,
        "aktuelles/start.md": "---\ntitle: Start\ndate: 2026-10-15\n---\nText\n",
        **GEOAREAS,
    }


@pytest.fixture(scope="module")
def calls_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = run_build(write_site(tmp_path_factory.mktemp("calls"), _files()), strict=True)
    assert build.returncode == 0, build.output
    return build


def test_call_page_in_german(calls_build: Build) -> None:
    page = calls_build.page("beteiligung/werkstatt/")
    assert "Donnerstag, 3. Dezember 2026, 18:00–21:00 Uhr" in page
    assert "Dienstag, 1. Dezember 2026" in page  # deadline
    assert "Stufenloser Zugang, Induktionsschleife." in page
    assert "angekündigt" in page  # build date 2026-11-24
    assert 'href="../werkstatt.ics"' in page
    survey = calls_build.page("beteiligung/umfrage/")
    assert "Montag, 2. November 2026 bis Sonntag, 20. Dezember 2026" in survey and ">offen<" in survey
    # Listed back on the goal and area pages.
    assert 'href="../../beteiligung/werkstatt/"' in calls_build.page("ziele/ortskerne-beleben/")
    assert 'href="../../beteiligung/werkstatt/"' in calls_build.page("raeume/weilerbach/")
    overview = calls_build.page("beteiligung/")
    assert _visible(overview, "upcoming") == [
        "Online-Umfrage Mobilität",
        "Zukunftswerkstatt Ortskern; Weilerbach, 2026",
    ]
    assert _visible(overview, "past") == ["Dorfspaziergang Mehlbach"]


def _visible(html: str, mode: str) -> list[str]:
    """Titles of the calls a reader without JavaScript sees in one list of the overview."""
    listing = re.search(rf'<ul class="ikep-calls[^"]*" data-ikep-calls="{mode}".*?</ul>', html, re.S)
    assert listing is not None
    return re.findall(
        r'<li data-ikep-call><article class="ikep-call-card[^"]*">\s*'
        r'<h\d class="ikep-call-card__title"><a [^>]*>([^<]*)</a>',
        listing.group(0),
    )


def test_calendars_follow_rfc5545(calls_build: Build) -> None:
    single = icalendar.Calendar.from_ical((calls_build.site / "beteiligung/werkstatt.ics").read_bytes())
    assert single.walk("VTIMEZONE") and str(single.walk("VTIMEZONE")[0]["TZID"]) == "Europe/Berlin"
    [event] = single.walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 12, 3, 18, 0, tzinfo=event.decoded("DTSTART").tzinfo)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert str(event["SUMMARY"]) == "Zukunftswerkstatt Ortskern; Weilerbach, 2026"
    assert str(event["URL"]) == SITE_URL + "beteiligung/werkstatt/"
    assert "Bürgerhaus Weilerbach" in str(event["LOCATION"])
    assert event["GEO"].to_ical() == "49.4799;7.6343"
    assert "DTSTAMP" in event and "UID" in event
    raw = (calls_build.site / "beteiligung/werkstatt.ics").read_bytes()
    assert b"SUMMARY:Zukunftswerkstatt Ortskern\\; Weilerbach\\, 2026" in raw
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    everything = icalendar.Calendar.from_ical((calls_build.site / "beteiligung/kalender.ics").read_bytes())
    events = {str(e["SUMMARY"]): e for e in everything.walk("VEVENT")}
    assert len(events) == 3
    survey = events["Online-Umfrage Mobilität"]
    assert survey.decoded("DTSTART") == date(2026, 11, 2) and survey.decoded("DTEND") == date(2026, 12, 21)
    area = icalendar.Calendar.from_ical((calls_build.site / "raeume/weilerbach/kalender.ics").read_bytes())
    assert [str(e["SUMMARY"]) for e in area.walk("VEVENT")] == ["Zukunftswerkstatt Ortskern; Weilerbach, 2026"]


def test_uids_are_stable_across_builds(tmp_path: Path, calls_build: Build) -> None:
    again = run_build(write_site(tmp_path, _files()), strict=True)
    for name in ("beteiligung/kalender.ics", "feed.xml", "daten/prozess.json", "daten/projekte.csv"):
        assert (again.site / name).read_bytes() == (calls_build.site / name).read_bytes(), name


def test_feed_is_valid_atom_linked_from_every_page(calls_build: Build) -> None:
    feed = feedparser.parse((calls_build.site / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.bozo_exception
    assert feed.feed.title.startswith("Aktuelles")
    links = [entry.link for entry in feed.entries]
    assert all(link.startswith(SITE_URL) for link in links), links
    assert SITE_URL + "aktuelles/start/" in links and SITE_URL + "beteiligung/werkstatt/" in links
    assert all(entry.updated_parsed for entry in feed.entries)
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)
    for html_file in calls_build.site.rglob("*.html"):
        if html_file.name == "404.html" or "admin" in html_file.relative_to(calls_build.site).parts:
            continue  # admin/ is the editors' web editor, not a page of the site
        if html_file.parent.name == "einbetten" and html_file.name != "index.html":
            continue  # a widget is a header-less file for an <iframe>, without the site's head
        html = html_file.read_text(encoding="utf-8")
        link = re.search(
            r'<link rel="alternate" type="application/atom\+xml" title="Aktuelles: [^"]+" href="([^"]+)"', html
        )
        assert link is not None, html_file
        assert (html_file.parent / link.group(1)).resolve() == (calls_build.site / "feed.xml").resolve(), html_file


def test_event_json_ld(calls_build: Build) -> None:
    page = calls_build.page("beteiligung/werkstatt/")
    data = extruct.extract(page, base_url=SITE_URL + "beteiligung/werkstatt/", syntaxes=["json-ld"])["json-ld"]
    [event] = [item for item in data if item.get("@type") == "Event"]
    assert event["name"] == "Zukunftswerkstatt Ortskern; Weilerbach, 2026"
    assert event["startDate"] == "2026-12-03T18:00:00+01:00" and event["endDate"] == "2026-12-03T21:00:00+01:00"
    assert event["eventStatus"].endswith("EventScheduled")
    assert event["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert event["location"]["@type"] == "Place" and event["location"]["address"]["postalCode"] == "67685"
    assert event["organizer"]["@type"] == "GovernmentOrganization"
    assert event["url"] == SITE_URL + "beteiligung/werkstatt/"
    home = extruct.extract(calls_build.page(""), syntaxes=["json-ld"])["json-ld"]
    assert any(item.get("@type") == "GovernmentOrganization" for item in home)


def test_open_data_round_trips(calls_build: Build) -> None:
    process = json.loads((calls_build.site / "daten/prozess.json").read_text(encoding="utf-8"))
    [main] = process["processes"]
    assert {p["id"] for p in main["projects"]} == {"p"}
    assert {c["id"] for c in main["calls"]} == {"werkstatt", "umfrage", "spaziergang"}
    text = (calls_build.site / "daten/projekte.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert rows[0]["Titel"] == "'Projekt =1+1" or rows[0]["Titel"] == "Projekt =1+1"
    values = list(
        csv.reader(
            io.StringIO((calls_build.site / "daten/indikatorwerte.csv").read_text(encoding="utf-8-sig")), delimiter=";"
        )
    )
    assert any("7,1" in row for row in values)
    areas = json.loads((calls_build.site / "daten/raeume.geojson").read_text(encoding="utf-8"))
    assert [feature["properties"]["id"] for feature in areas["features"]] == ["weilerbach"]
    assert "Offene Daten" in calls_build.page("daten/")


def test_formula_cells_are_neutralised(calls_build: Build) -> None:
    text = (calls_build.site / "daten/projekte.csv").read_text(encoding="utf-8-sig")
    assert ";'=" not in text.replace("Projekt =1+1", "")  # only editor text starting with = is prefixed
    title = next(csv.DictReader(io.StringIO(text), delimiter=";"))["Titel"]
    assert not title.startswith("=")


def test_deadline_after_the_start_is_an_error(tmp_path: Path) -> None:
    late = WORKSHOP.replace("deadline: 2026-12-01", "deadline: 2026-12-05").replace("areas: [weilerbach]\n", "")
    build = run_build(write_site(tmp_path, {"ziele/ortskerne-beleben.md": GOAL, "beteiligung/w.md": late}), strict=True)
    assert build.returncode != 0
    assert (
        "content/beteiligung/w.md:7: deadline: Der Anmeldeschluss 2026-12-05 liegt nach dem Beginn der "
        "Veranstaltung (2026-12-03T18:00)." in build.output
    )


def test_reader_clock_past_the_event_shows_it_closed(calls_build: Build) -> None:
    with serve(calls_build.site, "/test/") as base_url:
        result = asyncio.run(_with_clock(base_url))
    assert result["built"] == "angekündigt"
    assert result["later"] == "abgeschlossen"
    assert result["overview_upcoming"] == ["Online-Umfrage Mobilität"]  # the workshop left the list
    assert "Zukunftswerkstatt Ortskern; Weilerbach, 2026" in result["overview_archive"]


async def _with_clock(base_url: str) -> dict[str, object]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = await browser.new_page()
        await page.clock.set_fixed_time(datetime(2026, 11, 24, 12, 0))
        await page.goto(base_url + "beteiligung/werkstatt/")
        built = await page.locator(".ikep-call-state").first.inner_text()
        await page.clock.set_fixed_time(datetime(2026, 12, 4, 9, 0))
        await page.goto(base_url + "beteiligung/werkstatt/")
        later = await page.locator(".ikep-call-state").first.inner_text()
        await page.goto(base_url + "beteiligung/")
        upcoming = await page.locator('[data-ikep-calls="upcoming"] li[data-ikep-call]:visible a').all_inner_texts()
        archive = await page.locator('[data-ikep-calls="past"] li[data-ikep-call]:visible a').all_inner_texts()
        await browser.close()
    return {"built": built, "later": later, "overview_upcoming": upcoming, "overview_archive": archive}


def test_calendars_follow_an_edit_under_serve(tmp_path: Path) -> None:
    """Under `mkdocs serve` calendars are kept between builds, but never once their call changed."""
    root = write_site(tmp_path, _files())
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    site = tmp_path / "site"
    walk_before = (site / "beteiligung/spaziergang.ics").read_bytes()

    edited = root / "content/beteiligung/werkstatt.md"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("title: Zukunftswerkstatt", "title: Neue Zukunftswerkstatt", 1), encoding="utf-8")
    build(config)
    assert b"SUMMARY:Neue Zukunftswerkstatt" in (site / "beteiligung/werkstatt.ics").read_bytes()
    assert b"SUMMARY:Neue Zukunftswerkstatt" in (site / "beteiligung/kalender.ics").read_bytes()
    assert b"SUMMARY:Neue Zukunftswerkstatt" in (site / "raeume/weilerbach/kalender.ics").read_bytes()
    assert (site / "beteiligung/spaziergang.ics").read_bytes() == walk_before
