"""The search hand-off: the search plugin gets a lighter copy of each page, readers get the whole page.

The search plugin (priority 0) indexes page.content in on_page_context; the plugin's handlers just
before and just after it call `before` and `after`. The search gets the page without the parts
marked as not searchable and with only the tags it reads (render/searchable.py); then the whole page
is put back, as readers get it.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ..cache import BuildCache
from ..render.searchable import for_readers, for_search, has_markers

SEARCH_PLUGINS = ("search", "material/search")
# Attributes Material's search plugin removes from a page once it has indexed it.
SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


def search_active(config: MkDocsConfig) -> bool:
    return any(name in config.plugins for name in SEARCH_PLUGINS)


class SearchHandOff:
    def __init__(self) -> None:
        self.active = False  # whether a search plugin runs in this build, set in on_config
        self._published: dict[str, str] = {}  # src_uri -> full page while the search indexes it

    def before(self, page: Page, cache: BuildCache | None) -> None:
        """The page as the search should see it."""
        content = page.content
        if content is None:
            return
        if self.active:
            self._published[page.file.src_uri] = content
            page.content = for_search(content) if cache is None else cache.for_search(page.file.src_uri, content)
        elif has_markers(content):
            page.content = for_readers(content)

    def after(self, page: Page) -> None:
        """The page as readers get it again."""
        content = self._published.pop(page.file.src_uri, None)
        if content is not None:
            page.content = _for_readers_only(content)


def _for_readers_only(content: str) -> str:
    """The page as readers get it once the search has seen it: no markers, no search attributes."""
    content = for_readers(content)
    return SEARCH_ATTRIBUTES.sub("", content) if "data-search-" in content else content
