"""The static area map: valid, accessible, escaped SVG that fits the shapes and stays small."""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET
from functools import cache

import pytest
from conftest import GEODATA

from ikep_site.geometry import Feature, parse_feature_collection, round_coordinates, simplify_topology
from ikep_site.render.mapsvg import MARKER_COLOR, STROKE_COLOR, Marker, area_svg

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert(1)</script> & "x"'
OTTERBERG = (7.770, 49.503)


@cache
def ortsgemeinden() -> tuple[Feature, ...]:
    data = json.loads((GEODATA / "kl-ortsgemeinden.geojson").read_text(encoding="utf-8"))
    return tuple(round_coordinates(simplify_topology(parse_feature_collection(data), 100.0), 5))


def render(features: tuple[Feature, ...] | list[Feature] | None = None, **options: object) -> str:
    arguments: dict[str, object] = {
        "svg_id": "map-1",
        "title": "Landkreis Kaiserslautern",
        "description": "Die 50 Ortsgemeinden und Städte des Landkreises.",
        **options,
    }
    return area_svg(list(ortsgemeinden() if features is None else features), **arguments)  # type: ignore[arg-type]


def square(name: str, lon: float, lat: float, size: float = 0.1) -> Feature:
    ring = ((lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size), (lon, lat))
    return Feature({"GEN": name}, [[ring]])


def view_box(root: ET.Element) -> tuple[float, float, float, float]:
    x, y, width, height = (float(value) for value in root.attrib["viewBox"].split())
    return x, y, width, height


