"""Boundary shapes of areas: parse, select, simplify, round, test and write GeoJSON.

Pure functions on plain data, no MkDocs and no I/O: the loader hands in an already loaded
GeoJSON `dict`, the renderers take the features back out as compact GeoJSON (for Leaflet) or as
an inline SVG (`render/mapsvg.py`). Coordinates are WGS84 `(lon, lat)` like in GeoJSON.

Maps of neighbouring municipalities must not show slivers or overlaps along their common border,
so simplification works on the *topology*: the border two municipalities share is one arc,
simplified once and used by both (the approach of TopoJSON). Everything is deterministic, so a
rebuild writes byte-identical pages.

Problems raise `GeometryError` with a message key and details; the caller turns it into a German
message for editors (`messages.py`). Keys: `geometry_not_collection`, `geometry_bad_feature`,
`geometry_bad_properties`, `geometry_missing`, `geometry_unsupported_type`,
`geometry_bad_coordinates`, `geometry_bad_position`, `geometry_not_finite`,
`geometry_lon_out_of_range`, `geometry_lat_out_of_range`, `geometry_ring_too_short`,
`geometry_ring_not_closed`, `geometry_empty`, and for whole files `geometry_too_large`,
`geometry_too_deep`, `geometry_too_many_vertices`. Details name the 0-based `feature` index (and, where
it helps, `polygon`, `ring`, `position`, `value`, `type`).
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

Position = tuple[float, float]
Ring = tuple[Position, ...]
Polygon = list[Ring]
Bounds = tuple[float, float, float, float]  # min lon, min lat, max lon, max lat

# Vertices closer than this are one vertex (7 decimals are about 1 cm), so shared borders are
# recognised even where a tool wrote float noise.
_SNAP_DECIMALS: Final = 7
_EARTH_RADIUS_M: Final = 6_371_008.8
_METRES_PER_DEGREE: Final = _EARTH_RADIUS_M * math.pi / 180
_MIN_RING_POSITIONS: Final = 4  # a closed ring: three distinct corners and the closing position
# An arc that still crosses another one after this many halvings of its tolerance keeps all its
# vertices (the input is assumed valid).
_MAX_REFINEMENTS: Final = 6
# Douglas–Peucker is quadratic where each split peels off one vertex (zigzags, spirals): an arc
# may spend this many distance evaluations per vertex on exact splits; ranges still open after
# that are first cut into pieces of at most `_PIECE_VERTICES`, so the rest costs at most half
# that per vertex. Real boundaries need about log2(n) per vertex and never reach the limit.
_WORK_PER_VERTEX: Final = 32
_PIECE_VERTICES: Final = 64
_SUPPORTED_TYPES: Final = ("Polygon", "MultiPolygon")
# Boundary files beyond these are not for a web map (simplifying a million vertices takes some
# ten seconds); editors are asked to simplify them first. A county at full detail fits easily.
MAX_FILE_BYTES: Final = 50_000_000
MAX_VERTICES: Final = 1_000_000
# Characters that must not appear raw when the JSON is embedded in an HTML <script> element.
_SCRIPT_UNSAFE: Final = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass
class Work:
    """Operations spent simplifying (for measuring that the work grows linearly, not for timing)."""

    distances: int = 0  # point-to-segment distances evaluated by Douglas–Peucker
    segment_pairs: int = 0  # pairs of segments tested for crossing


class GeometryError(ValueError):
    """Invalid boundary data; `message_key` and `details` make the editor message."""

    def __init__(self, message_key: str, **details: object) -> None:
        super().__init__(message_key, details)
        self.message_key = message_key
        self.details = details

    def __str__(self) -> str:
        details = ", ".join(f"{key}={value!r}" for key, value in self.details.items())
        return f"{self.message_key} ({details})" if details else self.message_key


@dataclass(frozen=True)
class Feature:
    """One shape with its properties; `polygons` are lists of rings, the exterior ring first."""

    properties: dict[str, object]
    polygons: list[Polygon]

    def label(self, name: str, default: str = "") -> str:
        """A property as text (names and keys may be written as numbers in GeoJSON)."""
        value = self.properties.get(name)
        return default if value is None else str(value)


# Parsing ------------------------------------------------------------------------------------


def read_feature_collection(raw: bytes) -> list[Feature]:
    """The features of a GeoJSON file's bytes: `parse_feature_collection` with limits.

    Raises GeometryError for a file too large, nested too deep or with too many vertices (and
    for bad shapes), ValueError for text that is not UTF-8 or not JSON.
    """
    if len(raw) > MAX_FILE_BYTES:
        raise GeometryError("geometry_too_large", megabytes=len(raw) // 1_000_000, limit=MAX_FILE_BYTES // 1_000_000)
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:  # the JSON decoder recurses per bracket and stops cleanly
        raise GeometryError("geometry_too_deep") from None
    features = parse_feature_collection(data)
    count = sum(len(ring) for feature in features for polygon in feature.polygons for ring in polygon)
    if count > MAX_VERTICES:
        raise GeometryError("geometry_too_many_vertices", count=count, limit=MAX_VERTICES)
    return features


def parse_feature_collection(data: object) -> list[Feature]:
    """The features of a loaded GeoJSON FeatureCollection, validated.

    Only Polygon and MultiPolygon are areas; a Point or a LineString in an area file is an error,
    not something to skip silently, because a member would then be missing from the map.
    """
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise GeometryError("geometry_not_collection")
    features = data.get("features")
    if not isinstance(features, list):
        raise GeometryError("geometry_not_collection")
    return [_parse_feature(feature, index) for index, feature in enumerate(features)]


def _parse_feature(feature: object, index: int) -> Feature:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise GeometryError("geometry_bad_feature", feature=index)
    properties = feature.get("properties")
    if properties is None:
        properties = {}
    if not isinstance(properties, dict):
        raise GeometryError("geometry_bad_properties", feature=index)
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict):
        raise GeometryError("geometry_missing", feature=index)
    kind = geometry.get("type")
    if kind not in _SUPPORTED_TYPES:
        raise GeometryError("geometry_unsupported_type", feature=index, type=str(kind))
    coordinates = geometry.get("coordinates")
    raw_polygons = [coordinates] if kind == "Polygon" else coordinates
    if not isinstance(raw_polygons, list) or not raw_polygons:
        raise GeometryError("geometry_bad_coordinates", feature=index)
    polygons = [_parse_polygon(raw, index, number) for number, raw in enumerate(raw_polygons)]
    return Feature(properties={str(key): value for key, value in properties.items()}, polygons=polygons)


def _parse_polygon(raw: object, feature: int, polygon: int) -> Polygon:
    if not isinstance(raw, list) or not raw:
        raise GeometryError("geometry_bad_coordinates", feature=feature, polygon=polygon)
    return [_parse_ring(ring, feature, polygon, number) for number, ring in enumerate(raw)]


def _parse_ring(raw: object, feature: int, polygon: int, ring: int) -> Ring:
    where = {"feature": feature, "polygon": polygon, "ring": ring}
    if not isinstance(raw, list):
        raise GeometryError("geometry_bad_coordinates", **where)
    positions = tuple(_parse_position(position, where, number) for number, position in enumerate(raw))
    # Three distinct corners at least: fewer enclose no area.
    if len(positions) < _MIN_RING_POSITIONS or len(set(positions)) < _MIN_RING_POSITIONS - 1:
        raise GeometryError("geometry_ring_too_short", count=len(positions), **where)
    if positions[0] != positions[-1]:
        raise GeometryError("geometry_ring_not_closed", **where)
    return positions


def _parse_position(raw: object, where: dict[str, int], number: int) -> Position:
    """A `[lon, lat]` pair (an altitude is allowed and dropped), finite and on the globe."""
    if not isinstance(raw, list) or len(raw) not in (2, 3) or not all(_is_number(value) for value in raw):
        raise GeometryError("geometry_bad_position", position=number, **where)
    lon, lat = float(raw[0]), float(raw[1])
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise GeometryError("geometry_not_finite", position=number, **where)
    if not -180 <= lon <= 180:
        raise GeometryError("geometry_lon_out_of_range", position=number, value=lon, **where)
    if not -90 <= lat <= 90:
        raise GeometryError("geometry_lat_out_of_range", position=number, value=lat, **where)
    return (lon, lat)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# Selecting ----------------------------------------------------------------------------------


def select(features: Sequence[Feature], key: str, members: Iterable[str]) -> list[Feature]:
    """The features whose property `key` is one of `members`, in the order of `members`.

    Values are compared as text, because keys like the AGS are strings with leading zeros that
    a tool may have written as numbers. A member listed twice is taken once.
    """
    by_value: dict[str, list[Feature]] = {}
    for feature in features:
        if key in feature.properties:
            by_value.setdefault(feature.label(key), []).append(feature)
    selected: list[Feature] = []
    for member in dict.fromkeys(str(member) for member in members):
        selected.extend(by_value.get(member, ()))
    return selected


def missing(features: Sequence[Feature], key: str, members: Iterable[str]) -> list[str]:
    """The members no feature has as its `key` property (for an editor message)."""
    present = {feature.label(key) for feature in features if key in feature.properties}
    return [member for member in dict.fromkeys(str(member) for member in members) if member not in present]


# Measuring ----------------------------------------------------------------------------------


def bounds(features: Sequence[Feature]) -> Bounds:
    """`(min_lon, min_lat, max_lon, max_lat)` of all exterior rings."""
    positions = [position for feature in features for polygon in feature.polygons for position in polygon[0]]
    if not positions:
        raise GeometryError("geometry_empty")
    lons = [lon for lon, _ in positions]
    lats = [lat for _, lat in positions]
    return (min(lons), min(lats), max(lons), max(lats))


def contains(features: Sequence[Feature], lon: float, lat: float) -> bool:
    """Whether the point lies inside any of the features (holes excluded).

    Used to warn when a project's location lies outside the process area; a point exactly on a
    border may count either way.
    """
    return any(_polygon_contains(polygon, lon, lat) for feature in features for polygon in feature.polygons)


def _polygon_contains(polygon: Polygon, lon: float, lat: float) -> bool:
    """Ray casting over all rings: crossing a hole's ring flips the answer back (even-odd)."""
    inside = False
    for ring in polygon:
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


