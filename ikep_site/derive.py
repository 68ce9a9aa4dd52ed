"""What follows from the content: links back, the news stream, the current phase, call states,
how far the projects of each goal and Handlungsfeld are.

Pure functions of the model and the build date, computed once per build.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Final

from .model import Call, Entity, Goal, Phase, Process, Project, Update

PROJECT_STATUS_ORDER = ("in_progress", "planned", "idea", "paused", "done", "dropped")

# Calls one takes part in over days (a survey, an online consultation): a deadline on or after their
# first day is the last day to take part, not to register (the validator in content/specs.py
# allows it up to their end, where other calls must close registration before they start).
TAKE_PART_FORMATS: Final = frozenset({"survey", "online"})


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
    # How far the projects of each goal are, by goal key; filled by `relations` for every goal.
    progress_of_goal: dict[str, ProjectProgress] = field(default_factory=dict)
    # The same per Handlungsfeld, by process id and field name; "" holds the fields over all
    # processes, which is what a portal's site-wide goals overview groups by.
    progress_of_field: dict[str, dict[str, ProjectProgress]] = field(default_factory=dict)

    def field_progress(self, process_id: str, name: str) -> ProjectProgress:
        return self.progress_of_field.get(process_id, {}).get(name, NO_PROJECTS)


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
    rel.progress_of_goal = {
        goal.key: project_progress(rel.projects_of_goal.get(goal.key, ())) for goal in process.goals.values()
    }
    rel.progress_of_field = field_progress(process.goals.values(), rel.projects_of_goal)
    return rel


@dataclass(frozen=True)
class ProjectProgress:
    """How far a set of projects is: how many have each status, and their mean progress."""

    counts: tuple[tuple[str, int], ...]  # (status, how many), in PROJECT_STATUS_ORDER, none with 0
    mean: int | None  # whole percent, rounded half up; None when no project counts towards it

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)


NO_PROJECTS: Final = ProjectProgress(counts=(), mean=None)


def progress_share(project: Project) -> int | None:
    """What one project adds to a mean progress, in percent; None if it does not count.

    A finished project is done whatever its `progress` says; a dropped one will never be, so it
    would only pull the mean down. A project without `progress` counts as 0 %: nothing measured
    is nothing shown as achieved (leaving it out would let one advanced project speak for all).
    """
    if project.status == "done":
        return 100
    if project.status == "dropped":
        return None
    return project.progress or 0


def project_progress(projects: Iterable[Project]) -> ProjectProgress:
    """Counts by status and mean progress; a project given twice (by key) is counted once."""
    unique = list({project.key: project for project in projects}.values())
    by_status: dict[str, int] = defaultdict(int)
    for project in unique:
        by_status[project.status] += 1
    shares = [share for share in map(progress_share, unique) if share is not None]
    return ProjectProgress(
        counts=tuple((status, by_status[status]) for status in PROJECT_STATUS_ORDER if by_status.get(status)),
        mean=_mean_half_up(shares),
    )


def field_progress(
    goals: Iterable[Goal], projects_of_goal: Mapping[str, Iterable[Project]]
) -> dict[str, dict[str, ProjectProgress]]:
    """Progress of each Handlungsfeld over the projects of its goals, by process id and field.

    A project serving two goals of one field counts once for it. Besides each goal's own process,
    every field is also gathered under "" (all processes); on a simple site the two are the same.
    """
    gathered: dict[str, dict[str, list[Project]]] = defaultdict(lambda: defaultdict(list))
    for goal in sorted(goals, key=lambda g: g.key):
        if not goal.field:
            continue
        for process_id in dict.fromkeys((goal.process, "")):
            gathered[process_id][goal.field].extend(projects_of_goal.get(goal.key, ()))
    return {
        process_id: {name: project_progress(projects) for name, projects in fields.items()}
        for process_id, fields in gathered.items()
    }


def _mean_half_up(shares: list[int]) -> int | None:
    """The mean of whole percents as a whole percent, 62.5 → 63 (exact: no float rounding)."""
    if not shares:
        return None
    return (2 * sum(shares) + len(shares)) // (2 * len(shares))


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


@dataclass(frozen=True)
class Deadline:
    """A call's `deadline` and what it ends: `registration` or, for a survey, `participation`."""

    day: date
    kind: str


@dataclass(frozen=True)
class Window:
    """The days on which a part of a call's page holds: after `after` (exclusive), up to `until`.

    The page carries both days, so the reader's browser shows or hides the part by its own clock
    with the same rule (`assets/ikep.js`); None means no limit on that side.
    """

    after: date | None = None
    until: date | None = None

    def state(self, today: date) -> str:
        """`past` (it will never hold again), `now`, or `future` (it will hold later)."""
        if self.until is not None and today > self.until:
            return "past"
        if self.after is not None and today <= self.after:
            return "future"
        return "now"


def call_deadline(call: Call) -> Deadline | None:
    """The deadline and its kind; None for a call without one."""
    if call.deadline is None:
        return None
    first, _ = _event_days(call)
    takes_part = call.format in TAKE_PART_FORMATS and call.deadline >= first
    return Deadline(call.deadline, "participation" if takes_part else "registration")


def call_days(call: Call) -> tuple[date, date]:
    """The first and last day of a call (a reader's browser re-evaluates the state from these).

    A survey's last day is its deadline when that comes before its end: after it, nobody can
    take part any more, so the call is over.
    """
    first, last = _event_days(call)
    deadline = call_deadline(call)
    if deadline is not None and deadline.kind == "participation":
        last = min(last, deadline.day)
    return first, last


def call_state(call: Call, today: date) -> str:
    """announced, open or closed, by the build date: a call is open from its first to its last day."""
    first, last = call_days(call)
    if today > last:
        return "closed"
    if today < first:
        return "announced"
    return "open"


def call_windows(call: Call) -> dict[str, Window]:
    """When each time-bound part of a call's page holds.

    - `deadline`: "Anmeldung bis …" / "Teilnahme bis …", up to the deadline;
    - `registration`: the registration contacts, up to the registration deadline or else the
      call's last day: afterwards they no longer invite;
    - `registration_closed`: "Anmeldung geschlossen", after a registration deadline while the
      call still lies ahead or runs (once it is over, its state says enough);
    - `online`: the survey or stream link, up to the call's last day.
    """
    _, last = call_days(call)
    deadline = call_deadline(call)
    windows = {"registration": Window(until=last), "online": Window(until=last)}
    if deadline is not None:
        windows["deadline"] = Window(until=deadline.day)
        if deadline.kind == "registration":
            windows["registration"] = Window(until=min(deadline.day, last))
            windows["registration_closed"] = Window(after=deadline.day, until=last)
    return windows


def _event_days(call: Call) -> tuple[date, date]:
    """The first and last day as written, whatever the deadline."""
    first = call.start.date() if isinstance(call.start, datetime) else call.start
    last_moment = call.end or call.start
    last = last_moment.date() if isinstance(last_moment, datetime) else last_moment
    return first, last


def _sort_moment(value: date | datetime) -> tuple[date, str]:
    if isinstance(value, datetime):
        return (value.date(), value.time().isoformat())
    return (value, "")
