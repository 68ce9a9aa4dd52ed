"""Work a build need not do: what made the CPU time of a build larger than it has to be."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from markupsafe import Markup

from ikep_site import placeholders
from ikep_site.render import leaflet
from ikep_site.render.maps import GeoLayer, MapMarker, MapView, TileSource, map_html
from ikep_site.render.searchable import unsearched


def test_search_markers_are_not_checked_as_misspelt_placeholders(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every listing, chart and map is wrapped in two markers; each once cost a fuzzy name match."""
    asked: list[str] = []

    def counting(value: str, choices: object) -> str:
        asked.append(value)
        return ""

    monkeypatch.setattr(placeholders, "did_you_mean", counting)
    html = f"<p>Text</p>{unsearched('<div>Karte</div>')}<!-- ikep Redaktion bitte prüfen -->"
    assert list(placeholders.candidates(html)) == []
    # The editor's note is still looked at (it might be a misspelt placeholder); the markers are not.
    assert asked == ["redaktion"]


# Maps: written out directly, the same bytes folium rendered --------------------------------------

TILES = TileSource(
    url="https://tiles.example.org/{z}/{x}/{y}.png",
    attribution="© Beispiel & Co <Karten>",
    attribution_url="https://example.org/?a=1&b=2",
    referrer_policy="strict-origin-when-cross-origin",
    name="Beispielkarte",
)
TRICKY = 'Radweg "Lautertal" </script><b>&amp; l\'Été ✓ \u2028'


def _views() -> list[MapView]:
    layer = GeoLayer(url="../geo/kreise.geojson", key="ARS", members=("07233", "07111"), numbered=True)
    outline = GeoLayer(
        url="../geo/kreise.geojson", key="AGS", members=(), label=TRICKY, link="../raeume/x/", style="outline"
    )
    markers = (
        MapMarker(lat=49.52, lon=7.73, label=TRICKY, link="../projekte/laden/?x=<1>&y='2'"),
        MapMarker(lat=50, lon=7, label="Ohne Link"),
        MapMarker(lat=49.123456789, lon=7.000000001, label="Zweiter", link="../projekte/b/"),
    )
    base = MapView(
        map_id="karte-test", title=TRICKY, bounds=(7.0, 49.0, 8.0, 50.0), static_svg="<svg></svg>", tiles=TILES
    )
    return [
        base,
        replace(base, map_id="Karte Ä-1", layers=(layer,)),
        replace(base, layers=(layer, outline), markers=markers, bounds=(6.385, 50.0734, 7.0704, 50.3895)),
        replace(base, markers=markers[1:2], bounds=(7, 49, 8, 50), small=True),
    ]


def _folium_canvas_and_script(view: MapView, figure_id: str) -> tuple[str, str]:
    """How the maps were made before: folium 0.20's element tree, numbered, rendered."""
    import folium
    from branca.element import MacroElement
    from jinja2 import Template

    class Call(MacroElement):
        _template = Template(
            "{% macro script(this, kwargs) %}"
            "ikepMaps.{{ this.function }}({{ this._parent.get_name() }}, {{ this.argument|tojson }});"
            "{% endmacro %}"
        )

        def __init__(self, function: str, argument: object) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self.function, self.argument = function, argument

    min_lon, min_lat, max_lon, max_lat = view.bounds
    bounds = [[min_lat, min_lon], [max_lat, max_lon]]
    folium_map = folium.Map(
        location=[(min_lat + max_lat) / 2, (min_lon + max_lon) / 2],
        zoom_start=10,
        tiles=None,
        control_scale=True,
        scrollWheelZoom=False,
    )
    folium_map.default_js, folium_map.default_css = [], []
    folium_map.fit_bounds(bounds)
    for layer in view.layers:
        options = {
            "url": layer.url,
            "key": layer.key,
            "members": list(layer.members),
            "labelProperty": layer.label_property,
            "label": layer.label,
            "link": layer.link,
            "style": layer.style,
            "numbered": layer.numbered,
        }
        folium_map.add_child(Call("addGeoJson", options))
    for marker in view.markers:
        point = folium.Marker([marker.lat, marker.lon], title=marker.label, alt=marker.label, keyboard=True)
        if marker.link:
            point.add_child(Call("linkMarker", marker.link))  # type: ignore[no-untyped-call]
        folium_map.add_child(point)
    attribution = str(Markup('<a href="{}">{}</a>').format(view.tiles.attribution_url, view.tiles.attribution))
    consent = {"bounds": bounds, "url": view.tiles.url, "referrerPolicy": view.tiles.referrer_policy}
    folium_map.add_child(Call("setup", {**consent, "attribution": attribution}))

    def walk(element: Any) -> Iterator[Any]:
        yield element
        for child in element._children.values():
            yield from walk(child)

    for number, element in enumerate(walk(folium_map)):
        element._id = f"{figure_id.replace('-', '_')}_{number}"
    root: Any = folium_map.get_root()
    for child in root._children.values():
        child.render()
    script = root.script.render()
    # folium's Map knows only control_scale=True (miles beside kilometres); our maps ask Leaflet for
    # the metric scale alone, the one argument in which they differ from what folium wrote.
    assert script.count("L.control.scale()") == 1
    return root.html.render(), script.replace("L.control.scale()", 'L.control.scale({"imperial": false})')


@pytest.mark.parametrize("index", range(4))
def test_maps_are_the_bytes_folium_rendered(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _views()[index]
    written = map_html(view)
    monkeypatch.setattr(leaflet, "canvas_and_script", _folium_canvas_and_script)
    assert written == map_html(view)


def test_building_maps_does_not_import_folium() -> None:
    """folium and numpy took a quarter of a second to import in every build with a map."""
    script = (
        "import sys\n"
        "from ikep_site.render.maps import GeoLayer, MapMarker, MapView, map_html\n"
        "from ikep_site.render.html import DEFAULT_TILES\n"
        "view = MapView(map_id='k', title='K', bounds=(7.0, 49.0, 8.0, 50.0), static_svg='', tiles=DEFAULT_TILES,\n"
        "    layers=(GeoLayer(url='g.geojson', key='AGS', members=('1',)),),\n"
        "    markers=(MapMarker(49.5, 7.5, 'M', 'x/'),))\n"
        "assert 'L.marker' in map_html(view)\n"
        "print(sorted(name for name in ('folium', 'branca', 'numpy') if name in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_editor_text_in_a_map_is_not_read_as_a_template() -> None:
    """folium's branca compiled every rendered script as Jinja: `{{ 7*7 }}` in a title became 49."""
    marker = MapMarker(lat=49.5, lon=7.5, label="Projekt {{ 7*7 }} {% raw %}", link="../p/")
    view = replace(_views()[0], markers=(marker,))
    html = map_html(view)
    assert '"title": "Projekt {{ 7*7 }} {% raw %}"' in html