def path_points(d: str) -> list[tuple[float, float]]:
    """Absolute points of a path written with M, m, l and z (what the renderer writes)."""
    points: list[tuple[float, float]] = []
    current = start = (0.0, 0.0)
    for command, numbers in re.findall(r"([MmlZz])([^MmlZz]*)", d):
        values = [float(n) for n in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", numbers)]
        pairs = list(zip(values[::2], values[1::2], strict=True))
        if command in "Zz":
            current = start
            continue
        for index, (dx, dy) in enumerate(pairs):
            absolute = command == "M" and index == 0
            current = (dx, dy) if absolute else (round(current[0] + dx, 1), round(current[1] + dy, 1))
            if index == 0 and command in "Mm":
                start = current
            points.append(current)
    return points


def test_parses_as_xml_and_is_one_named_image() -> None:
    root = ET.fromstring(render())
    assert root.tag == f"{SVG}svg"
    assert root.attrib["role"] == "img"
    assert root.attrib["aria-labelledby"] == "map-1-title map-1-desc"
    assert root.find(f"{SVG}title").attrib["id"] == "map-1-title"  # type: ignore[union-attr]
    assert root.find(f"{SVG}title").text == "Landkreis Kaiserslautern"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").attrib["id"] == "map-1-desc"  # type: ignore[union-attr]
    assert root.attrib["width"] == "100%"
    assert "height" not in root.attrib  # the height follows the width on any screen


def test_one_path_per_feature_with_its_name() -> None:
    root = ET.fromstring(render())
    paths = root.findall(f".//{SVG}path")
    assert len(paths) == 50
    assert all(path.attrib["class"] == "ikep-map__shape" for path in paths)
    names = [path.find(f"{SVG}title").text for path in paths]  # type: ignore[union-attr]
    assert names == [feature.label("GEN") for feature in ortsgemeinden()]
    shapes = root.find(f"{SVG}g[@class='ikep-map__shapes']")
    assert shapes is not None and shapes.attrib["stroke"] == STROKE_COLOR


def test_stroke_and_marker_colours_contrast_with_white() -> None:
    def luminance(color: str) -> float:
        channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for color in (STROKE_COLOR, MARKER_COLOR):
        assert 1.05 / (luminance(color) + 0.05) >= 4.5


def test_view_box_fits_the_shapes_with_a_margin() -> None:
    svg = render()
    root = ET.fromstring(svg)
    _, _, width, height = view_box(root)
    assert width == 640
    points = [point for path in root.iter(f"{SVG}path") for point in path_points(path.attrib["d"])]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    assert 0 < min(xs) < 20 and width - 20 < max(xs) < width
    assert 0 < min(ys) < 20 and height - 20 < max(ys) < height


def test_shapes_keep_their_proportions() -> None:
    """A square on the ground (0.1° of latitude, 0.1/cos φ of longitude) is drawn square."""
    lat = 49.5
    ground_square = Feature(
        {"GEN": "Quadrat"},
        [[((7.0, lat), (7.0 + 0.1 / math.cos(math.radians(lat + 0.05)), lat), (7.0, lat + 0.1), (7.0, lat))]],
    )
    root = ET.fromstring(render([ground_square]))
    _, _, width, height = view_box(root)
    assert height == pytest.approx(width, rel=0.001)


def test_coordinates_have_at_most_one_decimal() -> None:
    svg = render()
    assert not re.search(r"\d\.\d\d", svg)
    size = len(svg.encode("utf-8"))
    print(f"\nSVG of 50 Ortsgemeinden: {size} bytes")
    assert size < 40_000


def test_shared_borders_are_drawn_with_the_same_points() -> None:
    """Neighbours on the ground are neighbours in the picture: they share drawn points."""

    def neighbours(point_sets: list[set[tuple[float, float]]]) -> set[tuple[int, int]]:
        return {
            (i, j)
            for i, a in enumerate(point_sets)
            for j, b in enumerate(point_sets[i + 1 :], start=i + 1)
            if len(a & b) >= 2
        }

    root = ET.fromstring(render())
    drawn = [set(path_points(path.attrib["d"])) for path in root.iter(f"{SVG}path")]
    on_ground = [{p for polygon in f.polygons for ring in polygon for p in ring} for f in ortsgemeinden()]
    assert len(neighbours(on_ground)) > 100
    assert neighbours(on_ground) <= neighbours(drawn)


def test_hostile_names_are_escaped() -> None:
    svg = render(
        [square(HOSTILE, 7.0, 49.0)],
        title=HOSTILE,
        description=HOSTILE,
        markers=[(7.05, 49.05, HOSTILE)],
        svg_id='x" onload="alert(1)',
    )
    assert "<script" not in svg
    root = ET.fromstring(svg)
    assert not list(root.iter("script")) and not list(root.iter(f"{SVG}script"))
    assert root.find(f"{SVG}title").text == HOSTILE  # type: ignore[union-attr]
    assert root.find(f".//{SVG}path/{SVG}title").text == HOSTILE  # type: ignore[union-attr]
    assert root.attrib["id"] == "x--onload--alert-1-"
    assert "onload" not in root.attrib


def test_markers_are_circles_with_titles() -> None:
    markers = [Marker(*OTTERBERG, "Dorfladen Otterberg"), (8.27, 50.0, "Mainz")]
    root = ET.fromstring(render(markers=markers))
    circles = root.findall(f".//{SVG}circle")
    assert [c.find(f"{SVG}title").text for c in circles] == ["Dorfladen Otterberg"]  # type: ignore[union-attr]
    assert circles[0].attrib["class"] == "ikep-map__marker"
    _, _, width, height = view_box(root)
    assert 0 < float(circles[0].attrib["cx"]) < width and 0 < float(circles[0].attrib["cy"]) < height


def test_no_markers_no_marker_group() -> None:
    assert "ikep-map__marker" not in render()


def test_holes_and_multipolygons_are_one_path() -> None:
    outer = ((7.0, 49.0), (7.3, 49.0), (7.3, 49.3), (7.0, 49.3), (7.0, 49.0))
    hole = ((7.1, 49.1), (7.1, 49.2), (7.2, 49.2), (7.2, 49.1), (7.1, 49.1))
    island = ((7.4, 49.0), (7.5, 49.0), (7.5, 49.1), (7.4, 49.0))
    root = ET.fromstring(render([Feature({"GEN": "Ring"}, [[outer, hole], [island]])]))
    (path,) = root.iter(f"{SVG}path")
    assert path.attrib["d"].count("z") == 3
    assert path.attrib["d"].count("M") == 1
    assert root.find(f"{SVG}g").attrib["fill-rule"] == "evenodd"  # type: ignore[union-attr]


def test_output_is_deterministic() -> None:
    markers = [(*OTTERBERG, "Projekt")]
    assert render(markers=markers) == render(markers=markers)


def test_width_sets_the_view_box() -> None:
    _, _, width, _ = view_box(ET.fromstring(render(width=320)))
    assert width == 320


def test_names_sit_on_shapes_they_fit_and_are_escaped() -> None:
    def square(name: str, west: float, size: float) -> dict[str, object]:
        ring = [[west, 49.5], [west + size, 49.5], [west + size, 49.5 + size], [west, 49.5 + size], [west, 49.5]]
        return {"type": "Feature", "properties": {"GEN": name}, "geometry": {"type": "Polygon", "coordinates": [ring]}}

    hostile = "<b>Groß & Klein</b>"
    collection = {"type": "FeatureCollection", "features": [square(hostile, 7.0, 0.5), square("Winzigdorf", 7.5, 0.03)]}
    features = parse_feature_collection(collection)
    svg = area_svg(features, svg_id="n", title="Karte", description="Zwei Gebiete")
    root = ET.fromstring(svg)
    names = root.find(".//{http://www.w3.org/2000/svg}g[@class='ikep-map__names']")
    assert names is not None and [text.text for text in names] == [hostile]  # the tiny one has no room
    assert "<b>" not in svg and "&lt;b&gt;Groß &amp; Klein&lt;/b&gt;" in svg
    numbered = ET.fromstring(area_svg(features, svg_id="n", title="Karte", description="Zwei", numbered=True))
    numbers = numbered.find(".//{http://www.w3.org/2000/svg}g[@class='ikep-map__names']")
    assert numbers is not None and [text.text for text in numbers] == ["1", "2"]


def test_no_name_in_a_hole() -> None:
    """A Kreis around its kreisfreie Stadt: its centroid lies in the hole, where the name would mislead."""
    outer = [[7.0, 49.0], [8.0, 49.0], [8.0, 49.6], [7.0, 49.6], [7.0, 49.0]]
    hole = [[7.2, 49.1], [7.2, 49.5], [7.8, 49.5], [7.8, 49.1], [7.2, 49.1]]
    ring = {
        "type": "Feature",
        "properties": {"GEN": "Landkreis"},
        "geometry": {"type": "Polygon", "coordinates": [outer, hole]},
    }
    svg = area_svg(
        parse_feature_collection({"type": "FeatureCollection", "features": [ring]}),
        svg_id="h",
        title="K",
        description="K",
    )
    assert "ikep-map__names" not in svg
    assert "<title>Landkreis</title>" in svg  # the shape still carries its name
