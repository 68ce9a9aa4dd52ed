"""Where a page ends up and how to link to it from another page, as MkDocs does it.

Kept independent of MkDocs so renderers stay testable; the adapter checks the two agree.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cached_property, lru_cache


# Both are pure and called for every link of every page (a portal's page links to dozens of
# pages, many the same from every page of a folder): remembered rather than recomputed.
@lru_cache(maxsize=1 << 16)
def page_url(src_uri: str, *, use_directory_urls: bool) -> str:
    """Site-relative URL of the page built from `src_uri` ("projekte/a.md" -> "projekte/a/")."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[: -len(".md")]
    if posixpath.basename(stem) in ("index", "README"):
        folder = posixpath.dirname(stem)
        return f"{folder}/" if folder else ""
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


@lru_cache(maxsize=1 << 16)
def relative_url(target: str, base: str) -> str:
    """`target` seen from the page at site-relative URL `base` (both as page_url returns them).

    Computed on the path segments: `posixpath.relpath` asks the operating system for the working
    directory on every call, and a large site makes hundreds of thousands of links.
    """
    base_dir = base if base.endswith("/") or not base else posixpath.dirname(base)
    base_parts = _segments(base_dir)
    target_parts = _segments(target)
    common = 0
    for here, there in zip(base_parts, target_parts, strict=False):
        if here != there:
            break
        common += 1
    relative = "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
    if (target == "" or target.endswith("/")) and not relative.endswith("/"):
        relative += "/"
    return "./" if relative in (".", "./") else relative


def _segments(path: str) -> list[str]:
    return [segment for segment in path.split("/") if segment and segment != "."]


@dataclass(frozen=True)
class Linker:
    """Links from one page (`from_src_uri`) to other pages and files of the site."""

    from_src_uri: str
    use_directory_urls: bool = True

    @cached_property
    def here(self) -> str:
        return page_url(self.from_src_uri, use_directory_urls=self.use_directory_urls)

    def to(self, src_uri: str) -> str:
        here = self.here
        there = page_url(src_uri, use_directory_urls=self.use_directory_urls)
        if not self.use_directory_urls and there == "":
            there = "index.html"
        elif not self.use_directory_urls and there.endswith("/"):
            there += "index.html"
        return relative_url(there, here)
