"""Which pages and files the plugin adds to a site, decided from the model alone."""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
from typing import Final

from . import kinds, labels
from .model import Area, Call, Goal, Indicator, Kind, Site

# Pages made from plugin options, by role: (file, title key in labels.PAGE_TITLE).
SPECIAL_PAGES: Final = {
    "process": "prozess.md",
    "imprint": "impressum.md",
    "privacy": "datenschutz.md",
    "accessibility": "barrierefreiheit.md",
    "easy_language": "leichte-sprache.md",
    "sign_language": "gebaerdensprache.md",  # BITV 2.0 § 4: on every site, with or without the video
    "open_data": "daten/index.md",
    # The progress report for the council (Sachstandsbericht); in a portal also one per process.
    "report": "bericht.md",
    # Widgets for other websites: the snippets to copy (the widgets are files, render/widgets.py).
    "embed": "einbetten/index.md",
}
# Kept out of the navigation: they are linked from every page's footer instead.
FOOTER_ROLES: Final = ("imprint", "privacy", "accessibility", "sign_language")
# Derived from the registry of kinds (kinds.py).
KIND_TEMPLATES: Final = kinds.templates()
NAV_ORDER: Final = kinds.nav_order()
# The kinds a portal lists site-wide and on each process's home page.
PORTAL_KINDS: Final = kinds.portal_overviews()


@dataclass(frozen=True)
class PagePlan:
    src_uri: str
    title: str
    markdown: str  # what MkDocs renders; our HTML is wrapped around it later
    role: str  # "entity", "overview", or a key of SPECIAL_PAGES
    kind: Kind | None = None
    key: str | None = None  # entity key, for role "entity"
    generated: bool = True  # False: the editor wrote the file and we only decorate it
    process: str | None = ""  # the process the page belongs to; None: site-wide in a portal


@dataclass(frozen=True)
class Download:
    src_uri: str
    goal: Goal
    indicator: Indicator


# Where the generated files go (publish.py makes them, render/ links them).
FEED_URI: Final = "feed.xml"
DATA_FOLDER: Final = "daten"
CALENDAR_NAME: Final = "kalender.ics"
AREAS_GEOJSON: Final = "raeume.geojson"
# The DCAT-AP.de catalogue of the open data. Beside the feed, not in DATA_FOLDER: Material fetches
# "sitemap.xml" beside every rel=alternate link, and daten/sitemap.xml would be a 404 on every visit.
CATALOGUE_URI: Final = "katalog.ttl"


def call_calendar_uri(call: Call) -> str:
    """Beside the call's page: in a portal each process's calls have their own folder, like their ids."""
    return f"{_stem(call.src_uri)}.ics"


def calls_calendar_uri(folders: Mapping[Kind, str], process_id: str = "") -> str:
    """The calendar of all calls: of the site, or in a portal of one process, in its own folder."""
    prefix = f"{process_id}/" if process_id else ""
    return f"{prefix}{folders[Kind.CALL]}/{CALENDAR_NAME}"


def area_calendar_uri(area: Area) -> str:
    return f"{_stem(area.src_uri)}/{CALENDAR_NAME}"


def _stem(src_uri: str) -> str:
    return src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri


def report_uri(process_id: str = "") -> str:
    """The progress report of the site or, in a portal, of one process (in its folder)."""
    return f"{process_id}/{SPECIAL_PAGES['report']}" if process_id else SPECIAL_PAGES["report"]


def embed_uri(process_id: str = "") -> str:
    """The widgets' page of the site or, in a portal, of one process (in its folder)."""
    return f"{process_id}/{SPECIAL_PAGES['embed']}" if process_id else SPECIAL_PAGES["embed"]


def data_uri(name: str) -> str:
    return f"{DATA_FOLDER}/{name}"


def overview_uri(folders: Mapping[Kind, str], kind: Kind) -> str:
    return f"{folders[kind]}/index.md"


