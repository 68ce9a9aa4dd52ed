"""What the package adds to every site: its templates before the theme's, its CSS, scripts and map scripts."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..outputs import Owner
from ..render.searchable import unsearched
from ..urls import Linker

PACKAGE_DIR = Path(__file__).parent.parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
ASSETS_DIR = PACKAGE_DIR / "assets"
ASSET_PREFIX = "assets/ikep"
ASSET_OWNER = Owner("owner_asset")
MAP_MARK = "data-ikep-map"


def add_to_theme(config: MkDocsConfig) -> None:
    """Our templates, style sheets and scripts, each once however often the configuration is loaded."""
    dirs = config.theme.dirs
    # After the site's own overrides, before the theme: a site can still replace our templates.
    position = 1 if config.theme.custom_dir else 0
    if str(TEMPLATES_DIR) not in dirs:
        dirs.insert(position, str(TEMPLATES_DIR))
    for name in sorted(p.name for p in ASSETS_DIR.glob("*.css")):
        if f"{ASSET_PREFIX}/{name}" not in config.extra_css:
            config.extra_css.append(f"{ASSET_PREFIX}/{name}")
    for name in sorted(p.name for p in ASSETS_DIR.glob("*.js")):
        if f"{ASSET_PREFIX}/{name}" not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(f"{ASSET_PREFIX}/{name}")


def with_map_scripts(html: str, src_uri: str, use_directory_urls: bool) -> str:
    return map_scripts(src_uri, use_directory_urls) + html if MAP_MARK in html else html


def map_scripts(src_uri: str, use_directory_urls: bool) -> str:
    """Leaflet and our map script, from the site itself, before the first map of the page.

    Deferred, so they do not block rendering; the maps' scripts run on DOMContentLoaded, after them.
    """
    link = Linker(src_uri, use_directory_urls)
    # str(): a Markup would escape the page it is prepended to.
    return str(
        unsearched(
            f'<link rel="stylesheet" href="{link.to(ASSET_PREFIX + "/leaflet/leaflet.css")}">'
            f'<script defer src="{link.to(ASSET_PREFIX + "/leaflet/leaflet.js")}"></script>'
            f'<script defer src="{link.to(ASSET_PREFIX + "/maps/ikep-maps.js")}"></script>\n'
        )
    )
