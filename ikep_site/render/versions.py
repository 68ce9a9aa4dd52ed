"""Versions: short digests that change whenever what a page or a listing shows may have changed.

Under `mkdocs serve` the plugin keeps rendered HTML from one build to the next and reuses it while
its version is the same. Three kinds of version, each computed at most once per build:

- an entity's covers the entity as loaded (every field, its resolved references, the names of its
  member shapes) and the date of its file's last commit, but not its Markdown text: that is shown
  on its own page only, whose version covers the page's HTML anyway; so rewording a project's text
  renders its page again, and none of the listings it appears in;
- a process's covers its profile, its entities and every entity of another process that one of
  them refers to or is referred to by, because its listings show them (a goal counts the projects
  of other processes serving it, a project names the goals it serves); site-wide pages depend on
  every entity;
- the build's covers what every template may read besides: the build date, the plugin's options,
  the site address, the operator, the process home pages, and the template files themselves (a
  site may edit its overrides while previewing).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from datetime import date
from pathlib import Path

from ..cache import digest
from ..model import REFERENCE_FIELDS, Area, Entity, Kind, Process, Site


class Versions:
    def __init__(
        self,
        site: Site,
        *,
        file_dates: Mapping[str, date],
        shape_digest: Callable[[str], str],
        settings: Sequence[object],
        templates: str,
    ) -> None:
        self.site = site
        self.file_dates = file_dates
        self.shape_digest = shape_digest
        self.build = digest(*settings, templates)
        self._entities: dict[str, str] = {}
        self._scopes: dict[str, str] = {}
        self._linked = _linked_entities(site)

    def entity(self, entity: Entity | None) -> str:
        """The version of one entity as listings and other pages show it (a missing one is "-")."""
        if entity is None:
            return "-"
        key = f"{type(entity).__name__}:{entity.key}"
        if key not in self._entities:
            shapes = self.shape_digest(entity.geometry) if isinstance(entity, Area) and entity.geometry else ""
            shown = [getattr(entity, field.name) for field in fields(entity) if field.name != "body"]
            self._entities[key] = digest(type(entity).__name__, shown, self.file_dates.get(entity.src_uri), shapes)
        return self._entities[key]

    def profile(self, process_id: str) -> str:
        """The version of a process's profile (kept beside the entities' versions)."""
        process = self.site.processes.get(process_id)
        if f"profile:{process_id}" not in self._entities:
            self._entities[f"profile:{process_id}"] = digest(process.profile if process else None)
        return self._entities[f"profile:{process_id}"]

    def scope(self, process: Process) -> str:
        """The version of everything a page of `process` may list; of every process for site-wide pages."""
        site_wide = process is self.site.main or process.id not in self.site.processes
        cache_key = "" if site_wide else process.id
        if cache_key not in self._scopes:
            members = sorted(self.site.processes) if site_wide else [process.id]
            parts: list[object] = []
            for process_id in members:
                member = self.site.processes[process_id]
                parts += [process_id, self.profile(process_id)]
                for kind in Kind:
                    parts += [self.entity(entity) for _, entity in sorted(member.entities(kind).items())]
            if not site_wide:
                linked = sorted(self._linked.get(process.id, {}).items())
                parts += ["linked", *(self.entity(entity) for _, entity in linked)]
            self._scopes[cache_key] = digest(*parts)
        return self._scopes[cache_key]


def _linked_entities(site: Site) -> dict[str, dict[str, Entity]]:
    """For each process, the entities of other processes its entities refer to or are referred to by."""
    linked: dict[str, dict[str, Entity]] = {process_id: {} for process_id in site.processes}
    merged = site.merged

    def link(one: Entity, other: Entity) -> None:
        if one.process != other.process and one.process in linked and other.process in linked:
            linked[one.process][f"{type(other).__name__}:{other.key}"] = other
            linked[other.process][f"{type(one).__name__}:{one.key}"] = one

    for process in site.processes.values():
        for kind in Kind:
            for entity in process.entities(kind).values():
                for name in REFERENCE_FIELDS:
                    lookup = merged.entities(Kind(name))
                    for reference in getattr(entity, name, ()):
                        if reference in lookup:
                            link(entity, lookup[reference])
        if process.profile and process.profile.area in merged.areas and process.id in linked:
            area = merged.areas[process.profile.area]
            if area.process != process.id:
                linked[process.id][f"Area:{area.key}"] = area
    return linked


def templates_version(template_dirs: Sequence[str]) -> str:
    """A digest of the folders and of every template the renderer may load, by their bytes."""
    found: list[object] = list(template_dirs)
    for folder in template_dirs:
        root = Path(folder) / "ikep"
        if root.is_dir():
            found += [(str(path), path.read_bytes()) for path in sorted(root.rglob("*.html"))]
    return digest(*found)
