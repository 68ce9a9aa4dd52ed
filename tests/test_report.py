"""The progress report for the council (bericht/): a council paper's order, the last twelve months, a portal's."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest
from conftest import GOAL, Build, project, run_build, write_site

from ikep_site import labels
from ikep_site.report import report_period

# The build date of every test site is 2026-11-24: the period runs from 2025-11-25 to 2026-11-24.
MILESTONES = """milestones:
  - {date: 2025-11-24, title: Vor dem Zeitraum erreicht, done: true}
  - {date: 2025-11-25, title: "Umbau <b>begonnen</b>", done: true}
  - {date: 2026-05-04, title: Noch offen, done: false}
  - {date: 2026-11-24, title: Am Stichtag erreicht, done: true}
progress: 40
lead: "Ortsgemeinde <i>Mehlbach</i>"
decisions:
  - {date: 2026-02-01, body: Ortsgemeinderat, text: Umbau beschlossen}
"""
GOAL_DECISION = "decisions:\n  - {date: 2024-09-26, body: Kreistag, number: KT/1, text: Konzept beschlossen}\n"


def call(title: str, start: str) -> str:
    return f"""---
title: "{title}"
summary: Worum es ging.
format: workshop
start: {start}
place: {{name: Bürgerhaus}}
---
"""


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def section(html: str, heading_id: str) -> str:
    start = html.index(f'<h2 id="{heading_id}">')
    rest = html[start + 1 :]
    ends = [index for index in (rest.find("<h2"), rest.find("</article>")) if index >= 0]
    return html[start : start + 1 + min(ends)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    goal = GOAL.replace("field: Dorfentwicklung\n", "field: Dorfentwicklung\n" + GOAL_DECISION, 1)
    root = write_site(
        tmp_path_factory.mktemp("report"),
        {
            "ziele/ortskerne-beleben.md": goal,
            "projekte/dorfladen.md": project("Dorfladen", extra=MILESTONES),
            "projekte/radweg.md": project("Radweg", status="done"),
            "projekte/bus.md": project("Bürgerbus", status="dropped", extra="progress: 20\n"),
            "beteiligung/alt.md": call("Werkstatt vor dem Zeitraum", "2025-11-20T18:00"),
            "beteiligung/gehalten.md": call("Werkstatt <script>im</script> Zeitraum", "2026-03-05T18:00"),
            "beteiligung/kommt.md": call("Werkstatt danach", "2026-12-10T18:00"),
        },
    )
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build


def test_the_period_is_the_twelve_months_up_to_the_build_date() -> None:
    period = report_period(date(2026, 11, 24))
    assert (period.first, period.last) == (date(2025, 11, 25), date(2026, 11, 24))
    leap = report_period(date(2028, 2, 29))
    assert (leap.first, leap.last) == (date(2027, 3, 1), date(2028, 2, 29))


def test_the_report_opens_as_a_council_paper(built: Build) -> None:
    page = built.page("bericht/")
    article = page[page.index('<article class="ikep-report">') :]
    assert "<h1>Sachstandsbericht: Kreisentwicklung Musterkreis</h1>" in article
    words = text_of(article)
    assert "Stand: 24. November 2026" in words
    assert "Berichtszeitraum: 25. November 2025 bis 24. November 2026." in words
    # The order of a council paper.
    order = ["phase", "ziele", "projekte", "meilensteine", "beteiligung", "beschluesse"]
    positions = [article.index(f'<h2 id="{heading}">') for heading in order]
    assert positions == sorted(positions)
    assert "Der Prozess ist in der Phase „Umsetzung“, seit 1. Januar 2024. Sie ist bis 31. Dezember 2029 geplant." in (
        text_of(section(article, "phase"))
    )


def test_each_goal_shows_its_indicators_in_words_and_as_chart(built: Build) -> None:
    goals = section(built.page("bericht/"), "ziele")
    assert '<a href="../ziele/ortskerne-beleben/">Ortskerne beleben</a>' in goals
    words = text_of(goals)
    assert "Leerstandsquote Stand gegenüber dem Korridor: im Korridor" in words
    assert "Neuester Messwert 2024: 7,1 % – im Korridor." in words.replace("\xa0", " ")
    assert "Ziel 2030:" in words
    assert goals.count("<svg ") == 1  # the wide drawing only
    assert 'id="ikep-chart-ortskerne-beleben-leerstand"' in goals
    # How far the goal's projects are: the dropped one does not count, the done one as 100 %.
    assert "3 Schlüsselprojekte: 1 in Umsetzung, 1 abgeschlossen, 1 eingestellt Im Mittel 70 % umgesetzt" in words


def test_projects_are_grouped_by_status_with_their_progress(built: Build) -> None:
    projects = section(built.page("bericht/"), "projekte")
    captions = re.findall(r"<caption>(.*?)</caption>", projects)
    assert captions == ["In Umsetzung (1)", "Abgeschlossen (1)", "Eingestellt (1)"]
    rows = [text_of(row) for row in re.findall(r"<tr><th scope=\"row\">.*?</tr>", projects)]
    assert rows == [
        "Dorfladen Ortsgemeinde <i>Mehlbach</i> 40 %",
        "Radweg – 100 %",
        "Bürgerbus – 20 %",
    ]
    assert "&lt;i&gt;Mehlbach&lt;/i&gt;" in projects  # escaped, not markup


def test_milestones_reached_in_the_period_only(built: Build) -> None:
    words = text_of(section(built.page("bericht/"), "meilensteine"))
    assert "25. November 2025 Dorfladen Umbau <b>begonnen</b>" in words
    assert "24. November 2026 Dorfladen Am Stichtag erreicht" in words
    assert "Vor dem Zeitraum" not in words and "Noch offen" not in words
    assert words.index("Umbau") < words.index("Am Stichtag")


def test_calls_held_in_the_period_only(built: Build) -> None:
    calls = section(built.page("bericht/"), "beteiligung")
    words = text_of(calls)
    assert "Werkstatt <script>im</script> Zeitraum (Werkstatt) Worum es ging." in words
    assert "<script>" not in calls
    assert "vor dem Zeitraum" not in words and "danach" not in words


def test_decisions_of_goals_and_projects_in_date_order(built: Build) -> None:
    words = text_of(section(built.page("bericht/"), "beschluesse"))
    assert words.index("Konzept beschlossen") < words.index("Umbau beschlossen")
    assert "zum Ziel Ortskerne beleben" in words and "zum Schlüsselprojekt Dorfladen" in words


def test_the_process_page_links_the_report_but_the_footer_does_not(built: Build) -> None:
    process = built.page("prozess/")
    assert f'<a href="../bericht/">{labels.LABELS["report_link"]}</a>' in process
    footer = process[process.index("<footer") :]
    assert "bericht/" not in footer


def test_an_empty_process_says_so_instead_of_leaving_sections_blank(tmp_path) -> None:  # type: ignore[no-untyped-def]
    build = run_build(write_site(tmp_path, {}), strict=True)
    assert build.returncode == 0, build.output
    words = text_of(build.page("bericht/"))
    for key in ("report_no_milestones", "report_no_calls", "report_no_decisions", "no_projects"):
        assert labels.LABELS[key] in words, key


# --- a portal ------------------------------------------------------------------------------------

PROFILE = """name: {name}
kind: Zukunfts-Check Dorf
phases:
  - {{name: Bestandsaufnahme, start: 2025-01-01, end: 2025-12-31}}
  - {{name: Umsetzung, start: 2026-01-01}}
