"""A built site on disk: its pages, its address, and which file a URL of the site names."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

SITEMAP = "sitemap.xml"
HOME = "index.html"
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class NotABuiltSite(Exception):
    """The folder is missing or holds no built site (no index.html)."""


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    shown: str  # the folder as the editor typed it, ending in "/", for messages
    site_url: str | None  # the published address, ending in "/"; None when the build had none
    pages: tuple[str, ...] = field(default=())  # every HTML file, site-relative, sorted
    # Looked-up paths: a page links to the same files as its neighbours, so each is asked once.
    _known: dict[str, Path | None] = field(default_factory=dict, compare=False, repr=False)

    @property
    def prefix(self) -> str:
        """The path of the published address ("/kreisentwicklung/"), below which the site is served."""
        return (urlsplit(self.site_url).path or "/") if self.site_url else "/"

    def file_for(self, path: str) -> Path | None:
        """The file a browser gets for the site-relative, unquoted `path`; None where there is none.

        As GitHub Pages answers: "a/" and "a" both give a/index.html.
        """
        if path not in self._known:
            self._known[path] = self._look_up(path)
        return self._known[path]

    def _look_up(self, path: str) -> Path | None:
        normal = posixpath.normpath("/" + path).lstrip("/")
        candidate = self.root / normal if normal else self.root
        if candidate.is_dir():
            candidate = candidate / HOME
        return candidate if candidate.is_file() else None

    def has_page(self, path: str) -> bool:
        return self.file_for(path) is not None


def open_site(root: Path, shown: str | None = None) -> BuiltSite:
    """The built site in `root`; NotABuiltSite when it has no home page."""
    if not (root / HOME).is_file():
        raise NotABuiltSite(str(root))
    pages = tuple(sorted(path.relative_to(root).as_posix() for path in root.rglob("*.html") if path.is_file()))
    display = shown if shown is not None else root.as_posix()
    display = "" if display in ("", ".") else display.rstrip("/") + "/"
    return BuiltSite(root, display, _site_url(root / SITEMAP), pages)


def _site_url(sitemap: Path) -> str | None:
    """The published address as MkDocs wrote it into the sitemap: the part every page shares."""
    try:
        tree = ET.parse(sitemap)
    except (OSError, ET.ParseError):
        return None
    locations = [(loc.text or "").strip() for loc in tree.iter(f"{_SITEMAP_NS}loc")]
    locations = [loc for loc in locations if urlsplit(loc).scheme in ("http", "https")]
    if not locations:
        return None
    common = posixpath.commonprefix(locations)
    common = common[: common.rfind("/") + 1]
    parts = urlsplit(common)
    return common if parts.netloc and parts.path.startswith("/") else None


def site_path(site: BuiltSite, url_path: str) -> str | None:
    """The site-relative, unquoted path of a URL path on the server; None outside the site."""
    if not url_path.startswith(site.prefix):
        return None
    return unquote(url_path[len(site.prefix) :])
