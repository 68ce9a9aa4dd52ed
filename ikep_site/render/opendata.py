"""Open data: the whole model as JSON, and the main lists as CSV files for spreadsheets.

Both come from the same model as the pages, so a download never disagrees with the site.

JSON (`process_json`) is for programs: codes instead of German labels (`"status": "in_progress"`),
ISO 8601 dates (times in Berlin with their offset), numbers as numbers, every optional field
present (as null when empty), entities sorted, so the same content gives the same bytes.

CSV is for people with a spreadsheet, as German spreadsheets expect it (see `render.tables`):
UTF-8 with BOM, `;` between cells, CRLF, a header row in German, decimal comma, German labels for
codes, lists of keys joined with ", ". Every text an editor wrote goes through `safe_csv_cell`, so
a title like `=HYPERLINK(...)` is shown, not run. `COLUMNS` describes every file's columns for the
download page; the header rows are made from it, so the two cannot differ.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from functools import partial
from typing import Any, Final, TypeVar

from ..corridor import indicator_status, newest_value
from ..derive import calls_in_order, relations
from ..labels import BETTER, CALL_FORMAT, CORRIDOR_STATUS, EXPORT_LABELS, PROJECT_STATUS
from ..model import (
    Area,
    Call,
    Contact,
    CorridorPoint,
    Decision,
    Entity,
    Indicator,
    Network,
    Operator,
    Place,
    Process,
    ProcessProfile,
    Project,
    Site,
)
from .calendar import in_berlin
from .tables import BOM, csv_number, indicator_rows, safe_csv_cell

UrlOf = Callable[[str], str]
E = TypeVar("E", bound=Entity)

# Suggested file names below the download folder, keyed like `COLUMNS`.
FILE_NAMES: Final = {
    "process": "prozess.json",
    "projects": "projekte.csv",
    "goals": "ziele.csv",
    "indicator_values": "indikatorwerte.csv",
    "calls": "beteiligung.csv",
}
FORMAT_VERSION: Final = 1

# The columns of each CSV file, in order; header and description are `EXPORT_LABELS["column_<id>"]`
# and `EXPORT_LABELS["column_<id>_about"]`.
_COLUMN_IDS: Final[dict[str, tuple[str, ...]]] = {
    "projects": (
        "key",
        "title",
        "summary",
        "status",
        "goals",
        "areas",
        "networks",
        "lead",
        "start",
        "end",
        "progress",
        "funding",
        "budget",
        "address",
        "lat",
        "lon",
        "contact_name",
        "contact_email",
        "contact_phone",
        "updated",
        "url",
    ),
    "goals": (
        "goal",
        "goal_title",
        "field",
        "indicator",
        "indicator_name",
        "unit",
        "better",
        "source",
        "newest_year",
        "newest_value",
        "corridor_status",
        "goal_projects",
        "url",
    ),
    "indicator_values": ("goal", "indicator", "year", "value", "corridor_min", "corridor_max", "unit"),
    "calls": (
        "key",
        "title",
        "summary",
        "format",
        "call_start",
        "call_end",
        "deadline",
        "place",
        "address",
        "lat",
        "lon",
        "online",
        "registration_url",
        "registration_email",
        "registration_phone",
        "accessibility",
        "contact_name",
        "contact_email",
        "contact_phone",
        "goals",
        "projects",
        "areas",
        "updated",
        "url",
    ),
}
# Per CSV file: (German header, German description) of each column, for the download page.
COLUMNS: Final[dict[str, list[tuple[str, str]]]] = {
    name: [(EXPORT_LABELS[f"column_{column}"], EXPORT_LABELS[f"column_{column}_about"]) for column in ids]
    for name, ids in _COLUMN_IDS.items()
}

Json = dict[str, Any]
Row = dict[str, str]
# Makes one process's share of a file. `mkdocs serve` passes one that keeps the shares of
# unchanged processes (`publish.Reuse.part`); a build makes every share.
Part = Callable[[str, Process, Callable[[], Any]], Any]


def made_anew(name: str, process: Process, make: Callable[[], Any]) -> Any:
    """The `Part` of a build that keeps nothing: every share is made."""
    return make()


# --- JSON ---------------------------------------------------------------------------------------


def process_json(site: Site, *, url_of: UrlOf | None = None, part: Part = made_anew) -> str:
    """Everything the site publishes about its processes, as one JSON document.

    `url_of(src_uri)` gives absolute page URLs; without it the `url` fields are null. Area
    geometry is left out (it is published as GeoJSON beside the maps).
    """
    data: Json = {
        "format": "ikep-site",
        "version": FORMAT_VERSION,
        "operator": _operator(site.operator),
        "processes": [part("json", p, partial(_process, p, url_of)) for p in _processes(site)],
    }
    # Without indentation: json's C encoder is not used with `indent`, and on a state-wide portal
    # the pretty-printed file took longer to write than all calendars together.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _process(process: Process, url_of: UrlOf | None) -> Json:
    rel = relations(process)
    return {
        "id": process.id,
        "profile": _profile(process.profile),
        "goals": [
            {
                **_entity(goal, url_of),
                "field": goal.field,
                "indicators": [_indicator(indicator) for indicator in goal.indicators],
                "projects": sorted(project.key for project in rel.projects_of_goal.get(goal.key, [])),
                "decisions": _decisions(goal.decisions),
            }
            for goal in _sorted(process.goals)
        ],
        "projects": [_project(project, url_of) for project in _sorted(process.projects)],
        "calls": [_call(call, url_of) for call in _calls(process)],
        "areas": [_area(area, url_of) for area in _sorted(process.areas)],
        "networks": [_network(network, url_of) for network in _sorted(process.networks)],
        "updates": [
            {
                **_entity(update, url_of),
                "date": update.date.isoformat(),
                "goals": list(update.goals),
                "projects": list(update.projects),
                "areas": list(update.areas),
            }
            for update in sorted(process.updates.values(), key=lambda update: (-update.date.toordinal(), update.key))
        ],
    }


def _operator(operator: Operator | None) -> Json | None:
    if operator is None:
        return None
    return {"name": operator.name, "address": operator.address, "email": operator.email, "phone": operator.phone}


def _profile(profile: ProcessProfile | None) -> Json | None:
    if profile is None:
        return None
    return {
        "name": profile.name,
        "kind": profile.kind,
        "area": profile.area,
        "summary": profile.summary,
        "phases": [
            {"name": phase.name, "start": phase.start.isoformat(), "end": _iso(phase.end)} for phase in profile.phases
        ],
        "management": _contact(profile.management),
        "support": profile.support,
        "foundations": {
            name: {"state": foundation.state, "note": foundation.note}
            for name, foundation in sorted(profile.foundations.items())
        },
    }


def _entity(entity: Entity, url_of: UrlOf | None) -> Json:
    return {
        "id": entity.id,
        "key": entity.key,
        "title": entity.title,
        "summary": entity.summary,
        "updated": _iso(entity.updated),
        "url": url_of(entity.src_uri) if url_of else None,
        "image": (url_of(entity.image) if url_of else entity.image) if entity.image else None,
        "image_alt": entity.image_alt,
    }


def _indicator(indicator: Indicator) -> Json:
    return {
        "id": indicator.id,
        "name": indicator.name,
        "unit": indicator.unit,
        "better": indicator.better,
        "source": indicator.source,
        "status": indicator_status(indicator),
        "corridor": _corridor(indicator.corridor),
        "values": [{"year": value.year, "value": _number(value.value)} for value in indicator.values],
        # Earlier corridors, newest first: what applied until when, and which decision replaced it.
        "revisions": [
            {
                "until": revision.until.isoformat(),
                "decision": revision.decision,
                "corridor": _corridor(revision.corridor),
            }
            for revision in indicator.revisions
        ],
    }


def _corridor(points: Sequence[CorridorPoint]) -> list[Json]:
    return [{"year": point.year, "min": _number(point.min), "max": _number(point.max)} for point in points]


def _project(project: Project, url_of: UrlOf | None) -> Json:
    location = project.location
    return {
        **_entity(project, url_of),
        "status": project.status,
        "goals": list(project.goals),
        "areas": list(project.areas),
        "networks": list(project.networks),
        "lead": project.lead,
        "start": _iso(project.start),
        "end": _iso(project.end),
        "progress": project.progress,
        "funding": project.funding,
        "budget": None if project.budget is None else _number(project.budget),
        "location": None
        if location is None
        else {"lat": location.lat, "lon": location.lon, "address": location.address},
        "milestones": [
            {"date": milestone.date.isoformat(), "title": milestone.title, "done": milestone.done}
            for milestone in project.milestones
        ],
        "updates": [{"date": note.date.isoformat(), "text": note.text} for note in project.updates],
        "contact": _contact(project.contact),
        "decisions": _decisions(project.decisions),
    }


def _decisions(decisions: Iterable[Decision]) -> list[Json]:
    return [
        {
            "date": decision.date.isoformat(),
            "body": decision.body,
            "number": decision.number,
            "url": decision.url,
            "text": decision.text,
        }
        for decision in decisions
    ]


def _call(call: Call, url_of: UrlOf | None) -> Json:
    return {
        **_entity(call, url_of),
        "format": call.format,
        "start": _iso(call.start),
        "end": _iso(call.end),
        "deadline": _iso(call.deadline),
        "place": _place(call.place),
        "online": call.online,
        "registration": _contact(call.registration),
        "accessibility": call.accessibility,
        "contact": _contact(call.contact),
        "goals": list(call.goals),
        "projects": list(call.projects),
        "areas": list(call.areas),
    }


def _area(area: Area, url_of: UrlOf | None) -> Json:
    names = area.member_names if len(area.member_names) == len(area.members) else (None,) * len(area.members)
    return {
        **_entity(area, url_of),
        "kind": area.kind,
        "member_key": area.key_property,
        "members": [{"key": member, "name": name} for member, name in zip(area.members, names, strict=True)],
        "attribution": area.attribution,
        "attribution_url": area.attribution_url,
    }


def _network(network: Network, url_of: UrlOf | None) -> Json:
    return {
        **_entity(network, url_of),
        "purpose": network.purpose,
        "members": [{"name": member.name, "kind": member.kind, "role": member.role} for member in network.members],
        "contact": _contact(network.contact),
    }


def _contact(contact: Contact | None) -> Json | None:
    if contact is None:
        return None
    return {"name": contact.name, "email": contact.email, "phone": contact.phone, "url": contact.url}


def _place(place: Place | None) -> Json | None:
    if place is None:
        return None
    return {"name": place.name, "address": place.address, "lat": place.lat, "lon": place.lon}


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return in_berlin(value).isoformat(timespec="seconds")
    return value.isoformat()


def _number(value: float) -> float | int:
    """Whole numbers without `.0`: JSON does not tell 3 from 3.0, people reading the file do."""
    return int(value) if float(value).is_integer() else value


# --- CSV ----------------------------------------------------------------------------------------


def projects_csv(site: Site, *, url_of: UrlOf | None = None, part: Part = made_anew) -> str:
    """One row per key project."""
    rows: list[Row] = []
    for process in _processes(site):
        rows += part("projects", process, partial(_project_rows, process, url_of))
    return _csv("projects", rows)


def _project_rows(process: Process, url_of: UrlOf | None) -> list[Row]:
    rows: list[Row] = []
    for project in _sorted(process.projects):
        location = project.location
        contact = project.contact or Contact()
        rows.append(
            {
                **_entity_cells(project, url_of),
                "status": PROJECT_STATUS.get(project.status, project.status),
                "goals": _keys(project.goals),
                "areas": _keys(project.areas),
                "networks": _keys(project.networks),
                "lead": _text(project.lead),
                "start": _date_cell(project.start),
                "end": _date_cell(project.end),
                "progress": _number_cell(project.progress),
                "funding": _text(project.funding),
                "budget": _number_cell(project.budget),
                "address": _text(location.address if location else None),
                "lat": _number_cell(location.lat if location else None),
                "lon": _number_cell(location.lon if location else None),
                "contact_name": _text(contact.name),
                "contact_email": _text(contact.email),
                "contact_phone": _text(contact.phone),
            }
        )
    return rows


def goals_csv(site: Site, *, url_of: UrlOf | None = None, part: Part = made_anew) -> str:
    """One row per goal and indicator (one row for a goal without indicators), with its status."""
    rows: list[Row] = []
    for process in _processes(site):
        rows += part("goals", process, partial(_goal_rows, process, url_of))
    return _csv("goals", rows)


def _goal_rows(process: Process, url_of: UrlOf | None) -> list[Row]:
    rows: list[Row] = []
    rel = relations(process)
    for goal in _sorted(process.goals):
        goal_cells = {
            "goal": _text(goal.key),
            "goal_title": _text(goal.title),
            "field": _text(goal.field),
            "goal_projects": _keys(sorted(project.key for project in rel.projects_of_goal.get(goal.key, []))),
            "url": _text(url_of(goal.src_uri) if url_of else None),
        }
        if not goal.indicators:
            rows.append(goal_cells)
        for indicator in goal.indicators:
            newest = newest_value(indicator)
            rows.append(
                {
                    **goal_cells,
                    "indicator": _text(indicator.id),
                    "indicator_name": _text(indicator.name),
                    "unit": _text(indicator.unit),
                    "better": BETTER.get(indicator.better, indicator.better),
                    "source": _text(indicator.source),
                    "newest_year": "" if newest is None else str(newest.year),
                    "newest_value": "" if newest is None else csv_number(newest.value),
                    "corridor_status": CORRIDOR_STATUS[indicator_status(indicator)],
                }
            )
    return rows


def indicator_values_csv(site: Site, *, part: Part = made_anew) -> str:
    """One row per goal, indicator and year with a measured value or a corridor point.

    The same years as the table beside each chart (`tables.indicator_rows`): the band is linear
    between corridor points, so the years in between add nothing.
    """
    rows: list[Row] = []
    for process in _processes(site):
        rows += part("indicator_values", process, partial(_indicator_value_rows, process))
    return _csv("indicator_values", rows)


def _indicator_value_rows(process: Process) -> list[Row]:
    rows: list[Row] = []
    for goal in _sorted(process.goals):
        for indicator in goal.indicators:
            # The rows of the table beside the chart: bounds rounded, only where the corridor covers.
            for year, value, low, high in indicator_rows(indicator):
                rows.append(
                    {
                        "goal": _text(goal.key),
                        "indicator": _text(indicator.id),
                        "year": str(year),
                        "value": _number_cell(value),
                        "corridor_min": _number_cell(low),
                        "corridor_max": _number_cell(high),
                        "unit": _text(indicator.unit),
                    }
                )
    return rows


def calls_csv(site: Site, *, url_of: UrlOf | None = None, part: Part = made_anew) -> str:
    """One row per dialogue call, in date order; times are Berlin local time."""
    rows: list[Row] = []
    for process in _processes(site):
        rows += part("calls", process, partial(_call_rows, process, url_of))
    return _csv("calls", rows)


def _call_rows(process: Process, url_of: UrlOf | None) -> list[Row]:
    rows: list[Row] = []
    for call in _calls(process):
        place = call.place
        registration = call.registration or Contact()
        contact = call.contact or Contact()
        rows.append(
            {
                **_entity_cells(call, url_of),
                "format": CALL_FORMAT.get(call.format, call.format),
                "call_start": _moment_cell(call.start),
                "call_end": _moment_cell(call.end),
                "deadline": _date_cell(call.deadline),
                "place": _text(place.name if place else None),
                "address": _text(place.address if place else None),
                "lat": _number_cell(place.lat if place else None),
                "lon": _number_cell(place.lon if place else None),
                "online": _text(call.online),
                "registration_url": _text(registration.url),
                "registration_email": _text(registration.email),
                "registration_phone": _text(registration.phone),
                "accessibility": _text(call.accessibility),
                "contact_name": _text(contact.name),
                "contact_email": _text(contact.email),
                "contact_phone": _text(contact.phone),
                "goals": _keys(call.goals),
                "projects": _keys(call.projects),
                "areas": _keys(call.areas),
            }
        )
    return rows


def _csv(name: str, rows: Iterable[Mapping[str, str]]) -> str:
    """The file: BOM, header from `COLUMNS`, then the rows; a column a row lacks stays empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header for header, _about in COLUMNS[name])
    for row in rows:
        writer.writerow(row.get(column, "") for column in _COLUMN_IDS[name])
    return BOM + buffer.getvalue()


def _entity_cells(entity: Entity, url_of: UrlOf | None) -> Row:
    return {
        "key": _text(entity.key),
        "title": _text(entity.title),
        "summary": _text(entity.summary),
        "updated": _date_cell(entity.updated),
        "url": _text(url_of(entity.src_uri) if url_of else None),
    }


def _text(value: str | None) -> str:
    return "" if value is None else safe_csv_cell(value)


def _keys(keys: Iterable[str]) -> str:
    return safe_csv_cell(", ".join(keys))


def _number_cell(value: float | None) -> str:
    return "" if value is None else csv_number(value)


def _date_cell(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def _moment_cell(value: date | datetime | None) -> str:
    """`2026-12-03 18:00` (Berlin time, which spreadsheets read as date and time) or `2026-12-03`."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return in_berlin(value).strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


# --- shared -------------------------------------------------------------------------------------


def _processes(site: Site) -> list[Process]:
    return [site.processes[key] for key in sorted(site.processes)]


def _sorted(entities: Mapping[str, E]) -> list[E]:
    return [entities[key] for key in sorted(entities)]


def _calls(process: Process) -> list[Call]:
    return calls_in_order(_sorted(process.calls))
