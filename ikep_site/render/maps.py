"""Interactive Leaflet maps, as a German public body may publish them.

- Nothing from a CDN: the page loads the Leaflet copy shipped in `ikep_site/assets/leaflet/`.
- No background tiles until the reader asks: `ikep-maps.js` shows a consent button that adds the
  tile layer; the choice is remembered only if the reader ticks that option.
- Boundaries come from simplified GeoJSON files of only the shapes an area's map shows (one per
  set of members, shared by every page that shows it), instead of being inlined on every page.
- Leaflet and ikep-maps.js load with `defer`, so they do not hold up the page; the map's own
  script waits for them (DOMContentLoaded comes after deferred scripts have run).
- Without JavaScript the figure shows a static SVG of the same shapes, rendered at build time.
- The script is written by render/leaflet.py (the bytes folium made, without folium); its
  elements are numbered, so two builds are byte-identical.

Editor text never reaches the script unescaped: labels travel as JSON and are put into the page
as text nodes by `ikep-maps.js`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import escape

from ..labels import MAP_LABELS


@dataclass(frozen=True)
class GeoLayer:
    """Shapes from a shared GeoJSON file: the features whose `key` is one of `members`."""

    url: str  # of the shared file, relative to the page
    key: str
    members: tuple[str, ...]
    label_property: str = "GEN"  # tooltip per shape
    label: str | None = None  # one tooltip for the whole layer (an area's title)
    link: str | None = None  # where a click or Enter leads
    style: str = "members"  # members | area | outline | context
    numbered: bool = False  # each shape labelled with its place in `members`, from 1 (the list is the legend)


@dataclass(frozen=True)
class MapMarker:
    lat: float
    lon: float
    label: str
    link: str | None = None


@dataclass(frozen=True)
class TileSource:
    url: str
    attribution: str
    attribution_url: str
    referrer_policy: str
    name: str


@dataclass(frozen=True)
class MapView:
    map_id: str
    title: str
    bounds: tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat
    static_svg: str
    tiles: TileSource
    layers: tuple[GeoLayer, ...] = ()
    markers: tuple[MapMarker, ...] = ()
    attributions: tuple[tuple[str, str | None], ...] = ()  # source notes of the boundary data
    links: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (label, url): the list for keyboards
    small: bool = False


def map_html(view: MapView) -> str:
    """The map block: static SVG, interactive map, consent controls and source notes."""
    from .leaflet import canvas_and_script

    figure_id = _identifier(view.map_id)
    canvas, script = canvas_and_script(view, figure_id)
    labels = MAP_LABELS
    # Plain f-strings with every value escaped by hand: Markup.format's string.Formatter took a
    # fifth of the time of a map.
    consent = (
        '<div class="ikep-map__consent" hidden>'
        f'<p class="ikep-map__consent-text">{_e(labels["consent_text"].format(name=view.tiles.name))}</p>'
        '<button type="button" class="md-button ikep-map__load">'
        f"{_e(labels['consent_button'].format(name=view.tiles.name))}</button> "
        f'<label class="ikep-map__remember"><input type="checkbox"> {_e(labels["consent_remember"])}</label>'
        "</div>"
    )
    notes = " · ".join(f'<a href="{_e(url)}">{_e(text)}</a>' if url else _e(text) for text, url in view.attributions)
    links = ""
    if view.links:
        items = "".join(f'<li><a href="{_e(url)}">{_e(label)}</a></li>' for label, url in view.links)
        links = f'<ul class="ikep-map__links" aria-label="{_e(labels["links_label"])}">{items}</ul>'
    size = " ikep-map--small" if view.small else ""
    figure = _e(figure_id)
    return (
        f'<div class="ikep-map{size}" id="{figure}" role="group" '
        f'aria-label="{_e(labels["map_of"].format(title=view.title))}" data-ikep-map>'
        f'<div class="ikep-map__static">{view.static_svg}</div>'
        f'<div class="ikep-map__canvas" role="region" '
        f'aria-label="{_e(labels["interactive_label"].format(title=view.title))}">{canvas.strip()}</div>'
        f"{consent}"
        f'<p class="ikep-attribution">{notes}</p>'
        f"{links}"
        f'<script>document.getElementById("{figure}").classList.add("ikep-map--js");</script>'
        f'<script>document.addEventListener("DOMContentLoaded", function () {{\n{_compact(script)}\n}});</script>'
        "</div>"
    )


def _e(text: str) -> str:
    """Text or an attribute value, escaped for HTML (editor text reaches every one of them)."""
    return str(escape(text))


def _identifier(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-") or "ikep-map"


def _compact(script: str) -> str:
    """The script without blank lines (Markdown never sees it, but pages stay small)."""
    return "\n".join(line.strip() for line in script.splitlines() if line.strip())


def layers_bounds(bounds: Sequence[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    """The box around several boxes."""
    return (
        min(b[0] for b in bounds),
        min(b[1] for b in bounds),
        max(b[2] for b in bounds),
        max(b[3] for b in bounds),
    )
