"""Corridor charts: one indicator as an inline, accessible SVG (no JavaScript, no external files).

The SVG draws the development corridor (Entwicklungskorridor) as a band and the measured values
as a line with points; its `<title>` and `<desc>` say the same in words, and the data table
beside it (see `tables.py`) is the full text alternative. Sizes are in viewBox units, so the
chart scales to any width.

Every chart is drawn twice: a wide layout and a narrow one for phones, which CSS chooses between
by the width of the screen. One drawing scaled down to a 343 px phone column would shrink its
labels to 9 px; the narrow layout keeps them at 13 px and still shows every year up to the target.
Beside the drawings, a caption states the target in words ("Ziel 2030: 3–5 %").

Every text in the SVG may come from an editor, so all of it goes through `markupsafe.escape`.
Colours are presentation attributes (not `style` attributes, which a strict Content Security
Policy blocks); the theme can restyle the `ikep-chart__*` classes. Lines and text use
`currentColor` so they follow the theme's text colour, also in a dark scheme.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Final, NamedTuple

from markupsafe import escape

from ..corridor import band_at, indicator_status, newest_value
from ..formatting import format_date, format_number
from ..labels import BETTER, CORRIDOR_STATUS, t
from ..model import CorridorPoint, Indicator

SVG_NS: Final = "http://www.w3.org/2000/svg"


@dataclass(frozen=True)
class Layout:
    """The size of one drawing in viewBox units; the CSS shows the one that suits the screen."""

    name: str  # CSS class suffix and id suffix
    width: int
    height: int
    font_size: int
    margin_bottom: int  # year labels, then the legend
    legend_rows: bool  # legend entries one below the other instead of side by side

    @property
    def char_width(self) -> float:
        return 0.6 * self.font_size  # a generous estimate of one digit's width


# From 480 px of width on, 16 of 640 units are at least 12 px (the CSS switches below 32em).
WIDE: Final = Layout("wide", width=640, height=360, font_size=16, margin_bottom=76, legend_rows=False)
# 360 units in a 343 px phone column: 14 units are 13 px.
NARROW: Final = Layout("narrow", width=360, height=340, font_size=14, margin_bottom=84, legend_rows=True)
LAYOUTS: Final = (WIDE, NARROW)

WIDTH: Final = WIDE.width
HEIGHT: Final = WIDE.height
FONT_SIZE: Final = WIDE.font_size
_MARGIN_TOP: Final = 40  # room for the unit above the y axis
_MARGIN_RIGHT: Final = 24
_MIN_MARGIN_LEFT: Final = 48
_LEGEND_ROW: Final = 24
_TICK: Final = 6
_POINT_RADIUS: Final = 5

# Contrast against white: band outline 5.6:1 (WCAG 1.4.11 asks 3:1 for graphics); the fill is a
# light tint of it. Values and text are `currentColor`, the theme's text colour (>= 4.5:1).
BAND_COLOR: Final = "#1f6aa5"
BAND_FILL_OPACITY: Final = "0.2"
# An earlier corridor: a dashed outline without fill, in grey (5.9:1 against white), so that it
# reads as "no longer in force" beside the blue band in colour, pattern and legend alike.
REVISION_COLOR: Final = "#5f6368"
REVISION_DASH: Final = "7 5"
TEXT_COLOR: Final = "currentColor"

# Tick counts a reader can take in; steps are 1, 2 or 5 times a power of ten.
_MIN_TICKS: Final = 4
_MAX_TICKS: Final = 6
_NICE_FACTORS: Final = (1, 2, 5)
_INNER_WASTE: Final = 1.05
# Tolerance, in steps, for a value lying on a tick despite float noise.
_EPS: Final = 1e-9


def corridor_chart_svg(indicator: Indicator, *, chart_id: str) -> str:
    """What goes into the chart's `<figure>`: the wide and the narrow drawing, then the target.

    CSS shows one of the drawings (the other is `display: none`, so a screen reader meets one
    image); the caption states the target in words for everyone.
    """
    parts = [chart_svg(indicator, chart_id=chart_id, layout=layout) for layout in LAYOUTS]
    target = target_statement(indicator)
    if target:
        parts.append(f'<figcaption class="ikep-chart__target">{_text(target)}</figcaption>')
    return "\n".join(parts)


def chart_svg(indicator: Indicator, *, chart_id: str, layout: Layout = WIDE) -> str:
    """The indicator's corridor chart in one layout as an inline `<svg>` element.

    `chart_id` prefixes every id inside, so several charts can share a page (the narrow layout
    adds `-schmal`); characters other than ASCII letters, digits, `-` and `_` are replaced by
    `-`, because `aria-labelledby` is a space-separated list of ids.
    """
    base_id = _safe_id(chart_id) + ("" if layout is WIDE else "-schmal")
    layout = _with_legend_room(indicator, layout)
    frame = _frame(indicator, layout)
    parts = [
        _svg_open(base_id, layout),
        f'<title id="{_text(base_id)}-title">{_text(indicator.name)}</title>',
        f'<desc id="{_text(base_id)}-desc">{_text(chart_description(indicator))}</desc>',
        *_axes(frame, indicator.unit),
        *_revision_bands(frame, indicator),
        *_band(frame, indicator),
        *_values(frame, indicator),
        *_legend(indicator, layout),
        "</svg>",
    ]
    return "\n".join(parts)


def target_statement(indicator: Indicator) -> str | None:
    """`Ziel 2030: 3–5 % (niedriger ist besser)`: the corridor's last point, in words."""
    if not indicator.corridor:
        return None
    last = max(indicator.corridor, key=lambda point: point.year)
    low, high = min(last.min, last.max), max(last.min, last.max)
    if low == high:
        target = format_quantity(low, indicator.unit)
    elif low < 0:  # "−2–3" would read as a subtraction
        target = t("chart_target_range_words", min=format_number(low), max=format_quantity(high, indicator.unit))
    else:
        target = f"{format_number(low)}\u2013{format_quantity(high, indicator.unit)}"
    statement = t("chart_target", year=last.year, target=target)
    if indicator.better in BETTER:
        statement += f" ({BETTER[indicator.better]})"
    return statement


