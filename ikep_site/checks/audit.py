"""`ikep audit`: every page of a built site in headless Chromium, as a citizen's browser loads it.

`ikep verify` runs first: required pages, feed, and every local href and src of every page. Then,
per page in the browser: axe-core with the WCAG 2.1 A/AA tags and no rule left out, requests to
other hosts (recorded and blocked), errors in the console, files the server cannot deliver, and
anchors (#…) a linked page does not have.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote, unquote, urlsplit

from ..diagnostics import Report
from ..messages import MESSAGES
from . import verify as verify_step
from .browser import BrowserNotFound, find_browser
from .builtsite import BuiltSite, NotABuiltSite, open_site, site_path
from .links import Page as HtmlPage
from .server import serve
from .wording import counted, pages

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext, ConsoleMessage, Request, Route

AXE: Final = resources.files("ikep_site").joinpath("vendor", "axe-core")
AXE_TAGS: Final = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
# The machine is often a small runner: two pages at a time keep the browser within two cores.
PARALLEL_PAGES: Final = 2
# Less of the browser's own traffic (updates, sync); the sandbox is left to Playwright.
LAUNCH_ARGS: Final = (
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
LOAD_TIMEOUT_MS: Final = 30_000
PAGE_TIMEOUT_S: Final = 120  # a page that never settles is a finding, not a hang
SETTLE_MS: Final = 150  # after "load": the theme's scripts finish setting up the page
SHOWN_TARGETS: Final = 5  # elements named per axe rule; the rest are counted

_RUN_AXE: Final = """async (tags) => {
    const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
    return result.violations.map((rule) => ({
        id: rule.id,
        help: rule.help,
        targets: rule.nodes.map((node) => node.target.map((part) => [].concat(part).join(" ")).join(" ")),
    }));
}"""


class BrowserFailed(Exception):
    """The browser would not start; args[0] says why."""


@dataclass
class PageAudit:
    path: str  # site-relative, e.g. "impressum/index.html"
    where: str  # as shown to the editor, e.g. "site/impressum/index.html"
    report: Report = field(default_factory=Report)

    def add(self, message: str, line: int | None = None) -> None:
        self.report.add(self.where, line, message)


def run(directory: Path, shown: str, echo: Callable[[str], None], *, browser: Path | None = None) -> int:
    """`ikep audit`: 0 no finding, 1 findings (of verify or the browser), 2 nothing could be audited."""
    try:
        site = open_site(directory, shown)
    except NotABuiltSite:
        echo(MESSAGES["verify_not_built"].format(dir=shown.rstrip("/") or "."))
        return 2
    try:
        import playwright.async_api  # noqa: F401  (the optional extra `audit`)
    except ImportError:
        echo(MESSAGES["audit_no_playwright"])
        return 2
    try:
        executable = find_browser(browser)
    except BrowserNotFound as error:
        asked = error.args[0] if error.args else None
        echo(MESSAGES["audit_browser_not_found"].format(path=asked) if asked else MESSAGES["audit_no_browser"])
        return 2
    verification = verify_step.verify(site)
    for diagnostic in verification.report.sorted():
        echo(str(diagnostic))
    echo(verify_step.summary(verification))
    echo(MESSAGES["audit_start"].format(pages=pages(len(site.pages)), browser=executable))
    try:
        audits = asyncio.run(audit_site(site, executable, known_missing=verification.missing))
    except BrowserFailed as error:
        echo(MESSAGES["audit_browser_failed"].format(path=executable, error=error.args[0]))
        return 2
    for audit in audits:
        for diagnostic in audit.report.sorted():
            echo(str(diagnostic))
    echo(summary(audits))
    return 1 if len(verification.report) or any(len(audit.report) for audit in audits) else 0


def summary(audits: list[PageAudit]) -> str:
    findings = sum(len(audit.report) for audit in audits)
    if not findings:
        return MESSAGES["audit_ok"].format(pages=pages(len(audits)), version=axe_version())
    return MESSAGES["audit_failed"].format(
        findings=counted(findings, "audit_finding_one", "audit_findings"),
        pages_with=sum(1 for audit in audits if len(audit.report)),
        pages=pages(len(audits)),
    )


def axe_version() -> str:
    """From the VERSION file scripts/vendor_axe.py writes: "axe-core 4.14.1 (…)"."""
    return AXE.joinpath("VERSION").read_text(encoding="utf-8").split()[1]


async def audit_site(site: BuiltSite, executable: Path, *, known_missing: set[str] | None = None) -> list[PageAudit]:
    """Every HTML file of the site, PARALLEL_PAGES at a time, in one browser.

    Files in `known_missing` (found by verify) are not reported again when a page fails to load them.
    """
    from playwright.async_api import Error, async_playwright

    axe = _axe_script()
    anchors = _Anchors(site)
    with serve(site) as home:
        async with async_playwright() as playwright:
            try:
                browser = await playwright.chromium.launch(executable_path=str(executable), args=list(LAUNCH_ARGS))
                # One context per parallel slot: axe is handed to a context once, not to every page.
                contexts: asyncio.Queue[BrowserContext] = asyncio.Queue()
                for _ in range(PARALLEL_PAGES):
                    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
                    await context.add_init_script(script=axe)
                    contexts.put_nowait(context)
            except Error as error:
                raise BrowserFailed(_first_line(error.message or str(error))) from None
            try:
                session = _Session(site, home, known_missing or set())

                async def one(path: str) -> PageAudit:
                    audit = PageAudit(path, site.shown + path)
                    anchors.check(audit)
                    context = await contexts.get()
                    try:
                        await _within(session.audit(context, audit), audit)
                    finally:
                        contexts.put_nowait(context)
                    return audit

                return list(await asyncio.gather(*(one(path) for path in site.pages)))
            finally:
                await browser.close()


async def _within(work: Awaitable[None], audit: PageAudit) -> None:
    """The page's audit, or a finding when it fails or takes too long: never a crash or a hang."""
    from playwright.async_api import Error

    try:
        await asyncio.wait_for(work, PAGE_TIMEOUT_S)
    except TimeoutError:
        audit.add(MESSAGES["audit_load_failed"].format(error=MESSAGES["audit_timeout"].format(seconds=PAGE_TIMEOUT_S)))
    except Error as error:
        audit.add(MESSAGES["audit_load_failed"].format(error=_one_line(error.message or str(error))))


