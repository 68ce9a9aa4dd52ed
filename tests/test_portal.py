"""Several processes in one site: a folder per process, process-local ids, site-wide overviews."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import GEMEINDE_AREA, GEOAREAS, GOAL, Build, project, run_build, write_site

PROFILE = """name: {name}
kind: Zukunfts-Check Dorf
summary: Ein Dorf plant seine Zukunft.
area: gemeinde
phases:
  - {{name: Bestandsaufnahme, start: 2025-01-01, end: 2025-12-31}}
  - {{name: Umsetzung, start: 2026-01-01}}
"""

CALL = """---
title: Dorfwerkstatt {name}
format: workshop
start: 2026-12-0{day}T18:00
place: {{name: Bürgerhaus {name}}}
areas: [gemeinde]
---
"""


def _portal() -> dict[str, str | bytes]:
    return {
        "index.md": "# Zukunfts-Check Dorf im Landkreis\n\n<!-- ikep:processes -->\n",
        "mehlbach/prozess.yml": PROFILE.format(name="Zukunfts-Check Dorf Mehlbach"),
        "mehlbach/ziele/ortskerne-beleben.md": GOAL,
        "mehlbach/raeume/gemeinde.md": GEMEINDE_AREA.format(name="Mehlbach", ags="07335025"),
        "mehlbach/projekte/dorfladen.md": project("Dorfladen Mehlbach", extra="areas: [gemeinde]\n"),
        "mehlbach/beteiligung/werkstatt.md": CALL.format(name="Mehlbach", day=3),
        "katzweiler/beteiligung/werkstatt.md": CALL.format(name="Katzweiler", day=4),
        "katzweiler/prozess.yml": PROFILE.format(name="Zukunfts-Check Dorf Katzweiler"),
        "katzweiler/ziele/ortskerne-beleben.md": GOAL.replace("Ortskerne beleben", "Ortskern Katzweiler beleben"),
        "katzweiler/raeume/gemeinde.md": GEMEINDE_AREA.format(name="Katzweiler", ags="07335017"),
        # Serves its own goal and, across processes, Mehlbach's.
        "katzweiler/projekte/laden.md": project(
            "Dorfladen Katzweiler", goals="[ortskerne-beleben, mehlbach/ortskerne-beleben]"
        ),
        **GEOAREAS,
    }


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_site(tmp_path_factory.mktemp("portal"), _portal(), plugin={"process": None})
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build


def test_each_process_has_its_pages(portal: Build) -> None:
    home = portal.page("mehlbach/")
    assert "Zukunfts-Check Dorf Mehlbach" in home and "aktuelle Phase" in home
    assert 'href="ziele/ortskerne-beleben/"' in home  # its goals, not the other village's
    assert "Ortskern Katzweiler beleben" not in home
    assert "Dorfladen Mehlbach" in portal.page("mehlbach/projekte/")
    assert "Dorfladen Katzweiler" not in portal.page("mehlbach/projekte/")
    # The same id in two processes: two pages.
    assert "Ortskern Katzweiler beleben" in portal.page("katzweiler/ziele/ortskerne-beleben/")


def test_cross_process_reference_links_both_ways(portal: Build) -> None:
    project_page = portal.page("katzweiler/projekte/laden/")
    assert 'href="../../../mehlbach/ziele/ortskerne-beleben/"' in project_page
    assert 'href="../../ziele/ortskerne-beleben/"' in project_page
    goal = portal.page("mehlbach/ziele/ortskerne-beleben/")
    assert 'href="../../../katzweiler/projekte/laden/"' in goal


def test_portal_home_and_site_wide_overviews(portal: Build) -> None:
    home = portal.page("")
    assert 'href="mehlbach/"' in home and 'href="katzweiler/"' in home
    # The map of all processes: each village's area, leading to its process.
    assert "data-ikep-map" in home and '"link": "mehlbach/"' in home and '"link": "katzweiler/"' in home
    projects = portal.page("projekte/")
    assert "Dorfladen Mehlbach" in projects and "Dorfladen Katzweiler" in projects
    goals = portal.page("ziele/")
    assert "Ortskerne beleben" in goals and "Ortskern Katzweiler beleben" in goals


def test_navigation_lists_no_process(portal: Build) -> None:
    page = portal.page("katzweiler/projekte/laden/")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', page, re.S)
    assert nav is not None
    assert "mehlbach" not in nav.group(0) and "katzweiler/" not in nav.group(0)


def test_calendars_of_same_ids_in_two_processes_stay_apart(portal: Build) -> None:
    for name, other in (("mehlbach", "Katzweiler"), ("katzweiler", "Mehlbach")):
        own = name.capitalize()
        area_page = portal.page(f"{name}/raeume/gemeinde/")
        assert 'href="kalender.ics"' in area_page
        area_calendar = (portal.site / name / "raeume/gemeinde/kalender.ics").read_text(encoding="utf-8")
        assert f"Dorfwerkstatt {own}" in area_calendar and other not in area_calendar
        assert 'href="../werkstatt.ics"' in portal.page(f"{name}/beteiligung/werkstatt/")
        call_calendar = (portal.site / name / "beteiligung/werkstatt.ics").read_text(encoding="utf-8")
        assert f"Dorfwerkstatt {own}" in call_calendar and other not in call_calendar
    everything = (portal.site / "beteiligung/kalender.ics").read_text(encoding="utf-8")
    assert "Dorfwerkstatt Mehlbach" in everything and "Dorfwerkstatt Katzweiler" in everything


def test_reference_to_an_unknown_process(tmp_path: Path) -> None:
    files = _portal()
    files["katzweiler/projekte/laden.md"] = project("Laden", goals="[nirgendwo/ortskerne-beleben]")
    build = run_build(write_site(tmp_path, files, plugin={"process": None}), strict=True)
    assert build.returncode != 0
    assert "content/katzweiler/projekte/laden.md:5: goals: Den Prozess 'nirgendwo' gibt es" in build.output
