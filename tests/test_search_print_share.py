"""Citizens' search, paper and shared links (issue 16, items 4, 5, 7, 10).

German search: inflected forms find the page (checked in Chromium, as a citizen types them), the
editor guide is neither a tab nor a search result. Print: value tables open, controls hidden, the
map as its shapes, site name, address and build date on paper. Sharing: Open Graph tags on every
page, sitemap dates from the content, not from the build.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import material
import pytest
import yaml
from browser_support import CHROMIUM, LAUNCH_ARGS, serve
from click.testing import CliRunner
from conftest import GOAL, ROOT, Build, project, run_build, write_site
from playwright.async_api import Page, async_playwright

from ikep_site.cli import main
from ikep_site.formatting import BERLIN, format_date

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


def test_the_served_german_stemmer_is_the_themes_own_file_plus_query_stemming(demo_build: Build) -> None:
    """The theme's file as the installed Material ships it, with our query stemming after it, once."""
    theme_file = Path(material.__file__).parent / "templates" / LUNR_DE
    served = (demo_build.site / LUNR_DE).read_bytes()
    ours = (ROOT / "ikep_site" / "assets" / "search" / "query-stems.js").read_bytes()
    assert served.startswith(theme_file.read_bytes().rstrip(b"\n"))
    assert served.endswith(ours) and served.count(ours) == 1
    assert not (ROOT / "ikep_site" / "templates" / LUNR_DE).exists(), "no copy of the theme's file in the package"


def test_query_stems_are_added_once_when_a_dirty_rebuild_keeps_the_file(tmp_path: Path) -> None:
    from ikep_site.adapter.searchstems import QUERY_STEMS, add_query_stems

    target = tmp_path / LUNR_DE
    target.parent.mkdir(parents=True)
    target.write_bytes(b"/* theme */\n")
    add_query_stems(str(tmp_path))
    add_query_stems(str(tmp_path))  # the file of the build before, kept by --dirty
    assert target.read_bytes() == b"/* theme */\n" + QUERY_STEMS.read_bytes()
    add_query_stems(str(tmp_path / "elsewhere"))  # no stemmer file: nothing to do, no error


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


def test_the_search_dialog_has_a_name(demo_build: Build) -> None:
    assert re.search(
        r'<div class="md-search"[^>]*role="dialog"[^>]*aria-label="Suche auf dieser Website"', demo_build.page("")
    )


def test_the_search_partial_is_materials_own_but_for_the_dialog_name() -> None:
    """Guard: after a Material update the partial must be taken again from the new theme."""
    theme = (Path(material.__file__).parent / "templates" / "partials" / "search.html").read_text(encoding="utf-8")
    ours = (ROOT / "ikep_site" / "templates" / "partials" / "search.html").read_text(encoding="utf-8")
    without_comments = re.sub(r"\{#-.*?-#\}\n", "", ours, flags=re.DOTALL)
    named = re.sub(r' aria-label="\{\{ ikep_search_label[^"]*"', "", without_comments, count=1)
    assert named == re.sub(r"\{#-.*?-#\}\n", "", theme, flags=re.DOTALL)


# --- Print ---------------------------------------------------------------------------------------

PRINT_CHECKS = """() => {
  const shown = (selector) => [...document.querySelectorAll(selector)].some(
    (el) => el.checkVisibility() && el.getBoundingClientRect().height > 0);
  return {
    table: shown('details.ikep-indicator__data table'),
    printLine: shown('.ikep-print-line'),
    printText: (document.querySelector('.ikep-print-line') || {}).textContent || '',
    staticMap: shown('.ikep-map__static svg'),
    canvas: shown('.ikep-map__canvas'),
    consent: shown('.ikep-map__consent'),
    zoom: shown('.leaflet-control-zoom'),
    checkbox: shown('input[type=checkbox]:not(.md-toggle)'),
    filter: shown('form.ikep-filter'),
  };
}"""


