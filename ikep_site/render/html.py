"""HTML for entity pages, generated pages and placeholders, from Jinja templates.

The templates live in `ikep_site/templates/ikep/`; a site replaces any of them by a file of the
same name in its `overrides/ikep/`. Our environment escapes every value by default, so nothing an
editor writes can become markup; the few trusted fragments (rendered Markdown, our SVG) are
passed as `Markup`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import cached_property
from typing import Any

import jinja2
from markupsafe import Markup

from .. import labels
from ..cache import digest
from ..content.loader import resolve_key
from ..corridor import indicator_status, newest_value
from ..derive import (
    NewsItem,
    call_days,
    call_deadline,
    call_state,
    call_windows,
    calls_in_order,
    current_phase,
    news_about,
    phase_state,
    project_progress,
    projects_by_status,
    relations,
)
from ..editor.options import EditorFacts
from ..formatting import format_date, format_date_short, format_euro, format_number, format_percent
from ..model import REFERENCE_FIELDS, Area, Contact, Entity, Goal, Indicator, Kind, Process, Site
from ..pages import (
    CATALOGUE_URI,
    FEED_URI,
    KIND_TEMPLATES,
    SPECIAL_PAGES,
    PagePlan,
    area_calendar_uri,
    call_calendar_uri,
    calls_calendar_uri,
    data_uri,
    embed_uri,
    indicator_csv_uri,
    overview_uri,
    report_uri,
)
from ..placeholders import OPTIONS, Placeholder
from ..report import calls_held, indicator_status_counts, milestones_reached, report_period
from ..urls import Linker, page_url
from .charts import chart_description, chart_svg, corridor_chart_svg, target_statement
from .jsonld import event_jsonld, jsonld_script
from .maps import TileSource
from .mapviews import LocationIndex, MapViews
from .opendata import COLUMNS, FILE_NAMES
from .reportpdf import pdf_path
from .searchable import SEARCH_OFF, SEARCH_ON, unsearched
from .tables import indicator_rows
from .versions import Versions, templates_version
from .widgets import HEIGHTS, Widget, all_widgets, snippet

# Placeholders whose content is found only on the page that shows them (the process profile);
# every other listing repeats pages of its own and stays out of the search index.
SEARCHED_PLACEHOLDERS = frozenset({"process"})

DEFAULT_TILES = TileSource(
    url="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    attribution="© OpenStreetMap-Mitwirkende",
    attribution_url="https://www.openstreetmap.org/copyright",
    # OSM's tile usage policy requires a valid Referer; this sends the origin only.
    referrer_policy="strict-origin-when-cross-origin",
    name="OpenStreetMap",
)


class HtmlRenderer:
    def __init__(
        self,
        template_dirs: Sequence[str],
        site: Site,
        folders: Mapping[Kind, str],
        *,
        today: date,
        use_directory_urls: bool = True,
        hosting: str = "",
        tiles: TileSource | None = None,
        site_url: str | None = None,
        data_licence: tuple[str, str] = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.de"),
        env: jinja2.Environment | None = None,
        audited: bool = False,
        editor: EditorFacts | None = None,
    ) -> None:
        self.hosting = hosting
        self.editor = editor or EditorFacts(enabled=False, auth_host=None)
        self.audited = audited  # the site's workflow runs `ikep audit` before it publishes
        self.site_url = site_url
        self.data_licence = data_licence
        self.tiles = tiles or DEFAULT_TILES
        self.site = site
        self.process = site.main  # everything: lookups and links across processes
        self.folders = folders
        self.today = today
        self.use_directory_urls = use_directory_urls
        self.relations = relations(self.process)
        self.locations = LocationIndex(site)
        self._shape_digests: dict[str, str] = {}
        self._news_by_process: dict[str, list[NewsItem]] = {}
        for item in self.relations.news:
            self._news_by_process.setdefault(item.entity.process, []).append(item)
        self.template_dirs = list(template_dirs)
        self.process_pages: dict[str, str] = {}  # process id -> its home page, set by the adapter
        self.file_dates: dict[str, date] = {}  # last commit per content file, set by the adapter
        self.report_pdfs: set[str] = set()  # reports whose page links a PDF (adapter/reportpdf.py)
        # Made for the template files as they are now (see `templates_version`); `mkdocs serve` hands
        # the last build's environment back while they are the same, with its templates compiled.
        self.templates = templates_version(self.template_dirs)
        self.env = env if env is not None and env.globals.get("TEMPLATES") == self.templates else self._environment()

    def _environment(self) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(self.template_dirs),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,  # templates do not change during a build; skip a stat per page
            trim_blocks=True,
            lstrip_blocks=True,
        )
        env.filters.update(
            date_de=format_date,
            date_short=format_date_short,
            number_de=format_number,
            euro=format_euro,
            percent=format_percent,
        )
        env.globals.update(
            TEMPLATES=self.templates,
            L=labels.LABELS,
            t=labels.t,
            PAGE_TITLE=labels.PAGE_TITLE,
            PROJECT_STATUS=labels.PROJECT_STATUS,
            PROJECT_STATUS_GROUP=labels.PROJECT_STATUS_GROUP,
            CALL_FORMAT=labels.CALL_FORMAT,
            CALL_STATE=labels.CALL_STATE,
            EXPORT_LABELS=labels.EXPORT_LABELS,
            AREA_KIND=labels.AREA_KIND,
            NETWORK_MEMBER_KIND=labels.NETWORK_MEMBER_KIND,
            CORRIDOR_STATUS=labels.CORRIDOR_STATUS,
            BETTER=labels.BETTER,
            FOUNDATION=labels.FOUNDATION,
            FOUNDATION_STATE=labels.FOUNDATION_STATE,
            PHASE_STATE=labels.PHASE_STATE,
            SEARCH_OFF=Markup(SEARCH_OFF),
            SEARCH_ON=Markup(SEARCH_ON),
            indicator_status=indicator_status,
            newest_value=newest_value,
            indicator_rows=indicator_rows,
            projects_by_status=projects_by_status,
        )
        return env

    def page(self, plan: PagePlan, body_html: str) -> str:
        """The full content of a page the plugin owns, with the editor's text as `body`."""
        if plan.role == "overview":
            return body_html
        scope = self._plan_scope(plan)
        template = self._template_of(plan)
        if plan.role == "entity":
            assert plan.kind is not None and plan.key is not None
            entity = self.process.entities(plan.kind)[plan.key]
            return self._render(template, plan.src_uri, scope, entity=entity, body=Markup(body_html))
        assert plan.role in SPECIAL_PAGES
        return self._render(template, plan.src_uri, scope, body=Markup(body_html))

    def report_for_pdf(self, plan: PagePlan) -> str:
        """The report's article as the PDF shows it: without the link to the PDF itself."""
        return self._render(
            "ikep/report.html", plan.src_uri, self._plan_scope(plan), body=Markup(""), report_pdf_url=None
        )

    def linker(self, uri: str) -> Callable[[str], str]:
        """Links from the file at `uri` to the pages and files of the site."""
        return Linker(uri, self.use_directory_urls).to

    def render_file(self, template: str, uri: str, scope: Process, **values: Any) -> str:
        """A file of the site that is not a MkDocs page (a widget), with links relative to `uri`."""
        return self._render(template, uri, scope, **values)

    def _template_of(self, plan: PagePlan) -> str:
        if plan.role == "entity":
            assert plan.kind is not None
            return f"ikep/{KIND_TEMPLATES[plan.kind]}.html"
        return f"ikep/{plan.role.replace('_', '-')}.html"

    @cached_property
    def versions(self) -> Versions:
        """Made on first use: the adapter sets `process_pages` and `file_dates` after construction."""
        settings = (
            self.today,
            self.use_directory_urls,
            self.hosting,
            self.tiles,
            self.site_url,
            self.data_licence,
            sorted(self.folders.items()),
            sorted(self.process_pages.items()),
            self.site.operator,
            self.audited,
            self.editor,
        )
        return Versions(
            self.site,
            file_dates=self.file_dates,
            shape_digest=self._shape_digest,
            settings=settings,
            templates=self.templates,
        )

    def page_version(self, plan: PagePlan, body_html: str) -> str:
        """Changes whenever the page's HTML may change: a rendered page is reused while it is the same."""
        versions = self.versions
        if plan.role != "entity":
            scope_version = versions.scope(self._plan_scope(plan))
            with_pdf = plan.src_uri in self.report_pdfs
            return digest(plan.src_uri, plan.role, body_html, versions.build, scope_version, with_pdf)
        assert plan.kind is not None and plan.key is not None
        entity = self.process.entities(plan.kind)[plan.key]
        key = entity.key
        related: list[Entity | None] = [entity]
        for name in REFERENCE_FIELDS:
            kind = Kind(name)
            related += [self.process.entities(kind).get(ref) for ref in getattr(entity, name, ())]
        rel = self.relations
        for listing in (
            rel.projects_of_goal,
            rel.projects_of_area,
            rel.projects_of_network,
            rel.updates_of,
            rel.calls_of,
        ):
            related += listing.get(key, [])
        related += [item.entity for item in rel.news_of.get(key, [])]
        scope = self.site.processes.get(entity.process)
        profile = scope.profile if scope else None
        related.append(self.process.areas.get(profile.area) if profile and profile.area else None)
        # Maps of areas show the projects of their process located inside: any located project of
        # the process may be one (testing which lie inside would cost more than it saves).
        if isinstance(entity, Area) and scope is not None:
            related += [project for project in scope.projects.values() if project.location]
        entity_versions = [versions.entity(e) for e in related]
        return digest(plan.src_uri, body_html, versions.build, versions.profile(entity.process), *entity_versions)

    def listing_version(self, placeholder: Placeholder, src_uri: str, heading_level: int) -> str:
        """Changes whenever the placeholder's listing may change: its scope and everything linked to it."""
        versions = self.versions
        what = (placeholder.name, sorted(placeholder.options.items()), sorted(placeholder.flags), heading_level)
        return digest(src_uri, what, versions.build, versions.scope(self.scope_of(src_uri)))

    def _shape_digest(self, path: str) -> str:
        """One fingerprint per boundary file and build, not one per page that shows it."""
        if path not in self._shape_digests:
            made_from = self.site.geometry_versions.get(path)
            self._shape_digests[path] = made_from or digest(self.site.geometries.get(path))
        return self._shape_digests[path]

    def _plan_scope(self, plan: PagePlan) -> Process:
        """The process a generated page belongs to; everything for the site's own pages."""
        scope = self.site.processes.get(plan.process) if plan.process is not None else None
        return scope or self.process

    def scope_of(self, src_uri: str) -> Process:
        """The process a page's listings show: its folder's, or everything on site-wide pages."""
        return self.site.process_of(src_uri) or self.process

    def placeholder(self, placeholder: Placeholder, src_uri: str, heading_level: int = 2) -> str:
        """The listing for a placeholder; its headings start at `heading_level`."""
        scope = self.scope_of(src_uri)
        options = {
            name: resolve_key(value, scope.id) if isinstance(OPTIONS[placeholder.name].get(name), Kind) else value
            for name, value in placeholder.options.items()
        }
        html = self._render(
            f"ikep/placeholders/{placeholder.name}.html",
            src_uri,
            scope,
            level=heading_level,
            options=_Options(options),
            flags=placeholder.flags,
        )
        # Listings repeat their entries' pages; search should lead to those pages.
        return html if placeholder.name in SEARCHED_PLACEHOLDERS else unsearched(html)

    def _render(self, template: str, src_uri: str, scope: Process, **values: Any) -> str:
        link = Linker(src_uri, self.use_directory_urls)
        maps = MapViews(self.site, self.relations, self.tiles, link, scope, self.locations)
        context = {
            "process": scope,
            "last_updated": lambda entity: entity.updated or self.file_dates.get(entity.src_uri),
            "site_process": self.process,
            "news_in_scope": self.relations.news if scope is self.process else self._news_by_process.get(scope.id, []),
            "process_page_url": lambda process_id: (
                link.to(self.process_pages[process_id]) if process_id in self.process_pages else None
            ),
            "area_map": lambda area: unsearched(maps.area(area)),
            "areas_map": lambda: unsearched(maps.overview()),
            "processes_map": lambda: unsearched(maps.processes(self.process_pages)),
            "location_map": lambda entity: unsearched(maps.location(entity)),
            "site": self.site,
            "operator": self.site.operator,
            "rel": self.relations,
            "today": self.today,
            "page_uri": src_uri,
            "hosting": self.hosting,
            "editor": self.editor,
            "link": link,
            "url": lambda entity: link.to(entity.src_uri),
            "overview_url": lambda kind: link.to(overview_uri(self.folders, Kind(kind))),
            "special_url": lambda role: link.to(SPECIAL_PAGES[role]),
            "csv_url": lambda goal, indicator: link.to(indicator_csv_uri(goal, indicator)),
            "chart": lambda goal, indicator: unsearched(
                corridor_chart_svg(indicator, chart_id=_chart_id(goal, indicator))
            ),
            "lookup": self._lookup,
            "news_about": lambda key: news_about(self.relations, key),
            "calls_in_order": calls_in_order,
            "call_state": lambda call: call_state(call, self.today),
            "call_days": call_days,
            "call_deadline": call_deadline,
            "call_windows": call_windows,
            "call_calendar_url": lambda call: link.to(call_calendar_uri(call)),
            "calls_calendar_url": lambda: link.to(self._calls_calendar_uri(scope)),
            "calls_overview_url": lambda: link.to(self._calls_overview_uri(scope)),
            "area_calendar_url": lambda area: link.to(area_calendar_uri(area)),
            "feed_url": lambda: link.to(FEED_URI),
            "catalogue_url": lambda: link.to(CATALOGUE_URI),  # DCAT-AP.de catalogue
            "data_url": lambda name: link.to(data_uri(name)),
            "has_site_url": self.site_url is not None,
            "event_jsonld": lambda call: Markup(
                jsonld_script(event_jsonld(call, url=self._absolute(call.src_uri), organizer=self._organizer()))
            ),
            "data_files": self._data_files(),
            "data_licence": self.data_licence,
            "audited": self.audited,
            "phase_state": lambda phase: phase_state(phase, self.today),
            "current_phase": current_phase(scope.profile.phases, self.today) if scope.profile else None,
            "report_url": lambda: link.to(report_uri(scope.id if self.site.is_portal else "")),
            "chart_words": chart_description,
            "target_words": target_statement,
            # The report shows the wide drawing only, on paper and on screen: with every goal on one
            # page, the narrow twin of each chart would push a phone's download over the page budget.
            "report_chart": lambda goal, indicator: unsearched(
                chart_svg(indicator, chart_id=_chart_id(goal, indicator))
            ),
            "report_period": report_period(self.today),
            "milestones_reached": milestones_reached,
            "calls_held": lambda calls, period: calls_held(calls, period, self.today),
            "indicator_status_counts": indicator_status_counts,
            "progress_of": project_progress,
            "report_uri_of": report_uri,
            "current_phase_of": lambda process: (
                current_phase(process.profile.phases, self.today) if process.profile else None
            ),
            "process_name_of": self._process_name,
            "embed_widgets": lambda: all_widgets(self, None if scope.id == self.process.id else scope),
            "widget_snippet": lambda widget: snippet(widget, self._widget_src(widget)),
            "widget_height": lambda widget: HEIGHTS[widget.kind],
            "embed_uri_of": embed_uri,
            "report_pdf_url": (
                link.to(pdf_path(src_uri, use_directory_urls=self.use_directory_urls))
                if src_uri in self.report_pdfs
                else None
            ),
            **values,
        }
        return self.env.get_template(template).render(context)

    def _widget_src(self, widget: Widget) -> str:
        """The address for an <iframe> on another website: absolute where the site's address is known."""
        return (self.site_url or "/") + widget.uri

    def _process_name(self, entity: Entity) -> str:
        process = self.site.processes.get(entity.process)
        return process.profile.name if process is not None and process.profile is not None else ""

    def _calls_calendar_uri(self, scope: Process) -> str:
        """A portal process's own calendar of its calls (publish.py makes one where it has calls)."""
        if scope.id and scope.calls and self.site.is_portal:
            return calls_calendar_uri(self.folders, scope.id)
        return calls_calendar_uri(self.folders)

    def _calls_overview_uri(self, scope: Process) -> str:
        """The calls overview of the page's process: in a portal its own, else the site's."""
        prefix = f"{scope.id}/" if scope.id and self.site.is_portal else ""
        return prefix + overview_uri(self.folders, Kind.CALL)

    def _absolute(self, src_uri: str) -> str:
        return (self.site_url or "") + page_url(src_uri, use_directory_urls=self.use_directory_urls)

    def _organizer(self) -> Contact | None:
        profile = self.process.profile
        if profile and profile.management and profile.management.email:
            return profile.management
        operator = self.site.operator
        return Contact(name=operator.name, email=operator.email, url=self.site_url) if operator else None

    def _data_files(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """(name, file, columns) of each open-data file, for the download page."""
        return [(key, FILE_NAMES[key], COLUMNS.get(key, [])) for key in FILE_NAMES]

    def _lookup(self, kind: str, keys: Sequence[str]) -> list[Entity]:
        """The entities behind a list of references, in the order the editor wrote them."""
        entities = self.process.entities(Kind(kind))
        return [entities[key] for key in keys if key in entities]


class _Options(dict[str, str]):
    """Placeholder options; an option the editor left out reads as None in templates."""

    def __getattr__(self, name: str) -> str | None:
        return self.get(name)


def _chart_id(goal: Goal, indicator: Indicator) -> str:
    return f"ikep-chart-{goal.id}-{indicator.id}"
