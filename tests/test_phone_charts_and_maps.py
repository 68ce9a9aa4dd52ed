"""Citizens on a phone: corridor charts whole at 375 px with the target in words; maps that speak.

Checked in Chromium (Debian's, through Playwright) on a site built in tmp_path with `mkdocs build`.
"""

from __future__ import annotations

import asyncio
import json
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from browser_support import CHROMIUM, LAUNCH_ARGS, serve
from conftest import GEOAREAS, Build, run_build, write_site
from markupsafe import escape
from playwright.async_api import async_playwright

# Years from 2016 to 2035: a span the wide drawing at 343 px could only show by scrolling.
LONG_GOAL = """
---
title: Ortskerne beleben
summary: Weniger Leerstand.
indicators:
  - id: leerstand
    name: Leerstandsquote
    unit: "%"
    better: lower
    corridor:
      - {year: 2024, min: 6.0, max: 8.0}
      - {year: 2035, min: 3.0, max: 5.5}
    values:
      - {year: 2016, value: 9.4}
      - {year: 2021, value: 8.4}
      - {year: 2024, value: 7.1}
  - id: einwohner
    name: Einwohnerinnen und Einwohner
    unit: Personen
    better: higher
    corridor:
      - {year: 2024, min: 105000, max: 106500}
      - {year: 2030, min: 104000, max: 107000}
    values:
      - {year: 2022, value: 105870}
---
Beschreibung.
"""

# What the visible chart of each figure shows, measured by the browser.
CHART_SCRIPT = """
() => [...document.querySelectorAll("figure.ikep-chart")].map((figure) => {
  const svg = [...figure.querySelectorAll("svg")].find((s) => s.getBoundingClientRect().width > 0);
  const box = svg.getBoundingClientRect();
  const years = [...svg.querySelectorAll("g.ikep-chart__axis text[text-anchor=middle]")].map((text) => {
    const r = text.getBoundingClientRect();
    return {year: Number(text.textContent), left: r.left, right: r.right, top: r.top, bottom: r.bottom,
            px: r.height};
  });
  const fonts = [...svg.querySelectorAll("text")].map((text) => text.getBoundingClientRect().height);
  const scroller = figure.scrollWidth > figure.clientWidth + 1;
  return {left: box.left, right: box.right, top: box.top, bottom: box.bottom, years, scroller,
          smallest: Math.min(...fonts), kind: svg.getAttribute("class"),
          caption: (figure.querySelector("figcaption") || {}).textContent || null,
          viewport: window.innerWidth};
})
"""


@pytest.fixture(scope="module")
def phone_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_site(tmp_path_factory.mktemp("phone"), {"ziele/ortskerne-beleben.md": LONG_GOAL, **GEOAREAS})
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build


async def _charts(base_url: str, width: int) -> list[dict[str, Any]]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            context = await browser.new_context(viewport={"width": width, "height": 800}, locale="de-DE")
            page = await context.new_page()
            await page.goto(base_url + "ziele/ortskerne-beleben/", wait_until="load")
            charts: list[dict[str, Any]] = await page.evaluate(CHART_SCRIPT)
            return charts
        finally:
            await browser.close()


def test_charts_are_whole_on_a_phone_with_every_year_and_the_target(phone_build: Build) -> None:
    with serve(phone_build.site) as base_url:
        charts = asyncio.run(_charts(base_url, 375))
    assert len(charts) == 2
    for chart, (first, last, target) in zip(
        charts,
        [(2016, 2035, "Ziel 2035: 3–5,5 % (niedriger ist besser)"), (2022, 2030, None)],
        strict=True,
    ):
        assert chart["kind"].endswith("--narrow"), chart["kind"]
        assert chart["left"] >= 0 and chart["right"] <= chart["viewport"], chart
        assert not chart["scroller"]
        years = [label["year"] for label in chart["years"]]
        # The labels run up to the target year, none is clipped by the chart or the screen.
        assert years[0] - first < 5 and last - years[-1] < 5 and years == sorted(years), years
        for label in chart["years"]:
            assert chart["left"] <= label["left"] and label["right"] <= chart["right"], label
            assert label["bottom"] <= chart["bottom"] and label["right"] <= chart["viewport"], label
        assert chart["smallest"] >= 12 * 0.95, chart["smallest"]  # a text box is about 1.1 times the font size
        if target:
            assert chart["caption"] == target.replace(" %", "\u00a0%")
    assert charts[1]["caption"] == "Ziel 2030: 104.000–107.000\u00a0Personen (höher ist besser)"


def test_charts_keep_the_wide_drawing_on_a_large_screen(phone_build: Build) -> None:
    with serve(phone_build.site) as base_url:
        charts = asyncio.run(_charts(base_url, 1280))
    assert [chart["kind"].split("--")[-1] for chart in charts] == ["wide", "wide"]
    assert all(chart["smallest"] >= 12 for chart in charts)
    assert charts[0]["years"][-1]["year"] == 2035


def test_one_term_for_the_corridor_on_the_goal_page(phone_build: Build) -> None:
    page = phone_build.page("ziele/ortskerne-beleben/")
    assert "Zielkorridor" not in page
    assert page.count(">Entwicklungskorridor</text>") == 4  # the legend of both drawings of both charts
    assert "Entwicklungskorridor 2024 von 6 bis 8" in page  # the text alternative


