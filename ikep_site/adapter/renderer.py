"""The core's renderer in one build: set up from the options, its work kept by the serve cache.

Under `mkdocs serve`, a page, a listing or a published file is made again only when something it
shows has changed since the last build (the versions in render/versions.py say what that is).
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from .. import publish
from ..cache import BuildCache
from ..checks.workflows import runs_audit
from ..content.gitdates import last_changed
from ..content.plugin_options import PluginOptions
from ..editor.options import editor_facts
from ..model import Kind, Site
from ..outputs import Outputs, Owner
from ..pages import PagePlan
from ..placeholders import Placeholder
from ..publish import SiteFacts
from ..render.html import DEFAULT_TILES, HtmlRenderer
from ..render.maps import TileSource
from ..render.widgets import widget_files
from .config import config_dir
from .editor import site_repository


def make_renderer(
    config: MkDocsConfig,
    site: Site,
    folders: dict[Kind, str],
    plans: dict[str, PagePlan],
    options: PluginOptions,
    facts: SiteFacts,
    cache: BuildCache | None,
) -> HtmlRenderer:
    renderer = HtmlRenderer(
        config.theme.dirs,
        site,
        folders,
        today=facts.build_date,
        use_directory_urls=config.use_directory_urls,
        hosting=options.hosting,
        tiles=TileSource(**{**asdict(DEFAULT_TILES), **options.tiles}),
        site_url=facts.site_url,
        data_licence=(options.data_licence, options.data_licence_url),
        env=cache.jinja if cache else None,
        # The accessibility statement claims automatic checks only where a workflow runs them.
        audited=runs_audit(config_dir(config)),
        editor=editor_facts(options.editor, site_repository(config) is not None),
    )
    if cache is not None:
        cache.jinja = renderer.env
    renderer.process_pages = {
        page_plan.process: uri for uri, page_plan in plans.items() if page_plan.role == "process" and page_plan.process
    }
    renderer.file_dates = last_changed(Path(config.docs_dir))
    return renderer


def published_files(
    site: Site, folders: dict[Kind, str], facts: SiteFacts, renderer: HtmlRenderer, cache: BuildCache | None
) -> Outputs:
    """Open data, feed, calendars …; the renderer's relations serve them too, derived once per build."""
    calendars = cache.calendars if cache else None
    reuse = None
    if cache is not None:  # open data and feed show everything: kept while nothing changed
        versions = renderer.versions
        reuse = cache.reuse(
            versions.build + versions.scope(site.main),
            lambda process: versions.build + versions.scope(process),
        )
    out = publish.files(site, folders, facts, calendars, renderer.relations, reuse)
    widgets = Owner("owner_widgets")
    if reuse is None:
        out.put_all(widget_files(renderer), lambda _: widgets)
    else:
        out.put_all(reuse.together("widgets", facts, lambda: widget_files(renderer)), lambda _: widgets)
    return out


def rendered_page(renderer: HtmlRenderer, cache: BuildCache | None, page_plan: PagePlan, body_html: str) -> str:
    """A page the plugin owns, from the cache while nothing it shows has changed since the last build."""
    if cache is None or page_plan.role == "overview":  # an overview is its listings (see slots.py)
        return renderer.page(page_plan, body_html)
    version = renderer.page_version(page_plan, body_html)
    return cache.pages.get_or_make(page_plan.src_uri, version, lambda: renderer.page(page_plan, body_html))


def listing(
    renderer: HtmlRenderer,
    cache: BuildCache | None,
    placeholder: Placeholder,
    src_uri: str,
    number: int,
    heading_level: int,
) -> str:
    """A placeholder's listing, from the cache while nothing it may show has changed."""
    if cache is None:
        return renderer.placeholder(placeholder, src_uri, heading_level)
    version = renderer.listing_version(placeholder, src_uri, heading_level)
    return cache.listings.get_or_make(
        (src_uri, number), version, lambda: renderer.placeholder(placeholder, src_uri, heading_level)
    )
