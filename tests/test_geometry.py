"""Area shapes: strict parsing, selection, and simplification that keeps shared borders shared."""

from __future__ import annotations

import copy
import hashlib
import itertools
import json
import math
import os
import subprocess
import sys
from collections import Counter
from functools import cache
from typing import Any

import pytest
from conftest import GEODATA, ROOT

from ikep_site.geometry import (
    Feature,
    GeometryError,
    Position,
    Ring,
    Work,
    bounds,
    contains,
    missing,
    parse_feature_collection,
    round_coordinates,
    select,
    simplify_topology,
    to_geojson,
)

TOLERANCE_M = 100.0  # the tolerance the area pages use; the source data are simplified at ~50 m
DECIMALS = 5
PAGE_BUDGET = 250_000  # page-specific bytes of an area page, map data included


@cache
def raw(name: str) -> str:
    return (GEODATA / f"{name}.geojson").read_text(encoding="utf-8")


def load(name: str) -> list[Feature]:
    return parse_feature_collection(json.loads(raw(name)))


@cache
def simplified_ortsgemeinden() -> tuple[Feature, ...]:
    return tuple(simplify_topology(load("kl-ortsgemeinden"), TOLERANCE_M))


def published(features: list[Feature]) -> str:
    """What an area page embeds: simplified, rounded, compact GeoJSON."""
    return to_geojson(round_coordinates(simplify_topology(features, TOLERANCE_M), DECIMALS), ("AGS", "GEN"))


# Helpers that judge topology independently of the implementation ------------------------------


def rings_of(feature: Feature) -> list[Ring]:
    return [ring for polygon in feature.polygons for ring in polygon]


def vertices(feature: Feature) -> set[Position]:
    return {position for ring in rings_of(feature) for position in ring}


def undirected_edges(feature: Feature) -> set[frozenset[Position]]:
    return {frozenset(pair) for ring in rings_of(feature) for pair in itertools.pairwise(ring)}


def signed_area(ring: Ring) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(ring)) / 2


def directed_edges(features: list[Feature]) -> Counter[tuple[Position, Position]]:
    """Edges with exteriors counter-clockwise and holes clockwise, however the file wrote them."""
    edges: Counter[tuple[Position, Position]] = Counter()
    for feature in features:
        for polygon in feature.polygons:
            for number, ring in enumerate(polygon):
                clockwise = signed_area(ring) < 0
                oriented = ring[::-1] if clockwise == (number == 0) else ring
                edges.update(itertools.pairwise(oriented))
    return edges


def outer_vertices(features: list[Feature]) -> set[Position]:
    """Vertices on the outline of the whole set: on edges only one feature uses."""
    edges = directed_edges(features)
    return {point for (a, b) in edges if (b, a) not in edges for point in (a, b)}


def neighbour_pairs(features: list[Feature]) -> list[tuple[int, int]]:
    edges = [undirected_edges(feature) for feature in features]
    return [(i, j) for i, j in itertools.combinations(range(len(features)), 2) if edges[i] & edges[j]]


def border_mismatches(before: list[Feature], after: list[Feature]) -> list[str]:
    """Neighbours whose simplified common border differs between the two sides.

    For each pair of features that shared a border before, the vertices of that border (the
    vertices both had) that survive must be the same on both sides; a naive per-feature
    simplification drops different vertices on each side and opens slivers.
    """
    problems = []
    for i, j in neighbour_pairs(before):
        border = vertices(before[i]) & vertices(before[j])
        kept_i, kept_j = vertices(after[i]) & border, vertices(after[j]) & border
        if kept_i != kept_j:
            names = before[i].label("GEN"), before[j].label("GEN")
            problems.append(f"{names}: {len(kept_i ^ kept_j)} border vertices on one side only")
    return problems


def partition_problems(after: list[Feature], outline: set[Position]) -> list[str]:
    """Whether the features still tile their area: no gap, no overlap.

    In a gap-free, overlap-free tiling every inner edge is used twice, once in each direction
    (by the two neighbours), and an edge used in one direction only lies on the outline. An
    edge used twice in the same direction is an overlap; a one-sided edge inside is a gap or
    sliver.
    """
    edges = directed_edges(after)
    problems = [f"edge {edge} used {count} times in one direction" for edge, count in edges.items() if count > 1]
    problems += [
        f"one-sided edge {(a, b)} inside the area" for (a, b) in edges if (b, a) not in edges and not {a, b} <= outline
    ]
    return problems


