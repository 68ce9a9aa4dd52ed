"""Every file the plugin adds beside the pages: downloads, calendars, feed, open data, map data.

A pure function of the model and a few site facts, so the MkDocs adapter only writes what this
returns and never needs to know what a calendar or a corridor is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial

from .cache import Kept, Reuse, digest
from .derive import Relations, relations
from .geometry import select
from .jsonschema import SCHEMA_DIR, all_schemas, dumps
from .labels import EXPORT_LABELS
from .model import Area, Call, Contact, Kind, Process, Site
from .outputs import Outputs, Owner
from .pages import (
    AREAS_GEOJSON,
    CATALOGUE_URI,
    FEED_URI,
    SPECIAL_PAGES,
    Download,
    area_calendar_uri,
    call_calendar_uri,
    calls_calendar_uri,
    data_uri,
    downloads,
)
from .render.calendar import calendar_ics, call_ics
from .render.dcat import CatalogueInfo, catalogue_turtle, site_downloads
from .render.feeds import atom_feed
from .render.mapviews import map_geometry_files, map_geometry_inputs
from .render.opendata import (
    FILE_NAMES,
    Part,
    calls_csv,
    goals_csv,
    indicator_values_csv,
    made_anew,
    process_json,
    projects_csv,
)
from .render.tables import indicator_csv
from .urls import page_url


@dataclass(frozen=True)
class SiteFacts:
    site_url: str | None  # absolute, ending in "/"; feeds and calendars need it
    build_date: date
    use_directory_urls: bool = True
    catalogue: CatalogueInfo | None = None  # the DCAT-AP.de catalogue's facts; None: no catalogue

    def url_of(self, src_uri: str) -> str:
        return (self.site_url or "") + page_url(src_uri, use_directory_urls=self.use_directory_urls)


def site_name(site: Site) -> str:
    profile = site.main.profile
    return profile.name if profile else (site.operator.name if site.operator else "")


def files(
    site: Site,
    folders: Mapping[Kind, str],
    facts: SiteFacts,
    kept: Kept[str, bytes] | None = None,
    rel: Relations | None = None,
    reuse: Reuse | None = None,
) -> Outputs:
    """All generated files by path in the site, each with its owner (see outputs.py).

    `kept` spares remaking unchanged calendars, `reuse` the open data, the shapes for the maps,
    the indicators' tables and the feed; `rel` passes relations the caller has already derived
    (they are derived here otherwise).
    """
    out = Outputs()
    items = downloads(site, folders)
    tables = {item.src_uri: item for item in items}
    out.put_all(_downloads(site, items, reuse), lambda uri: _table_owner(tables[uri]))
    shapes = Owner("owner_shapes")
    open_data = Owner("owner_open_data")
    if reuse is None:
        out.put_all(map_geometry_files(site), lambda _: shapes)
        out.put_all(_open_data(site, facts), lambda _: open_data)
    else:
        shapes_from = (sorted(site.geometry_versions.items()), map_geometry_inputs(site))
        made = reuse.together("map shapes", (facts, shapes_from), lambda: map_geometry_files(site))
        out.put_all(made, lambda _: shapes)
        made = reuse.together("open data", facts, lambda: _open_data(site, facts, reuse.part))
        out.put_all(made, lambda _: open_data)
    schema = Owner("owner_schema")
    for name, content in all_schemas().items():
        out.put(f"{SCHEMA_DIR}/{name}", dumps(content), schema)
    if facts.site_url:
        derived = rel or relations(site.main)
        _calendars(out, site, folders, facts, derived, kept)
        feed = Owner("owner_feed")
        if reuse is None:
            out.put(FEED_URI, _feed(site, facts, derived), feed)
        else:
            out.put_all(reuse.together("feed", facts, lambda: {FEED_URI: _feed(site, facts, derived)}), lambda _: feed)
        if facts.catalogue is not None:  # last: it lists what the build made, so it is never kept
            out.put(CATALOGUE_URI, _catalogue(site, folders, facts, out), Owner("owner_catalogue"))
    return out


def _catalogue(site: Site, folders: Mapping[Kind, str], facts: SiteFacts, out: Outputs) -> str:
    """The DCAT-AP.de catalogue of the files under daten/, the calendars of all calls and the feed."""
    assert facts.site_url is not None and facts.catalogue is not None
    calendars: list[tuple[str, Process | None]] = [(calls_calendar_uri(folders), None)]
    if site.is_portal:  # each process's calendar is its own download, covering its own territory
        calendars += [
            (calls_calendar_uri(folders, process_id), site.processes[process_id])
            for process_id in sorted(site.processes)
            if process_id
        ]
    data_files = [(key, data_uri(file_name)) for key, file_name in FILE_NAMES.items()]
    data_files.append(("areas", data_uri(AREAS_GEOJSON)))
    downloads = site_downloads(site, out.files, data_files, calendars, FEED_URI, site_name(site))
    return catalogue_turtle(
        site,
        facts.catalogue,
        downloads,
        site_url=facts.site_url,
        catalogue_uri=CATALOGUE_URI,
        landing_page=facts.url_of(SPECIAL_PAGES["open_data"]),
        modified=facts.build_date,
        contact=_organizer(site),
    )


def _table_owner(download: Download) -> Owner:
    return Owner("owner_indicator_table", download.goal.src_uri, (("indicator", download.indicator.id),))


def _downloads(site: Site, items: list[Download], reuse: Reuse | None) -> dict[str, str]:
    """Each indicator's values as CSV; under `mkdocs serve`, kept per process while it is unchanged."""
    if reuse is None:
        return _indicator_files(items)
    by_process: dict[str, list[Download]] = {}
    for download in items:
        by_process.setdefault(download.goal.process, []).append(download)
    out: dict[str, str] = {}
    for process_id, part in by_process.items():
        process = site.processes.get(process_id) or site.main
        out.update(reuse.part("downloads", process, partial(_indicator_files, part)))
    return out