# Rounding and writing -----------------------------------------------------------------------


def round_coordinates(features: Sequence[Feature], decimals: int = 5) -> list[Feature]:
    """Coordinates rounded to `decimals` (5 decimals are about 1 m), repeated positions removed.

    Rounding is per coordinate, so a vertex two neighbours share stays shared. A hole that
    rounds away is dropped; an exterior ring that would is kept unchanged apart from rounding,
    so no member disappears from the map.
    """
    return [
        Feature(
            properties=dict(feature.properties),
            polygons=[_round_polygon(polygon, decimals) for polygon in feature.polygons],
        )
        for feature in features
    ]


def _round_polygon(polygon: Polygon, decimals: int) -> Polygon:
    rounded: Polygon = []
    for number, ring in enumerate(polygon):
        plain = tuple((round(lon, decimals), round(lat, decimals)) for lon, lat in ring)
        compact = _without_repeats(plain)
        if len(compact) >= _MIN_RING_POSITIONS:
            rounded.append(compact)
        elif number == 0:
            rounded.append(plain)
    return rounded


def _without_repeats(ring: Sequence[Position]) -> Ring:
    """The ring without consecutive duplicate positions (still closed)."""
    kept = [position for index, position in enumerate(ring) if index == 0 or position != ring[index - 1]]
    return tuple(kept)