def crossings(features: list[Feature]) -> list[tuple[tuple[Position, Position], tuple[Position, Position]]]:
    """Pairs of edges that cross or touch other than at a shared end point (sweep along x)."""
    segments = sorted({tuple(sorted(edge)) for feature in features for edge in undirected_edges(feature)})
    found = []
    for index, (a, b) in enumerate(segments):
        for c, d in segments[index + 1 :]:
            if c[0] > b[0]:
                break  # sorted by the left end: no later segment reaches back
            if {a, b} & {c, d}:
                continue
            if _intersect(a, b, c, d):
                found.append(((a, b), (c, d)))
    return found


def _intersect(a: Position, b: Position, c: Position, d: Position) -> bool:
    def side(p: Position, q: Position, r: Position) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    d1, d2, d3, d4 = side(a, b, c), side(a, b, d), side(c, d, a), side(c, d, b)
    return (
        d1 * d2 <= 0 and d3 * d4 <= 0 and max(min(a[1], b[1]), min(c[1], d[1])) <= min(max(a[1], b[1]), max(c[1], d[1]))
    )


def naive_simplify(features: list[Feature], tolerance_m: float) -> list[Feature]:
    """What topology-unaware tools do: Douglas–Peucker on every ring on its own."""
    scale = math.cos(math.radians(49.45)) * 111_195.0

    def distance(p: Position, a: Position, b: Position) -> float:
        (px, py), (ax, ay), (bx, by) = ((q[0] * scale, q[1] * 111_195.0) for q in (p, a, b))
        length = math.hypot(bx - ax, by - ay) or 1e-12
        return abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length

    def dp(points: list[Position]) -> list[Position]:
        if len(points) < 3:
            return points
        index, far = max(
            ((i, distance(points[i], points[0], points[-1])) for i in range(1, len(points) - 1)),
            key=lambda item: item[1],
        )
        if far <= tolerance_m:
            return [points[0], points[-1]]
        return dp(points[: index + 1])[:-1] + dp(points[index:])

    def ring(r: Ring) -> Ring:
        half = len(r) // 2
        return tuple(dp(list(r[: half + 1]))[:-1] + dp(list(r[half:])))

    return [
        Feature(properties=f.properties, polygons=[[ring(r) for r in polygon] for polygon in f.polygons])
        for f in features
    ]


# (a) Shared borders stay shared ----------------------------------------------------------------


def test_simplification_removes_vertices_but_no_member() -> None:
    before = load("kl-ortsgemeinden")
    after = list(simplified_ortsgemeinden())
    assert [f.properties for f in after] == [f.properties for f in before]
    count = sum(len(ring) for f in after for ring in rings_of(f))
    assert count < 0.8 * sum(len(ring) for f in before for ring in rings_of(f))
    for feature in after:
        assert feature.polygons
        assert all(len(polygon[0]) >= 4 and polygon[0][0] == polygon[0][-1] for polygon in feature.polygons)


def test_neighbours_keep_identical_border_vertices() -> None:
    before = load("kl-ortsgemeinden")
    assert len(neighbour_pairs(before)) > 100  # the check has something to check
    assert border_mismatches(before, list(simplified_ortsgemeinden())) == []


def test_simplified_municipalities_still_tile_the_landkreis() -> None:
    before = load("kl-ortsgemeinden")
    assert partition_problems(before, outer_vertices(before)) == []  # no border drawn twice in the source
    assert partition_problems(list(simplified_ortsgemeinden()), outer_vertices(before)) == []


def test_simplified_borders_do_not_cross() -> None:
    assert crossings(load("kl-ortsgemeinden")) == []
    assert crossings(list(simplified_ortsgemeinden())) == []


def test_the_checks_catch_naive_simplification() -> None:
    """Proof that the checks above have teeth: per-feature Douglas–Peucker fails them."""
    before = load("kl-ortsgemeinden")
    naive = naive_simplify(before, TOLERANCE_M)
    assert len(border_mismatches(before, naive)) > 20
    assert len(partition_problems(naive, outer_vertices(before))) > 100


