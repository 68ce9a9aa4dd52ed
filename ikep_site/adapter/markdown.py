"""A page's Markdown and meta before MkDocs renders them: titles escaped, an overview's listing added."""

from __future__ import annotations

from markupsafe import escape
from mkdocs.structure.pages import Page

from ..model import Site
from ..pages import PagePlan


def prepared_markdown(markdown: str, page: Page, page_plan: PagePlan | None, site: Site | None) -> str:
    """`markdown` as MkDocs should render it; the page's title and description escaped in its meta."""
    if page_plan is not None:
        # MkDocs and Material print the title unescaped into <title> and the navigation.
        page.meta["title"] = str(escape(page_plan.title))
        summary = _summary(page_plan, site)
        if summary:
            page.meta["description"] = str(escape(summary))
        editor_overview = page_plan.role == "overview" and not page_plan.generated and page_plan.kind
        if editor_overview and f"ikep:{page_plan.kind.value}" not in markdown:  # type: ignore[union-attr]
            # The editor wrote prose but no placeholder: the listing goes below it.
            markdown = f"{markdown.rstrip()}\n\n{page_plan.markdown}"
    else:
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = str(escape(page.meta[key]))
    return markdown


def _summary(page_plan: PagePlan, site: Site | None) -> str | None:
    if site is None or page_plan.kind is None or page_plan.key is None:
        return None
    entity = site.main.entities(page_plan.kind).get(page_plan.key)
    return entity.summary if entity else None