def _svg_open(base_id: str, layout: Layout) -> str:
    """The root element: `role="img"` plus title and desc make it one image to a screen reader."""
    ident = _text(base_id)
    return (
        f'<svg xmlns="{SVG_NS}" id="{ident}" class="ikep-chart ikep-chart--{layout.name}" role="img"'
        f' aria-labelledby="{ident}-title {ident}-desc"'
        f' viewBox="0 0 {layout.width} {layout.height}" width="100%"'
        ' preserveAspectRatio="xMidYMid meet">'
    )


def chart_description(indicator: Indicator) -> str:
    """The chart in German sentences: corridor, direction, newest value and its status.

    Plain text (not escaped); usable as the SVG's `<desc>` or as a caption.
    """
    sentences = [_corridor_sentence(indicator)]
    sentences.extend(
        t(
            "chart_revision",
            until=format_date(revision.until),
            points=_points_in_words(revision.corridor, indicator.unit),
        )
        for revision in indicator.revisions
    )
    if indicator.better in BETTER:
        sentences.append(t("chart_direction", direction=BETTER[indicator.better]))
    newest = newest_value(indicator)
    if newest is None:
        sentences.append(t("chart_no_values"))
    else:
        sentences.append(
            t(
                "chart_newest",
                year=newest.year,
                value=format_quantity(newest.value, indicator.unit),
                status=CORRIDOR_STATUS[indicator_status(indicator)],
            )
        )
    return " ".join(sentences)


def format_quantity(value: float, unit: str) -> str:
    """`7,1 %`: a German number with its unit, joined by a no-break space so they stay together."""
    number = format_number(value)
    unit = unit.strip()
    return f"{number}\u00a0{unit}" if unit else number