async def _looks(base_url: str, paths: list[str], media: str) -> dict[str, dict[str, object]]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            page = await browser.new_page()
            looks: dict[str, dict[str, object]] = {}
            for path in paths:
                await page.goto(base_url + path)
                await page.wait_for_load_state("load")
                await page.emulate_media(media=media)  # type: ignore[arg-type]
                looks[path] = await page.evaluate(PRINT_CHECKS)
            if media == "screen":
                # Where CSS cannot open <details>, ikep.js does before printing, and folds them afterwards.
                await page.goto(base_url + "ziele/ortskerne-beleben/")
                await page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
                looks["beforeprint"] = {"open": await page.evaluate("() => document.querySelector('details').open")}
                await page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
                looks["afterprint"] = {"open": await page.evaluate("() => document.querySelector('details').open")}
            return looks
        finally:
            await browser.close()


# media -> page -> what is seen there
Looks = dict[str, dict[str, dict[str, object]]]
PRINTED = ["ziele/ortskerne-beleben/", "raeume/vg-weilerbach/", "projekte/"]


@pytest.fixture(scope="module")
def printed(demo_build: Build) -> Looks:
    assert demo_build.returncode == 0, demo_build.output
    with serve(demo_build.site, PREFIX) as base_url:
        return {media: asyncio.run(_looks(base_url, PRINTED, media)) for media in ("screen", "print")}


def test_on_screen_tables_are_folded_and_the_map_is_interactive(
    printed: Looks,
) -> None:
    screen = printed["screen"]
    assert not screen["ziele/ortskerne-beleben/"]["table"]
    assert screen["raeume/vg-weilerbach/"]["canvas"] and not screen["raeume/vg-weilerbach/"]["staticMap"]
    assert screen["projekte/"]["filter"]
    assert not any(look["printLine"] for path, look in screen.items() if path in PRINTED)
    assert screen["beforeprint"]["open"] is True and screen["afterprint"]["open"] is False


def test_on_paper_tables_open_map_as_shapes_no_controls(printed: Looks) -> None:
    paper = printed["print"]
    assert paper["ziele/ortskerne-beleben/"]["table"]
    area = paper["raeume/vg-weilerbach/"]
    assert area["staticMap"] and not area["canvas"] and not area["zoom"] and not area["consent"]
    assert not area["checkbox"]
    assert not paper["projekte/"]["filter"]


def test_on_paper_the_site_address_and_build_date(printed: Looks) -> None:
    look = printed["print"]["projekte/"]
    assert look["printLine"]
    assert look["printText"] == (
        "Kreisentwicklung Landkreis Kaiserslautern (fiktives Beispiel) · "
        f"{SITE_URL}projekte/ · Stand: {format_date(datetime.now(tz=BERLIN).date())}"
    )  # the demo sets no build_date: the build's day in Berlin, German


# --- Sharing and crawling ------------------------------------------------------------------------


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.properties: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("property") or "").startswith("og:"):
            self.properties[values["property"] or ""] = values.get("content") or ""
        self._in_title = tag == "title" and not self.title

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


def _meta(html: str) -> _Meta:
    meta = _Meta()
    meta.feed(html)
    return meta


SITE_NAME = "Kreisentwicklung Landkreis Kaiserslautern (fiktives Beispiel)"


def test_every_page_has_open_graph_tags(demo_build: Build) -> None:
    # admin/ is the editors' web editor, not a page to share (noindex; see test_editor.py).
    pages = [p for p in demo_build.site.rglob("index.html") if not {"search", "admin"} & set(p.parts)]
    assert len(pages) > 40
    for path in pages:
        og = _meta(path.read_text(encoding="utf-8")).properties
        where = path.relative_to(demo_build.site).as_posix()
        for key in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
            assert og.get(key), f"{where}: {key} missing in {og}"
        assert og["og:locale"] == "de_DE", where
        assert og["og:url"] == SITE_URL + where.removesuffix("index.html"), where
        assert og["og:site_name"] == SITE_NAME
    project = _meta(demo_build.page("projekte/dorfladen-mehlbach/")).properties
    assert project["og:type"] == "article" and project["og:title"] == "Dorfladen Mehlbach"
    assert project["og:description"].startswith("Ein genossenschaftlicher Dorfladen")
    assert _meta(demo_build.page("ziele/")).properties["og:type"] == "website"