def _indicator_files(items: list[Download]) -> dict[str, str]:
    return {download.src_uri: indicator_csv(download.indicator) for download in items}


def _organizer(site: Site) -> Contact | None:
    profile = site.main.profile
    if profile and profile.management and profile.management.email:
        return profile.management
    if site.operator:
        return Contact(name=site.operator.name, email=site.operator.email)
    return None


def _calendars(
    out: Outputs,
    site: Site,
    folders: Mapping[Kind, str],
    facts: SiteFacts,
    rel: Relations,
    kept: Kept[str, bytes] | None,
) -> None:
    assert facts.site_url is not None
    process = site.main
    organizer = _organizer(site)
    # Every calendar here has the same site, stamp and organizer, so a call's event is the same
    # in its own file, the calendar of all calls and its areas' calendars: made once.
    events: dict[str, bytes] = {}
    common: dict[str, object] = {
        "site_url": facts.site_url,
        "url_of": facts.url_of,
        "stamp": facts.build_date,
        "organizer": organizer,
        "events": events,
    }

    def add(uri: str, owner: Owner, calls: list[Call], make: Callable[[], bytes], *inputs: object) -> None:
        """Make a calendar, or take it from `kept` when nothing it is made of has changed."""
        made = make() if kept is None else kept.get_or_make(uri, digest(calls, organizer, facts, *inputs), make)
        out.put(uri, made, owner)

    def add_all(uri: str, owner: Owner, calls: list[Call], name: str) -> None:
        add(
            uri,
            owner,
            calls,
            lambda: calendar_ics(
                calls,
                name=EXPORT_LABELS["calendar_name"].format(name=name),
                description=EXPORT_LABELS["calendar_description"].format(name=name),
                **common,  # type: ignore[arg-type]
            ),
            name,
        )

    for call in process.calls.values():
        add(
            call_calendar_uri(call),
            Owner("owner_call_calendar", call.src_uri),
            [call],
            lambda call=call: call_ics(call, **common),  # type: ignore[arg-type,misc]
        )
    name = site_name(site)
    add_all(calls_calendar_uri(folders), Owner("owner_calls_calendar"), list(process.calls.values()), name)
    if site.is_portal:  # each process's calls in its own folder too, linked from its pages
        for portal_process in site.processes.values():
            if portal_process.id and portal_process.calls:
                title = _process_name(portal_process)
                owner = Owner("owner_process_calls_calendar", details=(("process", title),))
                uri = calls_calendar_uri(folders, portal_process.id)
                add_all(uri, owner, list(portal_process.calls.values()), title)
    for area in process.areas.values():
        calls = rel.calls_of.get(area.key, [])
        if calls:
            add(
                area_calendar_uri(area),
                Owner("owner_area_calendar", area.src_uri),
                calls,
                lambda calls=calls, area=area: calendar_ics(  # type: ignore[misc]
                    calls,
                    name=EXPORT_LABELS["calendar_name"].format(name=area.title),
                    **common,  # type: ignore[arg-type]
                ),
                area.title,
            )


