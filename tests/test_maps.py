"""Maps: real builds of fixture sites, checked in the HTML and in Chromium."""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from browser_support import CHROMIUM, LAUNCH_ARGS, serve
from conftest import GEOAREAS, GOAL, ROOT, Build, project, run_build, write_site
from playwright.async_api import async_playwright

ORTSGEMEINDEN = json.loads((ROOT / "content/geodaten/kl-ortsgemeinden.geojson").read_text(encoding="utf-8"))
ALL_AGS = [feature["properties"]["AGS"] for feature in ORTSGEMEINDEN["features"]]
OTTERBACH = [
    f["properties"]["AGS"] for f in ORTSGEMEINDEN["features"] if f["properties"]["VG_2021"] == "Otterbach-Otterberg"
]


def _area(members: list[str], title: str = "Landkreis in Gemeinden") -> str:
    listed = ", ".join(f'"{member}"' for member in members)
    return f"""---
title: {title}
kind: kooperationsraum
geometry: geodaten/kl-ortsgemeinden.geojson
key: AGS
members: [{listed}]
attribution: "© GeoBasis-DE / BKG 2016 (Daten verändert)"
attribution_url: https://www.bkg.bund.de
---
"""


def _site(root: Path, *, tiles: dict[str, str] | None = None) -> Path:
    files: dict[str, str | bytes] = {
        "ziele/ortskerne-beleben.md": GOAL,
        "raeume/alle.md": _area(ALL_AGS),
        "raeume/otterbach.md": _area(OTTERBACH, "Verbandsgemeinde Otterbach-Otterberg"),
        "projekte/laden.md": project(
            "Dorfladen Mehlbach", extra="areas: [otterbach]\nlocation: {lat: 49.52, lon: 7.73}\n"
        ),
        "projekte/radweg.md": project("Radweg <Lautertal>", extra="location: {lat: 49.50, lon: 7.78}\n"),
        "projekte/ohne-ort.md": project("Ohne Ort"),
        **GEOAREAS,
    }
    plugin: dict[str, object] = {}
    if tiles:
        plugin["tiles"] = tiles
    return write_site(root, files, plugin=plugin)


@pytest.fixture(scope="module")
def map_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = run_build(_site(tmp_path_factory.mktemp("maps")), strict=True)
    assert build.returncode == 0, build.output
    return build


def test_nothing_loads_from_a_cdn(map_build: Build) -> None:
    for html_file in map_build.site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        for host in ("cdn.jsdelivr", "cdnjs", "code.jquery", "bootstrapcdn", "@latest", "unpkg"):
            assert host not in html, (html_file, host)
    page = map_build.page("raeume/otterbach/")
    assert re.search(r'<script defer src="\.\./\.\./assets/ikep/leaflet/leaflet\.js">', page)
    assert (map_build.site / "assets/ikep/leaflet/LICENSE").is_file()
    assert "tile.openstreetmap.org" in page  # configured, but only requested after consent (browser test)


def test_area_page_stays_small_with_fifty_municipalities(map_build: Build) -> None:
    page = map_build.page("raeume/alle/")
    shared = re.findall(r'"url": "([^"]+\.geojson)"', page)
    assert shared, "the map fetches a shared GeoJSON file"
    geojson = (map_build.site / "raeume/alle/" / shared[0]).resolve()
    page_bytes = len(page.encode("utf-8")) + geojson.stat().st_size
    assert page_bytes <= 250_000, page_bytes
    # The static SVG draws every member; the member list names them all.
    svg = re.search(r'<div class="ikep-map__static">(<svg.*?</svg>)', page, re.S)
    assert svg is not None and svg.group(1).count("<path") == 50
    # Only this area's shapes: another area's map loads a file of its own.
    assert len(json.loads(geojson.read_text(encoding="utf-8"))["features"]) == 50
    assert shared[0].split("/")[-1] not in map_build.page("raeume/otterbach/")


def test_two_builds_are_byte_identical(tmp_path: Path, map_build: Build) -> None:
    again = run_build(_site(tmp_path / "again"), strict=True)
    assert again.returncode == 0, again.output

    def digest(site: Path) -> dict[str, str]:
        return {
            str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*"))
            if path.is_file() and path.suffix in (".html", ".geojson") and "search" not in path.parts
        }

    first, second = digest(map_build.site), digest(again.site)
    assert first == second


def test_marker_labels_are_escaped(map_build: Build) -> None:
    page = map_build.page("projekte/radweg/")
    assert "<Lautertal>" not in page
    assert "Radweg \\u003cLautertal\\u003e" in page or "Radweg &lt;Lautertal&gt;" in page