def test_total_area_matches_the_landkreis() -> None:
    def area(features: list[Feature]) -> float:
        return sum(
            abs(signed_area(p[0])) - sum(abs(signed_area(h)) for h in p[1:]) for f in features for p in f.polygons
        )

    landkreis = area(load("kl-landkreis"))
    assert area(list(simplified_ortsgemeinden())) == pytest.approx(landkreis, rel=0.01)


def test_rounding_keeps_borders_shared() -> None:
    before = load("kl-ortsgemeinden")
    rounded = round_coordinates(list(simplified_ortsgemeinden()), DECIMALS)
    assert partition_problems(rounded, outer_vertices(before)) == []
    assert crossings(rounded) == []


def test_verbandsgemeinden_simplify_cleanly_too() -> None:
    before = load("kl-verbandsgemeinden")
    after = simplify_topology(before, TOLERANCE_M)
    assert border_mismatches(before, after) == []
    assert partition_problems(after, outer_vertices(before)) == []
    # The file has five pairs of crossing edges between neighbouring Verbandsgemeinden (slivers
    # from simplifying after dissolving); simplification must not add any.
    assert len(crossings(before)) == 5
    assert set(crossings(after)) <= set(crossings(before))


def square(x: float, y: float, size: float = 0.01) -> Ring:
    return ((x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y))


def test_wiggly_shared_edge_is_simplified_once_for_both_sides() -> None:
    # Two squares side by side; their common edge has small wiggles (a few metres).
    wiggle = tuple((0.01 + (0.00002 if i % 2 else -0.00002), 0.001 * i) for i in range(1, 10))
    left = ((0.0, 0.0), (0.01, 0.0), *wiggle, (0.01, 0.01), (0.0, 0.01), (0.0, 0.0))
    right = ((0.01, 0.0), (0.02, 0.0), (0.02, 0.01), (0.01, 0.01), *wiggle[::-1], (0.01, 0.0))
    features = [Feature({"n": "L"}, [[left]]), Feature({"n": "R"}, [[right]])]
    after = simplify_topology(features, 10.0)
    assert vertices(after[0]) & vertices(after[1]) == {(0.01, 0.0), (0.01, 0.01)}
    assert len(after[0].polygons[0][0]) == 5  # the wiggles are gone on both sides


def test_enclave_and_its_hole_stay_identical() -> None:
    hole = tuple((0.01 + 0.005 * math.cos(a / 10), 0.01 + 0.005 * math.sin(a / 10)) for a in range(63))
    hole_ring = (*hole, hole[0])
    outer = Feature({"n": "outer"}, [[square(0.0, 0.0, 0.03), hole_ring[::-1]]])
    enclave = Feature({"n": "enclave"}, [[hole_ring]])
    after = simplify_topology([outer, enclave], 50.0)
    assert len(after[1].polygons[0][0]) < len(hole_ring)
    assert set(after[0].polygons[0][1]) == set(after[1].polygons[0][0])


def test_tiny_shapes_are_never_lost() -> None:
    """Two tiny triangles sharing a diagonal: each would collapse to a line, so both stay whole."""
    a, b, c, d = (7.0, 49.0), (7.0001, 49.0), (7.0001, 49.0001), (7.0, 49.0001)
    lower, upper = (a, b, c, a), (a, c, d, a)
    island = ((7.1, 49.0), (7.10001, 49.0), (7.1, 49.00001), (7.1, 49.0))
    features = [Feature({"n": "lower"}, [[lower]]), Feature({"n": "upper"}, [[upper]]), Feature({}, [[island]])]
    after = simplify_topology(features, 5000.0)
    assert [sorted(vertices(f)) for f in after] == [sorted(vertices(f)) for f in features]
    assert all(len(f.polygons[0][0]) == 4 for f in after)


def test_zero_tolerance_changes_nothing() -> None:
    before = load("kl-ortsgemeinden")
    after = simplify_topology(before, 0)
    assert [sorted(vertices(f)) for f in after] == [sorted(vertices(f)) for f in before]


