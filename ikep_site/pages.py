"""Which pages and files the plugin adds to a site, decided from the model alone."""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
from typing import Final

from . import labels
from .model import Goal, Indicator, Kind, Site

# Pages made from plugin options, by role: (file, title key in labels.PAGE_TITLE).
SPECIAL_PAGES: Final = {
    "process": "prozess.md",
    "imprint": "impressum.md",
    "privacy": "datenschutz.md",
    "accessibility": "barrierefreiheit.md",
    "easy_language": "leichte-sprache.md",
    "open_data": "daten/index.md",
}
# Kept out of the navigation: they are linked from every page's footer instead.
FOOTER_ROLES: Final = ("imprint", "privacy", "accessibility")
KIND_TEMPLATES: Final = {
    Kind.GOAL: "goal",
    Kind.PROJECT: "project",
    Kind.CALL: "call",
    Kind.AREA: "area",
    Kind.NETWORK: "network",
    Kind.UPDATE: "update",
}
NAV_ORDER: Final = (Kind.GOAL, Kind.PROJECT, Kind.AREA, Kind.NETWORK, Kind.CALL, Kind.UPDATE)


@dataclass(frozen=True)
class PagePlan:
    src_uri: str
    title: str
    markdown: str  # what MkDocs renders; our HTML is wrapped around it later
    role: str  # "entity", "overview", or a key of SPECIAL_PAGES
    kind: Kind | None = None
    key: str | None = None  # entity key, for role "entity"
    generated: bool = True  # False: the editor wrote the file and we only decorate it


@dataclass(frozen=True)
class Download:
    src_uri: str
    goal: Goal
    indicator: Indicator


def overview_uri(folders: Mapping[Kind, str], kind: Kind) -> str:
    return f"{folders[kind]}/index.md"


def indicator_csv_uri(folders: Mapping[Kind, str], goal: Goal, indicator: Indicator) -> str:
    return f"{folders[Kind.GOAL]}/{goal.id}/{indicator.id}.csv"


def plan(site: Site, folders: Mapping[Kind, str], existing: Set[str]) -> list[PagePlan]:
    """Every page the plugin renders: entity pages, overviews and the pages made from options."""
    process = site.main
    plans: list[PagePlan] = []
    for kind in NAV_ORDER:
        for entity in process.entities(kind).values():
            plans.append(PagePlan(entity.src_uri, entity.title, entity.body, "entity", kind, entity.key))
        uri = overview_uri(folders, kind)
        if process.entities(kind) or uri in existing:
            title = labels.PAGE_TITLE[kind.value]
            listing = f"<!-- ikep:{kind.value} -->\n"
            if kind is Kind.CALL:  # past calls stay reachable, below the open and upcoming ones
                listing += f"\n## {labels.LABELS['calls_archive']}\n\n<!-- ikep:calls past -->\n"
            plans.append(PagePlan(uri, title, listing, "overview", kind, generated=uri not in existing))
    for role, uri in SPECIAL_PAGES.items():
        if role == "process" and process.profile is None:
            continue
        if uri not in existing:
            plans.append(PagePlan(uri, labels.PAGE_TITLE[role], "", role))
    return plans


def downloads(site: Site, folders: Mapping[Kind, str]) -> list[Download]:
    return [
        Download(indicator_csv_uri(folders, goal, indicator), goal, indicator)
        for goal in site.main.goals.values()
        for indicator in goal.indicators
    ]
