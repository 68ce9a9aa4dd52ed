"""Issue 14, items 8 and 9: call states that do not mislead, and figures as people read them.

A call whose registration deadline has passed while the event lies ahead must stop inviting to
register, at build time and in the reader's browser; corridor bounds are shown with the precision
of the indicator's own figures, only for the years the corridor covers; counts read "1 Gebiet".
"""

from __future__ import annotations

import asyncio
import csv
import io
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

import icalendar
import lxml.html  # type: ignore[import-untyped]
import pytest
from browser_support import CHROMIUM, LAUNCH_ARGS, serve
from conftest import GEOAREAS, GOAL, Build, run_build, write_site
from playwright.async_api import async_playwright

from ikep_site.corridor import figure_decimals, indicator_status, round_figure
from ikep_site.derive import call_days, call_deadline, call_state, call_windows
from ikep_site.formatting import BERLIN
from ikep_site.labels import plural, t
from ikep_site.model import Call, CorridorPoint, Indicator, Measurement
from ikep_site.render.tables import indicator_csv, indicator_rows

REGISTRATION = "mailto:anmeldung@example.org"
CONTACT = "mailto:kreisentwicklung@example.org"

WORKSHOP = """---
title: Zukunftswerkstatt Weilerbach
format: workshop
start: 2026-12-03T18:00
end: 2026-12-03T21:00
deadline: 2026-12-01
registration: {email: anmeldung@example.org, url: https://anmeldung.example.org/werkstatt}
contact: {name: Kreisverwaltung, email: kreisentwicklung@example.org}
---
Wir freuen uns auf Sie.
"""
# A survey that stops taking answers on its deadline, though the editor wrote a later end.
SURVEY = """---
title: Umfrage Mobilität
format: survey
start: 2026-11-02
end: 2026-12-20
deadline: 2026-11-30
online: https://beteiligung.example.org/umfrage
---
"""


def _visible_text(html: str) -> str:
    """The page's text as a reader without JavaScript sees it: hidden elements and scripts left out."""
    document = lxml.html.fromstring(html)
    for element in document.xpath("//*[@hidden] | //script | //style | //template"):
        element.drop_tree()
    return " ".join(document.text_content().split())


def _visible_links(html: str) -> list[str]:
    document = lxml.html.fromstring(html)
    for element in document.xpath("//*[@hidden]"):
        element.drop_tree()
    return [str(href) for href in document.xpath("//a/@href")]