@dataclass(frozen=True)
class Axis:
    """A value axis: the range it spans, its ticks and how many decimals their labels show."""

    low: float
    high: float
    ticks: tuple[float, ...]
    decimals: int


def nice_axis(low: float, high: float) -> Axis:
    """An axis covering low..high with 4 to 6 round ticks (1, 2 or 5 times a power of ten).

    The ticks either enclose the data (the axis ends on a tick) or lie inside it (the axis ends
    at the data); 1-2-5 steps alone cannot always give 4 to 6 enclosing ticks. Of the choices
    with 4 to 6 ticks, an axis ending on ticks that fit the data snugly wins, then ticks inside,
    then enclosing ticks with more room to spare. An empty range (all values equal) is widened,
    so that a flat line sits mid-chart.
    """
    low, high = min(low, high), max(low, high)
    if math.isclose(low, high, rel_tol=1e-9, abs_tol=1e-12):
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    span = high - low
    best: tuple[tuple[int, float], _Choice] | None = None
    for exponent, factor in _step_candidates(span):
        for choice in _axis_choices(low, high, exponent, factor):
            count = choice.last - choice.first + 1
            rank = (0 if _MIN_TICKS <= count <= _MAX_TICKS else abs(count - 5), choice.waste)
            if best is None or rank < best[0]:
                best = (rank, choice)
    assert best is not None
    choice = best[1]
    ticks = _ticks(choice.first, choice.last, choice.step, choice.decimals)
    return Axis(min(low, ticks[0]), max(high, ticks[-1]), ticks, choice.decimals)


def year_labels(first: int, last: int, max_labels: int) -> list[int]:
    """The years that get a label: all of them, or every 2nd/5th/10th/... when they would crowd."""
    years = list(range(first, last + 1))
    if len(years) <= max_labels:
        return years
    for exponent in range(6):
        for factor in _NICE_FACTORS:
            step = factor * 10**exponent
            if step == 1:
                continue
            labelled = [year for year in years if year % step == 0]
            if len(labelled) <= max_labels:
                return labelled
    return [first, last]  # pragma: no cover - a span of over half a million years


@dataclass(frozen=True)
class _Frame:
    """Maps years and values to viewBox coordinates."""

    first_year: int
    last_year: int
    y_axis: Axis
    left: float
    layout: Layout

    @property
    def right(self) -> float:
        return self.layout.width - _MARGIN_RIGHT

    @property
    def top(self) -> float:
        return _MARGIN_TOP

    @property
    def bottom(self) -> float:
        return self.layout.height - self.layout.margin_bottom

    def x(self, year: int) -> float:
        if self.first_year == self.last_year:
            return (self.left + self.right) / 2
        share = (year - self.first_year) / (self.last_year - self.first_year)
        return self.left + share * (self.right - self.left)

    def y(self, value: float) -> float:
        low, high = self.y_axis.low, self.y_axis.high
        share = (value - low) / (high - low)
        return self.bottom - share * (self.bottom - self.top)


def _with_legend_room(indicator: Indicator, layout: Layout) -> Layout:
    """One legend row more for earlier corridors: their entry goes below the others in both layouts."""
    if not indicator.revisions:
        return layout
    return replace(layout, height=layout.height + _LEGEND_ROW, margin_bottom=layout.margin_bottom + _LEGEND_ROW)


def _all_corridor_points(indicator: Indicator) -> list[CorridorPoint]:
    points = list(indicator.corridor)
    for revision in indicator.revisions:
        points.extend(revision.corridor)
    return points


def _frame(indicator: Indicator, layout: Layout) -> _Frame:
    corridor_points = _all_corridor_points(indicator)
    years = [point.year for point in corridor_points] + [m.year for m in indicator.values]
    numbers = [m.value for m in indicator.values]
    for point in corridor_points:
        numbers.extend((point.min, point.max))
    if not years:  # nothing at all to draw; keep the frame valid
        years, numbers = [0], [0.0]
    axis = nice_axis(min(numbers), max(numbers))
    widest = max(len(_tick_label(tick, axis.decimals)) for tick in axis.ticks)
    left = max(_MIN_MARGIN_LEFT, widest * layout.char_width + _TICK + 10)
    return _Frame(first_year=min(years), last_year=max(years), y_axis=axis, left=left, layout=layout)


