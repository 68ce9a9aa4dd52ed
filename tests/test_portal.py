"""Several processes in one site: a folder per process, process-local ids, site-wide overviews."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import GEOAREAS, GOAL, Build, project, run_build, write_site

PROFILE = """name: {name}
kind: Zukunfts-Check Dorf
summary: Ein Dorf plant seine Zukunft.
area: gemeinde
phases:
  - {{name: Bestandsaufnahme, start: 2025-01-01, end: 2025-12-31}}
  - {{name: Umsetzung, start: 2026-01-01}}
"""
AREA = """---
title: Gemeinde {name}
kind: gemeinde
geometry: geodaten/kl-ortsgemeinden.geojson
key: AGS
members: ["{ags}"]
---
"""


def _portal() -> dict[str, str | bytes]:
    return {
        "index.md": "# Zukunfts-Check Dorf im Landkreis\n\n<!-- ikep:processes -->\n",
        "mehlbach/prozess.yml": PROFILE.format(name="Zukunfts-Check Dorf Mehlbach"),
        "mehlbach/ziele/ortskerne-beleben.md": GOAL,
        "mehlbach/raeume/gemeinde.md": AREA.format(name="Mehlbach", ags="07335025"),
        "mehlbach/projekte/dorfladen.md": project("Dorfladen Mehlbach", extra="areas: [gemeinde]\n"),
        "katzweiler/prozess.yml": PROFILE.format(name="Zukunfts-Check Dorf Katzweiler"),
        "katzweiler/ziele/ortskerne-beleben.md": GOAL.replace("Ortskerne beleben", "Ortskern Katzweiler beleben"),
        "katzweiler/raeume/gemeinde.md": AREA.format(name="Katzweiler", ags="07335017"),
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


def test_reference_to_an_unknown_process(tmp_path: Path) -> None:
    files = _portal()
    files["katzweiler/projekte/laden.md"] = project("Laden", goals="[nirgendwo/ortskerne-beleben]")
    build = run_build(write_site(tmp_path, files, plugin={"process": None}), strict=True)
    assert build.returncode != 0
    assert "content/katzweiler/projekte/laden.md:5: goals: Den Prozess 'nirgendwo' gibt es" in build.output
