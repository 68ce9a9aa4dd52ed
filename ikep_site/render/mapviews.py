"""Which maps a page shows: an area with its members and projects, all areas, or one location.

Turns the model into `MapView`s (pure data) and HTML via `maps.map_html`; URLs are relative to
the page being rendered, through its `Linker`.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace

from ..derive import Relations
from ..geometry import Feature, bounds, contains, select, to_geojson
from ..labels import AREA_KIND, MAP_LABELS, plural
from ..model import Area, Call, Process, Project, Site
from ..urls import Linker
from .maps import GeoLayer, MapMarker, MapView, TileSource, layers_bounds, map_html
from .mapsvg import area_svg

GEO_FOLDER = "assets/ikep/geo"
# Kinds drawn first (underneath) on the overview, so smaller areas on top stay clickable.
DRAW_ORDER = {"landkreis": 0, "verbandsgemeinde": 1, "gemeinde": 2, "other": 3, "kooperationsraum": 4}
# Half the side of the box shown around a single location, in degrees (about 3 km).
LOCATION_MARGIN = 0.03


def area_geometry_uri(area: Area, processes: Collection[str] = ()) -> str:
    """Where the shapes of one area's members are published: all a map of the area loads.

    One file per distinct set of shapes (areas with the same members share it), not the whole
    boundary file: a map of one Kreis from the file of all Kreise of a Land would load 159 KB for
    a few. A boundary file inside a portal process's folder is published under that folder: what
    a process publishes lives under its path.
    """
    assert area.geometry is not None and area.key_property is not None
    path = area.geometry
    stem = posixpath.splitext(posixpath.basename(path))[0]
    identity = "\n".join((path, area.key_property, *dict.fromkeys(area.members)))
    digest = hashlib.sha1(identity.encode("utf-8")).hexdigest()[:10]
    first = path.split("/", 1)[0]
    prefix = f"{first}/" if "/" in path and first in processes and first else ""
    return f"{prefix}{GEO_FOLDER}/{stem}-{digest}.geojson"


def map_geometry_files(site: Site) -> dict[str, str]:
    """The published GeoJSON text by site path: per area the simplified shapes of its members.

    Each keeps the properties maps use: the names (`GEN`, `name`) and the area's key.
    """
    made: dict[str, str] = {}
    for area in sorted(site.merged.areas.values(), key=lambda a: a.key):
        if not area.geometry or not area.key_property or area.geometry not in site.geometries:
            continue
        uri = area_geometry_uri(area, site.processes)
        if uri not in made:
            features = select(site.geometries[area.geometry], area.key_property, area.members)
            made[uri] = to_geojson(features, properties=sorted({"GEN", "name", area.key_property}))
    return dict(sorted(made.items()))


def map_geometry_inputs(site: Site) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """What the published shapes depend on besides the boundary files: each area's selection."""
    return tuple(
        sorted(
            (area.geometry, area.key_property, area.members)
            for area in site.merged.areas.values()
            if area.geometry and area.key_property
        )
    )


class LocationIndex:
    """Which located projects lie inside an area, computed once per distinct set of shapes.

    A portal has thousands of areas but few distinct shapes (its Kreise, its Verbandsgemeinden);
    testing every project against every area page would grow with the square of its size.
    """

    def __init__(self, site: Site) -> None:
        self.site = site
        self._inside: dict[tuple[str, str, tuple[str, ...]], list[Project]] = {}
        self._located = [p for p in site.merged.projects.values() if p.location]

    def inside(self, area: Area) -> list[Project]:
        if not area.geometry or not area.key_property or area.geometry not in self.site.geometries:
            return []
        key = (area.geometry, area.key_property, area.members)
        if key not in self._inside:
            features = select(self.site.geometries[area.geometry], area.key_property, area.members)
            found: list[Project] = []
            if features:
                west, south, east, north = bounds(features)
                for project in self._located:
                    lat, lon = project.location.lat, project.location.lon  # type: ignore[union-attr]
                    if west <= lon <= east and south <= lat <= north and contains(features, lon, lat):
                        found.append(project)
            self._inside[key] = found
        return self._inside[key]


