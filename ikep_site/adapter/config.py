"""The plugin's options as MkDocs keeps them, and what a build reads from the MkDocs configuration."""

from __future__ import annotations

import os
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig

from ..content.loader import DEFAULT_FOLDERS
from ..content.plugin_options import (
    DEFAULT_HOSTING,
    DEFAULT_LICENCE,
    DEFAULT_LICENCE_URL,
    LOADED_ELSEWHERE,
    PluginOptions,
    read_options,
)
from ..formatting import BERLIN
from ..render.dcat import CatalogueInfo
from ..render.html import DEFAULT_TILES


def _sub_config(name: str, defaults: dict[str, str]) -> type[base.Config]:
    """A config class with one text option per key, made from the defaults the core names."""
    return type(name, (base.Config,), {key: c.Type(str, default=value) for key, value in defaults.items()})


# Class-based like the rest, with the defaults from where they are decided: the folders from the registry
# of kinds, the tiles from the renderer. Their values arrive checked (see `checked_options`).
FoldersConfig = _sub_config("FoldersConfig", {kind.value: folder for kind, folder in DEFAULT_FOLDERS.items()})
TilesConfig = _sub_config("TilesConfig", asdict(DEFAULT_TILES))


class IkepConfig(base.Config):
    """What MkDocs keeps of the options: whatever YAML gives (or checked sub-options), so MkDocs never
    rejects one itself.

    content/plugin_options.py checks them (in German, with the line in mkdocs.yml) before MkDocs
    sees them, and hands MkDocs the checked values; see `IkepPlugin.load_config`.
    """

    process = c.Optional(c.Type(object))
    operator = c.Optional(c.Type(object))
    folders = c.SubConfig(FoldersConfig)
    hosting = c.Type(object, default=DEFAULT_HOSTING)
    build_date = c.Optional(c.Type(object))
    # Background tiles, loaded only when a reader asks for them (see render/maps.py).
    tiles = c.SubConfig(TilesConfig)
    data_licence = c.Type(object, default=DEFAULT_LICENCE)
    data_licence_url = c.Type(object, default=DEFAULT_LICENCE_URL)
    # GovData's ID of the data provider, for the DCAT-AP.de catalogue (render/dcat.py).
    dcat_contributor = c.Optional(c.Type(object))
    report_pdf = c.Type(object, default=True)
    report_pdf_processes = c.Type(object, default=False)
    # Accepted so that earlier configurations still build; the pages are made in one process.
    parallel = c.Type(object, default=True)
    # The web editor at admin/ (ikep_site/editor/options.py), checked like the rest.
    editor = c.Type(object, default=True)


def checked_options(options: dict[str, Any], config_file_path: str | None) -> tuple[PluginOptions, dict[str, Any]]:
    """The options through our parser, and what MkDocs gets of them: only known keys, checked values.

    So MkDocs neither rejects an option in English without a line nor warns about an unknown
    one: both are reported in German with the line (in on_files, with the content's problems).
    """
    config_file = Path(config_file_path) if config_file_path else None
    display = config_file.name if config_file else "mkdocs.yml"
    checked = read_options(config_file, display, options)
    kept = {key: options[key] for key in LOADED_ELSEWHERE if key in options}
    return checked, {**kept, **checked.checked_values()}


def build_date(options: PluginOptions) -> date:
    """The date that decides phases and call states: fixed for reproducible builds."""
    if options.build_date is not None:
        return options.build_date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).astimezone(BERLIN).date()
    return datetime.now(tz=BERLIN).date()


def site_url(config: MkDocsConfig) -> str | None:
    """The site's address, ending in "/", or None where mkdocs.yml gives none."""
    url = config.site_url
    return None if not url else (url if url.endswith("/") else url + "/")


def catalogue_info(config: MkDocsConfig, options: PluginOptions, url: str | None) -> CatalogueInfo | None:
    """What the DCAT-AP.de catalogue takes from mkdocs.yml; None without site_url (no absolute links).

    MkDocs accepts any scheme in site_url; the catalogue's addresses are http(s) only (render/turtle.py).
    """
    if url is None or not url.lower().startswith(("http://", "https://")):
        return None
    return CatalogueInfo(
        title=config.site_name,
        description=config.site_description or "",
        licence=options.data_licence,
        licence_url=options.data_licence_url,
        contributor_id=options.dcat_contributor,
    )


def config_dir(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: where the editor's paths and the workflows are found from."""
    return Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
