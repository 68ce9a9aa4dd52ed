"""Which parts of a page the site search indexes.

Listings of other entries (cards, news lists, the filter form), charts, value tables and maps
repeat what their own pages say or carry no words a citizen searches for. Templates wrap them in
two comments; the search index is made from the page without them, the published page keeps
them and loses only the comments.

Leaving them out makes results point at the entry itself rather than at every page that lists
it, and it spares the search indexer most of the page's markup: on a portal of thousands of
processes that indexing was the largest single cost of the build.

What remains is handed over with only the tags the indexer uses: Material's search
(`material/plugins/search/plugin.py`, `Parser`) starts a section at each heading, keeps `p`,
lists, `code`, `pre`, `sub` and `sup` in its entries and skips scripts and styles; every other
tag costs it a Python callback and adds nothing. Block tags become a space, so that a fact list
reads "Status Idee" in the index rather than the single unsearchable word "StatusIdee".
"""

from __future__ import annotations

import re

from markupsafe import Markup

# Bracketed so that they do not read as a misspelt `<!-- ikep:… -->`: the placeholder finder would
# otherwise try to match every marker of every page against the placeholder names.
SEARCH_OFF = "<!--[ikep-search-off]-->"
SEARCH_ON = "<!--[ikep-search-on]-->"
_MARKERS = re.compile(f"{re.escape(SEARCH_OFF)}|{re.escape(SEARCH_ON)}")

# Tags the indexer keeps, sections on, or skips with their content; they stay as they are.
_INDEXED = r"h[1-6]|p|code|pre|li|ol|ul|sub|sup|script|style|object"
# Tags after which a reader sees a new line or cell: replaced by a space.
_BLOCKS = (
    r"address|article|aside|blockquote|br|caption|dd|details|div|dl|dt|fieldset|figcaption|figure|"
    r"footer|form|header|hr|img|main|nav|section|summary|table|tbody|td|tfoot|th|thead|tr"
)
# A start or end tag, attribute values quoted or not (a quoted value may hold ">").
_ATTRIBUTES = r"""(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*/?>"""
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCKS})\b{_ATTRIBUTES}", re.I)
_OTHER_TAG = re.compile(rf"</?(?!(?:{_INDEXED})\b)[a-zA-Z][^\s/>]*{_ATTRIBUTES}")
# The indexer leaves out permalinks inside headings by their class; with the anchor gone the
# pilcrow would become part of the heading, so the permalink goes as a whole.
_PERMALINK = re.compile(r'<a\s[^>]*?class="headerlink"[^>]*>.*?</a>', re.S)
# Markup whose meaning to the indexer depends on the tag it sits on: left as written.
_TAG_SENSITIVE = ("data-search-exclude", "linenodiv")


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
    return _indexed_markup("".join(parts))


def _indexed_markup(html: str) -> str:
    """The same words and sections for the indexer, with only the tags it uses."""
    if any(marker in html for marker in _TAG_SENSITIVE):
        return html
    html = _PERMALINK.sub("", html)
    return _OTHER_TAG.sub("", _BLOCK_TAG.sub(" ", html))


def for_readers(html: str) -> str:
    """The published page: everything, without the markers."""
    return html.replace(SEARCH_OFF, "").replace(SEARCH_ON, "")