def to_geojson(features: Sequence[Feature], properties: Sequence[str] = ("GEN",)) -> str:
    """A compact, deterministic GeoJSON FeatureCollection keeping only the listed properties.

    Keys are sorted and there are no spaces, so equal input gives equal bytes. `<`, `>`, `&` and
    the JavaScript line separators are written as `\\u` escapes, so the text can be embedded in an
    HTML `<script>` element as it is (names come from data files editors supply).
    """
    collection = {
        "type": "FeatureCollection",
        "features": [_feature_json(feature, properties) for feature in features],
    }
    text = json.dumps(collection, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    for character, escaped in _SCRIPT_UNSAFE.items():
        text = text.replace(character, escaped)
    return text


def _feature_json(feature: Feature, properties: Sequence[str]) -> dict[str, object]:
    kept = {name: feature.properties[name] for name in properties if name in feature.properties}
    polygons = [[[list(position) for position in ring] for ring in polygon] for polygon in feature.polygons]
    geometry: dict[str, object] = (
        {"type": "Polygon", "coordinates": polygons[0]}
        if len(polygons) == 1
        else {"type": "MultiPolygon", "coordinates": polygons}
    )
    return {"type": "Feature", "properties": kept, "geometry": geometry}


# Topology-preserving simplification ---------------------------------------------------------

ArcKey = tuple[Position, ...]


@dataclass(frozen=True)
class _ArcUse:
    """One piece of a ring: the arc (in its canonical direction) and whether it runs backwards."""

    key: ArcKey
    backwards: bool


def simplify_topology(features: Sequence[Feature], tolerance: float, work: Work | None = None) -> list[Feature]:
    """The features simplified with Douglas–Peucker so that shared borders stay shared.

    `tolerance` is in metres. Rings are cut into arcs at junctions (vertices where the rings
    running through them part ways); each distinct arc is simplified once, so both neighbours
    of a border get exactly the same vertices and no gap or overlap can open between them. An
    arc whose simplified form would cross another arc (or itself) is simplified again with half
    the tolerance, and an exterior ring that would collapse keeps its arcs unsimplified: no
    member is lost and no shape turns inside out. Holes that collapse are dropped. The work
    grows about linearly with the number of vertices; `work`, if given, counts it.
    """
    if tolerance < 0 or not math.isfinite(tolerance):
        raise ValueError("tolerance must be a finite number of metres >= 0")
    snapped = [_snap_polygons(feature.polygons) for feature in features]
    rings = [ring for polygons in snapped for polygon in polygons for ring in polygon]
    junctions = _junctions(rings)
    pieces: dict[Ring, list[_ArcUse]] = {ring: _cut(ring, junctions) for ring in rings}
    arcs = list(dict.fromkeys(use.key for uses in pieces.values() for use in uses))
    simplified = _simplify_arcs(arcs, tolerance, snapped, pieces, work if work is not None else Work())
    return [
        Feature(
            properties=dict(feature.properties),
            polygons=_assemble(polygons, pieces, simplified),
        )
        for feature, polygons in zip(features, snapped, strict=True)
    ]


def _snap_polygons(polygons: list[Polygon]) -> list[Polygon]:
    """Coordinates on the 7-decimal grid and without repeats, so equal vertices compare equal."""
    return [
        [
            _without_repeats([(round(lon, _SNAP_DECIMALS), round(lat, _SNAP_DECIMALS)) for lon, lat in ring])
            for ring in polygon
        ]
        for polygon in polygons
    ]


def _junctions(rings: Sequence[Ring]) -> set[Position]:
    """Vertices where rings part ways: the neighbours of the vertex differ between the rings.

    Where two municipalities share a border, each inner border vertex has the same two
    neighbours in both rings; where a third ring joins or one ring leaves, they differ.
    """
    neighbours: dict[Position, set[tuple[Position, Position]]] = {}
    for ring in rings:
        corners = ring[:-1]
        for index, vertex in enumerate(corners):
            before, after = corners[index - 1], corners[(index + 1) % len(corners)]
            neighbours.setdefault(vertex, set()).add((min(before, after), max(before, after)))
    return {vertex for vertex, pairs in neighbours.items() if len(pairs) > 1}


def _cut(ring: Ring, junctions: set[Position]) -> list[_ArcUse]:
    """The ring as a sequence of arcs between junctions (one closed arc if it has none)."""
    corners = ring[:-1]
    if len(corners) < _MIN_RING_POSITIONS - 1:
        return [_ArcUse(ring, False)]  # degenerate (snapped to fewer corners): keep as it is
    starts = [index for index, vertex in enumerate(corners) if vertex in junctions]
    if not starts:
        return [_closed_arc(corners)]
    first = starts[0]
    rotated = corners[first:] + corners[:first] + (corners[first],)
    cuts = [index - first for index in starts] + [len(corners)]
    return [_arc_use(rotated[start : end + 1]) for start, end in itertools.pairwise(cuts)]


def _arc_use(points: Ring) -> _ArcUse:
    """Arcs are keyed direction-independently, so the two sides of a border find the same one."""
    backwards = points[::-1]
    return _ArcUse(backwards, True) if backwards < points else _ArcUse(points, False)


def _closed_arc(corners: Ring) -> _ArcUse:
    """A ring without junctions (an island, an enclave): start at its smallest vertex."""
    first = corners.index(min(corners))
    forward = corners[first:] + corners[:first]
    backward = (forward[0], *forward[:0:-1])
    if backward < forward:
        return _ArcUse((*backward, backward[0]), True)
    return _ArcUse((*forward, forward[0]), False)


def _simplify_arcs(
    arcs: list[ArcKey],
    tolerance: float,
    snapped: list[list[Polygon]],
    pieces: dict[Ring, list[_ArcUse]],
    work: Work,
) -> dict[ArcKey, Ring]:
    """Simplify every arc once, then refine arcs that collapse an exterior ring or cross."""
    tolerances = dict.fromkeys(arcs, tolerance)
    refinements = dict.fromkeys(arcs, 0)
    exteriors = [polygon[0] for polygons in snapped for polygon in polygons]
    while True:
        simplified = {arc: _simplify_arc(arc, tolerances[arc], work) for arc in arcs}
        protect = {use.key for ring in exteriors if _collapses(pieces[ring], simplified) for use in pieces[ring]}
        crossing = _crossing_arcs(simplified, work)
        changed = False
        for arc in arcs:
            if tolerances[arc] == 0 or (arc not in protect and arc not in crossing):
                continue
            refinements[arc] += 1
            refine = arc in crossing and arc not in protect and refinements[arc] <= _MAX_REFINEMENTS
            tolerances[arc] = tolerances[arc] / 2 if refine else 0
            changed = True
        if not changed:
            return simplified


def _collapses(uses: list[_ArcUse], simplified: dict[ArcKey, Ring]) -> bool:
    return len(_join(uses, simplified)) < _MIN_RING_POSITIONS


def _assemble(
    polygons: list[Polygon], pieces: dict[Ring, list[_ArcUse]], simplified: dict[ArcKey, Ring]
) -> list[Polygon]:
    assembled: list[Polygon] = []
    for polygon in polygons:
        exterior = _join(pieces[polygon[0]], simplified)
        holes = [_join(pieces[ring], simplified) for ring in polygon[1:]]
        assembled.append([exterior, *(hole for hole in holes if len(hole) >= _MIN_RING_POSITIONS)])
    return assembled


def _join(uses: list[_ArcUse], simplified: dict[ArcKey, Ring]) -> Ring:
    """The ring from its simplified arcs, each in the direction the ring runs through it."""
    positions: list[Position] = []
    for use in uses:
        points = simplified[use.key][::-1] if use.backwards else simplified[use.key]
        positions.extend(points if not positions else points[1:])
    return _without_repeats(positions)


def _simplify_arc(arc: ArcKey, tolerance: float, work: Work) -> Ring:
    """Douglas–Peucker on one arc in local metres; the end points (junctions) always stay."""
    if tolerance == 0 or len(arc) <= 2:
        return arc
    scale = math.cos(math.radians(arc[0][1])) * _METRES_PER_DEGREE
    points = [(lon * scale, lat * _METRES_PER_DEGREE) for lon, lat in arc]
    limit = work.distances + _WORK_PER_VERTEX * len(points)
    if arc[0] != arc[-1]:
        keep = _douglas_peucker(points, 0, len(points) - 1, tolerance, work, limit)
    else:
        keep = _closed_keep(points, tolerance, work, limit)
    return tuple(arc[index] for index in sorted(keep))


def _closed_keep(points: list[Position], tolerance: float, work: Work, limit: int) -> set[int]:
    """A closed arc: split at the vertex farthest from the start, keep at least three corners."""
    last = len(points) - 1
    far = max(range(1, last), key=lambda index: _distance(points[index], points[0], points[0]))
    work.distances += last - 1
    keep = _douglas_peucker(points, 0, far, tolerance, work, limit)
    keep |= _douglas_peucker(points, far, last, tolerance, work, limit)
    if len(keep) < _MIN_RING_POSITIONS:
        rest = [index for index in range(1, last) if index not in keep]
        if rest:
            keep.add(max(rest, key=lambda index: _distance(points[index], points[0], points[far])))
    return keep


def _douglas_peucker(
    points: list[Position], first: int, last: int, tolerance: float, work: Work, limit: int
) -> set[int]:
    """Indices to keep between `first` and `last` (both kept); iterative, so long arcs are fine.

    Once `work.distances` would pass `limit`, a long range is cut into pieces first (its cut
    points are kept): the result then has a few more vertices, never a deviation above
    `tolerance`, and the work stays linear.
    """
    keep = {first, last}
    stack = [(first, last)]
    while stack:
        start, end = stack.pop()
        span = end - start
        if span < 2:
            continue
        if span > _PIECE_VERTICES and work.distances + span > limit:
            cuts = [*range(start, end, _PIECE_VERTICES), end]
            keep.update(cuts)
            stack.extend(itertools.pairwise(cuts))
            continue
        work.distances += span - 1
        index, distance = _farthest(points, start, end)
        if distance > tolerance:
            keep.add(index)
            stack.extend(((start, index), (index, end)))
    return keep


def _farthest(points: list[Position], start: int, end: int) -> tuple[int, float]:
    """The point strictly between `start` and `end` farthest from their segment (the first of equals).

    `_distance` written out for a run of points: a state's boundaries have tens of thousands of
    them, and a function call per point was most of the time of simplifying.
    """
    (ax, ay), (bx, by) = points[start], points[end]
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    hypot = math.hypot
    best_index, best = start + 1, -1.0
    for index in range(start + 1, end):
        px, py = points[index]
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
        distance = hypot(px - ax - t * dx, py - ay - t * dy)
        if distance > best:
            best_index, best = index, distance
    return best_index, best


def _distance(point: Position, start: Position, end: Position) -> float:
    """Distance from `point` to the segment `start`–`end` (to the point if they coincide)."""
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


# Crossing test ------------------------------------------------------------------------------

_Segment = tuple[ArcKey, Position, Position]


def _crossing_arcs(arcs: dict[ArcKey, Ring], work: Work) -> set[ArcKey]:
    """Arcs whose segments meet another segment anywhere but at a shared end point.

    Cells keep this near linear: a cell holding more than a few segments is halved, along the
    axis that separates its segments best, each half taking the segments whose boxes reach into
    it; only segments in a common cell are tested, however unevenly the vertices are spread (a
    fine outline beside a coarse one) and however long and thin the segments are (a zigzag).
    Two segments that meet share a point, and that point lies in a cell holding both.
    """
    segments: list[_Segment] = [(key, a, b) for key, points in arcs.items() for a, b in itertools.pairwise(points)]
    if not segments:
        return set()
    boxes = [(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])) for _, a, b in segments]
    crossing: set[ArcKey] = set()
    tested: set[tuple[int, int]] = set()
    cells: list[tuple[_Box, list[int]]] = [(_box_around(boxes), list(range(len(segments))))]
    while cells:
        box, members = cells.pop()
        if len(members) > _CELL_CAPACITY:
            halves = _halves(box, members, boxes)
            # Segments that reach into both halves either way (many meeting at one point) are
            # not separated by halving: they are tested here.
            if halves is not None:
                cells.extend(half for half in halves if len(half[1]) > 1)
                continue
        for pair in itertools.combinations(members, 2):
            if pair in tested:
                continue
            tested.add(pair)
            work.segment_pairs += 1
            (key1, a, b), (key2, c, d) = segments[pair[0]], segments[pair[1]]
            if _segments_conflict(a, b, c, d):
                crossing.update((key1, key2))
    return crossing


