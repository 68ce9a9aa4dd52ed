"""The local links of a page: every href and src that names a file of the same site.

One place for `ikep verify` (is every file a page loads there?) and `ikep audit` (does every
link lead somewhere?). Read from the HTML as built, with the line of each reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from typing import Final
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from .builtsite import BuiltSite, site_path

# (tag, attribute) whose URL the browser fetches with the page; all other references are links.
_LOADED: Final = {
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("audio", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("track", "src"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
}
_LINKS: Final = {("a", "href"), ("area", "href")}
# <link> kinds that name a page for search engines and feed readers, not a file the page loads.
_LINK_RELS_NOT_LOADED: Final = {"canonical", "alternate", "prev", "next", "search", "author", "license", "help"}
_REFRESH: Final = re.compile(r"^\s*\d+\s*[;,]\s*url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)
_CSS_URL: Final = re.compile(
    r"""url\(\s*"([^"]*)"\s*\)|url\(\s*'([^']*)'\s*\)|url\(\s*([^)"'\s]+)\s*\)|@import\s+["']([^"']+)["']"""
)
LOCAL_HOST: Final = "ikep.invalid"  # stands in for the site's host while resolving relative URLs


@dataclass(frozen=True)
class Reference:
    url: str  # as written in the page
    line: int
    loads: bool  # fetched with the page (stylesheet, script, image), not only followed by a reader


@dataclass(frozen=True)
class Target:
    path: str  # site-relative and unquoted, e.g. "assets/ikep/ikep.css" or "impressum/"
    fragment: str
    file: Path | None  # None: the site has no such file


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[Reference] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        line = self.getpos()[0]
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for name, value in values.items():
            if (tag, name) in _LINKS:
                self.references.append(Reference(value.strip(), line, False))
            elif (tag, name) in _LOADED:
                urls = _srcset(value) if name == "srcset" else [value.strip()]
                loads = not (tag == "link" and _LINK_RELS_NOT_LOADED & set(values.get("rel", "").lower().split()))
                self.references.extend(Reference(url, line, loads) for url in urls)
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = _REFRESH.match(values.get("content", ""))
            if match:
                self.references.append(Reference(match.group(1).strip(), line, False))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _srcset(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


@dataclass
class Page:
    """One HTML file of a built site, parsed once."""

    site: BuiltSite
    path: str  # site-relative, e.g. "impressum/index.html"
    references: list[Reference] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, site: BuiltSite, path: str) -> Page:
        parser = _PageParser()
        parser.feed((site.root / path).read_bytes().decode("utf-8", "replace"))
        parser.close()
        return cls(site, path, parser.references, parser.ids)

    @cached_property
    def base(self) -> str:
        """The page's URL on a stand-in host, so relative references resolve as in a browser."""
        return f"http://{LOCAL_HOST}{self.site.prefix}{self.path}"

    def target(self, url: str) -> Target | None:
        """Where `url` leads inside the site; None for other sites, mail, phone and inline data."""
        return resolve(self.site, self.base, url)


def resolve(site: BuiltSite, base: str, url: str) -> Target | None:
    """The file of `site` that `url`, written in the document at `base`, names; None when not local."""
    if not url:
        return None
    absolute, fragment = urldefrag(urljoin(base, url))
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https"):
        return None  # mailto:, tel:, data:, javascript: – nothing to fetch from the site
    if parts.netloc != LOCAL_HOST:
        published = urlsplit(site.site_url) if site.site_url else None
        if published is None or (parts.scheme, parts.netloc) != (published.scheme, published.netloc):
            return None  # another site
    path = site_path(site, parts.path)
    if path is None:
        return None  # the same host, but not below this site's address: another site there
    return Target(path, unquote(fragment), site.file_for(path))


def stylesheet_references(css: str) -> list[Reference]:
    """The files a stylesheet loads (url() and @import), with their lines."""
    found = []
    for match in _CSS_URL.finditer(css):
        url = next((group for group in match.groups() if group is not None), "").strip()
        if url and not url.startswith(("data:", "#")):
            found.append(Reference(url, css.count("\n", 0, match.start()) + 1, True))
    return found


def stylesheet_base(site: BuiltSite, path: str) -> str:
    return f"http://{LOCAL_HOST}{site.prefix}{path}"


@dataclass(frozen=True)
class Broken:
    where: str  # site-relative path of the page or stylesheet that names the file
    line: int
    reference: Reference
    path: str  # the site-relative path the site has no file for


class LinkChecker:
    """Finds references to files a site lacks; remembers what it has looked up, across pages."""

    def __init__(self, site: BuiltSite) -> None:
        self.site = site
        self.files: set[str] = set()  # paths found, pages and other files
        self._stylesheets_read: set[str] = set()
        self._reported: set[str] = set()  # missing files named by a stylesheet: reported once

    def broken(self, page: Page) -> Iterator[Broken]:
        """Every reference of `page` (and of the stylesheets it loads) that leads to no file."""
        for reference in page.references:
            target = page.target(reference.url)
            if target is None:
                continue
            if target.file is None:
                yield Broken(page.path, reference.line, reference, target.path)
                continue
            self.files.add(target.path)
            if reference.loads and target.file.suffix == ".css":
                yield from self._broken_in_stylesheet(target.path)

    def _broken_in_stylesheet(self, css_path: str) -> Iterator[Broken]:
        """Reported at the stylesheet, where the fix is, once for the whole site."""
        if css_path in self._stylesheets_read:
            return
        self._stylesheets_read.add(css_path)
        site = self.site
        css = (site.root / css_path).read_bytes().decode("utf-8", "replace")
        for reference in stylesheet_references(css):
            target = resolve(site, stylesheet_base(site, css_path), reference.url)
            if target is None:
                continue
            if target.file is not None:
                self.files.add(target.path)
            elif target.path not in self._reported:
                self._reported.add(target.path)
                yield Broken(css_path, reference.line, reference, target.path)