def test_negative_tolerance_is_refused() -> None:
    with pytest.raises(ValueError):
        simplify_topology([], -1)


# (b) Size ----------------------------------------------------------------------------------------


def test_published_geojson_is_small() -> None:
    text = published(load("kl-ortsgemeinden"))
    size, source = len(text.encode("utf-8")), len(raw("kl-ortsgemeinden").encode("utf-8"))
    print(f"\n50 Ortsgemeinden: {source} bytes in, {size} bytes out ({TOLERANCE_M:g} m, {DECIMALS} decimals)")
    assert size < source
    assert size < PAGE_BUDGET / 3  # leaves room for the SVG fallback, HTML and the member list
    assert json.loads(text)["features"][0]["properties"] == {"AGS": "07335003", "GEN": "Bruchmühlbach-Miesau"}


# (c) Determinism ---------------------------------------------------------------------------------


def test_two_runs_give_identical_bytes() -> None:
    assert published(load("kl-ortsgemeinden")) == published(load("kl-ortsgemeinden"))


def test_identical_bytes_across_processes() -> None:
    """Hash randomisation must not leak into the output (sets and dicts are everywhere)."""
    source = str(GEODATA / "kl-ortsgemeinden.geojson")
    script = (
        "import json,hashlib;from ikep_site import geometry as g;"
        f"f=g.parse_feature_collection(json.load(open({source!r},encoding='utf-8')));"
        f"s=g.to_geojson(g.round_coordinates(g.simplify_topology(f,{TOLERANCE_M}),{DECIMALS}),('AGS','GEN'));"
        "print(hashlib.sha256(s.encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert digests == {hashlib.sha256(published(load("kl-ortsgemeinden")).encode()).hexdigest()}


def test_geojson_is_compact_sorted_and_script_safe() -> None:
    feature = Feature({"GEN": "</script><b>&", "z": 1, "AGS": "07"}, [[square(7.0, 49.0)]])
    text = to_geojson([feature], ("GEN", "AGS", "absent"))
    assert " " not in text
    assert "<" not in text and ">" not in text and "&" not in text
    data = json.loads(text)
    assert data["features"][0]["properties"] == {"AGS": "07", "GEN": "</script><b>&"}
    assert data["features"][0]["geometry"]["type"] == "Polygon"
    assert text.startswith('{"features":[{"geometry":{"coordinates":[[[7.0,49.0],[7.01,49.0],')
    two = Feature({}, [[square(7.0, 49.0)], [square(7.1, 49.0)]])
    assert json.loads(to_geojson([two]))["features"][0]["geometry"]["type"] == "MultiPolygon"


def test_rounding_removes_repeated_positions() -> None:
    ring = ((7.000001, 49.0), (7.000002, 49.0), (7.1, 49.0), (7.1, 49.1), (7.000001, 49.0))
    (rounded,) = round_coordinates([Feature({}, [[ring]])], 5)
    assert rounded.polygons == [[((7.0, 49.0), (7.1, 49.0), (7.1, 49.1), (7.0, 49.0))]]


# (d) Bounds and containment ----------------------------------------------------------------------


def test_contains_otterberg_but_not_mainz() -> None:
    landkreis = load("kl-landkreis")
    assert contains(landkreis, 7.770, 49.503)
    assert not contains(landkreis, 8.27, 50.0)
    otterberg = select(load("kl-ortsgemeinden"), "GEN", ["Otterberg"])
    assert contains(otterberg, 7.770, 49.503)
    assert contains(list(simplified_ortsgemeinden()), 7.770, 49.503)


def test_city_of_kaiserslautern_is_outside_the_landkreis() -> None:
    assert not contains(load("kl-landkreis"), 7.7689, 49.4447)  # Kaiserslautern, Stiftskirche


def test_holes_are_respected() -> None:
    donut = [Feature({}, [[square(7.0, 49.0, 0.3), square(7.1, 49.1, 0.1)[::-1]]])]
    assert contains(donut, 7.05, 49.05)
    assert not contains(donut, 7.15, 49.15)
    assert not contains(donut, 7.5, 49.15)


def test_bounds() -> None:
    assert bounds(load("kl-landkreis")) == (7.39254, 49.30683, 8.00256, 49.59711)
    with pytest.raises(GeometryError) as error:
        bounds([])
    assert error.value.message_key == "geometry_empty"


# Selecting members -------------------------------------------------------------------------------


def test_select_keeps_the_order_of_members_and_compares_text() -> None:
    features = load("kl-ortsgemeinden")
    chosen = select(features, "AGS", ["07335027", "07335019", "07335027"])
    assert [f.label("GEN") for f in chosen] == ["Mittelbrunn", "Kollweiler"]
    numeric = [Feature({"AGS": 7335027}, [[square(7.0, 49.0)]])]
    assert select(numeric, "AGS", ["7335027"]) == numeric


def test_missing_lists_unknown_members() -> None:
    features = load("kl-ortsgemeinden")
    assert missing(features, "AGS", ["07335027", "7335019", "99999999"]) == ["7335019", "99999999"]
    assert missing(features, "NOPE", ["07335027"]) == ["07335027"]


# (e) Malformed input -----------------------------------------------------------------------------


def collection(*features: object) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


def polygon_feature(ring: list[Any], kind: str = "Polygon") -> dict[str, Any]:
    return {"type": "Feature", "properties": {"GEN": "X"}, "geometry": {"type": kind, "coordinates": [ring]}}


GOOD_RING = [[7.0, 49.0], [7.1, 49.0], [7.1, 49.1], [7.0, 49.0]]


def with_position(index: int, position: list[Any]) -> dict[str, Any]:
    ring = copy.deepcopy(GOOD_RING)
    ring[index] = position
    return polygon_feature(ring)


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ([], "geometry_not_collection"),
        ({"type": "Feature"}, "geometry_not_collection"),
        ({"type": "FeatureCollection", "features": {}}, "geometry_not_collection"),
        (collection("x"), "geometry_bad_feature"),
        (collection({"type": "Feature", "properties": {}}), "geometry_missing"),
        (collection({"type": "Feature", "properties": {}, "geometry": None}), "geometry_missing"),
        (collection({**polygon_feature(GOOD_RING), "properties": []}), "geometry_bad_properties"),
        (
            collection({"type": "Feature", "geometry": {"type": "Point", "coordinates": [7, 49]}}),
            "geometry_unsupported_type",
        ),
        (collection({"type": "Feature", "geometry": {"type": "Polygon"}}), "geometry_bad_coordinates"),
        (
            collection({"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": []}}),
            "geometry_bad_coordinates",
        ),
        (collection(polygon_feature([[7.0, 49.0], [7.1, 49.0], [7.1, 49.1], [7.0, 49.1]])), "geometry_ring_not_closed"),
        (collection(polygon_feature(GOOD_RING[:3])), "geometry_ring_too_short"),
        (collection(polygon_feature([[7.0, 49.0], [7.1, 49.0], [7.1, 49.0], [7.0, 49.0]])), "geometry_ring_too_short"),
        (collection(with_position(1, [7.1, 95.0])), "geometry_lat_out_of_range"),
        (collection(with_position(1, [200.0, 49.0])), "geometry_lon_out_of_range"),
        (collection(with_position(1, [float("nan"), 49.0])), "geometry_not_finite"),
        (collection(with_position(1, [7.1, float("inf")])), "geometry_not_finite"),
        (collection(with_position(1, ["7.1", 49.0])), "geometry_bad_position"),
        (collection(with_position(1, [True, 49.0])), "geometry_bad_position"),
        (collection(with_position(1, [7.1])), "geometry_bad_position"),
    ],
)
def test_malformed_input_raises(data: object, key: str) -> None:
    with pytest.raises(GeometryError) as error:
        parse_feature_collection(data)
    assert error.value.message_key == key