# --- maps that speak without a background ------------------------------------------------------

HOSTILE = '<img src=x onerror="alert(1)"> & Söhne'


def _square(key: str, name: str, west: float, south: float, size: float = 0.05) -> dict[str, Any]:
    ring = [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]
    return {
        "type": "Feature",
        "properties": {"AGS": key, "GEN": name},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


SQUARES = json.dumps(
    {
        "type": "FeatureCollection",
        "features": [
            _square("1", "Nordheim", 7.70, 49.50),
            _square("2", HOSTILE, 7.75, 49.50),
            _square("3", "Südheim", 7.70, 49.45),
        ],
    }
)


def _area(kind: str, members: list[str], title: str) -> str:
    return (
        f"---\ntitle: {title}\nkind: {kind}\ngeometry: geodaten/quadrate.geojson\nkey: AGS\n"
        f"members: {json.dumps(members)}\n---\n"
    )


@pytest.fixture(scope="module")
def map_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    files: dict[str, str | bytes] = {
        "geodaten/quadrate.geojson": SQUARES,
        "raeume/vg.md": _area("verbandsgemeinde", ["3", "1", "2"], "Verbandsgemeinde Quadrat"),
        "raeume/kreis.md": _area("landkreis", ["1", "2", "3"], "Landkreis Quadrat"),
        "raeume/lautertal.md": _area("kooperationsraum", ["1", "2"], "Kooperationsraum Quadrat"),
        "raeume/dorf.md": _area("gemeinde", ["1"], "Gemeinde Nordheim"),
    }
    build = run_build(write_site(tmp_path_factory.mktemp("maps"), files), strict=True)
    assert build.returncode == 0, build.output
    return build


def test_area_pages_name_their_members_as_fits_the_kind(map_build: Build) -> None:
    headings = {
        "vg": "Ortsgemeinden der Verbandsgemeinde",
        "kreis": "Verbandsgemeinden und Gemeinden im Landkreis",
        "lautertal": "Beteiligte Gemeinden",
        "dorf": "Gebiet",
    }
    for page, heading in headings.items():
        html = map_build.page(f"raeume/{page}/")
        assert f'<h2 id="gebiete">{heading}</h2>' in html, page
        assert "Zugehörige Gebiete" not in html


def test_static_map_numbers_its_shapes_as_the_member_list_below_it(map_build: Build) -> None:
    html = map_build.page("raeume/vg/")
    svg = re.search(r'<div class="ikep-map__static">(<svg.*?</svg>)', html, re.S)
    assert svg is not None
    root = ET.fromstring(svg.group(1))
    titles = [e.text for e in root.iterfind(".//{http://www.w3.org/2000/svg}path/{http://www.w3.org/2000/svg}title")]
    assert titles == ["Südheim", "Nordheim", HOSTILE]  # the order of `members`, names as text
    names = root.find(".//{http://www.w3.org/2000/svg}g[@class='ikep-map__names']")
    assert names is not None and [t.text for t in names] == ["1", "2", "3"]
    # Each number sits on its own shape (the squares' order: Südheim below, Nordheim, then east).
    xs = [float(t.attrib["x"]) for t in names]
    ys = [float(t.attrib["y"]) for t in names]
    assert ys[0] > ys[1] and xs[2] > xs[1]
    members = re.search(r'<ol class="ikep-members[^"]*">(.*?)</ol>', html, re.S)
    assert members is not None
    assert re.findall(r"<li>(.*?)</li>", members.group(1)) == ["Südheim", "Nordheim", str(escape(HOSTILE))]
    assert "Die Nummern auf der Karte gehören zu dieser Liste." in html
    assert HOSTILE not in html and "<img src=x" not in html


async def _exercise_map(base_url: str) -> dict[str, Any]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            context = await browser.new_context(viewport={"width": 375, "height": 800}, locale="de-DE")
            page = await context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: dialogs.append(dialog.message))
            await page.goto(base_url + "raeume/vg/", wait_until="networkidle")
            await page.wait_for_timeout(300)
            result: dict[str, Any] = await page.evaluate(
                """() => ({
                  numbers: [...document.querySelectorAll(".ikep-map__number")].map((e) => e.textContent),
                  titles: [...document.querySelectorAll(".leaflet-overlay-pane path title")].map((e) => e.textContent),
                  injected: document.querySelectorAll(".leaflet-container img[src=x]").length,
                  scales: [...document.querySelectorAll(".leaflet-control-scale-line")].map((e) => e.textContent),
                })"""
            )
            result["errors"], result["dialogs"] = errors, dialogs
            return result
        finally:
            await browser.close()


def test_interactive_map_numbers_shapes_and_measures_in_metres_only(map_build: Build) -> None:
    with serve(map_build.site) as base_url:
        result = asyncio.run(_exercise_map(base_url))
    assert sorted(result["numbers"]) == ["1", "2", "3"]
    assert sorted(result["titles"]) == sorted(["1. Südheim", "2. Nordheim", f"3. {HOSTILE}"])
    assert result["injected"] == 0 and result["dialogs"] == [] and result["errors"] == []
    assert len(result["scales"]) == 1 and re.fullmatch(r"\d+ k?m", result["scales"][0]), result["scales"]