def _calls_site(root: Path, build_date: str) -> Build:
    files: dict[str, str | bytes] = {"beteiligung/werkstatt.md": WORKSHOP, "beteiligung/umfrage.md": SURVEY}
    build = run_build(write_site(root, files, plugin={"build_date": build_date}), strict=True)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def before_deadline(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return _calls_site(tmp_path_factory.mktemp("before"), "2026-11-24")


@pytest.fixture(scope="module")
def after_deadline(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return _calls_site(tmp_path_factory.mktemp("after"), "2026-12-02")


# --- call states at build time ------------------------------------------------------------------


def test_before_the_deadline_the_page_invites_to_register(before_deadline: Build) -> None:
    page = before_deadline.page("beteiligung/werkstatt/")
    text = _visible_text(page)
    assert "Anmeldung bis Dienstag, 1. Dezember 2026" in text
    assert "angekündigt" in text
    assert "Anmeldung geschlossen" not in text and "abgelaufen" not in text
    assert REGISTRATION in _visible_links(page)
    assert "https://anmeldung.example.org/werkstatt" in _visible_links(page)


def test_after_the_deadline_registration_is_closed_but_the_event_still_ahead(after_deadline: Build) -> None:
    page = after_deadline.page("beteiligung/werkstatt/")
    text = _visible_text(page)
    assert "Anmeldung geschlossen" in text
    assert "Die Anmeldefrist ist am Dienstag, 1. Dezember 2026 abgelaufen." in text
    assert "angekündigt" in text  # the event itself lies ahead
    assert "Anmeldung bis" not in text
    # No invitation left anywhere in the page, not even hidden; the contact stays.
    assert REGISTRATION not in page and "anmeldung.example.org" not in page
    assert CONTACT in _visible_links(page)


def test_the_overview_says_the_same_as_the_page(before_deadline: Build, after_deadline: Build) -> None:
    before = _visible_text(before_deadline.page("beteiligung/"))
    assert "Anmeldung bis Dienstag, 1. Dezember 2026" in before and "Anmeldung geschlossen" not in before
    after = _visible_text(after_deadline.page("beteiligung/"))
    assert "Zukunftswerkstatt Weilerbach" in after and "Anmeldung geschlossen" in after
    assert "Anmeldung bis" not in after


def _state(html: str) -> str:
    badge = lxml.html.fromstring(html).xpath('//*[contains(@class, "ikep-call-state")]')[0]
    return str(badge.text_content())


def test_a_survey_past_its_deadline_is_closed(before_deadline: Build, after_deadline: Build) -> None:
    before = before_deadline.page("beteiligung/umfrage/")
    assert _state(before) == "offen" and "Teilnahme bis Montag, 30. November 2026" in _visible_text(before)
    after = after_deadline.page("beteiligung/umfrage/")
    assert _state(after) == "abgeschlossen"
    # No link to a survey that takes no answers, not even a hidden one.
    assert not lxml.html.fromstring(after).xpath('//a[@href="https://beteiligung.example.org/umfrage"]')
    assert '"endDate": "2026-11-30"' in after  # JSON-LD: the same last day
    overview = after_deadline.page("beteiligung/")
    assert "Umfrage Mobilität" in _visible_text(overview.split('data-ikep-calls="past"', 1)[1])


def test_the_event_over_is_closed_without_registration(tmp_path: Path) -> None:
    page = _calls_site(tmp_path, "2026-12-04").page("beteiligung/werkstatt/")
    text = _visible_text(page)
    assert "abgeschlossen" in text and "angekündigt" not in text
    assert "Anmeldung geschlossen" not in text  # the state says it all
    assert REGISTRATION not in page and CONTACT in _visible_links(page)


def _event(build: Build, name: str) -> icalendar.cal.Component:
    [event] = icalendar.Calendar.from_ical((build.site / f"beteiligung/{name}.ics").read_bytes()).walk("VEVENT")
    return event


def test_the_calendar_says_the_same_as_the_page(before_deadline: Build) -> None:
    assert "Anmeldung bis: Dienstag, 1. Dezember 2026" in str(_event(before_deadline, "werkstatt")["DESCRIPTION"])
    survey = _event(before_deadline, "umfrage")
    assert "Teilnahme bis: Montag, 30. November 2026" in str(survey["DESCRIPTION"])
    # The survey ends, in calendars too, with the last day one can answer.
    assert survey.decoded("DTEND") == date(2026, 12, 1)


def _call(format: str, start: date | datetime, end: date | datetime, deadline: date) -> Call:
    return Call(
        id="c",
        process="",
        src_uri="beteiligung/c.md",
        title="C",
        format=format,
        start=start,
        end=end,
        deadline=deadline,
    )


def _kind(call: Call) -> str | None:
    deadline = call_deadline(call)
    return deadline.kind if deadline else None


def test_what_a_deadline_ends() -> None:
    workshop = _call(
        "workshop",
        datetime(2026, 12, 3, 18, tzinfo=BERLIN),
        datetime(2026, 12, 3, 21, tzinfo=BERLIN),
        date(2026, 12, 1),
    )
    assert _kind(workshop) == "registration"
    survey = _call("survey", date(2026, 11, 2), date(2026, 12, 20), date(2026, 11, 30))
    assert _kind(survey) == "participation"
    assert call_days(survey) == (date(2026, 11, 2), date(2026, 11, 30))
    assert call_state(survey, date(2026, 12, 1)) == "closed"
    # An online event one registers for ahead: the deadline closes registration, not the event.
    stream = _call("online", date(2026, 12, 10), date(2026, 12, 10), date(2026, 12, 5))
    assert _kind(stream) == "registration"
    assert call_state(stream, date(2026, 12, 6)) == "announced"


def test_the_parts_of_a_call_page_by_day() -> None:
    windows = call_windows(
        _call(
            "walk",
            datetime(2026, 12, 3, 14, tzinfo=BERLIN),
            datetime(2026, 12, 4, 16, tzinfo=BERLIN),
            date(2026, 12, 1),
        )
    )
    by_day = {
        day: {name: window.state(date(2026, 12, day)) for name, window in windows.items()} for day in (1, 2, 4, 5)
    }
    assert by_day[1] == {"deadline": "now", "registration": "now", "registration_closed": "future", "online": "now"}
    assert by_day[2] == {"deadline": "past", "registration": "past", "registration_closed": "now", "online": "now"}
    assert by_day[4]["registration_closed"] == "now"  # the walk runs on its second day, registration closed
    assert by_day[5] == {"deadline": "past", "registration": "past", "registration_closed": "past", "online": "past"}


# --- call states in the reader's browser --------------------------------------------------------

# The reader's clock: `Date` without arguments (and `Date.now`) give the moment the test chooses.
_CLOCK = """
(() => {
  const fixed = new Date(%r).getTime();
  const Real = Date;
  class ReaderDate extends Real {
    constructor(...args) { if (args.length === 0) { super(fixed); } else { super(...args); } }
    static now() { return fixed; }
  }
  window.Date = ReaderDate;
})();
"""


async def _read_at(base_url: str, moment: str) -> dict[str, object]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = await browser.new_context()
        await context.add_init_script(_CLOCK % moment)
        page = await context.new_page()
        await page.goto(base_url + "beteiligung/werkstatt/")
        call_page = await page.locator("article.ikep-call").inner_text()
        registration = await page.locator(f'a[href="{REGISTRATION}"]:visible').count()
        contact = await page.locator(f'a[href="{CONTACT}"]:visible').count()
        await page.goto(base_url + "beteiligung/umfrage/")
        survey_state = await page.locator(".ikep-call-state").first.inner_text()
        await page.goto(base_url + "beteiligung/")
        overview = await page.locator('[data-ikep-calls="upcoming"]').inner_text()
        await browser.close()
    return {
        "page": call_page,
        "registration_links": registration,
        "contact_links": contact,
        "survey": survey_state,
        "overview": overview,
    }


def test_a_page_built_before_the_deadline_read_after_it(before_deadline: Build) -> None:
    with serve(before_deadline.site, "/test/") as base_url:
        later = asyncio.run(_read_at(base_url, "2026-12-02T09:00:00"))
        same_day = asyncio.run(_read_at(base_url, "2026-11-24T09:00:00"))
    assert "Anmeldung geschlossen" in str(later["page"])
    assert "Die Anmeldefrist ist am Dienstag, 1. Dezember 2026 abgelaufen." in str(later["page"])
    assert "Anmeldung bis" not in str(later["page"])
    assert later["registration_links"] == 0 and later["contact_links"] == 1
    assert later["survey"] == "abgeschlossen"
    assert "Anmeldung geschlossen" in str(later["overview"])
    # Read on the build date, it stays as built: an invitation with its deadline.
    assert "Anmeldung geschlossen" not in str(same_day["page"])
    assert "Anmeldung bis" in str(same_day["page"]) and same_day["registration_links"] == 1
    assert same_day["survey"] == "offen"


# --- figures as people read them ----------------------------------------------------------------


def _indicator(
    values: Mapping[int, float], corridor: Sequence[tuple[int, float, float]], better: str = "higher"
) -> Indicator:
    return Indicator(
        id="einwohner",
        name="Einwohnerzahl",
        unit="Personen",
        better=better,
        corridor=tuple(CorridorPoint(year=year, min=low, max=high) for year, low, high in corridor),
        values=tuple(Measurement(year=year, value=value) for year, value in sorted(values.items())),
    )


# Interpolated between 2024 and 2030, the band of 2025 is 105,333.33… to 107,333.33…
POPULATION_CORRIDOR = [(2024, 104000, 106000), (2030, 112000, 114000)]


def test_precision_is_the_indicators_own() -> None:
    assert figure_decimals(_indicator({2024: 104500}, POPULATION_CORRIDOR)) == 0
    assert figure_decimals(_indicator({2024: 104500.5}, POPULATION_CORRIDOR)) == 1
    assert figure_decimals(_indicator({2024: 7.25}, [(2024, 6.0, 8.0), (2030, 3.0, 5.0)])) == 2
    assert figure_decimals(_indicator({2024: 0.1 + 0.2}, [(2024, 6.0, 8.0), (2030, 3.0, 5.0)])) == 1  # no noise
    # As Germans round: a half goes up, also where the binary float lies just below it.
    assert round_figure(2.25, 1) == 2.3 and round_figure(0.125, 2) == 0.13 and round_figure(-2.5, 0) == -3


def test_interpolated_bounds_are_rounded() -> None:
    whole = _indicator({2025: 105500}, POPULATION_CORRIDOR)
    whole_rows = {year: (low, high) for year, _, low, high in indicator_rows(whole)}
    assert whole_rows[2025] == (105333, 107333)
    tenths = _indicator({2025: 105500.5}, POPULATION_CORRIDOR)
    rows = {year: (low, high) for year, _, low, high in indicator_rows(tenths)}
    assert rows[2025] == (105333.3, 107333.3)
    assert "2025;105500,5;105333,3;107333,3;Personen" in indicator_csv(tenths)


def test_bounds_only_for_the_years_the_corridor_covers() -> None:
    indicator = _indicator({year: 100000 + year for year in range(2021, 2026)}, POPULATION_CORRIDOR)
    rows = {year: (value, low, high) for year, value, low, high in indicator_rows(indicator)}
    assert sorted(rows) == [2021, 2022, 2023, 2024, 2025, 2030]
    for year in (2021, 2022, 2023):
        assert rows[year] == (100000 + year, None, None)
    assert rows[2024] == (102024, 104000, 106000)
    assert rows[2030] == (None, 112000, 114000)
    lines = indicator_csv(indicator).splitlines()
    assert "2021;102021;;;Personen" in lines and "2030;;112000;114000;Personen" in lines


def test_the_status_judges_the_figure_as_shown() -> None:
    # 105,333.3 is what the table shows as the lower bound of 2025: a value there is inside.
    assert indicator_status(_indicator({2025: 105333.3}, POPULATION_CORRIDOR)) == "inside"
    assert indicator_status(_indicator({2025: 105333.2}, POPULATION_CORRIDOR)) == "outside"


def test_plurals() -> None:
    assert plural(1, "count_areas") == "1 Gebiet"
    assert plural(2, "count_areas") == "2 Gebiete"
    assert plural(0, "count_areas") == "0 Gebiete"
    assert plural(1, "count_members") == "1 Mitglied"
    assert plural(1, "count_calls") == "1 Beteiligungsangebot"
    assert plural(1200, "count_projects") == "1.200 Schlüsselprojekte"
    assert t("count_projects", count=1) == "1 Schlüsselprojekt"


FIGURES_GOAL = """---
title: Bevölkerung halten
indicators:
  - id: einwohner
    name: Einwohnerzahl
    unit: Personen
    better: higher
    corridor:
      - {year: 2024, min: 104000, max: 106000}
      - {year: 2030, min: 112000, max: 114000}
    values:
      - {year: 2021, value: 103800.5}
      - {year: 2025, value: 105900.5}
---
"""
ONE_MEMBER_AREA = """---
title: Gemeinde Eins
kind: gemeinde
geometry: geodaten/kl-ortsgemeinden.geojson
key: AGS
members: ["07335029"]
---
"""
TWO_MEMBER_AREA = ONE_MEMBER_AREA.replace("Gemeinde Eins", "Verbund Zwei").replace(
    '["07335029"]', '["07335029", "07335027"]'
)
NETWORK = """---
title: Netzwerk Dorfläden
members:
  - {name: Dorfladen eG Katzweiler, kind: business}
---
"""


@pytest.fixture(scope="module")
def figures_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    files: dict[str, str | bytes] = {
        "ziele/bevoelkerung.md": FIGURES_GOAL,
        "ziele/ortskerne-beleben.md": GOAL,
        "raeume/eins.md": ONE_MEMBER_AREA,
        "raeume/zwei.md": TWO_MEMBER_AREA,
        "netzwerke/dorflaeden.md": NETWORK,
        **GEOAREAS,
    }
    build = run_build(write_site(tmp_path_factory.mktemp("figures"), files), strict=True)
    assert build.returncode == 0, build.output
    return build


def test_the_built_page_and_csv_show_rounded_covered_bounds(figures_build: Build) -> None:
    document = lxml.html.fromstring(figures_build.page("ziele/bevoelkerung/"))
    rows = {
        row.xpath("string(th)"): [cell.text_content() for cell in row.xpath("td")]
        for row in document.xpath('//table[contains(@class, "ikep-table")]//tbody/tr')
    }
    assert rows["2025"] == ["105.900,5", "105.333,3", "107.333,3"]
    assert rows["2021"] == ["103.800,5", "–", "–"]
    own = (figures_build.site / "ziele/bevoelkerung/einwohner.csv").read_text(encoding="utf-8-sig")
    assert "2025;105900,5;105333,3;107333,3;Personen" in own.splitlines()
    assert "2021;103800,5;;;Personen" in own.splitlines()
    shared = (figures_build.site / "daten/indikatorwerte.csv").read_text(encoding="utf-8-sig")
    records = [row for row in csv.reader(io.StringIO(shared), delimiter=";") if row[:1] == ["bevoelkerung"]]
    by_year = {row[2]: row[3:6] for row in records}
    assert by_year["2025"] == ["105900,5", "105333,3", "107333,3"]
    assert by_year["2021"] == ["103800,5", "", ""]


def test_counts_read_as_german(figures_build: Build) -> None:
    areas = _visible_text(figures_build.page("raeume/"))
    assert re.search(r"\b1 Gebiet\b(?!e)", areas) and "2 Gebiete" in areas
    assert "0 Schlüsselprojekte" in areas
    networks = _visible_text(figures_build.page("netzwerke/"))
    assert "1 Mitglied" in networks and "Mitglieder: 1" not in networks
    area_page = figures_build.page("raeume/eins/")
    assert "mit 1 Gebiet:" in area_page and "1 Gebieten" not in area_page


def test_no_count_reads_wrong_anywhere(figures_build: Build) -> None:
    wrong = ("1 Gebiete", "1 Gebieten", "1 Mitglieder", "1 Schlüsselprojekte", "1 Prozesse", "1 Ziele")
    for page in figures_build.site.rglob("*.html"):
        text = _visible_text(page.read_text(encoding="utf-8"))
        found = [phrase for phrase in wrong if re.search(rf"(?<![\d.,]){phrase}\b", text)]
        assert not found, (page, found)