def _axes(frame: _Frame, unit: str) -> Iterator[str]:
    """Grid lines, both axes with ticks and labels, and the unit above the y axis."""
    yield f'<g class="ikep-chart__axis" fill="{TEXT_COLOR}" font-size="{frame.layout.font_size}">'
    decimals = frame.y_axis.decimals
    for tick in frame.y_axis.ticks:
        y = _n(frame.y(tick))
        yield (
            f'<line x1="{_n(frame.left)}" y1="{y}" x2="{_n(frame.right)}" y2="{y}"'
            f' stroke="{TEXT_COLOR}" stroke-opacity="0.15" stroke-width="1"/>'
        )
        yield (
            f'<line x1="{_n(frame.left - _TICK)}" y1="{y}" x2="{_n(frame.left)}" y2="{y}"'
            f' stroke="{TEXT_COLOR}" stroke-width="1"/>'
        )
        yield (
            f'<text x="{_n(frame.left - _TICK - 4)}" y="{y}" text-anchor="end"'
            f' dy="0.35em">{_text(_tick_label(tick, decimals))}</text>'
        )
    if unit.strip():
        yield f'<text x="8" y="{_n(_MARGIN_TOP - 16)}">{_text(unit.strip())}</text>'
    yield from _x_axis(frame)
    yield (
        f'<line x1="{_n(frame.left)}" y1="{_n(frame.top)}" x2="{_n(frame.left)}"'
        f' y2="{_n(frame.bottom)}" stroke="{TEXT_COLOR}" stroke-width="1"/>'
    )
    yield "</g>"