def test_error_names_the_bad_feature() -> None:
    good = polygon_feature(GOOD_RING)
    with pytest.raises(GeometryError) as error:
        parse_feature_collection(collection(good, good, with_position(2, [7.1, 95.0])))
    assert error.value.details == {"feature": 2, "polygon": 0, "ring": 0, "position": 2, "value": 95.0}
    assert "geometry_lat_out_of_range" in str(error.value)


def test_nan_from_json_text_is_refused() -> None:
    text = raw("kl-landkreis").replace("7.39254", "NaN", 1)
    with pytest.raises(GeometryError, match="geometry_not_finite"):
        parse_feature_collection(json.loads(text))


def test_altitude_is_dropped_and_multipolygons_read() -> None:
    ring = [[*position, 250.0] for position in GOOD_RING]
    (feature,) = parse_feature_collection(collection(polygon_feature([ring], "MultiPolygon")))
    assert feature.polygons == [[((7.0, 49.0), (7.1, 49.0), (7.1, 49.1), (7.0, 49.0))]]
    assert feature.label("GEN") == "X"


def test_real_files_parse() -> None:
    assert len(load("kl-ortsgemeinden")) == 50
    assert len(load("kl-verbandsgemeinden")) == 6
    assert len(load("kl-landkreis")) == 1


