"""What survives from one build to the next under `mkdocs serve`: parsed files and rendered pages.

Editing one entity of a large site must not make the plugin redo the work for all the others.
Parsed entities are kept by the bytes of their file; rendered entity pages by a fingerprint of
everything their template reads (the entity, the entities it links to and that link to it, the
build date). Anything else is simply done again: it is cheap or there is little of it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


def digest(*parts: object) -> str:
    """A stable fingerprint of some values (their reprs: the model is frozen dataclasses)."""
    hasher = hashlib.sha1()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else repr(part).encode("utf-8"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


@dataclass
class BuildCache:
    parsed: dict[tuple[str, ...], Any] = field(default_factory=dict)
    rendered: dict[str, tuple[str, str]] = field(default_factory=dict)  # src_uri -> (fingerprint, html)
    geometries: dict[str, tuple[str, Any]] = field(default_factory=dict)  # path -> (digest, simplified shapes)
    published: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # calendars: path -> (digest, bytes)
    hits: int = 0  # rendered pages reused
    misses: int = 0  # rendered pages made anew
    parsed_hits: int = 0  # files not parsed again

    def rendered_page(self, src_uri: str, fingerprint: str) -> str | None:
        cached = self.rendered.get(src_uri)
        if cached is not None and cached[0] == fingerprint:
            self.hits += 1
            return cached[1]
        self.misses += 1
        return None

    def keep_page(self, src_uri: str, fingerprint: str, html: str) -> None:
        self.rendered[src_uri] = (fingerprint, html)
