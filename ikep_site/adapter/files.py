"""The files of a build: generated pages and files put in beside the editor's, and who owns each address.

Two outputs at one address are collisions, reported to the editor; a generated file replaces an
editor's only after that report.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..content.loader import PROCESS_FILE
from ..model import Kind, Site
from ..outputs import Collision, Outputs, Owner, shared_addresses
from ..pages import PagePlan, plan
from .assets import ASSET_OWNER, ASSET_PREFIX, ASSETS_DIR


def add_planned_pages(
    files: Files, config: MkDocsConfig, site: Site, folders: dict[Kind, str], docs_dir: Path
) -> dict[str, PagePlan]:
    """The pages the plugin owns, by src_uri; those no editor wrote are generated into `files`."""
    existing = {file.src_uri for file in files.documentation_pages()}
    plans: dict[str, PagePlan] = {}
    for page_plan in plan(site, folders, existing):
        plans[page_plan.src_uri] = page_plan
        if page_plan.generated:
            generated = File.generated(config, page_plan.src_uri, content=page_plan.markdown)
            source = _edit_source(page_plan, docs_dir)
            if source is not None:
                generated.edit_uri = source  # the "edit" button leads to the editor's file
            replace(files, generated)
    return plans


def add_asset_files(files: Files, config: MkDocsConfig) -> list[Collision]:
    """Every file under assets/ into the build; an editor's file at one of their addresses collides."""
    collisions: list[Collision] = []
    for asset in sorted(ASSETS_DIR.rglob("*")):
        if asset.is_file():
            uri = f"{ASSET_PREFIX}/{asset.relative_to(ASSETS_DIR).as_posix()}"
            collisions += replace(files, File.generated(config, uri, abs_src_path=str(asset)), ASSET_OWNER)
    return collisions


def add_published(files: Files, config: MkDocsConfig, published: Outputs) -> list[Collision]:
    """The published files (open data, feed, calendars …) into the build, with their collisions."""
    collisions = list(published.collisions)
    for uri, content in published.items():
        collisions += replace(files, File.generated(config, uri, content=content), published.owners[uri])
    return collisions


def shared_address_collisions(
    files: Files, docs_dir: Path, plans: dict[str, PagePlan], published: Outputs
) -> list[Collision]:
    """Files of different owners that MkDocs would write to one address."""
    owners = _owners(plans, published)
    editors = {file.src_uri for file in editor_files(files, docs_dir)}
    return shared_addresses(
        (file.dest_uri, editor_owner(file) if file.src_uri in editors else owners.get(file.src_uri, ASSET_OWNER))
        for file in files
        if file.generated_by or file.src_uri in editors  # a site may replace the theme's own files
    )


def _owners(plans: dict[str, PagePlan], published: Outputs) -> dict[str, Owner]:
    """Who each generated file belongs to (by src_uri), for reporting two at one address."""
    owners: dict[str, Owner] = {uri: owner for uri, owner in published.owners.items()}
    for uri, page_plan in plans.items():
        if page_plan.generated:
            source = page_plan.src_uri if page_plan.role == "entity" else None
            owners[uri] = (
                Owner("owner_page", source)
                if source
                else Owner("owner_generated_page", details=(("title", page_plan.title),))
            )
    return owners


def _edit_source(page_plan: PagePlan, docs_dir: Path) -> str | None:
    """The content file a generated page comes from, if an editor can change it."""
    if page_plan.role == "entity":
        return page_plan.src_uri
    if page_plan.role == "process" and page_plan.process:
        source = f"{page_plan.process}/{PROCESS_FILE}"
        return source if (docs_dir / source).is_file() else None
    return None


def replace(files: Files, file: File, owner: Owner | None = None) -> list[Collision]:
    """Put a generated file in; with an `owner`, an editor's file at its place is a collision."""
    existing = files.get_file_from_path(file.src_uri)
    collisions = []
    if existing is not None:
        if owner is not None and not existing.generated_by:
            collisions.append(Collision(file.src_uri, editor_owner(existing), owner))
        files.remove(existing)
    files.append(file)
    return collisions


def editor_files(files: Files, docs_dir: Path) -> Iterator[File]:
    """The files an editor put in content/ (not the theme's, not generated ones)."""
    root = os.path.abspath(docs_dir)
    for file in files:
        if not file.generated_by and file.src_dir and os.path.abspath(file.src_dir) == root:
            yield file


def editor_owner(file: File) -> Owner:
    return Owner("owner_editor_file", file.src_uri)
