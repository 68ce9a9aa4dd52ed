"""The browser quality gates: a local server, the page list, and one audit per page in Chromium.

Debian's chromium is driven by Playwright through `executable_path` (never `playwright install`);
the site is served by the tests themselves on 127.0.0.1, and every request to another host is
recorded and blocked, as a citizen's browser would have sent it.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from playwright.async_api import Browser, Page, Request, Route, async_playwright

from ikep_site.checks.server import serve_folder

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("IKEP_CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
NOT_FOUND_PATH = "diese-seite-gibt-es-nicht/"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Elements a keyboard user reaches first: their focus must be visible.
FOCUS_STEPS = 6

# Nu HTML Checker messages caused by Material's own markup, not by ikep-site or the content.
# Each is narrow: the exact message of one theme construct.
VNU_THEME_EXCEPTIONS = (
    # Material's drawer/search toggles are checkboxes with autocomplete="off" (a Firefox workaround).
    "Attribute “autocomplete” is only allowed when the input type is",
    # Material writes tabindex="" on the label of a navigation section that has several pages.
    "Bad value “” for attribute “tabindex” on element “label”",
)


# The site is served as `ikep audit` serves it: below the path of site_url, 404.html for missing pages.
serve = serve_folder


def sitemap_pages(site: Path, base_url: str, site_url: str) -> list[str]:
    """Every page the sitemap lists, as URLs of the local server, plus the 404 page."""
    tree = ET.parse(site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    pages = []
    for loc in tree.findall(".//s:loc", namespace):
        url = (loc.text or "").strip()
        pages.append(base_url + url[len(site_url) :] if url.startswith(site_url) else url)
    if (site / "404.html").exists():
        pages.append(base_url + NOT_FOUND_PATH)  # the server answers with 404.html
    return sorted(set(pages))


@dataclass
class PageReport:
    url: str
    status: int | None = None
    violations: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    structure: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        found = [f"axe: {v}" for v in self.violations]
        found += [f"request to another host: {u}" for u in self.third_party]
        found += [f"console error: {e}" for e in self.console_errors]
        found += [f"structure: {s}" for s in self.structure]
        found += [f"focus not visible: {f}" for f in self.focus]
        expected = 404 if self.url.endswith(NOT_FOUND_PATH) else 200
        if self.status != expected:
            found.append(f"HTTP status {self.status}")
        return found


async def audit_pages(urls: list[str], *, workers: int = 3) -> list[PageReport]:
    """Audit every page in Chromium, a few at a time."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            semaphore = asyncio.Semaphore(workers)

            async def one(url: str) -> PageReport:
                async with semaphore:
                    return await audit_page(browser, url)

            return list(await asyncio.gather(*(one(url) for url in urls)))
        finally:
            await browser.close()


async def audit_page(browser: Browser, url: str) -> PageReport:
    report = PageReport(url)
    own_host = urlsplit(url).netloc
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = await context.new_page()

    async def gate(route: Route, request: Request) -> None:
        if urlsplit(request.url).netloc == own_host or request.url.startswith(("data:", "blob:")):
            await route.continue_()
        else:
            report.third_party.append(request.url)
            await route.abort()

    await page.route("**/*", gate)
    page.on("console", lambda message: _console(report, message.type, message.text, message.location, url))
    page.on("pageerror", lambda error: report.console_errors.append(str(error)))
    try:
        response = await page.goto(url, wait_until="load")
        report.status = response.status if response else None
        await page.wait_for_timeout(150)  # let Material's scripts settle
        report.violations = await _axe(page)
        report.structure = await _structure(page)
        report.focus = await _focus(page)
    finally:
        await context.close()
    return report


def _console(report: PageReport, kind: str, text: str, location: dict[str, object], url: str) -> None:
    own_404 = url.endswith(NOT_FOUND_PATH) and location.get("url") == url  # the page's own status
    if kind == "error" and not own_404:
        report.console_errors.append(text)