_Box = tuple[float, float, float, float]  # min x, min y, max x, max y
_CELL_CAPACITY: Final = 10
_MIN_CELL: Final = 1e-9  # degrees: cells are not halved below this (about 0.1 mm)


def _box_around(boxes: list[_Box]) -> _Box:
    return (
        min(box[0] for box in boxes),
        min(box[1] for box in boxes),
        max(box[2] for box in boxes),
        max(box[3] for box in boxes),
    )


def _halves(box: _Box, members: list[int], boxes: list[_Box]) -> list[tuple[_Box, list[int]]] | None:
    """The cell halved across x or y, whichever leaves fewer segments in the fuller half.

    Halves are closed, so a segment ending on the middle line is in both. None if neither
    halving separates anything (or the cell is already tiny).
    """
    x0, y0, x1, y1 = box
    best: list[tuple[_Box, list[int]]] | None = None
    for axis, low, high in ((0, x0, x1), (1, y0, y1)):
        if high - low < _MIN_CELL:
            continue
        middle = (low + high) / 2
        first = [number for number in members if boxes[number][axis] <= middle]
        second = [number for number in members if boxes[number][axis + 2] >= middle]
        if len(first) == len(members) and len(second) == len(members):
            continue
        if best is None or max(len(first), len(second)) < max(len(best[0][1]), len(best[1][1])):
            if axis == 0:
                best = [((x0, y0, middle, y1), first), ((middle, y0, x1, y1), second)]
            else:
                best = [((x0, y0, x1, middle), first), ((x0, middle, x1, y1), second)]
    return best


