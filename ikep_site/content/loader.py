"""Read the content folder into the model, collecting every problem on the way.

The only code that knows about files, YAML and folder names. It returns the model plus a report;
an entity with errors in its own file is left out, a reference to something missing is dropped
(and reported), so one mistake never takes the whole site down.
"""

from __future__ import annotations

import dataclasses
import difflib
import posixpath
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from ..cache import BuildCache, digest
from ..diagnostics import Report
from ..formatting import BERLIN, format_number
from ..geometry import (
    Feature,
    GeometryError,
    contains,
    read_feature_collection,
    round_coordinates,
    select,
    simplify_topology,
)
from ..kinds import default_folders, entity_classes, entity_specs
from ..log import log
from ..messages import MESSAGES, geometry_problem_de
from ..model import (
    REFERENCE_FIELDS,
    Area,
    Entity,
    Kind,
    Measurement,
    Operator,
    Process,
    ProcessProfile,
    Site,
)
from .frontmatter import compose, decode, split
from .options import OptionSource
from .schema import Context, Reference, Values, did_you_mean
from .signlanguage import load_video
from .specs import OPERATOR, PROCESS
from .stray import links_outside, stray_files
from .valuefiles import SUFFIXES as VALUE_FILE_SUFFIXES
from .valuefiles import read_values

# Derived from the registry of kinds (kinds.py); the names stay for the code that imports them.
DEFAULT_FOLDERS: Final[dict[Kind, str]] = default_folders()
ENTITY_CLASSES: Final[dict[Kind, type[Entity]]] = entity_classes()
ENTITY_SPECS: Final = entity_specs()
# Boundaries are simplified at build time (shared borders once, so neighbours keep no gaps) and
# rounded to about 1 m: small enough for every page, exact enough for a municipality's outline.
SIMPLIFY_METRES = 100.0
COORDINATE_DECIMALS = 5
PROCESS_FILE = "prozess.yml"
# Long builds say how far loading has come, without flooding the log.
PROGRESS_EVERY = 2000
# A question loading an entity asks about content/: (what, the asking file, the file it names).
_Question = tuple[str, str, str]
# Front matter keys whose model name differs (`key` would shadow Entity.key).
RENAMED_FIELDS: dict[str, str] = {"key": "key_property"}


@dataclass
class LoadResult:
    site: Site
    report: Report
    entity_pages: dict[str, tuple[Kind, str]] = field(default_factory=dict)  # src_uri -> (kind, key)
    left_out: set[str] = field(default_factory=set)  # src_uris of pages not to build
    # Files read as an indicator's values: published as the indicator's CSV and in the open data,
    # not as they are (a workbook may hold other sheets; a cell may hold a formula).
    value_files: set[str] = field(default_factory=set)


@dataclass
class _Broken:
    """An entity left out for errors in its own file; its references are still checked."""

    references: list[Reference]
    path: str
    process: str = ""


@dataclass
class _Loaded:
    entity: Entity
    kind: Kind
    references: list[Reference]
    path: str


def classify(src_uri: str, folders: Mapping[Kind, str], processes: Iterable[str] = ()) -> tuple[str, Kind, str] | None:
    """`projekte/dorfladen.md` -> ("", PROJECT, "dorfladen"); `p1/projekte/x.md` -> ("p1", PROJECT, "x").

    None for ordinary pages and overviews.
    """
    parts = src_uri.split("/")
    process = ""
    if len(parts) == 3 and parts[0] in processes:
        process, parts = parts[0], parts[1:]
    if len(parts) != 2 or not parts[1].endswith(".md"):
        return None
    for kind, folder in folders.items():
        if parts[0] == folder:
            name = parts[1][: -len(".md")]
            return None if name in ("index", "README") else (process, kind, name)
    return None


def process_folders(docs_dir: Path, pages: Iterable[str]) -> list[str]:
    """Top-level folders holding a process of a portal: those with a prozess.yml."""
    candidates = {page.split("/", 1)[0] for page in pages if "/" in page}
    return sorted(name for name in candidates if (docs_dir / name / PROCESS_FILE).is_file())