def test_the_home_page_title_names_the_site_once(demo_build: Build) -> None:
    home = _meta(demo_build.page(""))
    assert home.title == SITE_NAME
    assert home.properties["og:title"] == SITE_NAME
    # Other pages keep "page - site".
    assert _meta(demo_build.page("ziele/")).title == f"Ziele - {SITE_NAME}"


# The picture needs only to exist for these tests.
PNG = b"\x89PNG\r\n\x1a\n"
SHARED_PROJECT = """---
title: Laden <Mitte> & "Café"
summary: Ein Laden mit <b>Café</b> & Treffpunkt.
status: in_progress
goals: [ortskerne-beleben]
updated: 2025-03-01
image: bilder/laden mitte.png
image_alt: Der Laden von außen
---
Beschreibung.
"""


@pytest.fixture(scope="module")
def shared_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A site in its own Git repository: one page dated by its last commit, one by `updated`."""
    root = write_site(
        tmp_path_factory.mktemp("shared"),
        {
            "ziele/ortskerne-beleben.md": GOAL,
            "projekte/laden.md": SHARED_PROJECT,
            "projekte/ohne-datum.md": project("Ohne Datum"),
            "bilder/laden mitte.png": PNG,
            "info.md": "---\ntitle: Info\nsummary: Was hier steht.\n---\n# Info\n\nText.\n",
        },
    )
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2024-05-06T12:00:00+02:00",
        "GIT_COMMITTER_DATE": "2024-05-06T12:00:00+02:00",
    }
    git = ["git", "-c", "user.name=Redaktion", "-c", "user.email=redaktion@example.org", "-c", "commit.gpgsign=false"]
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "Inhalte"]):
        subprocess.run([*git, *command], cwd=root, env=env, check=True, capture_output=True)
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build


def test_open_graph_of_an_entity_escaped_with_its_image(shared_site: Build) -> None:
    html = shared_site.page("projekte/laden/")
    og = _meta(html).properties
    assert og["og:title"] == 'Laden <Mitte> & "Café"'
    assert og["og:description"] == "Ein Laden mit <b>Café</b> & Treffpunkt."
    assert og["og:image"] == "https://example.org/test/bilder/laden%20mitte.png"
    assert og["og:image:alt"] == "Der Laden von außen"
    assert og["og:type"] == "article"
    assert "<b>Café</b>" not in html.split("</head>", 1)[0]  # escaped in the <head>
    assert _meta(shared_site.page("info/")).properties["og:description"] == "Was hier steht."


def _lastmod(site: Path) -> dict[str, str | None]:
    tree = ET.parse(site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {
        (url.findtext("s:loc", namespaces=ns) or ""): url.findtext("s:lastmod", namespaces=ns)
        for url in tree.getroot().findall("s:url", ns)
    }


def test_sitemap_dates_come_from_the_content_not_the_build(shared_site: Build) -> None:
    dates = _lastmod(shared_site.site)
    base = "https://example.org/test/"
    assert dates[base + "projekte/laden/"] == "2025-03-01"  # its `updated`
    assert dates[base + "projekte/ohne-datum/"] == "2024-05-06"  # its last commit
    assert dates[base + "info/"] == "2024-05-06"
    # A generated page shows the content: the newest change of it.
    assert dates[base + "projekte/"] == "2024-05-06"
    today = datetime.now(tz=BERLIN).date().isoformat()
    assert today not in dates.values(), dates


def test_sitemap_without_git_has_no_invented_dates(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {"ziele/ortskerne-beleben.md": GOAL, "projekte/laden.md": SHARED_PROJECT, "bilder/laden mitte.png": PNG},
    )
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    dates = _lastmod(build.site)
    assert dates["https://example.org/test/projekte/laden/"] == "2025-03-01"
    assert dates["https://example.org/test/ziele/ortskerne-beleben/"] is None


def test_a_site_without_any_date_builds_without_lastmod(tmp_path: Path) -> None:
    build = run_build(write_site(tmp_path, {"ziele/ortskerne-beleben.md": GOAL}), strict=True)
    assert build.returncode == 0, build.output
    assert set(_lastmod(build.site).values()) == {None}


# --- Phones --------------------------------------------------------------------------------------

PHONE_CHECKS = """() => {
  const heading = document.querySelector('h1');
  const text = heading.firstChild;
  const at = text.textContent.indexOf('Kreisentwicklungskonzept');
  let wordLines = 0;
  if (at >= 0) {
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 'Kreisentwicklungskonzept'.length);
    wordLines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  }
  const wrap = document.querySelector('.ikep-table-wrap');
  return {
    wordLines,
    pageWidth: document.documentElement.scrollWidth,
    tableCut: wrap ? wrap.scrollWidth > wrap.clientWidth : null,
  };
}"""


async def _phone(base_url: str, paths: list[str]) -> dict[str, dict[str, object]]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            page = await browser.new_page(viewport={"width": 375, "height": 800})
            looks = {}
            for path in paths:
                await page.goto(base_url + path)
                looks[path] = await page.evaluate(PHONE_CHECKS)
            return looks
        finally:
            await browser.close()


@pytest.fixture(scope="module")
def on_a_phone(demo_build: Build) -> dict[str, dict[str, object]]:
    with serve(demo_build.site, PREFIX) as base_url:
        return asyncio.run(_phone(base_url, ["prozess/", "netzwerke/dorflaeden/"]))


def test_a_long_word_in_a_heading_stays_whole_on_a_phone(on_a_phone: dict[str, dict[str, object]]) -> None:
    assert on_a_phone["prozess/"]["wordLines"] == 1, on_a_phone


def test_the_members_table_fits_a_phone(on_a_phone: dict[str, dict[str, object]], demo_build: Build) -> None:
    look = on_a_phone["netzwerke/dorflaeden/"]
    assert look["tableCut"] is False and look["pageWidth"] == 375, look
    assert '<td data-label="Art">' in demo_build.page("netzwerke/dorflaeden/")


# --- A site `ikep init` makes ---------------------------------------------------------------------


def test_a_new_site_searches_german_stems_and_shares(tmp_path: Path) -> None:
    root = tmp_path / "website"
    result = CliRunner().invoke(main, ["init", str(root)])
    assert result.exit_code == 0, result.output
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    index = json.loads((build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["pipeline"] == ["stemmer", "stopWordFilter", "trimmer"]
    assert "lunr.de.stemmer(new lunr.Token" in (build.site / LUNR_DE).read_text(encoding="utf-8")
    home = _meta(build.page(""))
    assert home.properties["og:locale"] == "de_DE" and home.properties["og:url"] == "https://example.org/"
    assert home.title == yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]


def test_the_toc_partial_is_materials_own_but_for_pages_out_of_the_navigation(demo_build: Build) -> None:
    theme = (Path(material.__file__).parent / "templates" / "partials" / "toc.html").read_text(encoding="utf-8")
    ours = (ROOT / "ikep_site" / "templates" / "partials" / "toc.html").read_text(encoding="utf-8")
    ours = re.sub(r"\{#-.*?-#\}\n", "", ours, flags=re.DOTALL)
    ours = ours.replace('{% if page in nav.pages %} for="__toc"{% endif %}', ' for="__toc"')
    assert ours == re.sub(r"\{#-.*?-#\}\n", "", theme, flags=re.DOTALL)
    # The guide (not in the navigation) has a table of contents but no switch for it, so no label for one.
    guide = demo_build.page("redaktion/")
    assert 'data-md-component="toc"' in guide and 'for="__toc"' not in guide
    # A page in the navigation with headings keeps both.
    home = demo_build.page("")
    assert 'id="__toc"' in home and '<label class="md-nav__title" for="__toc">' in home