@dataclass
class MapViews:
    site: Site
    relations: Relations
    tiles: TileSource
    link: Linker
    scope: Process  # whose areas the overview shows and whose area gives a location its context
    index: LocationIndex | None = None

    def area(self, area: Area) -> str:
        features = self._features(area)
        if not features:
            return ""
        markers = self._markers(self._projects_in(area, features))
        names = ", ".join(area.member_names)
        # Each shape shows its number in the member list below the map (area.html), its legend;
        # the names themselves do not fit into shapes at a phone's width.
        numbered = len(features) > 1 and len(features) == len(area.member_names)
        view = MapView(
            map_id=f"karte-{area.id}",
            title=area.title,
            bounds=bounds(features),
            static_svg=area_svg(
                features,
                svg_id=f"karte-{area.id}-statisch",
                title=MAP_LABELS["map_of"].format(title=area.title),
                description=MAP_LABELS["static_description_area"].format(
                    title=area.title, members=plural(len(features), "count_areas_dative"), names=names
                ),
                markers=[(marker.lon, marker.lat, marker.label) for marker in markers],
                numbered=numbered,
            ),
            tiles=self.tiles,
            layers=(replace(self._layer(area, style="members"), numbered=numbered),),
            markers=tuple(markers),
            attributions=self._attributions([area]),
            links=tuple((marker.label, marker.link) for marker in markers if marker.link),
        )
        return map_html(view)

    def overview(self) -> str:
        areas = sorted(
            (area for area in self.scope.areas.values() if self._features(area)),
            key=lambda area: (DRAW_ORDER.get(area.kind, 3), area.title),
        )
        if not areas:
            return ""
        layers = [
            self._layer(area, style="outline" if area.kind in ("landkreis", "kooperationsraum") else "area", whole=True)
            for area in areas
        ]
        links = [(f"{area.title} ({AREA_KIND[area.kind]})", self.link.to(area.src_uri)) for area in areas]
        return map_html(self._areas_view("karte-raeume", MAP_LABELS["areas_overview"], areas, layers, links))

    def processes(self, pages: dict[str, str]) -> str:
        """The portal's map: the area of every process, each leading to its process (or the
        list, where several processes share an area)."""
        by_area: dict[str, list[str]] = {}
        for process_id, process in sorted(self.site.processes.items()):
            if process.profile and process.profile.area in self.site.merged.areas:
                by_area.setdefault(process.profile.area, []).append(process_id)
        areas = [self.site.merged.areas[key] for key in sorted(by_area)]
        areas = [area for area in areas if self._features(area)]
        if not areas:
            return ""
        layers = []
        for area in areas:
            owners = by_area[area.key]
            target = pages.get(owners[0]) if len(owners) == 1 else None
            label = (
                self.site.processes[owners[0]].profile.name  # type: ignore[union-attr]
                if len(owners) == 1
                else plural(len(owners), "count_processes_in_area", area=area.title)
            )
            assert area.geometry is not None and area.key_property is not None
            layers.append(
                GeoLayer(
                    url=self.link.to(area_geometry_uri(area, self.site.processes)),
                    key=area.key_property,
                    members=area.members,
                    label=label,
                    link=self.link.to(target) if target else None,
                    style="area",
                )
            )
        return map_html(self._areas_view("karte-prozesse", MAP_LABELS["processes_overview"], areas, layers))

    def location(self, entity: Project | Call) -> str:
        point = _point(entity)
        if point is None:
            return ""
        lat, lon = point
        context = self._process_area()
        features = self._features(context) if context else []
        marker = MapMarker(lat, lon, entity.title)
        box = (lon - LOCATION_MARGIN, lat - LOCATION_MARGIN, lon + LOCATION_MARGIN, lat + LOCATION_MARGIN)
        static = ""
        if features and context is not None:
            static = area_svg(
                features,
                svg_id=f"karte-{entity.id}-statisch",
                title=MAP_LABELS["map_of"].format(title=entity.title),
                description=MAP_LABELS["static_description_location"].format(title=entity.title, area=context.title),
                markers=[(lon, lat, entity.title)],
            )
        view = MapView(
            map_id=f"karte-{entity.id}",
            title=entity.title,
            bounds=box,
            static_svg=static,
            tiles=self.tiles,
            layers=(self._layer(context, style="context", whole=True),) if features and context else (),
            markers=(marker,),
            attributions=self._attributions([context]) if features and context else (),
            small=True,
        )
        return map_html(view)

    # Helpers -----------------------------------------------------------------------------------

    def _areas_view(
        self,
        map_id: str,
        title: str,
        areas: Sequence[Area],
        layers: Sequence[GeoLayer],
        links: Sequence[tuple[str, str]] = (),
    ) -> MapView:
        """A map of several areas, each a layer of its own; the static picture shows them all."""
        shapes = [self._features(area) for area in areas]
        return MapView(
            map_id=map_id,
            title=title,
            bounds=layers_bounds([bounds(features) for features in shapes]),
            static_svg=area_svg(
                _unique(feature for features in shapes for feature in features),
                svg_id=f"{map_id}-statisch",
                title=title,
                description=MAP_LABELS["static_description_overview"].format(names=", ".join(a.title for a in areas)),
            ),
            tiles=self.tiles,
            layers=tuple(layers),
            attributions=self._attributions(areas),
            links=tuple(links),
        )

    def _features(self, area: Area) -> list[Feature]:
        if not area.geometry or not area.key_property or area.geometry not in self.site.geometries:
            return []
        return select(self.site.geometries[area.geometry], area.key_property, area.members)

    def _layer(self, area: Area, *, style: str, whole: bool = False) -> GeoLayer:
        assert area.geometry is not None and area.key_property is not None
        return GeoLayer(
            url=self.link.to(area_geometry_uri(area, self.site.processes)),
            key=area.key_property,
            members=area.members,
            label=area.title if whole else None,
            link=self.link.to(area.src_uri) if whole and style != "context" else None,
            style=style,
        )

    def _projects_in(self, area: Area, features: Sequence[Feature]) -> list[Project]:
        """Projects of the area, and the area's own process's projects whose location lies inside it.

        In a portal many processes share a Kreis; an area's map shows its own process, or every
        area page of a Kreis would carry the markers of all its processes.
        """
        chosen = {project.key: project for project in self.relations.projects_of_area.get(area.key, [])}
        index = self.index or LocationIndex(self.site)
        for project in index.inside(area):
            if project.process == area.process:
                chosen.setdefault(project.key, project)
        return sorted((p for p in chosen.values() if p.location), key=lambda p: p.title)

    def _markers(self, projects: Iterable[Project]) -> list[MapMarker]:
        return [
            MapMarker(project.location.lat, project.location.lon, project.title, self.link.to(project.src_uri))
            for project in projects
            if project.location
        ]

    def _process_area(self) -> Area | None:
        profile = self.scope.profile
        return self.site.merged.areas.get(profile.area) if profile and profile.area else None

    def _attributions(self, areas: Sequence[Area | None]) -> tuple[tuple[str, str | None], ...]:
        notes: dict[str, str | None] = {}
        for area in areas:
            if area is not None and area.attribution:
                notes.setdefault(area.attribution, area.attribution_url)
        return tuple(notes.items())


def _point(entity: Project | Call) -> tuple[float, float] | None:
    if isinstance(entity, Project):
        return (entity.location.lat, entity.location.lon) if entity.location else None
    place = entity.place
    if place is None or place.lat is None or place.lon is None:
        return None
    return (place.lat, place.lon)


def _unique(features: Iterable[Feature]) -> list[Feature]:
    seen: set[int] = set()
    unique = []
    for feature in features:
        if id(feature) not in seen:
            seen.add(id(feature))
            unique.append(feature)
    return unique
