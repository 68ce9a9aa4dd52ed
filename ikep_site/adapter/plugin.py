"""The MkDocs plugin `ikep`: MkDocs' events, each handed on to the module beside it that does the work.

It loads and validates the content and adds the generated pages and files (on_files), keeps entity
pages out of the navigation (on_nav), and fills pages with the HTML the renderers make
(on_page_markdown, on_page_content): a page is complete when on_page_content returns, so every
plugin after this one sees what readers get.
"""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.base import ConfigErrors, ConfigWarnings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..cache import BuildCache
from ..content.loader import DEFAULT_FOLDERS, LoadResult
from ..content.plugin_options import PluginOptions
from ..formatting import format_number
from ..messages import MESSAGES
from ..model import Kind
from ..pages import PagePlan
from ..publish import SiteFacts
from ..render.compact import compact_html
from ..render.html import HtmlRenderer
from . import files as build_files
from .assets import add_to_theme, with_map_scripts
from .budget import PageBudget
from .config import IkepConfig, build_date, catalogue_info, checked_options, config_dir, site_url
from .editor import add_editor_files
from .frame import PageHead, add_footer_links, page_head
from .loading import load_content
from .markdown import prepared_markdown
from .nav import pruned
from .renderer import make_renderer, published_files, rendered_page
from .reporting import display_prefix, log, log_collisions
from .reportpdf import ReportPdfs
from .search import SearchHandOff, search_active
from .searchstems import add_query_stems
from .slots import fill_placeholders

PROGRESS_EVERY = 2000


class IkepPlugin(BasePlugin[IkepConfig]):
    def __init__(self) -> None:
        self.plans: dict[str, PagePlan] = {}
        self.result: LoadResult | None = None
        self.renderer: HtmlRenderer | None = None
        self.folders: dict[Kind, str] = dict(DEFAULT_FOLDERS)
        self.today = date.today()
        self.display_prefix = ""
        self.docs_dir = Path()  # of this build, set in on_files
        self.use_directory_urls = True
        self.rendered = 0
        self.cache: BuildCache | None = None
        self.search = SearchHandOff()
        self.compact = True
        self.pdfs = ReportPdfs()  # the progress report's PDF, made beside the build
        self.head: PageHead | None = None  # of this build, set in on_env
        self._settled = False  # see _settle
        self.budget = PageBudget()  # the bytes of every page, checked once all are written

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this keeps one plugin object across `mkdocs serve` rebuilds: keep a cache there.

        A single `mkdocs build` has nothing to reuse, so it skips the bookkeeping.
        """
        self.cache = BuildCache() if command == "serve" else None
        # A preview is never published: its few extra bytes of whitespace cost nothing.
        self.compact = command != "serve"

    # Configuration ---------------------------------------------------------------------------

    options = PluginOptions()  # of this build, from load_config

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        """The options through our parser first; MkDocs gets only known keys, with checked values."""
        self.options, for_mkdocs = checked_options(options, config_file_path)
        return super().load_config(for_mkdocs, config_file_path)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.folders = self.options.folders_for()[0]  # settled beside the portal's processes in on_files
        self.today = build_date(self.options)
        self.search.active = search_active(config)
        add_to_theme(config)
        if config.theme.get("font") is not False and config.theme.name == "material":
            log.warning(MESSAGES["font_third_party"])
        return config

    # Content and files -------------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = self.docs_dir = Path(config.docs_dir)
        self.use_directory_urls = config.use_directory_urls
        self.display_prefix = display_prefix(docs_dir, config_dir(config))
        options = self.options
        self.result, self.folders = result, folders = load_content(
            files, docs_dir, options, self.display_prefix, self.cache
        )
        self.plans = build_files.add_planned_pages(files, config, result.site, folders, docs_dir)
        url = site_url(config)
        if url is None:  # the report is logged already: said here, so that --strict counts it
            log.warning("%s: %s", options.display, MESSAGES["site_url_missing"])
        facts = SiteFacts(
            site_url=url,
            build_date=self.today,
            use_directory_urls=config.use_directory_urls,
            catalogue=catalogue_info(config, options, url),
        )
        collisions = build_files.add_asset_files(files, config)
        collisions += add_editor_files(files, config, result.site, folders, options.editor, url)
        self.renderer = make_renderer(config, result.site, folders, self.plans, options, facts, self.cache)
        self.rendered = 0
        self.pdfs.start(self.renderer, self.plans, options, url, config.use_directory_urls)
        published = published_files(result.site, folders, facts, self.renderer, self.cache)
        collisions += build_files.add_published(files, config, published)
        collisions += build_files.shared_address_collisions(files, docs_dir, self.plans, published)
        log_collisions(collisions, self.display_prefix, options.display)
        return files

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Footer links to the legal pages; what every page's <head> gets; each page's sitemap date."""
        site = self.result.site if self.result is not None else None
        file_dates = self.renderer.file_dates if self.renderer is not None else {}
        self.head = page_head(env, site, config, files, self.today, self.plans, file_dates)
        add_footer_links(env, files, config.use_directory_urls)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        add_query_stems(config.site_dir)
        self.pdfs.write(config.site_dir)
        self.budget.check(config.site_dir, self.display_prefix)
        if self.cache is not None and not self._settled:
            self._settle()

    def _settle(self) -> None:
        """After the first `mkdocs serve` build: what lives now is left alone by the garbage collector.

        The code of every module and what the cache keeps live as long as the server; a full
        collection would otherwise walk all of it again in every rebuild (0.1 s at 1,000
        entities, a fifth of the plugin's share of a rebuild). Garbage of this first build is
        collected before; what the cache replaces later is freed all the same (by reference
        counting: what it keeps holds no cycles).
        """
        self._settled = True
        gc.collect()
        gc.freeze()

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """The feed in every page's <head>, who publishes the site on the home page; compacted."""
        self.budget.note(page)
        if self.compact:
            output = compact_html(output)
        if self.head is None:
            return output
        return self.head.added(output, page, site_url(config), config.use_directory_urls)

    # Navigation ----------------------------------------------------------------------------------

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Keep entity pages out of the navigation: they are reached through their overviews."""
        if config.nav is not None:
            return nav  # the editor chose the navigation; respect it
        site = self.result.site if self.result is not None else None
        return pruned(nav, files, self.plans, site, self.folders)

    # Pages ---------------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        site = self.result.site if self.result is not None else None
        return prepared_markdown(markdown, page, self.plans.get(page.file.src_uri), site)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.renderer is None or self.result is None:
            return html
        src_uri = page.file.src_uri
        page_plan = self.plans.get(src_uri)
        if page_plan is not None:
            html = rendered_page(self.renderer, self.cache, page_plan, html)
            self._count_rendered()
        html = fill_placeholders(
            html, src_uri, self.renderer, self.cache, docs_dir=self.docs_dir, display_prefix=self.display_prefix
        )
        return with_map_scripts(html, src_uri, self.use_directory_urls)

    def _count_rendered(self) -> None:
        self.rendered += 1
        if self.rendered % PROGRESS_EVERY == 0:
            log.info(MESSAGES["progress_rendered"].format(count=format_number(self.rendered)))

    # The search plugin (priority 0) indexes page.content in on_page_context: just before, it gets
    # a lighter copy of the page; just after, the whole page is put back (search.py).

    @event_priority(1)
    def _before_search(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        self.search.before(page, self.cache)
        return context

    @event_priority(-1)
    def _after_search(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        self.search.after(page)
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)
