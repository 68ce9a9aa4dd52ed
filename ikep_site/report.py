"""What the progress report for the council (bericht/) covers: the last twelve months before the build date.

A Sachstandsbericht answers "what happened since the last report?"; councils hear one a year, so the
period is the twelve months up to the site's date (the `build_date` option or the day of the build),
never the wall clock of a later reader.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .corridor import indicator_status
from .derive import call_days, call_state
from .model import Call, Goal, Milestone, Project

# The order a council reads the indicators' states in: the good news does not hide the rest.
STATUS_ORDER = ("outside", "inside", "better", "no_data")


@dataclass(frozen=True)
class Period:
    """From `first` to `last`, both days included."""

    first: date
    last: date

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.last


def report_period(today: date) -> Period:
    """The twelve months up to and including `today`: from the same day a year earlier, plus one."""
    try:
        year_before = today.replace(year=today.year - 1)
    except ValueError:  # 29 February: a year earlier has no such day
        year_before = today.replace(year=today.year - 1, day=28)
    return Period(date.fromordinal(year_before.toordinal() + 1), today)


@dataclass(frozen=True)
class ReachedMilestone:
    project: Project
    milestone: Milestone


def milestones_reached(projects: Iterable[Project], period: Period) -> list[ReachedMilestone]:
    """Milestones marked done whose date lies in the period, oldest first (ties by project title)."""
    reached = [
        ReachedMilestone(project, milestone)
        for project in projects
        for milestone in project.milestones
        if milestone.done and period.holds(milestone.date)
    ]
    return sorted(reached, key=lambda item: (item.milestone.date, item.project.title.lower(), item.milestone.title))


def calls_held(calls: Iterable[Call], period: Period, today: date) -> list[Call]:
    """Calls that have ended and whose last day lies in the period, oldest first."""
    held = [call for call in calls if call_state(call, today) == "closed" and period.holds(call_days(call)[1])]
    return sorted(held, key=lambda call: (call_days(call)[1], call.title.lower()))


def indicator_status_counts(goals: Iterable[Goal]) -> list[tuple[str, int]]:
    """How many indicators of the goals have each status, in STATUS_ORDER; none with 0."""
    statuses = [indicator_status(indicator) for goal in goals for indicator in goal.indicators]
    return [(status, statuses.count(status)) for status in STATUS_ORDER if status in statuses]
