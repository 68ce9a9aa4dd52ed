"""Citizens' search, paper and shared links (issue 16, items 4, 5, 7, 10).

German search: inflected forms find the page (checked in Chromium, as a citizen types them), the
editor guide is neither a tab nor a search result. Print: value tables open, controls hidden, the
map as its shapes, site name, address and build date on paper. Sharing: Open Graph tags on every
page, sitemap dates from the content, not from the build.
"""

from __future__ import annotations

import asyncio
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import material
import pytest
from browser_support import CHROMIUM, LAUNCH_ARGS, serve
from conftest import ROOT, Build
from playwright.async_api import Page, async_playwright

PREFIX = "/kreisentwicklung/"
SITE_URL = "https://example.org/kreisentwicklung/"
LUNR_DE = Path("assets/javascripts/lunr/min/lunr.de.min.js")


# --- German search ------------------------------------------------------------------------------


async def _search(page: Page, base_url: str, words: list[str]) -> dict[str, list[str]]:
    """The result addresses (below the site) Material's search lists for each word, typed as a citizen types."""
    results: dict[str, list[str]] = {}
    for word in words:
        await page.goto(base_url)
        await page.focus(".md-search__input")
        await page.keyboard.type(word)
        # The worker answers once the index is built; "Keine Suchergebnisse" is an answer, too.
        await page.wait_for_function(
            "() => !!document.querySelector('.md-search-result__list > li')"
            " || /Keine/.test(document.querySelector('.md-search-result__meta').textContent)",
            timeout=20000,
        )
        await page.wait_for_timeout(300)  # the list is filled in one go; let it settle
        hrefs = await page.eval_on_selector_all(
            ".md-search-result__item > a", "links => links.map(link => link.getAttribute('href'))"
        )
        results[word] = [href.split(PREFIX, 1)[-1] for href in hrefs]
    return results


async def _search_demo(site: Path, words: list[str]) -> dict[str, list[str]]:
    with serve(site, PREFIX) as base_url:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            try:
                return await _search(await browser.new_page(), base_url, words)
            finally:
                await browser.close()


@pytest.fixture(scope="module")
def search_results(demo_build: Build) -> dict[str, list[str]]:
    assert demo_build.returncode == 0, demo_build.output
    words = ["Hausarzt", "Hausärzte", "Leerstände", "Dorfläden", "Dorfladen", "Werkstatt"]
    return asyncio.run(_search_demo(demo_build.site, words))


def test_inflected_german_words_find_the_page(search_results: dict[str, list[str]]) -> None:
    # The pages say "Hausärzte"/"Hausarztzentrum", "Leerstand", "Dorfladen".
    assert "projekte/hausarztzentrum-weilerbach/" in search_results["Hausarzt"], search_results
    assert "projekte/hausarztzentrum-weilerbach/" in search_results["Hausärzte"], search_results
    assert "projekte/leerstandskataster/" in search_results["Leerstände"], search_results
    assert "projekte/dorfladen-mehlbach/" in search_results["Dorfläden"], search_results
    # The whole word as the page writes it still finds it (a stemmed index alone would miss it).
    assert "projekte/dorfladen-mehlbach/" in search_results["Dorfladen"], search_results


def test_werkstatt_does_not_find_the_editor_guide(search_results: dict[str, list[str]]) -> None:
    assert search_results["Werkstatt"], search_results
    assert search_results["Werkstatt"][0].startswith("beteiligung/"), search_results
    assert not [href for href in search_results["Werkstatt"] if href.startswith("redaktion/")], search_results


def test_search_index_runs_the_german_pipeline_without_the_editor_guide(demo_build: Build) -> None:
    index = json.loads((demo_build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["de"]
    assert "stemmer" in index["config"]["pipeline"]
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("redaktion/")]
    # The stemmer is served by the site itself (the worker loads it from there), with our query stemming.
    served = (demo_build.site / LUNR_DE).read_text(encoding="utf-8")
    assert "lunr.de.stemmer(new lunr.Token" in served


def test_the_served_german_stemmer_is_the_themes_own_file_plus_query_stemming() -> None:
    """Guard: after a Material update our copy must be made again from the new theme file."""
    theme_file = Path(material.__file__).parent / "templates" / LUNR_DE
    ours = ROOT / "ikep_site" / "templates" / LUNR_DE
    assert ours.read_bytes().startswith(theme_file.read_bytes())


class _TabLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag == "a" and "md-tabs__link" in classes:
            self.links.append(dict(attrs).get("href") or "")


def test_the_editor_guide_is_no_tab_but_still_published(demo_build: Build) -> None:
    home = demo_build.page("")
    tabs = _TabLinks()
    tabs.feed(home)
    assert tabs.links, "the demo has tabs"
    assert not [href for href in tabs.links if "redaktion" in href], tabs.links
    guide = demo_build.page("redaktion/")
    assert "Für Redaktionen" in guide
    # Its own pages keep linking each other.
    assert re.search(r'href="schritt-fuer-schritt/"', guide)