def _process_name(process: Process) -> str:
    return process.profile.name if process.profile else process.id


def _feed(site: Site, facts: SiteFacts, rel: Relations) -> bytes:
    assert facts.site_url is not None
    process = site.main
    name = site_name(site)
    return atom_feed(
        [*rel.news, *process.calls.values()],
        title=EXPORT_LABELS["feed_title"].format(name=name),
        site_url=facts.site_url,
        feed_url=facts.site_url + FEED_URI,
        url_of=facts.url_of,
        updated=facts.build_date,
        author=site.operator.name if site.operator else name,
    )


def _open_data(site: Site, facts: SiteFacts, part: Part = made_anew) -> dict[str, str]:
    url_of: Callable[[str], str] | None = facts.url_of if facts.site_url else None
    return {
        data_uri(FILE_NAMES["process"]): process_json(site, url_of=url_of, part=part),
        data_uri(FILE_NAMES["projects"]): projects_csv(site, url_of=url_of, part=part),
        data_uri(FILE_NAMES["goals"]): goals_csv(site, url_of=url_of, part=part),
        data_uri(FILE_NAMES["indicator_values"]): indicator_values_csv(site, part=part),
        data_uri(FILE_NAMES["calls"]): calls_csv(site, url_of=url_of, part=part),
        data_uri(AREAS_GEOJSON): areas_geojson(site, url_of, part),
    }


def areas_geojson(site: Site, url_of: Callable[[str], str] | None = None, part: Part = made_anew) -> str:
    """Every area as one feature: its member shapes as a MultiPolygon, with id, title and kind."""
    features = []
    for area in sorted(site.main.areas.values(), key=lambda a: a.id):
        if not area.geometry or not area.key_property or area.geometry not in site.geometries:
            continue
        process = site.processes.get(area.process) or site.main
        make = partial(_feature_json, site, area, url_of)
        features.append(part(f"area {area.key}", process, make))
    # The features as text: kept under `mkdocs serve`, a shape's thousands of coordinate lists
    # would be objects the garbage collector walks on every full collection.
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"


def _feature_json(site: Site, area: Area, url_of: Callable[[str], str] | None) -> str:
    return json.dumps(_area_feature(site, area, url_of), ensure_ascii=False, separators=(",", ":"))


def _area_feature(site: Site, area: Area, url_of: Callable[[str], str] | None) -> dict[str, object]:
    assert area.geometry is not None and area.key_property is not None
    shapes = select(site.geometries[area.geometry], area.key_property, area.members)
    polygons = [[list(map(list, ring)) for ring in polygon] for shape in shapes for polygon in shape.polygons]
    properties: dict[str, object] = {
        "id": area.key,
        "title": area.title,
        "kind": area.kind,
        "members": list(area.members),
        "attribution": area.attribution,
    }
    if url_of:
        properties["url"] = url_of(area.src_uri)
    return {"type": "Feature", "properties": properties, "geometry": {"type": "MultiPolygon", "coordinates": polygons}}