async def _axe(page: Page) -> list[str]:
    await page.add_script_tag(path=str(AXE))
    violations = await page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return result.violations.map(v => v.id + " (" + v.impact + "): " + v.help + " → "
                + v.nodes.slice(0, 5).map(n => n.target.join(" ")).join(" | "));
        }""",
        AXE_TAGS,
    )
    return list(violations)


async def _structure(page: Page) -> list[str]:
    missing = await page.evaluate(
        """() => {
            const missing = [];
            const h1 = document.querySelectorAll("main h1, [role=main] h1, article h1, .md-content h1");
            if (h1.length !== 1) missing.push("expected one main heading <h1>, found " + h1.length);
            if (!document.querySelector("main, [role=main]")) missing.push("no main landmark");
            if (!document.querySelector("header, [role=banner]")) missing.push("no banner landmark");
            if (!document.querySelector("footer, [role=contentinfo]")) missing.push("no contentinfo landmark");
            if (!document.querySelector("nav, [role=navigation]")) missing.push("no navigation landmark");
            if (!document.documentElement.lang.startsWith("de")) missing.push("html lang is not de");
            return missing;
        }"""
    )
    return list(missing)


async def _focus(page: Page) -> list[str]:
    """Tab through the first elements: each focused link or button must show an outline or shadow."""
    invisible: list[str] = []
    await page.locator("body").focus()
    for _ in range(FOCUS_STEPS):
        await page.keyboard.press("Tab")
        state = await page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
                const shadow = style.boxShadow && style.boxShadow !== "none";
                const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
                    + (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : "");
                return {name, visible: outline || shadow};
            }"""
        )
        if state and not state["visible"]:
            invisible.append(state["name"])
    return invisible


# Valid HTML ----------------------------------------------------------------------------------------


def vnu_errors(site: Path) -> list[str]:
    """Errors of the Nu HTML Checker on every HTML file, less the documented theme exceptions."""
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    errors = []
    for message in messages:
        text = message.get("message", "")
        if any(text.startswith(exception) for exception in VNU_THEME_EXCEPTIONS):
            continue
        where = message.get("url", "").replace(f"file:{site}/", "")
        errors.append(f"{where}:{message.get('lastLine', '?')}: {text}")
    return errors


# Links and anchors -------------------------------------------------------------------------------------


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag != "meta" else ():
            if values.get(name):
                self.ids.add(str(values[name]))
        attribute = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}.get(tag)
        if attribute and values.get(attribute):
            rel = values.get("rel") or ""
            if tag == "link" and any(word in rel for word in ("canonical", "alternate")):
                return  # point at the published site_url, not at this local server
            self.links.append(str(values[attribute]))


@dataclass
class CrawlResult:
    pages: int = 0
    files: int = 0
    broken: list[str] = field(default_factory=list)


def crawl(start_urls: list[str], base_url: str) -> CrawlResult:
    """Follow every internal link and resource over HTTP; report missing targets and anchors."""
    result = CrawlResult()
    ids_of: dict[str, set[str] | None] = {}  # url -> ids of the HTML page; None for other files
    linked_from: dict[str, str] = {url: "(start)" for url in start_urls}
    queue = list(start_urls)
    anchors: list[tuple[str, str, str]] = []  # (from, target, fragment)
    while queue:
        url = queue.pop()
        status, content_type, body = _fetch(url)
        if status != (404 if url.endswith(NOT_FOUND_PATH) else 200):
            result.broken.append(f"{url} (linked from {linked_from[url]}): HTTP {status}")
            continue
        if "text/html" not in content_type:
            result.files += 1
            ids_of[url] = None
            continue
        result.pages += 1
        parser = _LinkParser()
        parser.feed(body.decode("utf-8", "replace"))
        ids_of[url] = parser.ids
        for link in parser.links:
            if link.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            target, fragment = urldefrag(urljoin(url, link))
            if not target.startswith(base_url):
                continue  # another site: a link a reader may follow, not a request the page makes
            if fragment:
                anchors.append((url, target, fragment))
            if target not in linked_from:
                linked_from[target] = url
                queue.append(target)
    for source, target, fragment in anchors:
        ids = ids_of.get(target)
        if ids is not None and fragment not in ids:
            result.broken.append(f"{source} → {target}#{fragment}: no such anchor")
    return result


def _fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return int(response.status), response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()