def _axe_script() -> str:
    """axe-core, told to speak German, for every document before its own scripts run."""
    source = AXE.joinpath("axe.min.js").read_text(encoding="utf-8")
    locale = AXE.joinpath("de.json").read_text(encoding="utf-8")
    return f"{source}\n;window.axe && window.axe.configure({{locale: {locale}}});"


@dataclass
class _Session:
    site: BuiltSite
    home: str  # the site's address on the local server
    known_missing: set[str]

    async def audit(self, context: BrowserContext, audit: PageAudit) -> None:
        url = self.home + quote(audit.path)  # as the browser asks for it: "über-uns/" percent-encoded
        own = urlsplit(url).netloc
        blocked: list[str] = []
        failed: dict[str, int] = {}  # the site's files the server answered with an error
        console: list[tuple[str, str]] = []  # (text, URL the message is about)
        page = await context.new_page()
        try:

            async def gate(route: Route, request: Request) -> None:
                if urlsplit(request.url).netloc == own or request.url.startswith(("data:", "blob:")):
                    await route.continue_()
                else:
                    blocked.append(request.url)
                    await route.abort("blockedbyclient")

            def on_console(message: ConsoleMessage) -> None:
                if message.type == "error":
                    console.append((message.text, str(message.location.get("url", ""))))

            def on_response(response_url: str, status: int) -> None:
                if status >= 400 and urlsplit(response_url).netloc == own and response_url != url:
                    failed[response_url] = status

            await page.route("**/*", gate)
            page.on("console", on_console)
            page.on(
                "pageerror", lambda error: audit.add(MESSAGES["audit_script_error"].format(text=_one_line(str(error))))
            )
            page.on("response", lambda response: on_response(response.url, response.status))
            await page.goto(url, wait_until="load", timeout=LOAD_TIMEOUT_MS)
            await page.wait_for_timeout(SETTLE_MS)
            violations: list[dict[str, Any]] = await page.evaluate(_RUN_AXE, list(AXE_TAGS))
        finally:
            await page.close()
        for rule in violations:
            audit.add(_axe_message(rule))
        for request_url in dict.fromkeys(blocked):
            audit.add(MESSAGES["audit_third_party"].format(url=request_url))
        for failed_url, status in failed.items():
            path = self._site_path(failed_url)
            if path not in self.known_missing:
                audit.add(MESSAGES["audit_http_error"].format(url=path, status=status))
        reported = set(blocked) | set(failed)
        for text, about in dict.fromkeys(console):
            if about not in reported:  # a file named above already: its console line says no more
                audit.add(MESSAGES["audit_console"].format(text=_one_line(text)))

    def _site_path(self, url: str) -> str:
        """A URL of the local server as the site's own path, the way verify names files."""
        path = site_path(self.site, urlsplit(url).path)
        return path if path is not None else unquote(urlsplit(url).path)


def _axe_message(rule: dict[str, Any]) -> str:
    targets = [str(target) for target in rule.get("targets", [])]
    shown = ", ".join(targets[:SHOWN_TARGETS])
    if len(targets) > SHOWN_TARGETS:
        shown += " " + MESSAGES["audit_axe_more"].format(count=len(targets) - SHOWN_TARGETS)
    return MESSAGES["audit_axe"].format(rule=rule.get("id", "?"), help=rule.get("help", ""), targets=shown)


def _one_line(text: str) -> str:
    """A page's text as one terminal line: no line breaks, no control characters (escape sequences)."""
    return " ".join("".join(char if char.isprintable() else " " for char in text).split())


def _first_line(text: str) -> str:
    """Playwright's errors go on with the browser's log; its first line says what went wrong."""
    return next((line.strip() for line in text.splitlines() if line.strip()), text)


class _Anchors:
    """Links to a place in a page (#…) that the page, as built, does not have."""

    def __init__(self, site: BuiltSite) -> None:
        self.site = site
        self._ids: dict[str, set[str]] = {}

    def check(self, audit: PageAudit) -> None:
        try:
            page = HtmlPage.read(self.site, audit.path)
        except OSError:
            return  # verify has said so
        self._ids[audit.path] = page.ids
        for reference in page.references:
            target = page.target(reference.url)
            if target is None or not target.fragment or target.file is None or target.file.suffix != ".html":
                continue
            if target.fragment not in self._ids_of(target.file):
                message = MESSAGES["audit_anchor_missing"].format(
                    url=reference.url, path=target.path or "./", anchor=target.fragment
                )
                audit.add(message, reference.line)

    def _ids_of(self, file: Path) -> set[str]:
        path = file.relative_to(self.site.root).as_posix()
        if path not in self._ids:
            try:
                self._ids[path] = HtmlPage.read(self.site, path).ids
            except OSError:
                self._ids[path] = set()
        return self._ids[path]