def _x_axis(frame: _Frame) -> Iterator[str]:
    bottom = _n(frame.bottom)
    yield (
        f'<line x1="{_n(frame.left)}" y1="{bottom}" x2="{_n(frame.right)}" y2="{bottom}"'
        f' stroke="{TEXT_COLOR}" stroke-width="1"/>'
    )
    label_width = 4 * frame.layout.char_width + 14  # four digits and a gap
    max_labels = max(2, int((frame.right - frame.left) // label_width))
    labelled = _with_last_year(frame, year_labels(frame.first_year, frame.last_year, max_labels), label_width)
    for year in range(frame.first_year, frame.last_year + 1):
        x = _n(frame.x(year))
        length = _TICK if year in labelled else _TICK / 2
        yield (
            f'<line x1="{x}" y1="{bottom}" x2="{x}" y2="{_n(frame.bottom + length)}"'
            f' stroke="{TEXT_COLOR}" stroke-width="1"/>'
        )
        if year in labelled:
            baseline = _n(frame.bottom + _TICK + frame.layout.font_size + 2)
            yield f'<text x="{x}" y="{baseline}" text-anchor="middle">{year}</text>'


def _with_last_year(frame: _Frame, years: list[int], label_width: float) -> set[int]:
    """The labelled years plus the last one (mostly the target year), dropping a neighbour it would touch."""
    last = frame.last_year
    if last in years:
        return set(years)
    kept = [year for year in years if frame.x(last) - frame.x(year) >= label_width]
    return {*kept, last}


def _band(frame: _Frame, indicator: Indicator) -> Iterator[str]:
    """The corridor as one polygon: upper edge forward, lower edge backward.

    Drawn over the corridor's own span only: the chart shows where a corridor was set, even
    though the status compares values outside it with its nearest end.
    """
    if not indicator.corridor:
        return
    years = sorted({point.year for point in indicator.corridor})
    bands = [band_at(indicator.corridor, year) for year in years]
    upper = [(frame.x(year), frame.y(high)) for year, (_, high) in zip(years, bands, strict=True)]
    lower = [(frame.x(year), frame.y(low)) for year, (low, _) in zip(years, bands, strict=True)]
    yield (
        f'<polygon class="ikep-chart__band" points="{_points(upper + lower[::-1])}"'
        f' fill="{BAND_COLOR}" fill-opacity="{BAND_FILL_OPACITY}" stroke="{BAND_COLOR}"'
        ' stroke-width="2" stroke-linejoin="round"/>'
    )


def _revision_bands(frame: _Frame, indicator: Indicator) -> Iterator[str]:
    """Each earlier corridor as a dashed outline, under the current band; its tooltip names its end."""
    for revision in indicator.revisions:
        years = sorted({point.year for point in revision.corridor})
        bands = [band_at(revision.corridor, year) for year in years]
        upper = [(frame.x(year), frame.y(high)) for year, (_, high) in zip(years, bands, strict=True)]
        lower = [(frame.x(year), frame.y(low)) for year, (low, _) in zip(years, bands, strict=True)]
        title = t("revision_caption", until=format_date(revision.until))
        yield (
            f'<polygon class="ikep-chart__revision" points="{_points(upper + lower[::-1])}" fill="none"'
            f' stroke="{REVISION_COLOR}" stroke-width="2" stroke-dasharray="{REVISION_DASH}"'
            f' stroke-linejoin="round"><title>{_text(title)}</title></polygon>'
        )


def _values(frame: _Frame, indicator: Indicator) -> Iterator[str]:
    """The measured values as a line with a point (and its own tooltip title) per value."""
    measurements = sorted(indicator.values, key=lambda measurement: measurement.year)
    if not measurements:
        return
    coordinates = [(frame.x(m.year), frame.y(m.value)) for m in measurements]
    yield f'<g class="ikep-chart__values" fill="{TEXT_COLOR}" stroke="{TEXT_COLOR}">'
    if len(coordinates) > 1:
        yield (
            f'<polyline points="{_points(coordinates)}" fill="none" stroke-width="2.5"'
            ' stroke-linejoin="round" stroke-linecap="round"/>'
        )
    for measurement, (x, y) in zip(measurements, coordinates, strict=True):
        label = t(
            "chart_point",
            year=measurement.year,
            value=format_quantity(measurement.value, indicator.unit),
        )
        yield (
            f'<circle class="ikep-chart__point" cx="{_n(x)}" cy="{_n(y)}" r="{_POINT_RADIUS}"'
            f' stroke-width="0"><title>{_text(label)}</title></circle>'
        )
    yield "</g>"


def _legend(indicator: Indicator, layout: Layout) -> Iterator[str]:
    """What band and line mean, in words under the chart; only for what is drawn.

    Side by side in the wide layout; one below the other in the narrow one, where both would
    not fit in one row.
    """
    rows = 2 if layout.legend_rows and indicator.corridor and indicator.values else 1
    rows += 1 if indicator.revisions else 0
    y = layout.height - 16 - (rows - 1) * _LEGEND_ROW
    x = 8.0
    yield f'<g class="ikep-chart__legend" fill="{TEXT_COLOR}" font-size="{layout.font_size}">'
    if indicator.corridor:
        label = t("chart_legend_corridor")
        yield (
            f'<rect class="ikep-chart__band" x="{_n(x)}" y="{_n(y - 11)}" width="24" height="12"'
            f' fill="{BAND_COLOR}" fill-opacity="{BAND_FILL_OPACITY}" stroke="{BAND_COLOR}"'
            ' stroke-width="2"/>'
        )
        yield f'<text x="{_n(x + 32)}" y="{_n(y)}">{_text(label)}</text>'
        if layout.legend_rows:
            y += _LEGEND_ROW
        else:
            x += 32 + len(label) * layout.char_width + 24
    if indicator.values:
        label = t("chart_legend_values")
        yield (
            f'<line x1="{_n(x)}" y1="{_n(y - 5)}" x2="{_n(x + 24)}" y2="{_n(y - 5)}"'
            f' stroke="{TEXT_COLOR}" stroke-width="2.5"/>'
        )
        yield f'<circle cx="{_n(x + 12)}" cy="{_n(y - 5)}" r="{_POINT_RADIUS}"/>'
        yield f'<text x="{_n(x + 32)}" y="{_n(y)}">{_text(label)}</text>'
    if indicator.revisions:
        x, y = 8.0, layout.height - 16
        label = t("chart_legend_revision" if len(indicator.revisions) == 1 else "chart_legend_revisions")
        yield (
            f'<rect x="{_n(x)}" y="{_n(y - 11)}" width="24" height="12" fill="none"'
            f' stroke="{REVISION_COLOR}" stroke-width="2" stroke-dasharray="{REVISION_DASH}"/>'
        )
        yield f'<text x="{_n(x + 32)}" y="{_n(y)}">{_text(label)}</text>'
    yield "</g>"


def _corridor_sentence(indicator: Indicator) -> str:
    if not indicator.corridor:
        return t("chart_no_corridor")
    return t("chart_corridor", points=_points_in_words(indicator.corridor, indicator.unit))


def _points_in_words(corridor: Sequence[CorridorPoint], unit: str) -> str:
    """`2024 von 6,5 bis 8,5 %, 2030 von 4 bis 6 %`."""
    points = sorted(corridor, key=lambda point: point.year)
    return ", ".join(
        t(
            "chart_corridor_point",
            year=point.year,
            min=format_number(min(point.min, point.max)),
            max=format_quantity(max(point.min, point.max), unit),
        )
        for point in points
    )


def _step_candidates(span: float) -> Iterator[tuple[int, int]]:
    """(exponent, factor) pairs around the step that would give about five ticks."""
    around = math.floor(math.log10(span / 5))
    for exponent in range(around - 1, around + 2):
        for factor in _NICE_FACTORS:
            yield exponent, factor


class _Choice(NamedTuple):
    """A candidate axis by its first and last tick index; the ticks are made for the winner only."""

    first: int
    last: int
    step: float
    decimals: int
    waste: float


def _axis_choices(low: float, high: float, exponent: int, factor: int) -> list[_Choice]:
    """For one step: the axis ending on ticks and the axis ending at the data, with their waste.

    Waste is the axis span over the data span; ticks inside the data count a little more
    than a perfect fit, so that a snug enclosing axis is preferred.
    """
    step = factor * 10.0**exponent
    decimals = max(0, -exponent)
    span = high - low
    choices = []
    first, last = math.floor(low / step + _EPS), math.ceil(high / step - _EPS)
    if first <= last:
        axis_low, axis_high = min(low, _tick(first, step, decimals)), max(high, _tick(last, step, decimals))
        choices.append(_Choice(first, last, step, decimals, (axis_high - axis_low) / span))
    first, last = math.ceil(low / step - _EPS), math.floor(high / step + _EPS)
    if first <= last:
        axis_low, axis_high = min(low, _tick(first, step, decimals)), max(high, _tick(last, step, decimals))
        choices.append(_Choice(first, last, step, decimals, max(_INNER_WASTE, (axis_high - axis_low) / span)))
    return choices


def _tick(index: int, step: float, decimals: int) -> float:
    # Multiply integers, then round: 3 * 0.1 must be 0.3, not 0.30000000000000004.
    return round(index * step, decimals) + 0.0


def _ticks(first: int, last: int, step: float, decimals: int) -> tuple[float, ...]:
    return tuple(_tick(index, step, decimals) for index in range(first, last + 1))


def _tick_label(value: float, decimals: int) -> str:
    return format_number(value, decimals=decimals)


def _safe_id(chart_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", chart_id) or "ikep-chart"


def _points(coordinates: list[tuple[float, float]]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in coordinates)


def _n(value: float) -> str:
    """A coordinate for SVG: a dot as decimal mark, one decimal is plenty at this size."""
    return f"{value:.1f}"


def _text(value: str) -> str:
    """Escape text for an SVG element or attribute (editor text may hold `<`, `&`, quotes)."""
    return str(escape(value))
