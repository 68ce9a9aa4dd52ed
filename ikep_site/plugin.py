"""The MkDocs adapter: the only module that imports mkdocs.

It wires MkDocs events to the core: load and validate the content (on_files), add the generated
pages and files, keep entity pages out of the navigation (on_nav), and fill pages with the HTML
the renderers make (on_page_markdown, on_page_content): a page is complete when on_page_content
returns, so every plugin after this one sees what readers get. It knows nothing about corridors or
projects; those live in the model, derivations and templates.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ConfigErrors, ConfigWarnings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from . import labels, placeholders, publish
from .cache import BuildCache
from .checks.workflows import runs_audit
from .content.gitdates import last_changed
from .content.loader import DEFAULT_FOLDERS, PROCESS_FILE, Loader, LoadResult, process_folders
from .content.plugin_options import (
    DEFAULT_HOSTING,
    DEFAULT_LICENCE,
    DEFAULT_LICENCE_URL,
    LOADED_ELSEWHERE,
    PluginOptions,
    read_options,
)
from .diagnostics import Report
from .formatting import BERLIN
from .log import log_beneath
from .messages import MESSAGES
from .model import Kind, Operator
from .outputs import Collision, Outputs, Owner, shared_addresses
from .pages import FOOTER_ROLES, NAV_ORDER, SPECIAL_PAGES, PagePlan, overview_uri, plan
from .placeholders import Placeholder
from .publish import FEED_URI, SiteFacts
from .render.compact import compact_html
from .render.feeds import feed_link_tag
from .render.html import DEFAULT_TILES, HtmlRenderer
from .render.jsonld import jsonld_script, organization_jsonld
from .render.maps import TileSource
from .render.searchable import for_readers, for_search, has_markers, unsearched
from .urls import Linker, page_url

# Beneath the running tool's plugin logger: `mkdocs.plugins.ikep`, or `properdocs.plugins.ikep`.
log = log_beneath(get_plugin_logger("ikep").logger)

PACKAGE_DIR = Path(__file__).parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
ASSETS_DIR = PACKAGE_DIR / "assets"
ASSET_PREFIX = "assets/ikep"
ASSET_OWNER = Owner("owner_asset")
MAP_MARK = "data-ikep-map"
SEARCH_PLUGINS = ("search", "material/search")
# Attributes Material's search plugin removes from a page once it has indexed it.
SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
PROGRESS_EVERY = 2000


class IkepConfig(base.Config):
    """What MkDocs keeps of the options: whatever YAML gives, so MkDocs never rejects one itself.

    content/plugin_options.py checks them (in German, with the line in mkdocs.yml) before MkDocs
    sees them, and hands MkDocs the checked values; see `IkepPlugin.load_config`.
    """

    process = c.Optional(c.Type(object))
    operator = c.Optional(c.Type(object))
    folders = c.Type(object, default={})
    hosting = c.Type(object, default=DEFAULT_HOSTING)
    build_date = c.Optional(c.Type(object))
    # Background tiles, loaded only when a reader asks for them (see render/maps.py).
    tiles = c.Type(object, default={})
    data_licence = c.Type(object, default=DEFAULT_LICENCE)
    data_licence_url = c.Type(object, default=DEFAULT_LICENCE_URL)
    # Accepted so that earlier configurations still build; the pages are made in one process.
    parallel = c.Type(object, default=True)


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
        self.search_active = False
        self.compact = True
        self._published: dict[str, str] = {}  # src_uri -> full page while the search indexes it
        self._feed_links: dict[str, str] = {}  # href -> <link> of the feed, per build
        self._feed_title: str | None = None  # of this build, set in on_env
        self._operator: Operator | None = None
        self._settled = False  # see _settle

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
        """The options through our parser first; MkDocs gets only known keys, with checked values.

        So MkDocs neither rejects an option in English without a line nor warns about an unknown
        one: both are reported in German with the line (in on_files, with the content's problems).
        """
        config_file = Path(config_file_path) if config_file_path else None
        display = config_file.name if config_file else "mkdocs.yml"
        self.options = read_options(config_file, display, options)
        kept = {key: options[key] for key in LOADED_ELSEWHERE if key in options}
        return super().load_config({**kept, **self.options.checked_values()}, config_file_path)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.folders = self.options.folders_for()[0]  # settled beside the portal's processes in on_files
        self.today = self._build_date()
        self.search_active = any(name in config.plugins for name in SEARCH_PLUGINS)
        dirs = config.theme.dirs
        # After the site's own overrides, before the theme: a site can still replace our templates.
        position = 1 if config.theme.custom_dir else 0
        if str(TEMPLATES_DIR) not in dirs:
            dirs.insert(position, str(TEMPLATES_DIR))
        if config.theme.get("font") is not False and config.theme.name == "material":
            log.warning(MESSAGES["font_third_party"])
        for name in sorted(p.name for p in ASSETS_DIR.glob("*.css")):
            if f"{ASSET_PREFIX}/{name}" not in config.extra_css:
                config.extra_css.append(f"{ASSET_PREFIX}/{name}")
        for name in sorted(p.name for p in ASSETS_DIR.glob("*.js")):
            if f"{ASSET_PREFIX}/{name}" not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(f"{ASSET_PREFIX}/{name}")
        return config

    def _build_date(self) -> date:
        """The date that decides phases and call states: fixed for reproducible builds."""
        if self.options.build_date is not None:
            return self.options.build_date
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch and epoch.isdigit():
            return datetime.fromtimestamp(int(epoch), tz=UTC).astimezone(BERLIN).date()
        return datetime.now(tz=BERLIN).date()

    # Content and files -------------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = self.docs_dir = Path(config.docs_dir)
        self.use_directory_urls = config.use_directory_urls
        config_dir = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.display_prefix = _display_prefix(docs_dir, config_dir)
        pages = [file.src_uri for file in files.documentation_pages()]
        options = self.options
        self.folders, folder_report = options.folders_for(process_folders(docs_dir, pages))
        config_name = options.display
        loader = Loader(docs_dir, folders=self.folders, display_prefix=self.display_prefix, cache=self.cache)
        result = loader.load(
            pages,
            all_files=[file.src_uri for file in _editor_files(files, docs_dir)],
            process=options.process,
            operator=options.operator,
        )
        result.report.extend(options.report)
        result.report.extend(folder_report)
        _log(result.report)
        self.result = result

        for src_uri in result.left_out:
            file = files.get_file_from_path(src_uri)
            if file is not None:
                files.remove(file)
        existing = {file.src_uri for file in files.documentation_pages()}
        self.plans = {}
        for page_plan in plan(result.site, self.folders, existing):
            self.plans[page_plan.src_uri] = page_plan
            if page_plan.generated:
                generated = File.generated(config, page_plan.src_uri, content=page_plan.markdown)
                source = _edit_source(page_plan, docs_dir)
                if source is not None:
                    generated.edit_uri = source  # the "edit" button leads to the editor's file
                _replace(files, generated)
        site_url = _site_url(config)
        if site_url is None:
            result.report.add(config_name, None, MESSAGES["site_url_missing"])
        facts = SiteFacts(site_url=site_url, build_date=self.today, use_directory_urls=config.use_directory_urls)
        asset_collisions: list[Collision] = []
        for asset in sorted(ASSETS_DIR.rglob("*")):
            if asset.is_file():
                uri = f"{ASSET_PREFIX}/{asset.relative_to(ASSETS_DIR).as_posix()}"
                asset_collisions += _replace(files, File.generated(config, uri, abs_src_path=str(asset)), ASSET_OWNER)

        self.renderer = HtmlRenderer(
            config.theme.dirs,
            result.site,
            self.folders,
            today=self.today,
            use_directory_urls=config.use_directory_urls,
            hosting=options.hosting,
            tiles=TileSource(**{**asdict(DEFAULT_TILES), **options.tiles}),
            site_url=site_url,
            data_licence=(options.data_licence, options.data_licence_url),
            env=self.cache.jinja if self.cache else None,
        )
        if self.cache is not None:
            self.cache.jinja = self.renderer.env
        self.renderer.process_pages = {
            page_plan.process: uri
            for uri, page_plan in self.plans.items()
            if page_plan.role == "process" and page_plan.process
        }
        self.renderer.file_dates = last_changed(docs_dir)
        # The accessibility statement claims automatic checks only where a workflow runs them.
        self.renderer.env.globals["audited"] = runs_audit(config_dir)
        self.rendered = 0
        self._feed_links = {}
        # The renderer's relations serve the calendars and the feed too: derived once per build.
        calendars = self.cache.calendars if self.cache else None
        reuse = None
        if self.cache is not None:  # open data and feed show everything: kept while nothing changed
            versions = self.renderer.versions
            reuse = self.cache.reuse(
                versions.build + versions.scope(result.site.main),
                lambda process: versions.build + versions.scope(process),
            )
        published = publish.files(result.site, self.folders, facts, calendars, self.renderer.relations, reuse)
        collisions = [*asset_collisions, *published.collisions]
        for uri, content in published.items():
            collisions += _replace(files, File.generated(config, uri, content=content), published.owners[uri])
        owners = self._owners(published)
        editors = {file.src_uri for file in _editor_files(files, docs_dir)}
        collisions += shared_addresses(
            (file.dest_uri, _editor_owner(file) if file.src_uri in editors else owners.get(file.src_uri, ASSET_OWNER))
            for file in files
            if file.generated_by or file.src_uri in editors  # a site may replace the theme's own files
        )
        for collision in collisions:
            path = self.display_prefix + collision.src_uri if collision.src_uri else config_name
            log.warning("%s: %s", path, collision.message(self.display_prefix))
        return files

    def _owners(self, published: Outputs) -> dict[str, Owner]:
        """Who each generated file belongs to (by src_uri), for reporting two at one address."""
        owners: dict[str, Owner] = {uri: owner for uri, owner in published.owners.items()}
        for uri, page_plan in self.plans.items():
            if page_plan.generated:
                source = page_plan.src_uri if page_plan.role == "entity" else None
                owners[uri] = (
                    Owner("owner_page", source)
                    if source
                    else Owner("owner_generated_page", details=(("title", page_plan.title),))
                )
        return owners

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Footer links to the legal pages; what every page's <head> gets."""
        # What every page's <head> gets (on_post_page), taken from the model once.
        site = self.result.site if self.result is not None else None
        self._feed_title = labels.EXPORT_LABELS["feed_title"].format(name=publish.site_name(site)) if site else None
        self._operator = site.operator if site else None
        # For the theme's (non-escaping) environment.
        env.globals["ikep_legal_label"] = labels.LABELS["footer_legal"]
        env.globals["ikep_legal_links"] = [
            (page_url(uri, use_directory_urls=config.use_directory_urls), labels.PAGE_TITLE[role])
            for role, uri in SPECIAL_PAGES.items()
            if role != "process" and files.get_file_from_path(uri) is not None
        ]
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
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
        if self.compact:
            output = compact_html(output)
        if self._feed_title is None or (site_url := _site_url(config)) is None:
            return output
        # Relative: Material fetches "sitemap.xml" beside every rel=alternate link, which must
        # stay on this site (and works on a preview under another address).
        href = Linker(page.file.src_uri, config.use_directory_urls).to(FEED_URI)
        if href not in self._feed_links:  # one per folder depth
            self._feed_links[href] = feed_link_tag(href, self._feed_title)
        head = self._feed_links[href]
        if page.is_homepage and self._operator:
            head += jsonld_script(organization_jsonld(self._operator, site_url))
        return output.replace("</head>", head + "</head>", 1)

    # Navigation ----------------------------------------------------------------------------------

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Keep entity pages out of the navigation: they are reached through their overviews.

        A flat navigation of every entity makes Material write all links into every page, so
        page size (and build time) would grow with the number of entities.
        """
        if config.nav is not None:
            return nav  # the editor chose the navigation; respect it
        hidden = {uri for uri, p in self.plans.items() if p.role == "entity"}
        hidden |= {SPECIAL_PAGES[role] for role in FOOTER_ROLES}
        if self.result is not None and self.result.site.is_portal:
            # A portal's processes are reached from its home page, never listed in the navigation.
            folders = {process_id for process_id in self.result.site.processes if process_id}
            hidden |= {f.src_uri for f in files.documentation_pages() if f.src_uri.split("/", 1)[0] in folders}
        overviews = {overview_uri(self.folders, kind): kind for kind in Kind}
        items = _prune(nav.items, hidden, overviews)
        items = _ordered(items, self.folders)
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

    # Pages ---------------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        page_plan = self.plans.get(page.file.src_uri)
        if page_plan is not None:
            # MkDocs and Material print the title unescaped into <title> and the navigation.
            page.meta["title"] = str(escape(page_plan.title))
            summary = self._summary(page_plan)
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

    def _summary(self, page_plan: PagePlan) -> str | None:
        if self.result is None or page_plan.kind is None or page_plan.key is None:
            return None
        entity = self.result.site.main.entities(page_plan.kind).get(page_plan.key)
        return entity.summary if entity else None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.renderer is None or self.result is None:
            return html
        src_uri = page.file.src_uri
        page_plan = self.plans.get(src_uri)
        if page_plan is not None:
            html = self._render_page(page_plan, html)
            self._count_rendered()
        html = self._fill_placeholders(html, src_uri)
        return self._with_map_scripts(html, src_uri)

    def _count_rendered(self) -> None:
        self.rendered += 1
        if self.rendered % PROGRESS_EVERY == 0:
            log.info("ikep: %d Seiten erzeugt …", self.rendered)

    def _with_map_scripts(self, html: str, src_uri: str) -> str:
        return self._map_scripts(src_uri) + html if MAP_MARK in html else html

    # The search plugin (priority 0) indexes page.content in on_page_context; these two handlers
    # hand it the page without the parts marked as not searchable and with only the tags it reads
    # (render/searchable.py), and put the whole page back.

    @event_priority(1)
    def _before_search(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        content = page.content
        if content is None:
            return context
        if self.search_active:
            self._published[page.file.src_uri] = content
            cache = self.cache
            page.content = for_search(content) if cache is None else cache.for_search(page.file.src_uri, content)
        elif has_markers(content):
            page.content = for_readers(content)
        return context

    @event_priority(-1)
    def _after_search(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        content = self._published.pop(page.file.src_uri, None)
        if content is not None:
            page.content = _for_readers_only(content)
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)

    def _render_page(self, page_plan: PagePlan, body_html: str) -> str:
        """A page the plugin owns, from the cache while nothing it shows has changed since the last build."""
        renderer = self.renderer
        assert renderer is not None
        if self.cache is None or page_plan.role == "overview":  # an overview is its listings (below)
            return renderer.page(page_plan, body_html)
        version = renderer.page_version(page_plan, body_html)
        return self.cache.pages.get_or_make(page_plan.src_uri, version, lambda: renderer.page(page_plan, body_html))

    def _listing(self, placeholder: Placeholder, src_uri: str, number: int, heading_level: int) -> str:
        """A placeholder's listing, from the cache while nothing it may show has changed."""
        renderer = self.renderer
        assert renderer is not None
        if self.cache is None:
            return renderer.placeholder(placeholder, src_uri, heading_level)
        version = renderer.listing_version(placeholder, src_uri, heading_level)
        return self.cache.listings.get_or_make(
            (src_uri, number), version, lambda: renderer.placeholder(placeholder, src_uri, heading_level)
        )

    def _map_scripts(self, src_uri: str) -> str:
        """Leaflet and our map script, from the site itself, before the first map of the page."""
        link = Linker(src_uri, self.use_directory_urls)
        # str(): a Markup would escape the page it is prepended to.
        return str(
            unsearched(
                f'<link rel="stylesheet" href="{link.to(ASSET_PREFIX + "/leaflet/leaflet.css")}">'
                f'<script src="{link.to(ASSET_PREFIX + "/leaflet/leaflet.js")}"></script>'
                f'<script src="{link.to(ASSET_PREFIX + "/maps/ikep-maps.js")}"></script>\n'
            )
        )

    def _fill_placeholders(self, html: str, src_uri: str) -> str:
        slots = self._placeholder_slots(html, src_uri)
        return self._filled(html, src_uri, slots) if slots else html

    def _filled(self, html: str, src_uri: str, slots: list[_Slot]) -> str:
        """`html` with each slot's listing."""
        parts: list[str] = []
        position = 0
        for slot in slots:
            parts.append(html[position : slot.start])
            if slot.placeholder is not None:
                parts.append(self._listing(slot.placeholder, src_uri, slot.number, slot.heading_level))
            position = slot.end
        parts.append(html[position:])
        return "".join(parts)

    def _placeholder_slots(self, html: str, src_uri: str) -> list[_Slot]:
        """Where a page's placeholders are and what each lists; a faulty one is reported and dropped.

        Malformed ones (unclosed, upper case, …) are no placeholders in the HTML: they are found,
        like the lines of all of them, in the page's Markdown, as `ikep check` finds them.
        """
        assert self.renderer is not None and self.result is not None
        if _MENTIONS_IKEP.search(html) is None:
            return []  # most pages: no need to read the Markdown again
        found = list(placeholders.find(html))
        in_source = list(placeholders.in_source(_source_text(self.docs_dir / src_uri)))
        report = Report()
        display = self.display_prefix + src_uri
        for line, candidate in in_source:
            if candidate.problem is not None:
                report.add(display, line, candidate.problem, warning_only=candidate.warning_only)
        lines = placeholders.source_lines(in_source, [candidate.text for candidate, _ in found])
        slots: list[_Slot] = []
        for number, ((candidate, placeholder), source_line) in enumerate(zip(found, lines, strict=True)):
            problems = placeholders.problems(placeholder, self.renderer.scope_of(src_uri))
            if problems:
                for problem in problems:
                    report.add(display, source_line, problem)
                slots.append(_Slot(candidate.start, candidate.end, number, None, 0))
                continue
            level = _next_heading_level(html, candidate.start)
            slots.append(_Slot(candidate.start, candidate.end, number, placeholder, level))
        _log(report)
        return slots


# A page that may hold a placeholder, well-formed or not (an unclosed one is escaped: `&lt;!--`).
_MENTIONS_IKEP = re.compile("ikep", re.I)


@dataclass(frozen=True)
class _Slot:
    start: int
    end: int
    number: int  # of the placeholder on its page
    placeholder: Placeholder | None  # None: faulty, reported, left out
    heading_level: int


def _for_readers_only(content: str) -> str:
    """The page as readers get it once the search has seen it: no markers, no search attributes."""
    content = for_readers(content)
    return SEARCH_ATTRIBUTES.sub("", content) if "data-search-" in content else content


def _edit_source(page_plan: PagePlan, docs_dir: Path) -> str | None:
    """The content file a generated page comes from, if an editor can change it."""
    if page_plan.role == "entity":
        return page_plan.src_uri
    if page_plan.role == "process" and page_plan.process:
        source = f"{page_plan.process}/{PROCESS_FILE}"
        return source if (docs_dir / source).is_file() else None
    return None


def _site_url(config: MkDocsConfig) -> str | None:
    url = config.site_url
    return None if not url else (url if url.endswith("/") else url + "/")


def _log(report: Report) -> None:
    for diagnostic in report.sorted():
        log.warning(str(diagnostic))


def _display_prefix(docs_dir: Path, config_dir: Path) -> str:
    try:
        return docs_dir.resolve().relative_to(config_dir.resolve()).as_posix() + "/"
    except ValueError:
        return docs_dir.as_posix().rstrip("/") + "/"


def _replace(files: Files, file: File, owner: Owner | None = None) -> list[Collision]:
    """Put a generated file in; with an `owner`, an editor's file at its place is a collision."""
    existing = files.get_file_from_path(file.src_uri)
    collisions = []
    if existing is not None:
        if owner is not None and not existing.generated_by:
            collisions.append(Collision(file.src_uri, _editor_owner(existing), owner))
        files.remove(existing)
    files.append(file)
    return collisions


def _editor_files(files: Files, docs_dir: Path) -> Iterator[File]:
    """The files an editor put in content/ (not the theme's, not generated ones)."""
    root = os.path.abspath(docs_dir)
    for file in files:
        if not file.generated_by and file.src_dir and os.path.abspath(file.src_dir) == root:
            yield file


def _editor_owner(file: File) -> Owner:
    return Owner("owner_editor_file", file.src_uri)


def _source_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _next_heading_level(html: str, position: int) -> int:
    """The heading level a listing at `position` should use, so headings never skip a level."""
    levels = re.findall(r"<h([1-6])[\s>]", html[:position])
    return min(int(levels[-1]) + 1, 6) if levels else 2


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


def _pages(items: list[Any]) -> Any:
    for item in items:
        if isinstance(item, Section):
            yield from _pages(item.children)
        elif isinstance(item, Page):
            yield item
