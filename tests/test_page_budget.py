"""At most 150 KB of the site's own bytes per page, and maps that load only the shapes they show.

A page's own bytes: its HTML, the site's own style sheets and scripts it loads and the map data its
maps fetch. The theme's bundle and the vendored Leaflet are shared by every page and cached, so
they are left out. The measuring here is written independently of adapter/budget.py.
"""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import GOAL, PROCESS, ROOT, Build, project, run_build, write_site

from ikep_site.adapter.budget import BUDGET_BYTES, loaded_files

KREISE = ROOT / "benchmark" / "data" / "rlp-kreise.geojson"
SHARED = ("assets/javascripts/", "assets/stylesheets/", "assets/ikep/leaflet/")
LANDKREIS = """---
title: Landkreis Kaiserslautern
kind: landkreis
geometry: geodaten/rlp-kreise.geojson
key: ARS
members: ["07335"]
attribution: "© GeoBasis-DE / BKG 2016 (Daten verändert)"
attribution_url: https://www.bkg.bund.de
---
Der Landkreis.
"""


class _Loads(HTMLParser):
    """The scripts, style sheets and map data a page asks for."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            self._in_script = True
            if values.get("src"):
                self.urls.append(values["src"])
        if tag == "link" and "stylesheet" in values.get("rel", "").split():
            self.urls.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        self._in_script = self._in_script and tag != "script"

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.urls += re.findall(r'"url": "([^"]+\.geojson)"', data)


def own_bytes(site: Path, html_file: Path) -> int:
    parser = _Loads()
    html = html_file.read_text(encoding="utf-8")
    parser.feed(html)
    folder = html_file.parent.relative_to(site).as_posix()
    paths = {posixpath.normpath(posixpath.join(folder, url)) for url in parser.urls if "//" not in url}
    return len(html.encode("utf-8")) + sum(
        (site / path).stat().st_size for path in paths if not path.startswith(SHARED) and (site / path).is_file()
    )


def _kreis_site(root: Path, extra: dict[str, str | bytes] | None = None) -> Path:
    """A site whose only area is one Kreis out of the file of all Kreise of Rhineland-Palatinate."""
    located = "location: {lat: 49.52, lon: 7.73}\nareas: [landkreis-kaiserslautern]\n"
    files: dict[str, str | bytes] = {
        "geodaten/rlp-kreise.geojson": KREISE.read_bytes(),
        "raeume/landkreis-kaiserslautern.md": LANDKREIS,
        "ziele/ortskerne-beleben.md": GOAL,
        "projekte/dorfladen.md": project("Dorfladen", extra=located),
        "projekte/radweg.md": project("Radweg", extra=located),
        **(extra or {}),
    }
    return write_site(root, files, plugin={"process": {**PROCESS, "area": "landkreis-kaiserslautern"}})


@pytest.fixture(scope="module")
def kreis_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return run_build(_kreis_site(tmp_path_factory.mktemp("kreis")), strict=True)


def test_every_page_of_a_kreis_site_stays_within_the_budget(kreis_build: Build) -> None:
    assert kreis_build.returncode == 0, kreis_build.output
    assert KREISE.stat().st_size > BUDGET_BYTES  # the whole file alone would be over
    pages = sorted(kreis_build.site.rglob("index.html"))
    weights = {page.relative_to(kreis_build.site).as_posix(): own_bytes(kreis_build.site, page) for page in pages}
    assert len(weights) >= 8
    over = {page: size for page, size in weights.items() if size > BUDGET_BYTES}
    assert not over, over
    # The Kreis is on the area page and behind every project: each loads the one Kreis, not all 36.
    for page in ("raeume/landkreis-kaiserslautern/index.html", "projekte/dorfladen/index.html"):
        html = (kreis_build.site / page).read_text(encoding="utf-8")
        (url,) = set(re.findall(r'"url": "([^"]+\.geojson)"', html))
        shapes = json.loads(((kreis_build.site / page).parent / url).resolve().read_text(encoding="utf-8"))
        assert [feature["properties"]["GEN"] for feature in shapes["features"]] == ["Kaiserslautern"]


def test_maps_load_leaflet_without_blocking_the_page(kreis_build: Build) -> None:
    html = kreis_build.page("raeume/landkreis-kaiserslautern/")
    scripts = re.findall(r"<script\b[^>]*\bsrc=\"[^\"]*(?:leaflet|ikep-maps)\.js\"[^>]*>", html)
    assert len(scripts) == 2 and all(" defer" in tag for tag in scripts), scripts
    # The map is made after the deferred scripts have run.
    assert 'document.addEventListener("DOMContentLoaded", function () {\nvar map_' in html


def test_a_page_over_the_budget_fails_strict_naming_its_file_and_bytes(tmp_path: Path) -> None:
    rows = "\n".join(f"| Zeile {n} | {'Langer Text ' * 12} |" for n in range(1200))
    heavy = {"schwer.md": f"# Eine sehr lange Seite\n\n| Nr. | Text |\n|---|---|\n{rows}\n"}
    strict = run_build(_kreis_site(tmp_path / "strict", heavy), strict=True)
    assert strict.returncode != 0
    message = re.search(r"content/schwer\.md: Die Seite schwer/ ist .*", strict.output)
    assert message is not None, strict.output
    size = (strict.site / "schwer/index.html").stat().st_size
    assert size > BUDGET_BYTES
    assert re.search(r"ist mit ihren eigenen Daten und Skripten [\d.]+ Bytes \(\d+ KB\) groß", message.group(0))
    assert "höchstens 150.000 Bytes (150 KB)" in message.group(0)
    assert "content/ziele/" not in strict.output and "landkreis-kaiserslautern.md:" not in strict.output
    plain = run_build(_kreis_site(tmp_path / "plain", heavy))
    assert plain.returncode == 0, plain.output
    assert "WARNING" in plain.output and "content/schwer.md: Die Seite schwer/" in plain.output


def test_what_a_page_loads_is_resolved_against_its_address() -> None:
    html = (
        '<link rel="stylesheet" href="../../assets/ikep/ikep.css">'
        "<link rel=stylesheet href=../x.css>"
        '<link rel="alternate" href="../../feed.xml">'
        '<script src="https://example.org/a.js"></script><script defer src="/b.js"></script>'
        '<script>ikepMaps.addGeoJson(map_k_0, {"url": "../../assets/ikep/geo/k.geojson", "key": "ARS"});</script>'
    )
    assert loaded_files(html, "raeume/k/index.html") == [
        "assets/ikep/ikep.css",
        "raeume/x.css",
        "b.js",
        "assets/ikep/geo/k.geojson",
    ]