# (d) Work grows linearly with the vertices ---------------------------------------------------------
# Counted in operations (distances evaluated, segment pairs tested), not in seconds: the machine
# is shared, and a count tells the growth exactly.


def outline(vertices: int, radius: float = 0.05) -> Feature:
    """A circle-ish municipality with `vertices` corners (a little wavy, like a real border)."""
    corners = [
        (
            7.7 + radius * math.cos(2 * math.pi * i / vertices) * (1 + 0.002 * math.sin(i * 0.37)),
            49.4 + radius * math.sin(2 * math.pi * i / vertices),
        )
        for i in range(vertices)
    ]
    return Feature({"n": "outline"}, [[(*corners, corners[0])]])


def zigzag(vertices: int, *, growing: bool) -> Feature:
    """A border zigzagging 1 km deep every few metres: Douglas–Peucker's worst case.

    `growing`: each tooth deeper than the one before, so every split peels off one vertex.
    """
    teeth = [(7.5 + 0.5 * i / vertices, 49.4 + (0.0001 * i if growing else 0.01) * (i % 2)) for i in range(vertices)]
    return Feature({"n": "zigzag"}, [[(*teeth, (8.0, 49.3), (7.5, 49.3), teeth[0])]])


def work_of(features: list[Feature], tolerance: float = 20.0) -> Work:
    work = Work()
    simplify_topology(features, tolerance, work)
    return work


@pytest.mark.parametrize("growing", [False, True], ids=["even", "growing"])
def test_zigzag_work_is_linear(growing: bool) -> None:
    small, large = work_of([zigzag(1500, growing=growing)]), work_of([zigzag(6000, growing=growing)])
    print(f"\nzigzag 1,500 / 6,000 vertices: {small} / {large}")
    for work, vertices in ((small, 1500), (large, 6000)):
        assert work.distances <= 100 * vertices  # exact Douglas–Peucker: up to vertices² / 2
        assert work.segment_pairs <= 20 * vertices
    assert large.distances <= 4.5 * small.distances


def test_zigzag_simplified_without_crossings() -> None:
    after = simplify_topology([zigzag(3000, growing=True)], 20.0)
    assert crossings(after) == []
    assert len(after[0].polygons[0][0]) > 1000  # the teeth are kilometres deep: they stay


def test_large_outline_work_is_linear() -> None:
    small, large = work_of([outline(10_000)]), work_of([outline(40_000)])
    print(f"\noutline 10,000 / 40,000 vertices: {small} / {large}")
    assert large.distances <= 4.5 * small.distances
    assert large.distances <= 32 * 40_000


def test_fine_outline_beside_coarse_ones_is_tested_locally() -> None:
    """A small toothed shape of many vertices beside borders of hundreds of kilometres."""
    teeth = [
        (7.0 + 0.005 * (1 - 0.4 * (i % 2)) * math.cos(i / 640 * math.pi), 49.0 + 0.005 * math.sin(i / 640 * math.pi))
        for i in range(1280)
    ]
    star = Feature({"n": "star"}, [[(*teeth, teeth[0])]])
    squares = [Feature({"n": str(i)}, [[square(8.0 + 2.0 * i, 49.0, 2.0)]]) for i in range(8)]
    work = work_of([star, *squares], tolerance=100.0)
    assert work.segment_pairs <= 20 * 1280  # one cell for the whole star: 1280² / 2
