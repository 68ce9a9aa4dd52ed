"""The navigation MkDocs builds from the folders, pruned: entity pages out, overviews in a fixed order.

Entity pages are reached through their overviews. A flat navigation of every entity makes Material
write all links into every page, so page size (and build time) would grow with the number of entities.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..model import Kind, Site
from ..pages import FOOTER_ROLES, NAV_ORDER, SPECIAL_PAGES, PagePlan, overview_uri


def pruned(
    nav: Navigation, files: Files, plans: dict[str, PagePlan], site: Site | None, folders: dict[Kind, str]
) -> Navigation:
    """`nav` without the hidden pages, in our order, each page's previous and next page among the rest."""
    hidden = {uri for uri, p in plans.items() if p.role == "entity"}
    hidden |= {SPECIAL_PAGES[role] for role in FOOTER_ROLES}
    hidden.add(SPECIAL_PAGES["embed"])  # for webmasters, not citizens: linked from daten/
    if site is not None and site.is_portal:
        # A portal's processes are reached from its home page, never listed in the navigation.
        processes = {process_id for process_id in site.processes if process_id}
        hidden |= {f.src_uri for f in files.documentation_pages() if f.src_uri.split("/", 1)[0] in processes}
    overviews = {overview_uri(folders, kind): kind for kind in Kind}
    items = _prune(nav.items, hidden, overviews)
    items = _ordered(items, folders)
    pages = list(_pages(items))
    for page in nav.pages:
        if page.file.src_uri in hidden:
            page.parent = None
            page.previous_page = page.next_page = None
    bookended = [None, *pages, None]
    for before, page, after in zip(bookended[:-2], pages, bookended[2:], strict=False):
        page.previous_page, page.next_page = before, after
    nav.items, nav.pages = items, pages
    return nav


def _prune(items: list[Any], hidden: set[str], overviews: dict[str, Kind]) -> list[Any]:
    """Drop hidden pages; a section whose index is an overview becomes that overview page.

    A section left with a single page becomes that page: a reader should not have to open a
    folder ("Daten") to find the one entry in it (and every page's navigation stays smaller).
    """
    kept: list[Any] = []
    for item in items:
        if isinstance(item, Section):
            overview = next(
                (child for child in item.children if isinstance(child, Page) and child.file.src_uri in overviews),
                None,
            )
            if overview is not None:
                overview.parent = item.parent
                kept.append(overview)
                continue
            item.children = _prune(item.children, hidden, overviews)
            if len(item.children) == 1 and isinstance(item.children[0], Page):
                only = item.children[0]
                only.parent = item.parent
                kept.append(only)
            elif item.children:
                kept.append(item)
        elif isinstance(item, Page) and item.file.src_uri in hidden:
            continue
        else:
            kept.append(item)
    return kept


def _ordered(items: list[Any], folders: dict[Kind, str]) -> list[Any]:
    """Home, the process, the overviews in a fixed order, the editor's pages, Leichte Sprache."""
    rank = {"index.md": 0, SPECIAL_PAGES["process"]: 1}
    rank.update({overview_uri(folders, kind): 2 + position for position, kind in enumerate(NAV_ORDER)})
    rank[SPECIAL_PAGES["easy_language"]] = 100

    def key(indexed: tuple[int, Any]) -> tuple[int, int]:
        position, item = indexed
        uri = item.file.src_uri if isinstance(item, Page) else None
        return (rank.get(uri, 50) if uri else 50, position)

    return [item for _, item in sorted(enumerate(items), key=key)]


def _pages(items: list[Any]) -> Iterator[Page]:
    for item in items:
        if isinstance(item, Section):
            yield from _pages(item.children)
        elif isinstance(item, Page):
            yield item
