"""What every page gets around its content: footer links to the legal pages, the feed in its <head>."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import labels, publish
from ..model import Site
from ..pages import FEED_URI, SPECIAL_PAGES
from ..render.feeds import feed_link_tag
from ..render.jsonld import jsonld_script, organization_jsonld
from ..urls import Linker, page_url


def add_footer_links(env: Any, files: Files, use_directory_urls: bool) -> None:
    """The legal pages this site has, for the theme's (non-escaping) environment."""
    env.globals["ikep_legal_label"] = labels.LABELS["footer_legal"]
    env.globals["ikep_legal_links"] = [
        (page_url(uri, use_directory_urls=use_directory_urls), labels.PAGE_TITLE[role])
        for role, uri in SPECIAL_PAGES.items()
        if role != "process" and files.get_file_from_path(uri) is not None
    ]


class PageHead:
    """What every page's <head> gets, taken from the model once per build."""

    def __init__(self, site: Site | None) -> None:
        self.feed_title = labels.EXPORT_LABELS["feed_title"].format(name=publish.site_name(site)) if site else None
        self.operator = site.operator if site else None
        self._feed_links: dict[str, str] = {}  # href -> <link> of the feed

    def added(self, output: str, page: Page, site_url: str | None, use_directory_urls: bool) -> str:
        """The feed in the page's <head>; on the home page, who publishes the site."""
        if self.feed_title is None or site_url is None:
            return output
        # Relative: Material fetches "sitemap.xml" beside every rel=alternate link, which must
        # stay on this site (and works on a preview under another address).
        href = Linker(page.file.src_uri, use_directory_urls).to(FEED_URI)
        if href not in self._feed_links:  # one per folder depth
            self._feed_links[href] = feed_link_tag(href, self.feed_title)
        head = self._feed_links[href]
        if page.is_homepage and self.operator:
            head += jsonld_script(organization_jsonld(self.operator, site_url))
        return output.replace("</head>", head + "</head>", 1)