def test_location_outside_the_process_area_warns(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "ziele/ortskerne-beleben.md": GOAL,
        "raeume/landkreis.md": _area(ALL_AGS),
        "projekte/mainz.md": project("In Mainz", extra="location: {lat: 50.0, lon: 8.27}\n"),
        **GEOAREAS,
    }
    root = write_site(tmp_path, files, plugin={"process": {"name": "Test", "area": "landkreis"}})
    build = run_build(root, strict=True)
    assert build.returncode != 0
    assert "content/projekte/mainz.md:6: location: Der Ort (50.0, 8.27) liegt außerhalb" in build.output
    assert "Traceback" not in build.output


@pytest.mark.parametrize(
    ("geojson", "expected"),
    [
        ('{"type": "Feature"}', "keine GeoJSON-FeatureCollection"),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"AGS": "1"},'
            ' "geometry": {"type": "Polygon", "coordinates": [[[7, 95], [8, 49], [8, 50], [7, 95]]]}}]}',
            "Fläche Nr. 1 fehlerhaft: Punkt 1: Breite 95",
        ),
        ("kein json", "kein lesbares GeoJSON"),
    ],
)
def test_bad_boundary_files_are_reported_with_line(tmp_path: Path, geojson: str, expected: str) -> None:
    files: dict[str, str | bytes] = {
        "ziele/ortskerne-beleben.md": GOAL,
        "raeume/kaputt.md": _area(["1"]).replace("kl-ortsgemeinden.geojson", "kaputt.geojson"),
        "geodaten/kaputt.geojson": geojson,
    }
    build = run_build(write_site(tmp_path, files), strict=True)
    assert build.returncode != 0
    assert "content/raeume/kaputt.md:4: geometry:" in build.output and expected in build.output, build.output
    assert "Traceback" not in build.output


# In the browser ------------------------------------------------------------------------------------


class _TileHandler(BaseHTTPRequestHandler):
    """Serves a grey 1×1 PNG for every tile and remembers what was asked for."""

    requests: ClassVar[list[str]] = []
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b55"
        "0000000a49444154789c6360000000020001e221bc330000000049454e44ae426082"
    )

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(self.png)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def tile_server() -> Iterator[tuple[str, list[str]]]:
    handler = type("Tiles", (_TileHandler,), {"requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}", handler.requests
    finally:
        server.shutdown()
        server.server_close()


def test_maps_in_the_browser_shapes_markers_and_consent(tmp_path: Path) -> None:
    with tile_server() as (tile_host, tile_requests):
        tiles = {"url": f"http://{tile_host}/{{z}}/{{x}}/{{y}}.png", "name": "Testkarten"}
        build = run_build(_site(tmp_path, tiles=tiles), strict=True)
        assert build.returncode == 0, build.output
        with serve(build.site) as base_url:
            result = asyncio.run(_exercise(base_url, tile_host))
    assert result["shapes"] == len(OTTERBACH)
    # The Dorfladen names the area; the Radweg names none, but its location lies inside it.
    assert result["markers"] == 2
    assert result["before_consent"] == [], result["before_consent"]
    assert result["after_consent"] and all(tile_host in url for url in result["after_consent"])
    assert tile_requests, "tiles were requested from the configured host"
    assert result["stored"] is None, "nothing is remembered unless the reader ticks the box"
    # On the overview every shape of every area is a link a keyboard reaches.
    assert result["focusable_shapes"] == len(ALL_AGS) + len(OTTERBACH)
    assert result["marker_focusable"]
    assert result["static_hidden"] and result["static_visible_without_js"]


async def _exercise(base_url: str, tile_host: str) -> dict[str, object]:
    result: dict[str, object] = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = await browser.new_context(viewport={"width": 375, "height": 800})
        page = await context.new_page()
        seen: list[str] = []
        page.on("request", lambda request: seen.append(request.url))
        await page.goto(base_url + "raeume/otterbach/", wait_until="networkidle")
        result["shapes"] = await page.locator(".leaflet-overlay-pane path").count()
        result["markers"] = await page.locator(".leaflet-marker-icon").count()
        result["before_consent"] = [url for url in seen if not url.startswith(base_url)]
        result["static_hidden"] = not await page.locator(".ikep-map__static").first.is_visible()
        result["marker_focusable"] = await page.locator(".leaflet-marker-icon").first.get_attribute("tabindex") == "0"
        seen.clear()
        await page.get_by_role("button", name="Hintergrundkarte von Testkarten laden").click()
        await page.wait_for_timeout(500)
        result["after_consent"] = [url for url in seen if not url.startswith(base_url)]
        result["stored"] = await page.evaluate("() => localStorage.getItem('ikep-map-tiles')")
        await page.goto(base_url + "raeume/", wait_until="networkidle")
        result["focusable_shapes"] = await page.locator('.leaflet-overlay-pane path[tabindex="0"][role="link"]').count()
        await context.close()
        no_js = await browser.new_context(java_script_enabled=False)
        page = await no_js.new_page()
        await page.goto(base_url + "raeume/otterbach/")
        result["static_visible_without_js"] = await page.locator(".ikep-map__static svg").first.is_visible()
        await browser.close()
    return result