def indicator_csv_uri(goal: Goal, indicator: Indicator) -> str:
    """Beside the goal's page, so that in a portal each process's goal has its own tables."""
    stem = goal.src_uri[: -len(".md")] if goal.src_uri.endswith(".md") else goal.src_uri
    return f"{stem}/{indicator.id}.csv"


def plan(site: Site, folders: Mapping[Kind, str], existing: Set[str]) -> list[PagePlan]:
    """Every page the plugin renders: entity pages, overviews and the pages made from options.

    In a portal each process folder gets its own overviews and a home page with its profile; the
    top level gets site-wide overviews and a home page listing every process.
    """
    plans: list[PagePlan] = []
    for process in site.processes.values():
        prefix = f"{process.id}/" if process.id else ""
        for kind in NAV_ORDER:
            for entity in process.entities(kind).values():
                plans.append(
                    PagePlan(entity.src_uri, entity.title, entity.body, "entity", kind, entity.key, True, process.id)
                )
            uri = prefix + overview_uri(folders, kind)
            if process.entities(kind) or uri in existing:
                plans.append(_overview(uri, kind, existing, process.id))
        if process.id and process.profile is not None:
            home = f"{prefix}index.md"
            uri = home if home not in existing else f"{prefix}{SPECIAL_PAGES['process']}"
            plans.append(PagePlan(uri, process.profile.name, PROCESS_HOME, "process", process=process.id))
            for role in ("report", "embed"):
                uri = f"{prefix}{SPECIAL_PAGES[role]}"
                if uri not in existing:
                    plans.append(PagePlan(uri, labels.PAGE_TITLE[role], "", role, process=process.id))
    planned = {page.src_uri for page in plans}
    if site.is_portal:
        for kind in (entry.kind for entry in PORTAL_KINDS):
            uri = overview_uri(folders, kind)
            if uri not in planned:
                plans.append(_overview(uri, kind, existing, None))
        if "index.md" not in existing:
            plans.append(
                PagePlan(
                    "index.md",
                    labels.PAGE_TITLE["portal"],
                    f"# {labels.PAGE_TITLE['portal']}\n\n<!-- ikep:processes -->\n",
                    "overview",
                    process=None,
                )
            )
    root = site.processes.get("")
    for role, uri in SPECIAL_PAGES.items():
        if role == "process" and (root is None or root.profile is None):
            continue
        if uri not in existing and uri not in planned:
            plans.append(PagePlan(uri, labels.PAGE_TITLE[role], "", role))
    return plans


# The body of a portal process's home page: its profile above, its listings below.
PROCESS_HOME: Final = "\n".join(
    f"## {labels.PAGE_TITLE[entry.label_key]}\n\n<!-- ikep:{entry.kind.value} -->\n" for entry in PORTAL_KINDS
)


def _overview(uri: str, kind: Kind, existing: Set[str], process: str | None) -> PagePlan:
    listing = f"<!-- ikep:{kind.value} -->\n"
    if kind is Kind.CALL:  # past calls stay reachable, below the open and upcoming ones
        listing += f"\n## {labels.LABELS['calls_archive']}\n\n<!-- ikep:calls past -->\n"
    title = labels.PAGE_TITLE[kinds.record(kind).label_key]
    generated = uri not in existing
    if generated:
        # Its own heading, so the search finds the page by its title although the listing
        # itself stays out of the index (render/searchable.py).
        # The calls overview invites: how to take part comes before the calls. An editor who
        # wrote the overview keeps their own words.
        intro = f"{labels.LABELS['calls_intro']}\n\n" if kind is Kind.CALL else ""
        listing = f"# {title}\n\n{intro}{listing}"
    return PagePlan(uri, title, listing, "overview", kind, generated=generated, process=process)


def downloads(site: Site, folders: Mapping[Kind, str]) -> list[Download]:
    return [
        Download(indicator_csv_uri(goal, indicator), goal, indicator)
        for goal in site.main.goals.values()
        for indicator in goal.indicators
    ]
