"""What survives from one build to the next under `mkdocs serve`: parsed files, rendered pages.

Editing one entity of a large site must not make the plugin redo the work for all the others.
Parsed entities are kept by the bytes of their file, while the files they name (a picture, a
boundary file) are as they were when they were read (content/loader.py); rendered pages and the listings of
placeholders by a version of everything their templates read (see `render/versions.py`): an
entity page by the entity, the entities it links to and that link to it; a listing or a process
home page by the entities of its process and of the processes linked with it. Anything else is
simply done again: it is cheap or there is little of it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .model import Process
from .render.searchable import for_search


def digest(*parts: object) -> str:
    """A stable fingerprint of some values (their reprs: the model is frozen dataclasses)."""
    hasher = hashlib.sha1()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else repr(part).encode("utf-8"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


K = TypeVar("K")
V = TypeVar("V")


class Kept(dict[K, tuple[str, V]]):
    """Values kept from one build to the next, each with the version of its inputs it was made for.

    One entry per key: a new version replaces the old one, so a long `mkdocs serve` session does
    not pile up the versions of a file edited again and again. `hits` and `misses` count lookups.
    """

    def __init__(self) -> None:
        super().__init__()
        self.hits = 0
        self.misses = 0

    def take(self, key: K, version: str, still_valid: Callable[[V], bool] | None = None) -> V | None:
        """The value kept for `key` if it was made for `version` (and, if asked, is still valid)."""
        entry = self.get(key)
        if entry is not None and entry[0] == version and (still_valid is None or still_valid(entry[1])):
            self.hits += 1
            return entry[1]
        self.misses += 1
        return None

    def keep(self, key: K, version: str, value: V) -> V:
        self[key] = (version, value)
        return value

    def get_or_make(self, key: K, version: str, make: Callable[[], V]) -> V:
        found = self.take(key, version)
        return found if found is not None else self.keep(key, version, make())


@dataclass
class Reuse:
    """How the files made from all the content (open data, feed) are reused in one serve build.

    `content_version` covers everything the site shows, `process_version(process)` a process and
    what links to it (see render/versions.py). The files are kept whole while the content is the
    same; after an edit, the open data is put together from the kept shares of the unchanged
    processes.
    """

    content_version: str
    process_version: Callable[[Process], str]
    files: Kept[str, Mapping[str, str | bytes]]
    shares: Kept[tuple[str, str], Any]

    def together(
        self, name: str, facts: object, make: Callable[[], Mapping[str, str | bytes]]
    ) -> Mapping[str, str | bytes]:
        """Files made together from all the content (`facts`: the build's settings they use)."""
        return self.files.get_or_make(name, digest(self.content_version, facts), make)

    def part(self, name: str, process: Process, make: Callable[[], Any]) -> Any:
        """One process's share of the file `name` (see render/opendata.py, `Part`)."""
        return self.shares.get_or_make((name, process.id), self.process_version(process), make)


@dataclass
class BuildCache:
    parsed: Kept[str, Any] = field(default_factory=Kept)  # content file -> what the loader made of it
    geometries: Kept[str, Any] = field(default_factory=Kept)  # boundary file -> simplified shapes
    pages: Kept[str, str] = field(default_factory=Kept)  # src_uri -> rendered page
    listings: Kept[tuple[str, int], str] = field(default_factory=Kept)  # (src_uri, n) -> nth placeholder's listing
    searched: Kept[str, str] = field(default_factory=Kept)  # src_uri -> the page as the search gets it
    calendars: Kept[str, bytes] = field(default_factory=Kept)  # path -> .ics
    published: Kept[str, Mapping[str, str | bytes]] = field(default_factory=Kept)  # open data, feed
    shares: Kept[tuple[str, str], Any] = field(default_factory=Kept)  # (file, process) -> its share
    jinja: Any = None  # the renderer's Jinja environment, its templates compiled (render/html.py)

    def for_search(self, src_uri: str, html: str) -> str:
        """`searchable.for_search(html)`, kept while the page is the same.

        The page itself is the version: comparing two strings is exact and several times
        faster than hashing one, and most pages are the very string kept from the last build.
        """
        return self.searched.get_or_make(src_uri, html, lambda: for_search(html))

    def reuse(self, content_version: str, process_version: Callable[[Process], str]) -> Reuse:
        return Reuse(content_version, process_version, self.published, self.shares)
