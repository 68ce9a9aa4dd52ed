"""A static map of an area as an inline, accessible SVG: what readers see without JavaScript.

The interactive Leaflet map replaces it where scripts run; this SVG is the fallback and the
print version. It draws one path per member shape and a circle per project location, projected
equirectangularly with longitudes shrunk by the cosine of the mean latitude, so shapes keep
their proportions at German latitudes. Sizes are viewBox units and the element is `width="100%"`
without a height, so it scales to a phone's width.

Each shape carries its name as the shape's `<title>`, and on the map either its number in the
member list beside the map (an area's map: the list is its legend) or its name where the name
fits inside it (an overview), so the map speaks without a background, also on paper. The member
list beside the map is the text alternative; the SVG itself is one image (`role="img"`) named by its
`<title>` and `<desc>`. Every text may come from data files or editors,
so all of it goes through `markupsafe.escape`. Colours are presentation attributes (a strict
Content Security Policy blocks `style` attributes); the theme can restyle the `ikep-map__*`
classes.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final, NamedTuple

from markupsafe import escape

from ..geometry import Feature, Polygon, Ring, bounds

SVG_NS: Final = "http://www.w3.org/2000/svg"

# Contrast against white: outline 9.0:1, marker 6.9:1 (WCAG 1.4.11 asks 3:1 for graphics); the
# fill is a light tint of the outline colour, so borders stay visible between members.
STROKE_COLOR: Final = "#1d4e6b"
FILL_COLOR: Final = "#dbe8f0"
MARKER_COLOR: Final = "#b02a1f"
_MARGIN_SHARE: Final = 0.02  # of the width, on every side, so outer borders are not clipped
_MARKER_RADIUS_SHARE: Final = 1 / 90  # of the width: about 4 px on a 375 px phone
_TENTHS: Final = 10  # coordinates are written with one decimal of viewBox units
_NAME_SIZE_SHARE: Final = 1 / 32  # of the width: 20 units at 640, 11 px on a phone, 21 px at 680 px
_NAME_CHAR_WIDTH: Final = 0.56  # of the font size, a generous average for a sans-serif name
NAME_COLOR: Final = "#1f2a33"  # 13:1 on the fill, with a white halo against the borders


class Marker(NamedTuple):
    """A point to mark on the map, `(lon, lat, label)` like GeoJSON's axis order."""

    lon: float
    lat: float
    label: str


@dataclass(frozen=True)
class _Frame:
    """The projection from (lon, lat) to viewBox units, in tenths for exact integer paths."""

    west: float
    north: float
    scale: float  # viewBox units per degree of latitude
    shrink: float  # cos(mean latitude): a degree of longitude is shorter than one of latitude
    margin: float
    width: float
    height: float

    def project(self, lon: float, lat: float) -> tuple[int, int]:
        x = self.margin + (lon - self.west) * self.shrink * self.scale
        y = self.margin + (self.north - lat) * self.scale
        return (round(x * _TENTHS), round(y * _TENTHS))

    def inside(self, point: tuple[int, int]) -> bool:
        x, y = point
        return 0 <= x <= self.width * _TENTHS and 0 <= y <= self.height * _TENTHS


def area_svg(
    features: Sequence[Feature],
    *,
    svg_id: str,
    title: str,
    description: str,
    label_property: str = "GEN",
    markers: Sequence[tuple[float, float, str]] = (),
    width: int = 640,
    numbered: bool = False,
) -> str:
    """The member shapes (and markers) as an inline `<svg>` element.

    `svg_id` prefixes every id inside, so several maps can share a page; characters other than
    ASCII letters, digits, `-` and `_` become `-`, because `aria-labelledby` is a space-separated
    list of ids. `markers` are `(lon, lat, label)`; the view is fitted to the shapes only, so a
    mistyped location cannot shrink the area to a dot; markers outside the view are left out (the
    caller warns about locations outside the area). `numbered` puts each shape's number (its place
    in `features`, from 1) on it instead of its name. Without features there is nothing to fit:
    `GeometryError("geometry_empty")`.
    """
    base_id = _safe_id(svg_id)
    frame, shapes = _drawn(features, width, label_property, numbered)
    parts = [
        _svg_open(base_id, frame),
        f'<title id="{_text(base_id)}-title">{_text(title)}</title>',
        f'<desc id="{_text(base_id)}-desc">{_text(description)}</desc>',
        shapes,
        *_markers(frame, markers),
        "</svg>",
    ]
    return "\n".join(parts)


