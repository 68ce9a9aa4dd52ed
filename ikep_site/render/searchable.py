"""Which parts of a page the site search indexes.

Listings of other entries (cards, news lists, the filter form), charts, value tables and maps
repeat what their own pages say or carry no words a citizen searches for. Templates wrap them in
two comments; the search index is made from the page without them, the published page keeps
them and loses only the comments.

Leaving them out makes results point at the entry itself rather than at every page that lists
it, and it spares the search indexer most of the page's markup: on a portal of thousands of
processes that indexing was the largest single cost of the build.
"""

from __future__ import annotations

import re

from markupsafe import Markup

SEARCH_OFF = "<!--ikep-search-off-->"
SEARCH_ON = "<!--ikep-search-on-->"
_MARKERS = re.compile(f"{re.escape(SEARCH_OFF)}|{re.escape(SEARCH_ON)}")


def unsearched(html: str) -> Markup:
    """Wrap HTML so that the search index leaves it out."""
    return Markup(f"{SEARCH_OFF}{html}{SEARCH_ON}")


def has_markers(html: str) -> bool:
    return SEARCH_OFF in html


def for_search(html: str) -> str:
    """The page as the search index should see it: the marked parts removed (they may nest)."""
    parts: list[str] = []
    depth = 0
    position = 0
    for marker in _MARKERS.finditer(html):
        if depth == 0:
            parts.append(html[position : marker.start()])
        depth = depth + 1 if marker.group() == SEARCH_OFF else max(depth - 1, 0)
        position = marker.end()
    if depth == 0:
        parts.append(html[position:])
    return "".join(parts)


def for_readers(html: str) -> str:
    """The published page: everything, without the markers."""
    return html.replace(SEARCH_OFF, "").replace(SEARCH_ON, "")
