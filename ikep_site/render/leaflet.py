"""The Leaflet part of a map: the canvas element and its script, from a `MapView`.

The script is what folium 0.20 rendered for our maps, written out directly: a map, its fitting
to the bounds, the shared GeoJSON layers, the markers with their links and the consent setup.
Building folium's element tree and rendering its Jinja templates for every map took most of the
time of a map, and importing folium (with branca and numpy) a quarter of a second per build;
tests/test_build_speed.py checks that the bytes stay the same as folium's.

Elements are numbered in the order folium walked them (the map 0, its fit 1, then every layer,
marker and marker link, the consent call last), so two builds are byte-identical.

Editor text reaches the script only as JSON with `<`, `>`, `&` and `'` escaped, so it cannot end
the script element or open markup.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from .maps import GeoLayer, MapView, TileSource

# folium's Map options for our maps (zoom_start=10, scrollWheelZoom=False), as it wrote them.
_MAP_OPTIONS = ('"zoom": 10,', '"zoomControl": true,', '"preferCanvas": false,', '"scrollWheelZoom": false,')


def _json(value: object, *, sort_keys: bool) -> str:
    """JSON that is safe inside a script element, escaped as Jinja's and folium's filters do."""
    text = json.dumps(value, sort_keys=sort_keys)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")


def _tojson(value: object) -> str:
    """Jinja's `tojson` (sorted keys), which folium used for locations, bounds and our calls."""
    return _json(value, sort_keys=True)


def canvas_and_script(view: MapView, figure_id: str) -> tuple[str, str]:
    """The map's HTML element and its script, one statement part per line."""
    prefix = figure_id.replace("-", "_")
    map_name = f"map_{prefix}_0"
    min_lon, min_lat, max_lon, max_lat = view.bounds
    bounds = [[min_lat, min_lon], [max_lat, max_lon]]
    center = [float((min_lat + max_lat) / 2), float((min_lon + max_lon) / 2)]
    lines = [
        f"var {map_name} = L.map(",
        _tojson(map_name) + ",",
        "{",
        f"center: {_tojson(center)},",
        "crs: L.CRS.EPSG3857,",
        "...{",
        *_MAP_OPTIONS,
        "}",
        "}",
        ");",
        # Metric only: folium's control_scale added miles beside the kilometres.
        f'L.control.scale({{"imperial": false}}).addTo({map_name});',
        f"{map_name}.fitBounds(",
        _tojson(bounds) + ",",
        "{}",
        ");",
    ]
    number = 2  # after the map and its fit
    for layer in view.layers:
        lines.append(_call("addGeoJson", map_name, _layer_options(layer)))
        number += 1
    for marker in view.markers:
        marker_name = f"marker_{prefix}_{number}"
        number += 1
        location = [float(marker.lat), float(marker.lon)]
        options = {"title": marker.label, "alt": marker.label, "keyboard": True}
        lines += [f"var {marker_name} = L.marker(", _tojson(location) + ",", "{"]
        lines += [f'"{key}": {_json(value, sort_keys=False)},' for key, value in options.items()]
        lines += ["}", f").addTo({map_name});"]
        if marker.link:
            # Makes a marker lead to a page, by click and by Enter (Leaflet markers take focus).
            lines.append(_call("linkMarker", marker_name, marker.link))
            number += 1
    lines.append(_call("setup", map_name, _consent_options(view.tiles, bounds)))
    canvas = f'<div class="folium-map" id={_tojson(map_name)} ></div>'
    return canvas, "\n".join(lines)


def _call(function: str, target: str, argument: object) -> str:
    """A call into ikep-maps.js with the map or a marker and one JSON value."""
    return f"ikepMaps.{function}({target}, {_tojson(argument)});"


def _layer_options(layer: GeoLayer) -> dict[str, object]:
    """A layer from a shared GeoJSON file; ikep-maps.js fetches and filters it."""
    return {
        "url": layer.url,
        "key": layer.key,
        "members": list(layer.members),
        "labelProperty": layer.label_property,
        "label": layer.label,
        "link": layer.link,
        "style": layer.style,
        "numbered": layer.numbered,
    }


def _consent_options(tiles: TileSource, bounds: list[list[float]]) -> dict[str, object]:
    """Registers the map with ikep-maps.js, which offers the background tiles on request."""
    return {
        "bounds": bounds,
        "url": tiles.url,
        "referrerPolicy": tiles.referrer_policy,
        "attribution": str(Markup('<a href="{}">{}</a>').format(tiles.attribution_url, tiles.attribution)),
    }
