"""What every page gets around its content: footer links, its <head> (feed, Open Graph), a print line.

Also the date the sitemap gives each page (templates/sitemap.xml): from the content (an entity's
`updated`, the file's last commit), never the build date MkDocs would put there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from html import unescape
from typing import Any
from urllib.parse import quote

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import labels, publish
from ..formatting import format_date
from ..model import Entity, Site
from ..pages import CATALOGUE_URI, FEED_URI, SPECIAL_PAGES, PagePlan
from ..render.dcat import catalogue_link_tag
from ..render.feeds import feed_link_tag
from ..render.jsonld import jsonld_script, organization_jsonld
from ..urls import Linker, page_url

FIRST_TITLE = re.compile(r"<title>.*?</title>", re.DOTALL)
BODY_START = re.compile(r"<body\b[^>]*>")


def add_footer_links(env: Any, files: Files, use_directory_urls: bool) -> None:
    """The legal pages this site has, for the theme's (non-escaping) environment; the search dialog's name."""
    env.globals["ikep_legal_label"] = labels.LABELS["footer_legal"]
    env.globals["ikep_legal_links"] = [
        (page_url(uri, use_directory_urls=use_directory_urls), labels.PAGE_TITLE[role])
        for role, uri in SPECIAL_PAGES.items()
        if role not in ("process", "report", "embed") and files.get_file_from_path(uri) is not None
    ]
    env.globals["ikep_search_label"] = labels.LABELS["search_dialog"]


@dataclass(frozen=True)
class SiteFrame:
    """What mkdocs.yml says about the whole site, for every page."""

    name: str
    description: str
    url: str | None  # site_url ending in "/"
    build_date: date


def page_head(
    env: Any,
    site: Site | None,
    config: MkDocsConfig,
    files: Files,
    build_date: date,
    plans: Mapping[str, PagePlan],
    file_dates: Mapping[str, date],
) -> PageHead:
    """This build's <head> maker; every page's date for the sitemap (the theme's environment)."""
    url = config.site_url or None
    frame = SiteFrame(
        name=config.site_name,
        description=config.site_description or "",
        url=None if url is None else (url if url.endswith("/") else url + "/"),
        build_date=build_date,
    )
    head = PageHead(site, frame, plans)
    env.globals["ikep_lastmod"] = head.page_dates(files, file_dates)
    return head


class PageHead:
    """What every page's <head> gets, taken from the model once per build."""

    def __init__(
        self,
        site: Site | None,
        frame: SiteFrame | None = None,
        plans: Mapping[str, PagePlan] | None = None,
    ) -> None:
        self.site = site
        self.frame = frame
        self.plans = plans or {}
        self.feed_title = labels.EXPORT_LABELS["feed_title"].format(name=publish.site_name(site)) if site else None
        self.operator = site.operator if site else None
        self._feed_links: dict[str, str] = {}  # href -> <link> of the feed

    def added(self, output: str, page: Page, site_url: str | None, use_directory_urls: bool) -> str:
        """The feed and Open Graph in the page's <head>; who publishes the site on the home page; the print line."""
        output = self._framed(output, page)
        if self.feed_title is None or site_url is None:
            return output
        # Relative: Material fetches "sitemap.xml" beside every rel=alternate link, which must
        # stay on this site (and works on a preview under another address).
        href = Linker(page.file.src_uri, use_directory_urls).to(FEED_URI)
        if href not in self._feed_links:  # one per folder depth
            self._feed_links[href] = feed_link_tag(href, self.feed_title)
        head = self._feed_links[href]
        if page.file.src_uri == SPECIAL_PAGES["open_data"]:  # the catalogue lists its files
            catalogue = Linker(page.file.src_uri, use_directory_urls).to(CATALOGUE_URI)
            head += catalogue_link_tag(catalogue, labels.EXPORT_LABELS["dcat_link_title"])
        if page.is_homepage and self.operator:
            head += jsonld_script(organization_jsonld(self.operator, site_url))
        return output.replace("</head>", head + "</head>", 1)

    def _framed(self, output: str, page: Page) -> str:
        frame = self.frame
        if frame is None:
            return output
        entity = self.entity_of(page)
        if page.is_homepage:
            # Material writes "<page title> - <site name>", and the home page's title is the site's.
            output = FIRST_TITLE.sub(lambda _: f"<title>{escape(frame.name)}</title>", output, count=1)
        address = frame.url + page.url if frame.url is not None else None
        output = output.replace("</head>", open_graph(page, entity, frame, address) + "</head>", 1)
        return BODY_START.sub(lambda start: start.group(0) + print_line(frame, address), output, count=1)

    def entity_of(self, page: Page) -> Entity | None:
        page_plan = self.plans.get(page.file.src_uri)
        if self.site is None or page_plan is None or page_plan.role != "entity" or page_plan.kind is None:
            return None
        return self.site.main.entities(page_plan.kind).get(page_plan.key or "")

    def page_dates(self, files: Files, file_dates: Mapping[str, date]) -> dict[str, str]:
        """Each page's sitemap date (src_uri -> ISO date; templates/sitemap.xml writes it): from the content.

        An entity's `updated`, else its file's last commit; a generated page changes with the
        content it shows, so it has the newest date of all. Without Git a page has no date rather
        than the build date, which would tell crawlers that everything changed on every build.
        """
        newest = max(file_dates.values(), default=None)
        dates: dict[str, str] = {}
        for file in files.documentation_pages():
            if file.page is None:
                continue
            entity = self.entity_of(file.page)
            known = entity.updated if entity is not None and entity.updated else file_dates.get(file.src_uri)
            page_plan = self.plans.get(file.src_uri)
            if known is None and page_plan is not None and page_plan.role != "entity" and page_plan.generated:
                known = newest
            if known is not None:
                dates[file.src_uri] = known.isoformat()
        return dates


def open_graph(page: Page, entity: Entity | None, frame: SiteFrame, address: str | None) -> str:
    """The Open Graph tags a messenger or a newspaper's link preview shows, every value escaped."""
    title = frame.name if page.is_homepage else (entity.title if entity else unescape(page.title or frame.name))
    description = (entity.summary if entity else None) or _page_description(page) or frame.description
    properties: list[tuple[str, str]] = [
        ("og:type", "article" if entity is not None else "website"),
        ("og:title", title),
        ("og:site_name", frame.name),
        ("og:locale", "de_DE"),
    ]
    if description:
        properties.append(("og:description", description))
    if address is not None:
        properties.append(("og:url", address))
        if entity is not None and entity.image and frame.url is not None:
            properties.append(("og:image", frame.url + quote(entity.image)))
            if entity.image_alt:
                properties.append(("og:image:alt", entity.image_alt))
    return "".join(f'<meta property="{name}" content="{escape(value)}">' for name, value in properties)


def _page_description(page: Page) -> str | None:
    """The description an editor's page gives: `description` (kept escaped in meta) or `summary`."""
    for key in ("description", "summary"):
        value = page.meta.get(key)
        if isinstance(value, str) and value.strip():
            return unescape(value) if key == "description" else value
    return None


def print_line(frame: SiteFrame, address: str | None) -> str:
    """One line on paper only: which site, which page, as of which build (ikep-print.css shows it)."""
    parts = [frame.name, address, labels.LABELS["print_as_of"].format(date=format_date(frame.build_date))]
    text = " · ".join(part for part in parts if part)
    return f'<p class="ikep-print-line">{escape(text)}</p>'
