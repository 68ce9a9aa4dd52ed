"""admin/ in the build: the web editor's page, its generated configuration and Decap's files.

Decap's files are copied from the package as they are (like the maps' Leaflet), never read into
memory; the configuration is made anew from the specs in every build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..editor.config import SITE_SCRIPT, Repository, dump, editor_config, repository
from ..editor.options import EditorOptions
from ..editor.page import editor_page, notice_page
from ..model import Kind, Site
from ..outputs import Collision, Owner
from .files import replace

ADMIN_DIR: Final = "admin"
VENDOR_DIR: Final = Path(__file__).parent.parent / "vendor"
EDITOR_DIR: Final = Path(__file__).parent.parent / "editor"
EDITOR_OWNER: Final = Owner("owner_web_editor")


def site_repository(config: MkDocsConfig) -> Repository | None:
    return repository(config.repo_url, config.edit_uri, Path(config.docs_dir).name)


def add_editor_files(
    files: Files, config: MkDocsConfig, site: Site, folders: dict[Kind, str], options: EditorOptions, url: str | None
) -> list[Collision]:
    """admin/ with the editor, or with a page that says what it needs; nothing when it is off."""
    if not options.enabled:
        return []
    repo = site_repository(config)
    collisions: list[Collision] = []

    def put(file: File) -> None:
        collisions.extend(replace(files, file, EDITOR_OWNER))

    if repo is None:
        put(File.generated(config, f"{ADMIN_DIR}/index.html", content=notice_page(config.site_name)))
        return collisions
    put(File.generated(config, f"{ADMIN_DIR}/index.html", content=editor_page(config.site_name)))
    made = dump(editor_config(site, folders, repo, options, url))
    put(File.generated(config, f"{ADMIN_DIR}/config.yml", content=made))
    put(File.generated(config, f"{ADMIN_DIR}/{SITE_SCRIPT}", abs_src_path=str(EDITOR_DIR / SITE_SCRIPT)))
    for folder in ("decap", "js-yaml"):
        for path in sorted((VENDOR_DIR / folder).iterdir()):
            if path.is_file() and path.name != "VERSION":
                put(File.generated(config, f"{ADMIN_DIR}/{folder}/{path.name}", abs_src_path=str(path)))
    return collisions
