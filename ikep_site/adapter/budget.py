"""The page-weight budget: at most 150 KB of the site's own bytes per page.

What a reader on a phone downloads for one page, besides what every page shares and the browser
keeps: the page's HTML, the site's own style sheets and scripts it loads, and the map data its
maps fetch. The theme's bundle (Material's `assets/javascripts/` and `assets/stylesheets/`) and
the vendored Leaflet are the same on every page and cached after the first, so they do not count.

Measured on the written files after the build, so every plugin's share is in; a page over the
budget is a warning (a plain build goes on, `--strict` fails), named with the file it comes from.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final
from urllib.parse import unquote, urlsplit

from mkdocs.structure.pages import Page

from ..formatting import format_number
from ..messages import MESSAGES
from .reporting import log

BUDGET_BYTES: Final = 150_000
# Shared by every page and cached after the first: not counted.
SHARED_PREFIXES: Final = ("assets/javascripts/", "assets/stylesheets/", "assets/ikep/leaflet/")

_TAG = re.compile(r"<(script|link)\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
# The shapes a map fetches (render/leaflet.py writes one call per layer, its options as JSON).
_MAP_DATA = re.compile(r"ikepMaps\.addGeoJson\([^,()]+, (\{.*?\})\);")


@dataclass(frozen=True)
class PageWeight:
    src_uri: str  # the page's file, relative to the docs folder
    url: str  # the page's address in the site
    html: int
    loaded: dict[str, int]  # own files the page loads, site path -> bytes

    @property
    def total(self) -> int:
        return self.html + sum(self.loaded.values())


def loaded_files(html: str, dest_uri: str) -> list[str]:
    """The site paths of the style sheets, scripts and map data a page loads (shared ones too)."""
    found: list[str] = []
    for tag in _TAG.finditer(html):
        attributes = {
            m.group(1).lower(): next(v for v in m.groups()[1:] if v is not None)
            for m in _ATTRIBUTE.finditer(tag.group(2))
        }
        name = tag.group(1).lower()
        if name == "script" and "src" in attributes:
            found.append(attributes["src"])
        elif name == "link" and "stylesheet" in attributes.get("rel", "").lower().split() and "href" in attributes:
            found.append(attributes["href"])
    for call in _MAP_DATA.finditer(html):
        try:
            url = json.loads(call.group(1)).get("url")
        except (ValueError, AttributeError):
            continue
        if isinstance(url, str):
            found.append(url)
    resolved = (_site_path(reference, dest_uri) for reference in found)
    return list(dict.fromkeys(path for path in resolved if path is not None))


def _site_path(reference: str, dest_uri: str) -> str | None:
    """A reference relative to the page as a path in the site; None for other hosts."""
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(dest_uri), path)
    normal = posixpath.normpath(joined)
    return None if normal.startswith("..") else normal


def weigh(site_dir: Path, src_uri: str, url: str, dest_uri: str) -> PageWeight | None:
    page_file = site_dir / dest_uri
    try:
        raw = page_file.read_bytes()
    except OSError:
        return None
    sizes: dict[str, int] = {}
    for path in loaded_files(raw.decode("utf-8", errors="replace"), dest_uri):
        if path.startswith(SHARED_PREFIXES):
            continue
        try:
            sizes[path] = (site_dir / path).stat().st_size
        except OSError:
            continue  # a missing file is the link checker's business, not the budget's
    return PageWeight(src_uri, url, len(raw), sizes)


@dataclass
class PageBudget:
    """Notes every page as it is written; checks them all once the build has written them."""

    limit: int = BUDGET_BYTES
    # dest_uri -> (src_uri, url, dest_uri); by address, so a build that stopped halfway under
    # `mkdocs serve` leaves no second entry for the next one.
    pages: dict[str, tuple[str, str, str]] = field(default_factory=dict)

    def note(self, page: Page) -> None:
        self.pages[page.file.dest_uri] = (page.file.src_uri, page.file.url, page.file.dest_uri)

    def check(self, site_dir: str, display_prefix: str) -> list[PageWeight]:
        """Warn about every page over the budget; the pages over it, heaviest first."""
        noted, self.pages = self.pages, {}
        weights = (weigh(Path(site_dir), *entry) for entry in noted.values())
        over = sorted(
            (weight for weight in weights if weight is not None and weight.total > self.limit),
            key=lambda weight: (-weight.total, weight.src_uri),
        )
        for weight in over:
            log.warning("%s%s: %s", display_prefix, weight.src_uri, over_budget_message(weight, self.limit))
        return over


def over_budget_message(weight: PageWeight, limit: int) -> str:
    heaviest = max(weight.loaded.items(), key=lambda item: (item[1], item[0]), default=None)
    return MESSAGES["page_over_budget"].format(
        url=weight.url or "/",
        total=_kilobytes(weight.total),
        html=_kilobytes(weight.html),
        limit=_kilobytes(limit),
        heaviest=(
            MESSAGES["page_over_budget_heaviest"].format(path=heaviest[0], size=_kilobytes(heaviest[1]))
            if heaviest
            else ""
        ),
    )


def _kilobytes(size: int) -> str:
    """`162.345 Bytes (162 KB)`: exact for a comparison, rounded for a reader."""
    return MESSAGES["bytes_and_kilobytes"].format(bytes=format_number(size), kb=format_number(round(size / 1000)))