# The same shapes are drawn on many pages (a Kreis behind every project of its processes), so
# the fitted frame and the path data are kept per set of feature objects. An entry holds its
# features, so their ids cannot be reused by other objects while it lives.
_DRAWN: dict[tuple[object, ...], tuple[tuple[Feature, ...], _Frame, str]] = {}
_DRAWN_LIMIT: Final = 256


def _drawn(features: Sequence[Feature], width: int, label_property: str, numbered: bool) -> tuple[_Frame, str]:
    key = (width, label_property, numbered, *map(id, features))
    entry = _DRAWN.get(key)
    if entry is None:
        frame = _frame(features, width)
        shapes = "\n".join(
            [*_shapes(frame, features, label_property), *_names(frame, features, label_property, numbered)]
        )
        if len(_DRAWN) >= _DRAWN_LIMIT:
            _DRAWN.clear()
        entry = _DRAWN[key] = (tuple(features), frame, shapes)
    return entry[1], entry[2]


def _frame(features: Sequence[Feature], width: int) -> _Frame:
    """Fit the shapes into `width` units; the height follows from their proportions."""
    west, south, east, north = bounds(features)
    shrink = math.cos(math.radians((south + north) / 2))
    margin = width * _MARGIN_SHARE
    scale = (width - 2 * margin) / max((east - west) * shrink, north - south, 1e-9)
    height = (north - south) * scale + 2 * margin
    return _Frame(west, north, scale, shrink, margin, float(width), height)


def _svg_open(base_id: str, frame: _Frame) -> str:
    """The root element: `role="img"` plus title and desc make it one image to a screen reader."""
    ident = _text(base_id)
    return (
        f'<svg xmlns="{SVG_NS}" id="{ident}" class="ikep-map" role="img"'
        f' aria-labelledby="{ident}-title {ident}-desc"'
        f' viewBox="0 0 {_n(frame.width)} {_n(frame.height)}" width="100%"'
        ' preserveAspectRatio="xMidYMid meet">'
    )


def _shapes(frame: _Frame, features: Sequence[Feature], label_property: str) -> Iterator[str]:
    """One path per member; shared borders are the same vertices in both, so they meet exactly.

    The stroke does not scale (`vector-effect`), so borders stay one CSS pixel wide at any size.
    """
    yield (
        f'<g class="ikep-map__shapes" fill="{FILL_COLOR}" stroke="{STROKE_COLOR}" stroke-width="1"'
        ' stroke-linejoin="round" fill-rule="evenodd">'
    )
    for feature in features:
        rings = [ring for polygon in feature.polygons for ring in polygon]
        name = feature.label(label_property)
        yield (
            f'<path class="ikep-map__shape" vector-effect="non-scaling-stroke" d="{_path(frame, rings)}">'
            f"<title>{_text(name)}</title></path>"
        )
    yield "</g>"


def _names(frame: _Frame, features: Sequence[Feature], label_property: str, numbered: bool) -> Iterator[str]:
    """The number or name of each shape on it, where it fits inside its largest part and meets no other.

    One that does not fit is left out (the shape's `<title>` and the member list still name it),
    rather than covering a neighbour.
    """
    size = frame.width * _NAME_SIZE_SHARE
    placed: list[tuple[float, float, float, float]] = []
    labels: list[str] = []
    for number, feature in enumerate(features, start=1):
        name = str(number) if numbered else feature.label(label_property).strip()
        spot = _label_spot(frame, feature)
        if not name or spot is None:
            continue
        (x, y), (box_width, box_height) = spot
        half_width = len(name) * size * _NAME_CHAR_WIDTH / 2
        if 2 * half_width > box_width * 0.9 or size * (0.8 if numbered else 1.2) > box_height:
            continue
        box = (x - half_width, y - size * 0.6, x + half_width, y + size * 0.6)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            continue
        placed.append(box)
        labels.append(f'<text x="{_n(x)}" y="{_n(y)}" dy=".35em">{_text(name)}</text>')
    if not labels:
        return
    yield (
        f'<g class="ikep-map__names" font-size="{_n(size)}" text-anchor="middle" fill="{NAME_COLOR}"'
        ' stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke" aria-hidden="true">'
    )
    yield from labels
    yield "</g>"


