"""What follows from the content: links back, the news stream, the current phase, call states.

Pure functions of the model and the build date, computed once per build.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from .model import Call, Entity, Phase, Process, Project, Update

PROJECT_STATUS_ORDER = ("in_progress", "planned", "idea", "paused", "done", "dropped")


@dataclass(frozen=True)
class NewsItem:
    """One entry of "Aktuelles": an update page or a dated note inside a project."""

    date: date
    title: str
    text: str | None
    entity: Entity  # the update, or the project the note belongs to
    is_project_note: bool


@dataclass
class Relations:
    """Links in both directions, keyed by entity key; lists are sorted for stable output."""

    projects_of_goal: dict[str, list[Project]] = field(default_factory=lambda: defaultdict(list))
    projects_of_area: dict[str, list[Project]] = field(default_factory=lambda: defaultdict(list))
    projects_of_network: dict[str, list[Project]] = field(default_factory=lambda: defaultdict(list))
    updates_of: dict[str, list[Update]] = field(default_factory=lambda: defaultdict(list))
    calls_of: dict[str, list[Call]] = field(default_factory=lambda: defaultdict(list))
    news: list[NewsItem] = field(default_factory=list)
    # The news naming each entity key, in the order of `news`; filled by `relations`.
    news_of: dict[str, list[NewsItem]] = field(default_factory=dict)


def relations(process: Process) -> Relations:
    rel = Relations()
    for project in sorted(process.projects.values(), key=lambda p: p.title.lower()):
        for goal in project.goals:
            rel.projects_of_goal[goal].append(project)
        for area in project.areas:
            rel.projects_of_area[area].append(project)
        for network in project.networks:
            rel.projects_of_network[network].append(project)
    for update in sorted(process.updates.values(), key=lambda u: u.date, reverse=True):
        for key in (*update.goals, *update.projects, *update.areas):
            rel.updates_of[key].append(update)
    for call in calls_in_order(process.calls.values()):
        for key in (*call.goals, *call.projects, *call.areas):
            rel.calls_of[key].append(call)
    rel.news = news(process)
    rel.news_of = _news_by_key(rel.news)
    return rel


def _news_by_key(items: list[NewsItem]) -> dict[str, list[NewsItem]]:
    """Index the news once, so that each page's lookup does not scan the news of the whole site."""
    index: dict[str, list[NewsItem]] = defaultdict(list)
    for item in items:
        entity = item.entity
        if item.is_project_note:
            index[entity.key].append(item)
        elif isinstance(entity, Update):
            # dict.fromkeys: an update naming the same entity twice is listed once.
            for key in dict.fromkeys((*entity.goals, *entity.projects, *entity.areas)):
                index[key].append(item)
    return dict(index)


def news_about(rel: Relations, key: str) -> list[NewsItem]:
    """The news that concern one entity: updates naming it, and its own notes if it is a project."""
    return rel.news_of.get(key, [])


def calls_in_order(calls: Iterable[Call]) -> list[Call]:
    return sorted(calls, key=lambda call: (_sort_moment(call.start), call.title))


def news(process: Process) -> list[NewsItem]:
    items = [
        NewsItem(update.date, update.title, update.summary, update, is_project_note=False)
        for update in process.updates.values()
    ]
    for project in process.projects.values():
        items.extend(
            NewsItem(note.date, project.title, note.text, project, is_project_note=True) for note in project.updates
        )
    return sorted(items, key=lambda item: (item.date, item.title), reverse=True)


def projects_by_status(projects: Iterable[Project]) -> list[tuple[str, list[Project]]]:
    """Projects grouped by status, most active first; empty groups left out."""
    groups: dict[str, list[Project]] = defaultdict(list)
    for project in sorted(projects, key=lambda p: p.title.lower()):
        groups[project.status].append(project)
    return [(status, groups[status]) for status in PROJECT_STATUS_ORDER if groups.get(status)]


def phase_state(phase: Phase, today: date) -> str:
    """past, current or future: where the build date lies relative to the phase."""
    if today < phase.start:
        return "future"
    if phase.end is not None and today > phase.end:
        return "past"
    return "current"


def current_phase(phases: Iterable[Phase], today: date) -> Phase | None:
    return next((phase for phase in phases if phase_state(phase, today) == "current"), None)


def call_days(call: Call) -> tuple[date, date]:
    """The first and last day of a call (a reader's browser re-evaluates the state from these)."""
    first = call.start.date() if isinstance(call.start, datetime) else call.start
    last_moment = call.end or call.start
    last = last_moment.date() if isinstance(last_moment, datetime) else last_moment
    return first, last


def call_state(call: Call, today: date) -> str:
    """announced, open or closed, by the build date: a call is open from its first to its last day."""
    first, last = call_days(call)
    if today > last:
        return "closed"
    if today < first:
        return "announced"
    return "open"


def _sort_moment(value: date | datetime) -> tuple[date, str]:
    if isinstance(value, datetime):
        return (value.date(), value.time().isoformat())
    return (value, "")
