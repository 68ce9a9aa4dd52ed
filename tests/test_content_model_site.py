"""A site written only to the content model (tests/sites/westpfalz), not to the demo.

An intermunicipal cooperation of four Kreise on the Kreise file of Rhineland-Palatinate, written from
../shared/design/content-model.md: what holds on the demo must hold on it too, or it holds only
because the demo happens to use it. Built with --strict, audited in Chromium like the demo, and
weighed as a phone loads it.
"""

from __future__ import annotations

import asyncio
import shutil
from urllib.parse import urlsplit

import pytest
from browser_support import CHROMIUM, LAUNCH_ARGS, audit_pages, serve, sitemap_pages, vnu_errors
from conftest import ROOT, Build, run_build
from playwright.async_api import async_playwright

SITE = ROOT / "tests" / "sites" / "westpfalz"
SITE_URL = "https://example.org/westpfalz/"
PREFIX = "/westpfalz/"
# What every page shares and the browser keeps after the first: the theme's bundle, Leaflet.
SHARED = (f"{PREFIX}assets/javascripts/", f"{PREFIX}assets/stylesheets/", f"{PREFIX}assets/ikep/leaflet/")
BUDGET = 150_000


@pytest.fixture(scope="module")
def westpfalz(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("westpfalz") / "src"
    shutil.copytree(SITE, root)
    return run_build(root, strict=True)


def test_it_builds_strictly_without_a_warning(westpfalz: Build) -> None:
    assert westpfalz.returncode == 0, westpfalz.output
    assert "WARNING" not in westpfalz.output, westpfalz.output


def test_every_page_passes_the_browser_gates(westpfalz: Build) -> None:
    with serve(westpfalz.site, PREFIX) as base_url:
        urls = sitemap_pages(westpfalz.site, base_url, SITE_URL)
        reports = asyncio.run(audit_pages(urls))
    assert len(urls) >= 25, urls
    failures = [f"{report.url}\n  " + "\n  ".join(report.problems()) for report in reports if report.problems()]
    assert not failures, "\n".join(failures)


def test_every_page_is_valid_html(westpfalz: Build) -> None:
    errors = vnu_errors(westpfalz.site)
    assert not errors, "\n".join(errors[:50])


async def _own_bytes(base_url: str, urls: list[str]) -> dict[str, int]:
    """What a 375 px phone downloads of the site's own files for each page, as Chromium counts it."""
    weights: dict[str, int] = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            context = await browser.new_context(viewport={"width": 375, "height": 800}, locale="de-DE")
            for url in urls:
                page = await context.new_page()  # a fresh page: every own file counted again
                sizes: dict[str, int] = {}

                async def counted(response, sizes: dict[str, int] = sizes) -> None:  # type: ignore[no-untyped-def]
                    path = urlsplit(response.url).path
                    if response.status == 200 and not path.startswith(SHARED):
                        sizes[path] = len(await response.body())

                page.on("response", counted)
                await page.goto(url, wait_until="networkidle")
                await page.close()
                weights[urlsplit(url).path] = sum(sizes.values())
            await context.close()
        finally:
            await browser.close()
    return weights


def test_every_page_loads_at_most_150_kb_of_its_own_bytes(westpfalz: Build) -> None:
    with serve(westpfalz.site, PREFIX) as base_url:
        urls = sitemap_pages(westpfalz.site, base_url, SITE_URL)
        weights = asyncio.run(_own_bytes(base_url, urls))
    # The maps' shapes are counted: an area page fetches its GeoJSON.
    assert weights[f"{PREFIX}raeume/westpfalz/"] > len((westpfalz.site / "raeume/westpfalz/index.html").read_bytes())
    heavy = {path: size for path, size in weights.items() if size > BUDGET}
    assert not heavy, heavy


async def _home_positions(base_url: str) -> dict[str, float]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            page = await browser.new_page(viewport={"width": 375, "height": 800}, locale="de-DE")
            await page.goto(base_url, wait_until="load")
            call = await page.locator(".ikep-now [data-ikep-call]:not([hidden])").first.bounding_box()
            goals = await page.locator(".ikep-goals").first.bounding_box()
            await page.goto(base_url + "ziele/fachkraefte-gewinnen/", wait_until="load")
            chart = await page.locator("figure svg:visible").first.bounding_box()
            scroll = await page.evaluate("document.documentElement.scrollWidth")
        finally:
            await browser.close()
    assert call and goals and chart
    return {"call": call["y"], "goals": goals["y"], "chart_right": chart["x"] + chart["width"], "scroll": scroll}


def test_on_a_phone_the_next_call_comes_first_and_the_chart_fits(westpfalz: Build) -> None:
    with serve(westpfalz.site, PREFIX) as base_url:
        positions = asyncio.run(_home_positions(base_url))
    assert positions["call"] < 1200, positions
    assert positions["call"] < positions["goals"], positions
    assert positions["chart_right"] <= 375 and positions["scroll"] <= 375, positions


def test_pages_citizens_need_are_there_and_linked_in_every_footer(westpfalz: Build) -> None:
    home = westpfalz.page("")
    for folder in ("impressum", "datenschutz", "barrierefreiheit", "gebaerdensprache"):
        assert (westpfalz.site / folder / "index.html").is_file()
        assert f'href="{folder}/"' in home, folder
    assert 'property="og:url" content="https://example.org/westpfalz/"' in home
    easy = westpfalz.page("leichte-sprache/")
    assert "Werkstatt" in easy and "Stadthalle Kusel" in easy  # what happens now, from the site's own data