def resolve_key(value: str, process: str) -> str:
    """A reference as written (`id`, or `<process>/<id>` across processes) -> entity key."""
    return value if "/" in value or not process else f"{process}/{value}"


def slugify(text: str) -> str:
    """A file-name-safe id: umlauts transliterated, everything else lower-case ASCII with hyphens."""
    text = unicodedata.normalize("NFC", text).lower()  # macOS writes file names decomposed (a + ¨)
    for umlaut, ascii_form in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, ascii_form)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "eintrag"


class Loader:
    def __init__(
        self,
        docs_dir: Path,
        *,
        folders: Mapping[Kind, str] = DEFAULT_FOLDERS,
        display_prefix: str = "",
        cache: BuildCache | None = None,
        today: date | None = None,
    ) -> None:
        self.docs_dir = docs_dir
        # Values from a file may not lie in the future; the build date, as phases and calls use it.
        self.today = today or datetime.now(tz=BERLIN).date()
        self._value_files: set[str] = set()
        self.cache = cache
        self.folders = folders
        self.display_prefix = display_prefix
        self.report = Report()
        self.geometries: dict[str, tuple[Feature, ...]] = {}
        self._geometry_errors: dict[str, GeometryError] = {}
        self._geometry_digests: dict[str, str] = {}  # boundary file -> digest of its bytes
        self._location_lines: dict[str, tuple[str, int]] = {}
        # While one entity file is loaded under `mkdocs serve`: what it asked about other files of
        # content/ and the answers, kept with it; its kept result holds while the answers are the same.
        self._lookups: list[tuple[_Question, object]] | None = None

    def display(self, src_uri: str) -> str:
        return self.display_prefix + src_uri

    def load(
        self,
        pages: Iterable[str],
        *,
        process: OptionSource | None = None,
        operator: OptionSource | None = None,
        all_files: Iterable[str] | None = None,
    ) -> LoadResult:
        """The model of `pages` (the Markdown files); `all_files`: every file of content/, to find
        the ones not read as entries and the links leading out of content/ (left out, reported)."""
        result = LoadResult(site=Site(processes={}), report=self.report)
        loaded: dict[Kind, dict[str, _Loaded]] = {kind: {} for kind in Kind}
        broken: dict[Kind, set[str]] = {kind: set() for kind in Kind}
        broken_refs: list[_Broken] = []
        pages = sorted(pages)
        portal = process_folders(self.docs_dir, pages)
        if all_files is not None:
            every = sorted(all_files)
            refused = links_outside(self.docs_dir, every, self.report, self.display_prefix)
            result.left_out |= refused
            pages = [page for page in pages if page not in refused]
            stray_files(every, self.folders, portal, self.report, self.display_prefix)
        count = 0
        for src_uri in pages:
            classified = classify(src_uri, self.folders, portal)
            if classified is None:
                if not self._readable(src_uri):
                    result.left_out.add(src_uri)
                continue
            process_id, kind, entity_id = classified
            item = self._load_entity_cached(src_uri, kind, entity_id, process_id)
            if isinstance(item, _Broken):
                broken[kind].add(resolve_key(entity_id, process_id))
                broken_refs.append(item)
                result.left_out.add(src_uri)
                continue
            loaded[kind][item.entity.key] = item
            result.entity_pages[src_uri] = (kind, item.entity.key)
            count += 1
            if count % PROGRESS_EVERY == 0:
                log.info(MESSAGES["progress_read"].format(count=format_number(count)))

        for left_out in broken_refs:  # report their dangling references too: all problems at once
            self._check_references(left_out.references, loaded, broken, left_out.path, left_out.process)
        entities = {kind: self._resolve(loaded, broken, kind) for kind in Kind}
        profiles = {"": self._load_profile(process)}
        for process_id in portal:
            profiles[process_id] = self._portal_profile_cached(process_id)
        processes: dict[str, Process] = {}
        by_process: dict[str, dict[Kind, dict[str, Entity]]] = {pid: {kind: {} for kind in Kind} for pid in profiles}
        for kind in Kind:
            for key, entity in entities[kind].items():
                by_process[entity.process][kind][key] = entity
        for process_id, (profile, profile_refs) in profiles.items():
            owned = by_process[process_id]
            if process_id == "" and portal and profile is None and not any(owned.values()):
                continue  # a portal without entities of its own at the top level
            if profile is not None and profile.area is not None:
                path = self.display(f"{process_id}/{PROCESS_FILE}") if process_id else (process.path if process else "")
                valid = self._check_references(profile_refs, loaded, broken, path, process_id)
                area = resolve_key(profile.area, process_id)
                profile = dataclasses.replace(profile, area=area if area in valid else None)
            processes[process_id] = Process(id=process_id, profile=profile, **owned)  # type: ignore[arg-type]
        if portal:
            total = sum(len(items) for items in entities.values())
            log.info(
                MESSAGES["progress_portal"].format(processes=format_number(len(portal)), entries=format_number(total))
            )
        result.site = Site(
            processes=processes,
            operator=self._load_operator(operator),
            geometries=self.geometries,
            geometry_versions={path: self._geometry_digests[path] for path in self.geometries},
        )
        self._check_locations(result.site)
        result.value_files = set(self._value_files)
        return result

    def _process_file(self, process_id: str) -> OptionSource | None:
        """The profile of a portal's process, from <process>/prozess.yml."""
        src = f"{process_id}/{PROCESS_FILE}"
        path = self.display(src)
        text = self._read(src)
        if text is None:
            return None
        node = compose(text, path, self.report, first_line=1)
        if node is None or node is False or isinstance(node, bool):
            if node is None:
                self.report.add(path, 1, MESSAGES["front_matter_empty"])
            return None
        return OptionSource(node, path, 1)

    # Files -----------------------------------------------------------------------------------

    def _read(self, src_uri: str) -> str | None:
        path = self.display(src_uri)
        try:
            data = (self.docs_dir / src_uri).read_bytes()
        except OSError as error:
            self.report.add(path, None, f"{MESSAGES['unreadable_page']} ({error.strerror})")
            return None
        return decode(data, path, self.report)

    def _readable(self, src_uri: str) -> bool:
        """Ordinary pages are MkDocs' business, except that it crashes on bytes that are not UTF-8."""
        return self._read(src_uri) is not None

    def _load_entity_cached(self, src_uri: str, kind: Kind, entity_id: str, process_id: str) -> _Loaded | _Broken:
        """`_load_entity`, reusing the result of an earlier build when the file has not changed."""
        if self.cache is None:
            return self._load_entity(src_uri, kind, entity_id, process_id)
        try:
            data = (self.docs_dir / src_uri).read_bytes()
        except OSError:
            return self._load_entity(src_uri, kind, entity_id, process_id)
        # The display prefix is in every message the file's diagnostics give (docs_dir may change).
        version = digest(self.display_prefix, process_id, kind.value, data)
        cached = self.cache.parsed.take(src_uri, version, self._still_valid)
        if cached is not None:
            kept, diagnostics, location, _, _, value_files = cached
            self.report.items.extend(diagnostics)
            if location is not None:
                self._location_lines[src_uri] = location
            self._value_files |= value_files
            return kept  # type: ignore[no-any-return]
        before = len(self.report.items)
        self._lookups = []
        value_files_before = set(self._value_files)
        try:
            item = self._load_entity(src_uri, kind, entity_id, process_id)
            lookups = tuple(self._lookups)
        finally:
            self._lookups = None
        value_files = frozenset(self._value_files - value_files_before)
        # An area also depends on its boundary file, kept with it by the file's digest.
        boundary: tuple[str, str] | None = None
        if kind is Kind.AREA:
            path = item.entity.geometry if isinstance(item, _Loaded) and isinstance(item.entity, Area) else None
            if not path or path not in self._geometry_digests:
                return item
            boundary = (path, self._geometry_digests[path])
        diagnostics = self.report.items[before:]
        kept_with = (item, list(diagnostics), self._location_lines.get(src_uri), boundary, lookups, value_files)
        self.cache.parsed.keep(src_uri, version, kept_with)
        return item

    def _still_valid(self, kept: tuple[Any, ...]) -> bool:
        """A kept entity holds while its boundary file and the files it named are as they were."""
        lookups: tuple[tuple[_Question, object], ...] = kept[4]
        unchanged = all(self._answer(*question) == answer for question, answer in lookups)
        return unchanged and self._boundary_unchanged(kept[3])

    def _noted(self, question: _Question, answer: object) -> None:
        if self._lookups is not None:
            self._lookups.append((question, answer))

    def _answer(self, name: str, src_uri: str, reference: str) -> object:
        """The answer to a question `_load_entity` asked about content/, as it is now."""
        if name == "content_path":
            return self._find_in_content(src_uri, reference)
        if name == "links_outside":
            return self._points_outside(src_uri, reference)
        if name == "file_bytes":
            return self._file_digest(reference)
        if name == "today":
            return self.today
        return (self.docs_dir / reference).is_file()

    def _boundary_unchanged(self, boundary: tuple[str, str] | None) -> bool:
        """True if a cached area's boundary file has the same bytes (it is loaded for this build)."""
        if boundary is None:
            return True
        path, file_digest = boundary
        self._features(path)
        return self._geometry_digests.get(path) == file_digest

    def _load_entity(self, src_uri: str, kind: Kind, entity_id: str, process_id: str = "") -> _Loaded | _Broken:
        path = self.display(src_uri)
        text = self._read(src_uri)
        if text is None:
            return _Broken([], path, process_id)
        errors_before = len(self.report)
        if not re.fullmatch(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?", entity_id):
            self.report.add(
                path, None, MESSAGES["bad_file_name"].format(name=entity_id + ".md", suggestion=slugify(entity_id))
            )
        document = split(text, path, self.report, required=True)
        if document is None or document.meta is None:
            return _Broken([], path, process_id)
        ctx = Context(path=path, first_line=document.meta_first_line, report=self.report)
        ctx.read_values_file = lambda written, line: self._values_from_file(src_uri, path, written, line)
        values = ENTITY_SPECS[kind].convert_values(document.meta, ctx, "")
        if isinstance(values, Values):
            self._check_files(values, ctx, src_uri)
            for name in ("location", "place"):
                if name in values.data:
                    self._location_lines[src_uri] = (name, values.line_of(name))
        if not isinstance(values, Values) or self._errors_since(errors_before):
            return _Broken(ctx.references, path, process_id)
        data = {RENAMED_FIELDS.get(name, name): value for name, value in values.data.items()}
        if kind is Kind.AREA:
            data["member_names"] = self._member_names(src_uri, data, ctx, values)
        if kind is Kind.PROJECT and "updates" in data:
            data["updates"] = tuple(sorted(data["updates"], key=lambda update: update.date, reverse=True))
        if kind is Kind.PROJECT and "milestones" in data:
            data["milestones"] = tuple(sorted(data["milestones"], key=lambda milestone: milestone.date))
        if ctx.errors:
            return _Broken(ctx.references, path, process_id)
        entity = ENTITY_CLASSES[kind](id=entity_id, process=process_id, src_uri=src_uri, body=document.body, **data)
        return _Loaded(entity, kind, ctx.references, path)

    def _errors_since(self, count: int) -> bool:
        """Problems after the first `count` that leave the entry out (not those it is shown with)."""
        return any(not problem.warning_only for problem in self.report.items[count:])

    # Indicator values from a file (issue 18, item 1) ---------------------------------------------

    def _values_from_file(self, src_uri: str, path: str, written: str, line: int) -> tuple[Measurement, ...]:
        """The values in the file `written` names; its problems are reported, the goal is still shown."""
        problems = Report()
        values = self._read_value_file(src_uri, path, written, line, problems)
        for problem in problems.items:
            self.report.add(problem.path, problem.line, problem.message, warning_only=True)
        return values

    def _read_value_file(
        self, src_uri: str, path: str, written: str, line: int, problems: Report
    ) -> tuple[Measurement, ...]:
        name = "values"
        suffix = posixpath.splitext(written)[1].lower()
        if suffix not in VALUE_FILE_SUFFIXES:
            key = "values_file_type" if re.fullmatch(r"\.[a-z]{2,4}", suffix) else "values_not_list_or_file"
            problems.add(path, line, MESSAGES[key].format(name=name, value=written))
            return ()
        found = self._content_path(src_uri, written)
        if found is None and self._links_outside(src_uri, written):
            problems.add(path, line, MESSAGES["values_file_outside"].format(name=name, value=written))
            return ()
        data = self._file_bytes(found) if found is not None and self._is_file(found) else None
        if found is None or data is None:
            problems.add(path, line, MESSAGES["values_file_missing"].format(name=name, value=written))
            return ()
        self._value_files.add(found)
        self._noted(("today", "", ""), self.today)
        return read_values(data, suffix, self.display(found), problems, today=self.today)

    def _file_bytes(self, path: str) -> bytes | None:
        """A file's bytes, noted by their digest: a kept entry holds while the file is the same."""
        try:
            data = (self.docs_dir / path).read_bytes()
        except OSError:
            data = None
        self._noted(("file_bytes", "", path), None if data is None else digest(data))
        return data

    def _file_digest(self, path: str) -> str | None:
        try:
            return digest((self.docs_dir / path).read_bytes())
        except OSError:
            return None

    # ---------------------------------------------------------------------------------------------

    def _check_files(self, values: Values, ctx: Context, src_uri: str) -> None:
        image = values.get("image")
        if not image:
            return
        found = self._content_path(src_uri, image)
        if found is None and self._links_outside(src_uri, image):
            ctx.error_at(values.line_of("image"), MESSAGES["image_outside"].format(value=image))
        elif found is None or not self._is_file(found):
            ctx.error_at(values.line_of("image"), MESSAGES["image_not_found"].format(value=image))
        else:
            values.data["image"] = found  # from now on relative to content/, wherever it was written from

    def _is_file(self, path: str) -> bool:
        found = (self.docs_dir / path).is_file()
        self._noted(("is_file", "", path), found)
        return found

    def _content_path(self, src_uri: str, reference: str) -> str | None:
        found = self._find_in_content(src_uri, reference)
        self._noted(("content_path", src_uri, reference), found)
        return found

    def _links_outside(self, src_uri: str, reference: str) -> bool:
        outside = self._points_outside(src_uri, reference)
        self._noted(("links_outside", src_uri, reference), outside)
        return outside

    def _find_in_content(self, src_uri: str, reference: str) -> str | None:
        """A file an editor named, relative to content/ (or to the page's folder); None outside content/."""
        root = self.docs_dir.resolve()
        for candidate in (reference.lstrip("/"), posixpath.join(posixpath.dirname(src_uri), reference)):
            path = (root / candidate).resolve()
            if path.is_relative_to(root) and path.exists():
                return path.relative_to(root).as_posix()
        return None

    def _points_outside(self, src_uri: str, reference: str) -> bool:
        """True if the file an editor named is there, but as a link to somewhere outside content/."""
        root = self.docs_dir.resolve()
        for candidate in (reference.lstrip("/"), posixpath.join(posixpath.dirname(src_uri), reference)):
            inside = not posixpath.normpath(candidate).startswith("../")  # as written, before links
            path = self.docs_dir / candidate
            if inside and path.exists() and not path.resolve().is_relative_to(root):
                return True
        return False

    def _member_names(self, src_uri: str, data: dict[str, Any], ctx: Context, values: Values) -> tuple[str, ...]:
        """Names of the member shapes, for the text list that is the map's accessible alternative."""
        members: tuple[str, ...] = data.get("members", ())
        geometry, key = data.get("geometry"), data.get("key_property")
        if not geometry or not key:
            return members
        found = self._content_path(src_uri, geometry)
        features = self._features(found) if found else None
        if isinstance(features, GeometryError):
            ctx.error_at(
                values.line_of("geometry"), geometry_problem_de(features.message_key, features.details, geometry)
            )
            return members
        if features is None or found is None:
            ctx.error_at(values.line_of("geometry"), MESSAGES["geometry_unreadable"].format(value=geometry))
            return members
        data["geometry"] = found  # from now on relative to content/
        names = {
            str(f.properties[key]): f.label("GEN", f.label("name", str(f.properties[key])))
            for f in features
            if key in f.properties
        }
        if not names:
            ctx.error_at(values.line_of("key"), MESSAGES["geometry_no_key"].format(key=key, value=geometry))
            return members
        by_name = {name.lower(): value for value, name in names.items()}
        for index, member in enumerate(members):
            if member in names:
                continue
            close = (
                [by_name[member.lower()]]
                if member.lower() in by_name
                else difflib.get_close_matches(member, list(names), n=3, cutoff=0.7)
            )
            hint = (
                MESSAGES["unknown_member_close"].format(close=", ".join(f"{value} ({names[value]})" for value in close))
                if close
                else ""
            )
            ctx.error_at(
                values.item_line("members", index),
                MESSAGES["unknown_member"].format(value=member, key=key, file=geometry) + hint,
            )
        return tuple(names.get(member, member) for member in members)

    def _features(self, path: str) -> tuple[Feature, ...] | GeometryError | None:
        """The shapes of a boundary file, simplified once per build; None if it cannot be read."""
        if path not in self.geometries and path not in self._geometry_errors:
            try:
                raw = (self.docs_dir / path).read_bytes()
            except OSError:
                return None
            file_digest = digest(raw)
            kept = self.cache.geometries.take(path, file_digest) if self.cache is not None else None
            if kept is not None:
                shapes: tuple[Feature, ...] | GeometryError = kept
            else:
                try:
                    features = read_feature_collection(raw)
                except GeometryError as error:
                    shapes = error
                except ValueError:  # not UTF-8 or not JSON
                    return None
                else:
                    simplified = simplify_topology(features, tolerance=SIMPLIFY_METRES)
                    shapes = tuple(round_coordinates(simplified, decimals=COORDINATE_DECIMALS))
                if self.cache is not None:  # simplifying a large file takes a while: once per version
                    self.cache.geometries.keep(path, file_digest, shapes)
            self._geometry_digests[path] = file_digest
            if isinstance(shapes, GeometryError):
                self._geometry_errors[path] = shapes
            else:
                self.geometries[path] = shapes
        return self._geometry_errors.get(path) or self.geometries.get(path)

    def _check_locations(self, site: Site) -> None:
        for process in site.processes.values():
            self._check_locations_of(site, process)

    def _check_locations_of(self, site: Site, process: Process) -> None:
        """Warn about places outside the process area: usually swapped or mistyped coordinates."""
        area = site.merged.areas.get(process.profile.area) if process.profile and process.profile.area else None
        if area is None or area.geometry not in site.geometries or area.key_property is None:
            return
        shapes = select(site.geometries[area.geometry], area.key_property, area.members)
        located: list[tuple[Entity, float, float]] = [
            (project, project.location.lat, project.location.lon)
            for project in process.projects.values()
            if project.location
        ]
        located += [
            (call, call.place.lat, call.place.lon)
            for call in process.calls.values()
            if call.place and call.place.lat is not None and call.place.lon is not None
        ]
        for entity, lat, lon in located:
            if shapes and not contains(shapes, lon, lat):
                name, line = self._location_lines.get(entity.src_uri, ("location", 0))
                self.report.add(
                    self.display(entity.src_uri),
                    line or None,
                    MESSAGES["location_outside"].format(name=name, lat=lat, lon=lon, area=area.title),
                    warning_only=True,
                )

    # Options ---------------------------------------------------------------------------------

    def _load_profile(self, source: OptionSource | None) -> tuple[ProcessProfile | None, list[Reference]]:
        if source is None:
            return None, []
        ctx = Context(path=source.path, first_line=source.first_line, report=self.report)
        values = PROCESS.convert_values(source.node, ctx, "process")
        if not isinstance(values, Values):
            return None, []
        return ProcessProfile(**values.data), ctx.references

    def _portal_profile_cached(self, process_id: str) -> tuple[ProcessProfile | None, list[Reference]]:
        """A portal process's profile, reused from an earlier build while its file's bytes are the same."""
        if self.cache is None:
            return self._load_profile(self._process_file(process_id))
        try:
            data = (self.docs_dir / process_id / PROCESS_FILE).read_bytes()
        except OSError:
            return self._load_profile(self._process_file(process_id))
        src = f"{process_id}/{PROCESS_FILE}"
        version = digest(self.display_prefix, data)  # the prefix: its diagnostics name the file
        cached = self.cache.parsed.take(src, version)
        if cached is not None:
            profile, references, diagnostics = cached
            self.report.items.extend(diagnostics)
            return profile, list(references)
        before = len(self.report.items)
        profile, references = self._load_profile(self._process_file(process_id))
        self.cache.parsed.keep(src, version, (profile, list(references), list(self.report.items[before:])))
        return profile, references

    def _load_operator(self, source: OptionSource | None) -> Operator | None:
        if source is None:
            return None
        ctx = Context(path=source.path, first_line=source.first_line, report=self.report)
        values = OPERATOR.convert_values(source.node, ctx, "operator")
        if not isinstance(values, Values):
            return None
        if "sign_language_video" in values.data:
            line = values.line_of("sign_language_video") if source.first_line is not None else None
            values.data["sign_language_video"] = load_video(
                self.docs_dir,
                values.data["sign_language_video"],
                line,
                self.report,
                config=source.path,
                display_prefix=self.display_prefix,
            )
        return Operator(**values.data)

    # References ------------------------------------------------------------------------------

    def _resolve(
        self, loaded: dict[Kind, dict[str, _Loaded]], broken: dict[Kind, set[str]], kind: Kind
    ) -> dict[str, Entity]:
        """Each entity with references to missing entities dropped (and reported)."""
        resolved: dict[str, Entity] = {}
        for key, item in sorted(loaded[kind].items()):
            process = item.entity.process
            valid = self._check_references(item.references, loaded, broken, item.path, process)
            changes: dict[str, Any] = {}
            for name in REFERENCE_FIELDS:
                current = getattr(item.entity, name, None)
                if isinstance(current, tuple):
                    keys = (resolve_key(ref, process) for ref in current)
                    changes[name] = tuple(ref for ref in keys if ref in valid)
            resolved[key] = dataclasses.replace(item.entity, **changes) if changes else item.entity
        return resolved

    def _check_references(
        self,
        references: list[Reference],
        loaded: dict[Kind, dict[str, _Loaded]],
        broken: dict[Kind, set[str]],
        path: str,
        process: str = "",
    ) -> set[str]:
        """The keys of the references that resolve; the others are reported."""
        valid: set[str] = set()
        for ref in references:
            target = Kind(ref.target)
            key = resolve_key(ref.value, process)
            if key in loaded[target]:
                valid.add(key)
                continue
            if key in broken[target]:
                continue  # its own file's problem is reported already
            owner = key.rsplit("/", 1)[0] if "/" in key else ""
            prefix = f"{owner}/" if owner else ""
            known = sorted(
                k[len(prefix) :] for k in loaded[target] if k.startswith(prefix) and "/" not in k[len(prefix) :]
            )
            exists = not owner or any(k.startswith(prefix) for kind in Kind for k in loaded[kind])
            if "/" in ref.value and not exists:
                message = MESSAGES["unknown_process"].format(name=ref.field, process=owner)
            else:
                shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
                listing = MESSAGES["unknown_ref_known"].format(known=shown) if known else MESSAGES["unknown_ref_none"]
                message = MESSAGES["unknown_ref"].format(
                    name=ref.field, kind=MESSAGES[f"kind_{target.value}"], value=ref.value, known=listing
                ) + did_you_mean(ref.value.rsplit("/", 1)[-1], known)
            self.report.add(path, ref.line, message, warning_only=True)
        return valid
