"""`ikep verify`: is the built site complete? A generator that skipped the plugin must not publish.

Zensical 0.x reads mkdocs.yml but ignores MkDocs plugins: it builds a site without Impressum,
Datenschutzerklärung, Erklärung zur Barrierefreiheit and the overviews, and says nothing. Such a
site lacks the legal pages and the feed, and its pages may load files that were never written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ..diagnostics import Report
from ..labels import PAGE_TITLE
from ..messages import MESSAGES
from ..pages import FEED_URI, SPECIAL_PAGES
from ..urls import page_url
from .builtsite import BuiltSite, NotABuiltSite, open_site
from .links import Broken, LinkChecker, Page
from .wording import counted, pages

# The pages the law and the plugin promise on every site, by their role in SPECIAL_PAGES.
REQUIRED_ROLES: Final = ("imprint", "privacy", "accessibility", "easy_language", "sign_language")


@dataclass
class Verification:
    report: Report = field(default_factory=Report)
    pages: int = 0
    files: int = 0  # distinct files of the site the pages name
    missing: set[str] = field(default_factory=set)  # site-relative paths named but not there


def verify(site: BuiltSite) -> Verification:
    result = Verification()
    for role in REQUIRED_ROLES:
        if not _has_special_page(site, SPECIAL_PAGES[role]):
            uri = page_url(SPECIAL_PAGES[role], use_directory_urls=True)
            result.report.add(
                site.shown or "./", None, MESSAGES["verify_page_missing"].format(title=PAGE_TITLE[role], uri=uri)
            )
    if site.site_url and site.file_for(FEED_URI) is None:
        result.report.add(site.shown or "./", None, MESSAGES["verify_feed_missing"].format(uri=FEED_URI))
    checker = LinkChecker(site)
    broken: dict[str, list[Broken]] = {}  # by the missing file: one line each, not one per page
    for path in site.pages:
        result.pages += 1
        try:
            page = Page.read(site, path)
        except OSError as error:
            result.report.add(site.shown + path, None, MESSAGES["verify_unreadable"].format(error=error))
            continue
        for item in checker.broken(page):
            broken.setdefault(item.path, []).append(item)
    result.missing = set(broken)
    for missing, places in broken.items():
        first = places[0]
        key = _message_key(places)
        message = MESSAGES[key].format(url=first.reference.url, path=missing)
        if len(places) > 1:
            message += " " + counted(len(places) - 1, "verify_elsewhere_one", "verify_elsewhere")
        result.report.add(site.shown + first.where, first.line, message)
    result.files = len(checker.files)
    return result


def _has_special_page(site: BuiltSite, src_uri: str) -> bool:
    """As MkDocs writes it with or without directory URLs ("impressum/" or "impressum.html")."""
    return any(site.has_page(page_url(src_uri, use_directory_urls=flag)) for flag in (True, False))


def run(directory: Path, shown: str, echo: Callable[[str], None]) -> int:
    """`ikep verify`: the report, then its summary; 0 complete, 1 incomplete, 2 no built site."""
    try:
        site = open_site(directory, shown)
    except NotABuiltSite:
        echo(MESSAGES["verify_not_built"].format(dir=shown.rstrip("/") or "."))
        return 2
    result = verify(site)
    for diagnostic in result.report.sorted():
        echo(str(diagnostic))
    echo(summary(result))
    return 1 if len(result.report) else 0


def summary(result: Verification) -> str:
    if len(result.report):
        problems = counted(len(result.report), "cli_problem_one", "cli_problems")
        return MESSAGES["verify_failed"].format(problems=problems)
    files = counted(result.files, "checks_file_one", "checks_files")
    return MESSAGES["verify_ok"].format(pages=pages(result.pages), files=files)


def _message_key(places: list[Broken]) -> str:
    """Loaded by a stylesheet, loaded by a page, or only a link a reader may follow."""
    if places[0].where.endswith(".css"):
        return "verify_stylesheet_missing"
    return "verify_file_missing" if any(place.reference.loads for place in places) else "verify_link_missing"
