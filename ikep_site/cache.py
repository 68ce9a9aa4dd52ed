"""What survives from one build to the next under `mkdocs serve`: parsed files and rendered pages.

Editing one entity of a large site must not make the plugin redo the work for all the others.
Parsed entities are kept by the bytes of their file; rendered pages and the listings of
placeholders by a version of everything their templates read (see `render/versions.py`): an
entity page by the entity, the entities it links to and that link to it; a listing or a process
home page by the entities of its process and of the processes linked with it. Anything else is
simply done again: it is cheap or there is little of it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import Process
from .render.searchable import for_search


def digest(*parts: object) -> str:
    """A stable fingerprint of some values (their reprs: the model is frozen dataclasses)."""
    hasher = hashlib.sha1()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else repr(part).encode("utf-8"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


@dataclass
class Reuse:
    """What `mkdocs serve` keeps of the files made from all the content, and how to tell it is current.

    `content_version` covers everything the site shows, `process_version(process)` a process and
    what links to it (see render/versions.py). Open data and the feed are kept whole while the
    content is the same; after an edit, the open data is put together from the kept shares of the
    unchanged processes.
    """

    content_version: str
    process_version: Callable[[Process], str]
    files: dict[str, tuple[str, Mapping[str, str | bytes]]] = field(default_factory=dict)  # name -> (key, files)
    parts: dict[tuple[str, str], tuple[str, Any]] = field(default_factory=dict)  # (file, process) -> (key, share)

    def together(
        self, name: str, facts: object, make: Callable[[], Mapping[str, str | bytes]]
    ) -> Mapping[str, str | bytes]:
        """Files made together from all the content (`facts`: the build's settings they use)."""
        key = digest(self.content_version, facts)
        if name not in self.files or self.files[name][0] != key:
            self.files[name] = (key, make())
        return self.files[name][1]

    def part(self, name: str, process: Process, make: Callable[[], Any]) -> Any:
        """One process's share of the file `name` (see render/opendata.py, `Part`)."""
        key = self.process_version(process)
        kept = self.parts.get((name, process.id))
        if kept is None or kept[0] != key:
            kept = self.parts[(name, process.id)] = (key, make())
        return kept[1]


@dataclass
class BuildCache:
    parsed: dict[tuple[str, ...], Any] = field(default_factory=dict)
    rendered: dict[str, tuple[str, str]] = field(default_factory=dict)  # src_uri -> (version, html)
    listings: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)  # (src_uri, n) -> (version, html)
    geometries: dict[str, tuple[str, Any]] = field(default_factory=dict)  # path -> (digest, simplified shapes)
    published: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # calendars: path -> (digest, bytes)
    reuse: Reuse = field(default_factory=lambda: Reuse("", lambda process: ""))  # open data and feed
    searched: dict[str, tuple[str, str]] = field(default_factory=dict)  # src_uri -> (digest, page for search)
    jinja: Any = None  # the renderer's Jinja environment, its templates compiled (render/html.py)
    hits: int = 0  # rendered pages reused
    misses: int = 0  # rendered pages made anew
    parsed_hits: int = 0  # files not parsed again
    listing_hits: int = 0  # placeholder listings reused
    listing_misses: int = 0  # placeholder listings made anew

    def rendered_page(self, src_uri: str, version: str) -> str | None:
        cached = self.rendered.get(src_uri)
        if cached is not None and cached[0] == version:
            self.hits += 1
            return cached[1]
        self.misses += 1
        return None

    def keep_page(self, src_uri: str, version: str, html: str) -> None:
        self.rendered[src_uri] = (version, html)

    def for_search(self, src_uri: str, html: str) -> str:
        """`searchable.for_search(html)`, kept while the page is the same."""
        key = hashlib.sha1(html.encode("utf-8")).hexdigest()
        cached = self.searched.get(src_uri)
        if cached is None or cached[0] != key:
            cached = self.searched[src_uri] = (key, for_search(html))
        return cached[1]

    def listing(self, place: tuple[str, int], version: str) -> str | None:
        """The listing of the `n`th placeholder of a page, as rendered while `version` was the same."""
        cached = self.listings.get(place)
        if cached is not None and cached[0] == version:
            self.listing_hits += 1
            return cached[1]
        self.listing_misses += 1
        return None

    def keep_listing(self, place: tuple[str, int], version: str, html: str) -> None:
        self.listings[place] = (version, html)
