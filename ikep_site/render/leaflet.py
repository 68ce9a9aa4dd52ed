"""The folium part of a map: the Leaflet canvas and script, from a `MapView`.

Kept apart from `maps.py` because importing folium (with branca and numpy) takes a quarter of a
second: a site without maps never pays it.

folium gives every element a random id; we number them, so two builds are byte-identical.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import branca.element
import folium
from branca.element import Element, MacroElement
from jinja2 import Template
from markupsafe import Markup

from .maps import GeoLayer, MapView, TileSource


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


class _IkepCall(MacroElement):
    """A call into ikep-maps.js with the element's parent (the map or a marker) and one JSON value."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "ikepMaps.{{ this.function }}({{ this._parent.get_name() }}, {{ this.argument|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, function: str, argument: object) -> None:
        super().__init__()
        self._name = "IkepCall"
        self.function = function  # one of ours, never an editor's text
        self.argument = argument


def _shared_geojson(layer: GeoLayer) -> _IkepCall:
    """Adds a layer from a shared GeoJSON file; ikep-maps.js fetches and filters it."""
    options = {
        "url": layer.url,
        "key": layer.key,
        "members": list(layer.members),
        "labelProperty": layer.label_property,
        "label": layer.label,
        "link": layer.link,
        "style": layer.style,
    }
    return _IkepCall("addGeoJson", options)


def _marker_link(url: str) -> _IkepCall:
    """Makes a marker lead to a page, by click and by Enter (Leaflet markers take keyboard focus)."""
    return _IkepCall("linkMarker", url)


def _consent(tiles: TileSource, bounds: tuple[float, float, float, float]) -> _IkepCall:
    """Registers the map with ikep-maps.js, which offers the background tiles on request."""
    min_lon, min_lat, max_lon, max_lat = bounds
    options = {
        "bounds": [[min_lat, min_lon], [max_lat, max_lon]],
        "url": tiles.url,
        "referrerPolicy": tiles.referrer_policy,
        "attribution": str(Markup('<a href="{}">{}</a>').format(tiles.attribution_url, tiles.attribution)),
    }
    return _IkepCall("setup", options)


def canvas_and_script(view: MapView, figure_id: str) -> tuple[str, str]:
    """The map's HTML element and its script, as folium renders them."""
    folium_map = _folium_map(view, figure_id)
    root: Any = folium_map.get_root()  # a branca Figure
    # What Figure.render does, less its last step: the whole HTML document it would assemble
    # (rendering html and script a second time) is never used.
    for child in root._children.values():
        child.render()
    return root.html.render(), root.script.render()


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
        folium_map.add_child(_shared_geojson(layer))
    for marker in view.markers:
        point = folium.Marker([marker.lat, marker.lon], title=marker.label, alt=marker.label, keyboard=True)
        if marker.link:
            point.add_child(_marker_link(marker.link))
        folium_map.add_child(point)
    folium_map.add_child(_consent(view.tiles, view.bounds))
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