def _label_spot(frame: _Frame, feature: Feature) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """Where a name goes: the centroid of the largest part's outline, with that part's box size.

    None when the centroid lies outside the part (a crescent) or in one of its holes, where a
    name would mislead.
    """
    best: tuple[float, list[tuple[float, float]], Polygon] | None = None
    for polygon in feature.polygons:
        if not polygon:
            continue
        points = [_units(frame.project(lon, lat)) for lon, lat in polygon[0]]
        area = _ring_area(points)
        if best is None or abs(area) > abs(best[0]):
            best = (area, points, polygon)
    if best is None or best[0] == 0:
        return None
    area, points, polygon = best
    cx = sum((a[0] + b[0]) * (a[0] * b[1] - b[0] * a[1]) for a, b in itertools.pairwise(points)) / (6 * area)
    cy = sum((a[1] + b[1]) * (a[0] * b[1] - b[0] * a[1]) for a, b in itertools.pairwise(points)) / (6 * area)
    holes = ([_units(frame.project(lon, lat)) for lon, lat in ring] for ring in polygon[1:])
    # Outside the outline or in a hole (a Kreis around its kreisfreie Stadt): no name.
    if not _inside(points, cx, cy) or any(_inside(hole, cx, cy) for hole in holes):
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (cx, cy), (max(xs) - min(xs), max(ys) - min(ys))


def _units(point: tuple[int, int]) -> tuple[float, float]:
    return (point[0] / _TENTHS, point[1] / _TENTHS)


def _ring_area(points: Sequence[tuple[float, float]]) -> float:
    """Signed area (shoelace) of a closed ring, first point repeated at the end."""
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(points)) / 2


def _inside(points: Sequence[tuple[float, float]], x: float, y: float) -> bool:
    """Even-odd test of a point against a closed ring."""
    inside = False
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _path(frame: _Frame, rings: Sequence[Ring]) -> str:
    """Path data in relative steps between rounded points: short, and without rounding drift."""
    commands: list[str] = []
    current = (0, 0)
    for ring in rings:
        points = _distinct([frame.project(lon, lat) for lon, lat in ring[:-1]])
        if len(points) < 3:
            continue
        start = points[0]
        commands.append(f"M{_t(start[0])} {_t(start[1])}" if not commands else f"m{_step(current, start)}")
        steps = [_step(a, b) for a, b in itertools.pairwise(points)]
        commands.append("l" + _join_steps(steps) + "z")
        current = start  # after "z" the current point is the ring's start
    return "".join(commands)


def _distinct(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Points without consecutive repeats (also across the ring's closing)."""
    kept = [point for index, point in enumerate(points) if index == 0 or point != points[index - 1]]
    while len(kept) > 1 and kept[-1] == kept[0]:
        kept.pop()
    return kept


def _step(a: tuple[int, int], b: tuple[int, int]) -> str:
    return f"{_t(b[0] - a[0])} {_t(b[1] - a[1])}"


def _join_steps(steps: list[str]) -> str:
    """Steps separated by a space, or by nothing where the next number starts with a minus."""
    joined = ""
    for step in steps:
        joined += step if not joined or step.startswith("-") else " " + step
    return joined


def _markers(frame: _Frame, markers: Sequence[tuple[float, float, str]]) -> Iterator[str]:
    radius = _n(frame.width * _MARKER_RADIUS_SHARE)
    shown = [(frame.project(lon, lat), label) for lon, lat, label in markers]
    shown = [(point, label) for point, label in shown if frame.inside(point)]
    if not shown:
        return
    yield f'<g class="ikep-map__markers" fill="{MARKER_COLOR}" stroke="#ffffff" stroke-width="1.5">'
    for (x, y), label in shown:
        yield (
            f'<circle class="ikep-map__marker" cx="{_t(x)}" cy="{_t(y)}" r="{radius}">'
            f"<title>{_text(label)}</title></circle>"
        )
    yield "</g>"


def _safe_id(svg_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", svg_id) or "ikep-map"


def _t(tenths: int) -> str:
    """Tenths of a viewBox unit as a short decimal: 12 -> "1.2", 30 -> "3", -5 -> "-.5"."""
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), _TENTHS)
    if tenth == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def _n(value: float) -> str:
    """A size for an attribute: one decimal is plenty at this scale."""
    return _t(round(value * _TENTHS))


def _text(value: str) -> str:
    """Escape text for an SVG element or attribute (names may hold `<`, `&`, quotes)."""
    return str(escape(value))