"""


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Build:
    files: dict[str, str | bytes] = {
        "index.md": "# Zukunfts-Check Dorf\n\n<!-- ikep:processes -->\n",
        "mehlbach/prozess.yml": PROFILE.format(name="Zukunfts-Check Dorf Mehlbach"),
        "mehlbach/ziele/ortskerne-beleben.md": GOAL,
        "mehlbach/projekte/dorfladen.md": project("Dorfladen Mehlbach", extra=MILESTONES),
        "katzweiler/prozess.yml": PROFILE.format(name="Zukunfts-Check Dorf Katzweiler"),
        "katzweiler/ziele/ortskerne-beleben.md": GOAL.replace("value: 7.1", "value: 9.5"),
        "katzweiler/projekte/laden.md": project("Dorfladen Katzweiler", status="done"),
    }
    build = run_build(write_site(tmp_path_factory.mktemp("portal"), files, plugin={"process": None}), strict=True)
    assert build.returncode == 0, build.output
    return build


def test_each_process_of_a_portal_has_its_own_report(portal: Build) -> None:
    mehlbach = portal.page("mehlbach/bericht/")
    assert "<h1>Sachstandsbericht: Zukunfts-Check Dorf Mehlbach</h1>" in mehlbach
    assert "Dorfladen Mehlbach" in mehlbach and "Dorfladen Katzweiler" not in mehlbach
    assert 'href="bericht/"' in portal.page("mehlbach/")  # linked from the process's home page


def test_the_portal_report_sums_up_each_process(portal: Build) -> None:
    page = portal.page("bericht/")
    processes = section(page, "prozesse")
    words = text_of(processes)
    assert "Zukunfts-Check Dorf Katzweiler" in words and "Zukunfts-Check Dorf Mehlbach" in words
    assert "1 Ziel; Indikatoren: 1 außerhalb des Korridors" in words  # Katzweiler: 9,5 % is above 6–8 %
    assert "1 Ziel; Indikatoren: 1 im Korridor" in words
    assert 'href="../mehlbach/bericht/"' in processes and 'href="../katzweiler/bericht/"' in processes
    # Every project of the portal, with the process it belongs to.
    rows = [text_of(row) for row in re.findall(r"<tr><th scope=\"row\">.*?</tr>", section(page, "projekte"))]
    assert "Dorfladen Katzweiler Zukunfts-Check Dorf Katzweiler – 100 %" in rows
