"""Corridor charts: valid, accessible, escaped SVG that shows what the data say."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

from ikep_site.model import CorridorPoint, Indicator, Measurement
from ikep_site.render.charts import (
    BAND_COLOR,
    FONT_SIZE,
    NARROW,
    WIDE,
    Layout,
    chart_description,
    chart_svg,
    corridor_chart_svg,
    format_quantity,
    nice_axis,
    target_statement,
    year_labels,
)

NS = {"svg": "http://www.w3.org/2000/svg"}
SVG = "{http://www.w3.org/2000/svg}"
CORRIDOR = (
    CorridorPoint(year=2024, min=6.0, max=8.0),
    CorridorPoint(year=2030, min=3.0, max=5.0),
)
HOSTILE = '<script>alert(1)</script> & "x"'


def indicator(
    *values: tuple[int, float],
    corridor: tuple[CorridorPoint, ...] = CORRIDOR,
    name: str = "Leerstandsquote in den Ortskernen",
    unit: str = "%",
    better: str = "lower",
) -> Indicator:
    return Indicator(
        id="leerstand",
        name=name,
        unit=unit,
        better=better,
        corridor=corridor,
        values=tuple(Measurement(year=year, value=value) for year, value in values),
    )


def render(source: Indicator, chart_id: str = "chart-1", layout: Layout = WIDE) -> ET.Element:
    return ET.fromstring(chart_svg(source, chart_id=chart_id, layout=layout))


def points_of(root: ET.Element) -> list[ET.Element]:
    return root.findall(".//svg:circle[@class='ikep-chart__point']", NS)


def band_of(root: ET.Element) -> list[tuple[float, float]]:
    polygon = root.find("svg:polygon[@class='ikep-chart__band']", NS)
    assert polygon is not None
    return [(float(x), float(y)) for x, y in (pair.split(",") for pair in polygon.attrib["points"].split())]


def y_ticks(root: ET.Element) -> list[tuple[float, float]]:
    """(value, y) of every y-axis label, read back from the German text."""
    labels = root.findall(".//svg:g[@class='ikep-chart__axis']/svg:text[@text-anchor='end']", NS)
    return [
        (float((label.text or "").replace(".", "").replace(",", ".")), float(label.attrib["y"])) for label in labels
    ]


def plot_range(root: ET.Element) -> tuple[float, float]:
    """(top, bottom) of the plot: the y axis is the longest vertical line of the axis group."""
    lines = root.findall(".//svg:g[@class='ikep-chart__axis']/svg:line", NS)
    vertical = [
        (float(line.attrib["y1"]), float(line.attrib["y2"])) for line in lines if line.attrib["x1"] == line.attrib["x2"]
    ]
    top, bottom = max(vertical, key=lambda ends: abs(ends[1] - ends[0]))
    return min(top, bottom), max(top, bottom)


def expected_y(root: ET.Element, value: float) -> float:
    """Where `value` must be drawn, by the linear scale the axis labels state."""
    (v0, y0), (v1, y1) = y_ticks(root)[0], y_ticks(root)[-1]
    return y0 + (value - v0) * (y1 - y0) / (v1 - v0)


# --- structure and accessibility -------------------------------------------------------------


def test_svg_is_an_accessible_image_with_title_and_desc() -> None:
    root = render(indicator((2021, 8.4), (2024, 7.1)), chart_id="ziel-leerstand")
    assert root.tag == f"{SVG}svg"
    assert root.attrib["role"] == "img"
    title_id, desc_id = root.attrib["aria-labelledby"].split()
    title = root.find(f"svg:title[@id='{title_id}']", NS)
    desc = root.find(f"svg:desc[@id='{desc_id}']", NS)
    assert title is not None and title.text == "Leerstandsquote in den Ortskernen"
    assert desc is not None
    assert desc.text == (
        "Entwicklungskorridor 2024 von 6 bis 8\u00a0%, 2030 von 3 bis 5\u00a0%. "
        "Richtung: niedriger ist besser. "
        "Neuester Messwert 2024: 7,1\u00a0% – im Korridor."
    )


def test_svg_scales_and_loads_nothing() -> None:
    text = chart_svg(indicator((2024, 7.1)), chart_id="c")
    root = ET.fromstring(text)
    assert root.attrib["viewBox"] == "0 0 640 360"
    assert root.attrib["width"] == "100%"
    assert "height" not in root.attrib
    for element in root.iter():
        assert element.tag not in (f"{SVG}script", f"{SVG}style", f"{SVG}image", f"{SVG}a")
        for name, value in element.attrib.items():
            assert "href" not in name and not name.startswith("on") and "url(" not in value
            assert name != "style"  # a strict CSP blocks style attributes
    assert "\n\n" not in text  # a blank line would end an HTML block in Markdown


def test_all_ids_carry_the_chart_id() -> None:
    first = render(indicator((2024, 7.1)), chart_id="goal-a-x")
    second = render(indicator((2024, 7.1)), chart_id="goal-b-x")
    first_ids = {e.attrib["id"] for e in first.iter() if "id" in e.attrib}
    second_ids = {e.attrib["id"] for e in second.iter() if "id" in e.attrib}
    assert first_ids and all(ident.startswith("goal-a-x") for ident in first_ids)
    assert not first_ids & second_ids


def test_chart_id_cannot_break_out_of_its_attribute() -> None:
    root = render(indicator((2024, 7.1)), chart_id='a b" onload="alert(1)')
    ids = root.attrib["aria-labelledby"].split()
    assert len(ids) == 2
    assert all(root.find(f".//*[@id='{ident}']", NS) is not None for ident in ids)
    assert not any(name.startswith("on") for e in root.iter() for name in e.attrib)


def test_hostile_editor_text_is_escaped_everywhere() -> None:
    whole = corridor_chart_svg(indicator((2024, 7.1), name=HOSTILE, unit=HOSTILE), chart_id="c")
    assert "<script" not in whole
    text = chart_svg(indicator((2024, 7.1), name=HOSTILE, unit=HOSTILE), chart_id="c", layout=NARROW)
    root = ET.fromstring(text)
    assert root.find(".//svg:script", NS) is None
    assert not any(e.tag.endswith("script") for e in root.iter())
    title = root.find("svg:title", NS)
    assert title is not None and title.text == HOSTILE
    desc = root.find("svg:desc", NS)
    assert desc is not None and desc.text is not None and f"7,1\u00a0{HOSTILE}" in desc.text
    point_title = root.find(".//svg:circle[@class='ikep-chart__point']/svg:title", NS)
    assert point_title is not None and point_title.text == f"2024: 7,1\u00a0{HOSTILE}"
    texts = [e.text for e in root.iter(f"{SVG}text")]
    assert HOSTILE in texts  # the unit above the y axis


def test_text_is_legible_and_band_outline_has_contrast() -> None:
    root = render(indicator((2024, 7.1)))
    sizes = [float(e.attrib["font-size"]) for e in root.iter() if "font-size" in e.attrib]
    assert sizes and min(sizes) >= 12
    assert FONT_SIZE >= 12
    assert contrast_with_white(BAND_COLOR) >= 3.0
    polygon = root.find("svg:polygon", NS)
    assert polygon is not None
    assert polygon.attrib["stroke"] == BAND_COLOR
    assert float(polygon.attrib["stroke-width"]) >= 1.5
    values = root.find("svg:g[@class='ikep-chart__values']", NS)
    assert values is not None and values.attrib["stroke"] == "currentColor"


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio of a `#rrggbb` colour against white."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


# --- what is drawn ----------------------------------------------------------------------------


def test_band_is_upper_edge_forward_then_lower_edge_back() -> None:
    root = render(indicator((2024, 7.1)))
    band = band_of(root)
    assert len(band) == 4
    (x0, top0), (x1, top1), (x2, bottom1), (x3, bottom0) = band
    assert x0 < x1 and x2 == x1 and x3 == x0
    assert top0 == pytest.approx(expected_y(root, 8.0), abs=0.2)
    assert top1 == pytest.approx(expected_y(root, 5.0), abs=0.2)
    assert bottom1 == pytest.approx(expected_y(root, 3.0), abs=0.2)
    assert bottom0 == pytest.approx(expected_y(root, 6.0), abs=0.2)


def test_points_sit_where_the_axis_says_with_their_own_titles() -> None:
    root = render(indicator((2024, 7.1), (2021, 8.4), (2027, 5.25)))
    points = points_of(root)
    titles = [p.find("svg:title", NS) for p in points]
    assert [t.text for t in titles if t is not None] == [
        "2021: 8,4\u00a0%",
        "2024: 7,1\u00a0%",
        "2027: 5,25\u00a0%",
    ]
    for point, value in zip(points, (8.4, 7.1, 5.25), strict=True):
        assert float(point.attrib["cy"]) == pytest.approx(expected_y(root, value), abs=0.2)
    xs = [float(p.attrib["cx"]) for p in points]
    assert xs == sorted(xs) and xs[1] - xs[0] == pytest.approx(xs[2] - xs[1], abs=0.2)
    polyline = root.find(".//svg:g[@class='ikep-chart__values']/svg:polyline", NS)
    assert polyline is not None and len(polyline.attrib["points"].split()) == 3


def test_a_single_value_is_a_point_without_a_line() -> None:
    root = render(indicator((2024, 7.1)))
    assert len(points_of(root)) == 1
    assert root.find(".//svg:polyline", NS) is None


def test_no_values_draws_the_band_and_says_so() -> None:
    root = render(indicator())
    assert points_of(root) == []
    assert root.find("svg:g[@class='ikep-chart__values']", NS) is None
    assert len(band_of(root)) == 4
    desc = root.find("svg:desc", NS)
    assert desc is not None and desc.text is not None
    assert desc.text.endswith("Noch keine Messwerte.")


def test_corridor_with_min_equal_max_is_a_visible_line() -> None:
    corridor = (
        CorridorPoint(year=2024, min=5.0, max=5.0),
        CorridorPoint(year=2030, min=5.0, max=5.0),
    )
    root = render(indicator((2024, 5.0), corridor=corridor))
    ys = {y for _, y in band_of(root)}
    assert len(ys) == 1  # a flat, zero-height band ...
    polygon = root.find("svg:polygon", NS)
    assert polygon is not None and float(polygon.attrib["stroke-width"]) > 0  # ... still drawn
    top, bottom = plot_range(root)
    assert top < ys.pop() < bottom  # in the middle, not glued to an edge


def test_all_values_equal_still_gives_a_proper_axis() -> None:
    corridor = (
        CorridorPoint(year=2020, min=10.0, max=10.0),
        CorridorPoint(year=2025, min=10.0, max=10.0),
    )
    root = render(indicator((2021, 10.0), (2022, 10.0), (2023, 10.0), corridor=corridor))
    ticks = y_ticks(root)
    assert 4 <= len(ticks) <= 6
    assert ticks[0][0] < 10.0 < ticks[-1][0]
    ys = {float(p.attrib["cy"]) for p in points_of(root)}
    assert len(ys) == 1


def test_negative_values_and_values_far_outside_stay_on_the_chart() -> None:
    root = render(indicator((2021, -12.5), (2024, 7.1), (2026, 140.0)))
    top, bottom = plot_range(root)
    drawn = [float(p.attrib["cy"]) for p in points_of(root)] + [y for _, y in band_of(root)]
    assert all(top - 0.1 <= y <= bottom + 0.1 for y in drawn)
    values = [value for value, _ in y_ticks(root)]
    assert any(value < 0 for value in values)
    labels = [e.text for e in root.findall(".//svg:g[@class='ikep-chart__axis']/svg:text", NS)]
    assert any(label is not None and label.startswith("-") for label in labels)
    for point, value in zip(points_of(root), (-12.5, 7.1, 140.0), strict=True):
        assert float(point.attrib["cy"]) == pytest.approx(expected_y(root, value), abs=0.2)


def test_y_labels_are_german_numbers_with_even_decimals() -> None:
    corridor = (
        CorridorPoint(year=2024, min=6.5, max=7.5),
        CorridorPoint(year=2030, min=6.5, max=8.0),
    )
    root = render(indicator((2024, 7.1), corridor=corridor))
    labels = [
        e.text or "" for e in root.findall(".//svg:g[@class='ikep-chart__axis']/svg:text[@text-anchor='end']", NS)
    ]
    assert labels == ["6,5", "7,0", "7,5", "8,0"]


def test_year_labels_are_thinned_on_a_long_span() -> None:
    root = render(indicator((2000, 9.0), (2050, 2.0)))
    labels = [
        int(e.text or "")
        for e in root.findall(".//svg:g[@class='ikep-chart__axis']/svg:text[@text-anchor='middle']", NS)
    ]
    assert 2 <= len(labels) <= 12
    assert labels == sorted(labels) and labels[0] >= 2000 and labels[-1] <= 2050
    steps = {b - a for a, b in itertools.pairwise(labels)}
    assert len(steps) == 1  # evenly spaced


def test_every_year_gets_a_label_on_a_short_span() -> None:
    root = render(indicator((2021, 8.4), (2024, 7.1)))
    labels = [e.text for e in root.findall(".//svg:g[@class='ikep-chart__axis']/svg:text[@text-anchor='middle']", NS)]
    assert labels == [str(year) for year in range(2021, 2031)]


def test_unit_is_shown_on_the_y_axis() -> None:
    root = render(indicator((2024, 7.1), unit="Einwohner je km²"))
    texts = [e.text for e in root.findall(".//svg:g[@class='ikep-chart__axis']/svg:text", NS)]
    assert "Einwohner je km²" in texts


# --- helpers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status_values", "better", "status"),
    [
        (((2024, 7.1),), "lower", "im Korridor"),
        (((2024, 5.0),), "lower", "besser als der Korridor"),
        (((2024, 5.0),), "higher", "außerhalb des Korridors"),
    ],
)
def test_description_names_the_status(status_values: tuple[tuple[int, float], ...], better: str, status: str) -> None:
    assert chart_description(indicator(*status_values, better=better)).endswith(f"– {status}.")


def test_description_without_corridor() -> None:
    text = chart_description(indicator((2024, 7.1), corridor=()))
    assert text.startswith("Kein Entwicklungskorridor festgelegt.")
    assert text.endswith("– keine Daten.")


def test_format_quantity() -> None:
    assert format_quantity(7.1, "%") == "7,1\u00a0%"
    assert format_quantity(1234.5, " € ") == "1.234,5\u00a0€"
    assert format_quantity(3, "") == "3"


@pytest.mark.parametrize(
    ("low", "high"),
    [
        (low, low + span)
        for low in (-1234.5, -3.0, 0.0, 0.1, 6.0, 99999.0)
        for span in (0.0, 0.001, 0.37, 1.0, 1.9, 2.4, 5.0, 7.3, 11.0, 49.0, 1000.0)
    ],
)
def test_nice_axis_covers_the_data_with_four_to_six_round_ticks(low: float, high: float) -> None:
    axis = nice_axis(low, high)
    assert 4 <= len(axis.ticks) <= 6
    assert axis.low <= low and axis.high >= high
    assert axis.low <= axis.ticks[0] and axis.ticks[-1] <= axis.high
    steps = {round(b - a, 9) for a, b in itertools.pairwise(axis.ticks)}
    assert len(steps) == 1
    step = steps.pop()
    mantissa = step / 10 ** (len(str(int(step))) - 1) if step >= 1 else step
    while mantissa < 1:
        mantissa *= 10
    assert round(mantissa, 6) in (1.0, 2.0, 5.0)


def test_year_labels() -> None:
    assert year_labels(2024, 2030, 10) == list(range(2024, 2031))
    assert year_labels(2000, 2050, 10) == list(range(2000, 2051, 10))
    assert year_labels(2021, 2040, 10) == list(range(2022, 2041, 2))
    assert year_labels(2024, 2024, 10) == [2024]


# --- the narrow layout and the target in words -------------------------------------------------


def year_texts(root: ET.Element) -> list[int]:
    return [
        int(e.text or "")
        for e in root.findall(".//svg:g[@class='ikep-chart__axis']/svg:text[@text-anchor='middle']", NS)
    ]


@pytest.mark.parametrize(
    "values", [((2021, 8.4), (2024, 7.1)), ((2000, 9.0), (2050, 2.0)), ((2018, 9.0),), ((2024, 7.1), (2029, 3.0))]
)
def test_narrow_layout_shows_every_year_up_to_the_target_with_legible_labels(
    values: tuple[tuple[int, float], ...],
) -> None:
    source = indicator(*values)
    root = render(source, layout=NARROW)
    assert root.attrib["viewBox"] == f"0 0 {NARROW.width} {NARROW.height}"
    # 343 px of a 375 px phone for the narrow width: every text at least 12 px there.
    sizes = [float(e.attrib["font-size"]) * 343 / NARROW.width for e in root.iter() if "font-size" in e.attrib]
    assert sizes and min(sizes) >= 12
    years = year_texts(root)
    first = min(p.year for p in (*source.corridor, *source.values))
    last = max(p.year for p in (*source.corridor, *source.values))
    assert years[0] >= first and years[-1] <= last and last - years[-1] < 5
    xs = [float(e.attrib["x"]) for e in root.iter(f"{SVG}text") if e.attrib.get("text-anchor") == "middle"]
    half = 2 * NARROW.font_size * 0.6  # half of four digits
    assert all(half <= x <= NARROW.width - half for x in xs)
    assert all(b - a >= 2 * half for a, b in itertools.pairwise(xs))  # no two labels overlap
    # The legend's entries one below the other, each inside the drawing.
    legend = root.findall("svg:g[@class='ikep-chart__legend']/svg:text", NS)
    assert all(float(e.attrib["y"]) <= NARROW.height for e in legend)
    assert len({e.attrib["y"] for e in legend}) == len(legend)


def test_figure_content_holds_both_layouts_and_the_target() -> None:
    html = corridor_chart_svg(indicator((2024, 7.1)), chart_id="c")
    root = ET.fromstring(f"<figure xmlns:svg='{NS['svg']}'>{html}</figure>")
    svgs = root.findall("svg:svg", NS)
    assert [s.attrib["class"] for s in svgs] == ["ikep-chart ikep-chart--wide", "ikep-chart ikep-chart--narrow"]
    assert [s.attrib["id"] for s in svgs] == ["c", "c-schmal"]
    caption = root.find("figcaption")
    assert caption is not None and caption.text == "Ziel 2030: 3\u20135\u00a0% (niedriger ist besser)"


def test_target_statement_in_german_numbers() -> None:
    assert target_statement(indicator(corridor=())) is None
    one = (CorridorPoint(year=2024, min=6.0, max=8.0), CorridorPoint(year=2035, min=1250.5, max=1250.5))
    assert target_statement(indicator(corridor=one, unit="Personen", better="higher")) == (
        "Ziel 2035: 1.250,5\u00a0Personen (höher ist besser)"
    )
    negative = (CorridorPoint(year=2024, min=-5.0, max=0.0), CorridorPoint(year=2030, min=-2.5, max=3.0))
    assert target_statement(indicator(corridor=negative, unit="")) == "Ziel 2030: -2,5 bis 3 (niedriger ist besser)"
    hostile = corridor_chart_svg(indicator((2024, 7.1), unit=HOSTILE), chart_id="c")
    assert "<script" not in hostile and "&lt;script&gt;" in hostile.split("<figcaption")[1]