def _segments_conflict(a: Position, b: Position, c: Position, d: Position) -> bool:
    """Whether two segments intersect other than by sharing exactly one end point."""
    shared = {a, b} & {c, d}
    if len(shared) == 2:
        return True  # the same segment twice: a spike or a border drawn twice
    if shared:
        (common,) = shared
        other1 = b if a == common else a
        other2 = d if c == common else c
        # Touching at the shared end is fine unless the segments run along each other.
        return _orientation(common, other1, other2) == 0 and _dot(common, other1, other2) > 0
    o1, o2 = _orientation(a, b, c), _orientation(a, b, d)
    o3, o4 = _orientation(c, d, a), _orientation(c, d, b)
    if o1 != o2 and o3 != o4 and 0 not in (o1, o2, o3, o4):
        return True
    return (
        (o1 == 0 and _on_segment(a, b, c))
        or (o2 == 0 and _on_segment(a, b, d))
        or (o3 == 0 and _on_segment(c, d, a))
        or (o4 == 0 and _on_segment(c, d, b))
    )


def _orientation(a: Position, b: Position, c: Position) -> int:
    cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return (cross > 0) - (cross < 0)


def _dot(origin: Position, b: Position, c: Position) -> float:
    return (b[0] - origin[0]) * (c[0] - origin[0]) + (b[1] - origin[1]) * (c[1] - origin[1])


def _on_segment(a: Position, b: Position, point: Position) -> bool:
    """Whether a point collinear with `a`–`b` lies within the segment's box."""
    return min(a[0], b[0]) <= point[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= point[1] <= max(a[1], b[1])
