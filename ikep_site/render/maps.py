"""Interactive maps built with folium (Leaflet), as a German public body may publish them.

- Nothing from a CDN: folium's default JS/CSS lists are emptied per map (never the shared class
  lists), and the page loads the Leaflet copy shipped in `ikep_site/assets/leaflet/`.
- No background tiles until the reader asks: `ikep-maps.js` shows a consent button that adds the
  tile layer; the choice is remembered only if the reader ticks that option.
- Boundaries come from one shared, simplified GeoJSON file per boundary file of the site, fetched
  by every map that needs it, instead of being inlined on every page.
- Without JavaScript the figure shows a static SVG of the same shapes, rendered at build time.
- folium gives every element a random id; we number them, so two builds are byte-identical.

Editor text never reaches folium's templates unescaped: labels travel as JSON (`tojson`) and are
put into the page as text nodes by `ikep-maps.js`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import branca.element
import folium
from branca.element import Element, MacroElement
from jinja2 import Template
from markupsafe import Markup, escape

from ..labels import MAP_LABELS


@functools.lru_cache(maxsize=256)
def _compiled_template(source: str) -> Template:
    return Template(source)  # type: ignore[no-any-return]


class _Literal:
    """Text that branca treats as a template although it holds no template syntax."""

    def __init__(self, text: str) -> None:
        # What Jinja would render from it: the same text less one trailing newline.
        self.text = text[:-1] if text.endswith("\n") else text

    def render(self, *args: object, **kwargs: object) -> str:
        return self.text


def _template(source: str) -> Template | _Literal:
    if "{{" in source or "{%" in source or "{#" in source:
        return _compiled_template(source)
    return _Literal(source)


# branca compiles a Jinja template for every element it creates, including the already rendered
# script of every marker and layer of every map: most of the time a map takes, and it grows with
# the number of maps. Text without template syntax needs no compiling; the rest is compiled once.
branca.element.Template = _template  # type: ignore[assignment, attr-defined]
# Every element's JavaScript name is worked out from its class name character by character, about
# twenty times per map; there are a handful of class names.
branca.element._camelify = functools.lru_cache(maxsize=64)(branca.element._camelify)  # type: ignore[attr-defined]


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


class _SharedGeoJson(MacroElement):
    """Adds a layer from a shared GeoJSON file; ikep-maps.js fetches and filters it."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "ikepMaps.addGeoJson({{ this._parent.get_name() }}, {{ this.options|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, layer: GeoLayer) -> None:
        super().__init__()
        self._name = "SharedGeoJson"
        self.options = {
            "url": layer.url,
            "key": layer.key,
            "members": list(layer.members),
            "labelProperty": layer.label_property,
            "label": layer.label,
            "link": layer.link,
            "style": layer.style,
        }


class _MarkerLink(MacroElement):
    """Makes a marker lead to a page, by click and by Enter (Leaflet markers take keyboard focus)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "ikepMaps.linkMarker({{ this._parent.get_name() }}, {{ this.url|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, url: str) -> None:
        super().__init__()
        self._name = "MarkerLink"
        self.url = url


class _Consent(MacroElement):
    """Registers the map with ikep-maps.js, which offers the background tiles on request."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "ikepMaps.setup({{ this._parent.get_name() }}, {{ this.options|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, tiles: TileSource, bounds: tuple[float, float, float, float]) -> None:
        super().__init__()
        self._name = "Consent"
        min_lon, min_lat, max_lon, max_lat = bounds
        self.options = {
            "bounds": [[min_lat, min_lon], [max_lat, max_lon]],
            "url": tiles.url,
            "referrerPolicy": tiles.referrer_policy,
            "attribution": str(Markup('<a href="{}">{}</a>').format(tiles.attribution_url, tiles.attribution)),
        }


def map_html(view: MapView) -> str:
    """The map block: static SVG, interactive map, consent controls and source notes."""
    figure_id = _identifier(view.map_id)
    folium_map = _folium_map(view, figure_id)
    root: Any = folium_map.get_root()  # a branca Figure
    # What Figure.render does, less its last step: the whole HTML document it would assemble
    # (rendering html and script a second time) is never used.
    for child in root._children.values():
        child.render()
    canvas = root.html.render()
    script = root.script.render()
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
        f"<script>{_compact(script)}</script>"
        "</div>"
    )


def _e(text: str) -> str:
    """Text or an attribute value, escaped for HTML (editor text reaches every one of them)."""
    return str(escape(text))


def _folium_map(view: MapView, figure_id: str) -> folium.Map:
    min_lon, min_lat, max_lon, max_lat = view.bounds
    folium_map = folium.Map(
        location=[(min_lat + max_lat) / 2, (min_lon + max_lon) / 2],
        zoom_start=10,
        tiles=None,
        control_scale=True,
        # A map that scrolls the page away under a reader's finger or mouse wheel is a trap.
        scrollWheelZoom=False,
    )
    # Per map, never the shared class lists: nothing from folium's four CDN hosts.
    folium_map.default_js = []
    folium_map.default_css = []
    folium_map.fit_bounds([[min_lat, min_lon], [max_lat, max_lon]])
    for layer in view.layers:
        folium_map.add_child(_SharedGeoJson(layer))
    for marker in view.markers:
        point = folium.Marker([marker.lat, marker.lon], title=marker.label, alt=marker.label, keyboard=True)
        if marker.link:
            point.add_child(_MarkerLink(marker.link))
        folium_map.add_child(point)
    folium_map.add_child(_Consent(view.tiles, view.bounds))
    _number_elements(folium_map, figure_id)
    return folium_map


def _number_elements(root: Element, prefix: str) -> None:
    """Replace folium's random ids by a counter, for byte-identical builds."""
    for number, element in enumerate(_walk(root)):
        element._id = f"{prefix.replace('-', '_')}_{number}"


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in element._children.values():
        yield from _walk(child)


def _identifier(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-") or "ikep-map"


def _compact(script: str) -> str:
    """folium's script without blank lines (Markdown never sees it, but pages stay small)."""
    return "\n".join(line.strip() for line in script.splitlines() if line.strip())


def layers_bounds(bounds: Sequence[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    """The box around several boxes."""
    return (
        min(b[0] for b in bounds),
        min(b[1] for b in bounds),
        max(b[2] for b in bounds),
        max(b[3] for b in bounds),
    )
