"""Every published address has one owner: per-process downloads and calendars, collisions reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import GEMEINDE_AREA, GEOAREAS, GOAL, Build, run_build, write_site

from ikep_site.outputs import Collision, Outputs, Owner, shared_addresses

PROFILE = """name: Zukunfts-Check Dorf {name}
kind: Zukunfts-Check Dorf
phases:
  - {{name: Umsetzung, start: 2025-01-01}}
"""
CALL = """---
title: Dorfwerkstatt {name}
format: workshop
start: 2026-12-10T18:00
place: {{name: Bürgerhaus {name}}}
---
"""


def _village_goal(value: str) -> str:
    return GOAL.replace("{year: 2024, value: 7.1}", f"{{year: 2024, value: {value}}}")


@pytest.fixture(scope="module")
def villages(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Two villages, each with a goal `ortskerne-beleben` and an indicator `leerstand` of its own."""
    files: dict[str, str | bytes] = {
        "index.md": "# Dörfer\n\n<!-- ikep:processes -->\n",
        "mehlbach/prozess.yml": PROFILE.format(name="Mehlbach"),
        "mehlbach/ziele/ortskerne-beleben.md": _village_goal("7.1"),
        "mehlbach/beteiligung/werkstatt.md": CALL.format(name="Mehlbach"),
        "katzweiler/prozess.yml": PROFILE.format(name="Katzweiler"),
        "katzweiler/ziele/ortskerne-beleben.md": _village_goal("5.9"),
        "katzweiler/beteiligung/werkstatt.md": CALL.format(name="Katzweiler"),
    }
    build = run_build(write_site(tmp_path_factory.mktemp("villages"), files, plugin={"process": None}), strict=True)
    assert build.returncode == 0, build.output
    return build


@pytest.mark.parametrize(("village", "value"), [("mehlbach", "7,1"), ("katzweiler", "5,9")])
def test_each_village_links_a_table_of_its_own_numbers(villages: Build, village: str, value: str) -> None:
    page = villages.page(f"{village}/ziele/ortskerne-beleben/")
    assert 'href="leerstand.csv"' in page
    table = (villages.site / village / "ziele" / "ortskerne-beleben" / "leerstand.csv").read_text(encoding="utf-8-sig")
    assert f"2024;{value}" in table


def test_each_village_has_a_calendar_of_its_own_calls(villages: Build) -> None:
    calendar = (villages.site / "mehlbach" / "beteiligung" / "kalender.ics").read_text(encoding="utf-8")
    assert "Dorfwerkstatt Mehlbach" in calendar and "Katzweiler" not in calendar
    assert 'href="beteiligung/kalender.ics"' in villages.page("mehlbach/")
    everything = (villages.site / "beteiligung" / "kalender.ics").read_text(encoding="utf-8")
    assert "Dorfwerkstatt Mehlbach" in everything and "Dorfwerkstatt Katzweiler" in everything


def _build(tmp_path: Path, files: dict[str, str | bytes]) -> Build:
    return run_build(write_site(tmp_path, files), strict=True)


def test_a_call_named_like_the_calendar_of_all_calls_is_reported_with_both(tmp_path: Path) -> None:
    build = _build(tmp_path, {"beteiligung/kalender.md": CALL.format(name="Weilerbach")})
    assert build.returncode == 1
    assert (
        "content/beteiligung/kalender.md: Die Adresse beteiligung/kalender.ics würde zweimal veröffentlicht: "
        "als Kalender der Beteiligung aus content/beteiligung/kalender.md und als Kalender aller Beteiligungen."
    ) in build.output


def test_an_editors_file_where_the_feed_goes_is_reported(tmp_path: Path) -> None:
    build = _build(tmp_path, {"feed.xml": "<feed/>"})
    assert build.returncode == 1
    assert "content/feed.xml: Die Adresse feed.xml würde zweimal veröffentlicht" in build.output
    assert "Ihre Datei content/feed.xml und als Atom-Feed der Website" in build.output


def test_an_editors_page_at_a_generated_pages_address_is_reported(tmp_path: Path) -> None:
    build = _build(tmp_path, {"daten.md": "# Unsere Daten\n"})
    assert build.returncode == 1
    assert "content/daten.md: Die Adresse daten/index.html würde zweimal veröffentlicht" in build.output
    assert "erzeugte Seite „Offene Daten“" in build.output


def test_an_editors_file_among_the_plugins_assets_is_reported(tmp_path: Path) -> None:
    build = _build(tmp_path, {"assets/ikep/ikep.css": "body { color: red }"})
    assert build.returncode == 1
    assert "content/assets/ikep/ikep.css: Die Adresse assets/ikep/ikep.css würde zweimal" in build.output


def test_outputs_keep_the_first_owner_and_record_the_second() -> None:
    out = Outputs()
    out.put("a.ics", b"1", Owner("owner_calls_calendar"))
    out.put("a.ics", b"2", Owner("owner_call_calendar", "beteiligung/a.md"))
    assert out["a.ics"] == b"1"
    [collision] = out.collisions
    assert collision.src_uri == "beteiligung/a.md"
    assert "als Kalender aller Beteiligungen und als Kalender der Beteiligung aus content/beteiligung/a.md" in (
        collision.message("content/")
    )
    with pytest.raises(TypeError):
        out["b"] = "silently"


def test_shared_addresses_name_each_pair() -> None:
    first, second = Owner("owner_feed"), Owner("owner_editor_file", "feed.xml")
    found = shared_addresses([("feed.xml", first), ("index.html", Owner("owner_asset")), ("feed.xml", second)])
    assert found == [Collision("feed.xml", first, second)]


def test_a_site_without_site_url_is_told_what_it_misses(tmp_path: Path) -> None:
    """Calendars and the feed need absolute addresses: without site_url they are left out, never silently."""
    root = write_site(
        tmp_path, {"beteiligung/werkstatt.md": CALL.format(name="Mehlbach")}, extra_config={"site_url": None}
    )
    build = run_build(root, strict=True)
    assert build.returncode == 1
    assert "mkdocs.yml: site_url fehlt" in build.output
    assert not (build.site / "beteiligung" / "werkstatt.ics").exists()


def test_a_boundary_file_of_a_process_is_published_under_that_process(tmp_path: Path) -> None:
    area = GEMEINDE_AREA.format(name="Mehlbach", ags="07335025").replace(
        "geometry: geodaten/", "geometry: mehlbach/geodaten/"
    )
    files: dict[str, str | bytes] = {
        "index.md": "# Dörfer\n\n<!-- ikep:processes -->\n",
        "mehlbach/prozess.yml": PROFILE.format(name="Mehlbach"),
        "mehlbach/raeume/gemeinde.md": area,
        "mehlbach/geodaten/kl-ortsgemeinden.geojson": GEOAREAS["geodaten/kl-ortsgemeinden.geojson"],
    }
    build = run_build(write_site(tmp_path, files, plugin={"process": None}), strict=True)
    assert build.returncode == 0, build.output
    [shapes] = (build.site / "mehlbach" / "assets" / "ikep" / "geo").glob("kl-ortsgemeinden-*.geojson")
    assert not (build.site / "assets" / "ikep" / "geo").exists()
    assert f"assets/ikep/geo/{shapes.name}" in build.page("mehlbach/raeume/gemeinde/")
