"""The content model as plain, immutable data.

No I/O and no MkDocs here: the loader builds these objects from what editors write, the
derivations and renderers read them. Field names follow the content contract
(`shared/design/content-model.md`); German appears only in values editors wrote.

References between entities are stored as *keys*: the entity id inside a single-process site,
``<process-id>/<id>`` when a site holds several processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import cached_property
from typing import Final

from .geometry import Feature


class Kind(StrEnum):
    """The entity kinds; the value is the plugin's `folders` option key."""

    GOAL = "goals"
    PROJECT = "projects"
    CALL = "calls"
    AREA = "areas"
    NETWORK = "networks"
    UPDATE = "updates"


PROJECT_STATUSES = ("idea", "planned", "in_progress", "done", "paused", "dropped")
CALL_FORMATS = ("workshop", "meeting", "walk", "survey", "online", "other")
AREA_KINDS = ("gemeinde", "verbandsgemeinde", "landkreis", "kooperationsraum", "other")
NETWORK_MEMBER_KINDS = (
    "municipality",
    "administration",
    "politics",
    "association",
    "business",
    "citizens",
    "other",
)
BETTER_DIRECTIONS = ("lower", "higher")
FOUNDATION_STATES = ("yes", "partly", "no")
# The seven foundations an integrated development process rests on, in the order the
# approach names them.
FOUNDATIONS = (
    "management",
    "chefsache",
    "administration",
    "councils",
    "actors",
    "opinion_leaders",
    "dialogue",
)


@dataclass(frozen=True, kw_only=True)
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None


@dataclass(frozen=True, kw_only=True)
class Location:
    lat: float
    lon: float
    address: str | None = None


@dataclass(frozen=True, kw_only=True)
class Place:
    name: str | None = None
    address: str | None = None
    lat: float | None = None
    lon: float | None = None


# Fields by which an entity refers to others, each named after the kind it refers to.
REFERENCE_FIELDS: Final = ("goals", "projects", "areas", "networks")


@dataclass(frozen=True, kw_only=True)
class Entity:
    """What every entity has (the content model's common fields)."""

    id: str
    process: str  # "" in a single-process site
    src_uri: str  # path inside docs_dir, e.g. "projekte/dorfladen.md"
    title: str
    summary: str | None = None
    updated: date | None = None
    image: str | None = None
    image_alt: str | None = None
    body: str = ""  # the Markdown below the front matter

    @property
    def key(self) -> str:
        return f"{self.process}/{self.id}" if self.process else self.id


@dataclass(frozen=True, kw_only=True)
class CorridorPoint:
    year: int
    min: float
    max: float


@dataclass(frozen=True, kw_only=True)
class Measurement:
    year: int
    value: float


@dataclass(frozen=True, kw_only=True)
class CorridorRevision:
    """A corridor that applied before the current one: a revised target is never rewritten history."""

    until: date  # the last day it applied
    corridor: tuple[CorridorPoint, ...]  # sorted by year, at least two
    decision: str | None = None  # the number of the decision that replaced it, e.g. "KT/2025/033"


@dataclass(frozen=True, kw_only=True)
class Indicator:
    id: str
    name: str
    unit: str
    better: str  # one of BETTER_DIRECTIONS
    source: str | None = None
    corridor: tuple[CorridorPoint, ...] = ()  # the corridor in force; sorted by year, at least two
    values: tuple[Measurement, ...] = ()  # sorted by year, years unique
    revisions: tuple[CorridorRevision, ...] = ()  # earlier corridors, newest first


@dataclass(frozen=True, kw_only=True)
class Decision:
    """A council decision behind a goal, its corridor or a project (the council information system's entry)."""

    date: date
    body: str  # the council or committee that decided, e.g. "Kreistag"
    text: str
    number: str | None = None  # the number of the council's paper, e.g. "KT/2024/117"
    url: str | None = None  # http(s) link to the entry in the council information system


@dataclass(frozen=True, kw_only=True)
class Goal(Entity):
    field: str | None = None
    indicators: tuple[Indicator, ...] = ()
    decisions: tuple[Decision, ...] = ()  # oldest first


@dataclass(frozen=True, kw_only=True)
class Milestone:
    date: date
    title: str
    done: bool = False


@dataclass(frozen=True, kw_only=True)
class ProjectUpdate:
    date: date
    text: str


@dataclass(frozen=True, kw_only=True)
class Project(Entity):
    status: str  # one of PROJECT_STATUSES
    goals: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    networks: tuple[str, ...] = ()
    lead: str | None = None
    start: date | None = None
    end: date | None = None
    progress: int | None = None
    funding: str | None = None
    budget: float | None = None
    location: Location | None = None
    milestones: tuple[Milestone, ...] = ()  # sorted by date
    updates: tuple[ProjectUpdate, ...] = ()  # newest first
    contact: Contact | None = None
    decisions: tuple[Decision, ...] = ()  # oldest first


@dataclass(frozen=True, kw_only=True)
class Call(Entity):
    format: str  # one of CALL_FORMATS
    start: date | datetime  # a date for date-only calls (surveys), else an aware datetime
    end: date | datetime | None = None
    deadline: date | None = None
    place: Place | None = None
    online: str | None = None
    registration: Contact | None = None
    accessibility: str | None = None
    contact: Contact | None = None
    goals: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Area(Entity):
    kind: str  # one of AREA_KINDS
    geometry: str | None = None  # path in docs_dir of a GeoJSON FeatureCollection
    key_property: str | None = None  # the `key` option: feature property naming a member
    members: tuple[str, ...] = ()
    member_names: tuple[str, ...] = ()  # display names from the geometry, parallel to `members`
    attribution: str | None = None
    attribution_url: str | None = None


@dataclass(frozen=True, kw_only=True)
class NetworkMember:
    name: str
    kind: str = "other"  # one of NETWORK_MEMBER_KINDS
    role: str | None = None


@dataclass(frozen=True, kw_only=True)
class Network(Entity):
    purpose: str | None = None
    members: tuple[NetworkMember, ...] = ()
    contact: Contact | None = None


@dataclass(frozen=True, kw_only=True)
class Update(Entity):
    date: date
    goals: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Phase:
    name: str
    start: date
    end: date | None = None


@dataclass(frozen=True, kw_only=True)
class Foundation:
    state: str  # one of FOUNDATION_STATES
    note: str | None = None


@dataclass(frozen=True, kw_only=True)
class ProcessProfile:
    """The `process` plugin option (or `prozess.yml` of a process folder)."""

    name: str
    kind: str | None = None
    area: str | None = None  # area key: the territory the process covers
    summary: str | None = None
    phases: tuple[Phase, ...] = ()
    management: Contact | None = None
    support: str | None = None
    foundations: dict[str, Foundation] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class SignLanguageVideo:
    """The explanation of the site in German Sign Language (BITV 2.0 § 4), with its captions.

    `video` and `captions` are paths below content/; the transcript is the captions' text, so
    that what the video says can be read (and found) without playing it.
    """

    video: str
    captions: str
    transcript: tuple[str, ...]
    size_bytes: int  # BITV 2.0, Anlage 2: the download states its size and its duration
    duration_seconds: int


@dataclass(frozen=True, kw_only=True)
class Operator:
    """The `operator` plugin option: who publishes the site (legal pages)."""

    name: str
    address: str
    email: str
    phone: str | None = None
    represented_by: str | None = None
    privacy_contact: Contact | None = None
    accessibility_contact: Contact | None = None
    enforcement: Contact | None = None
    sign_language_video: SignLanguageVideo | None = None


@dataclass(frozen=True, kw_only=True)
class Process:
    """One integrated development process with all its valid entities, keyed by entity key."""

    id: str  # "" for the single process of a simple site
    profile: ProcessProfile | None
    goals: dict[str, Goal] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)
    calls: dict[str, Call] = field(default_factory=dict)
    areas: dict[str, Area] = field(default_factory=dict)
    networks: dict[str, Network] = field(default_factory=dict)
    updates: dict[str, Update] = field(default_factory=dict)

    def entities(self, kind: Kind) -> dict[str, Entity]:
        return getattr(self, kind.value)  # type: ignore[no-any-return]

    def decisions(self) -> list[tuple[Decision, Goal | Project]]:
        """Every council decision of the process's goals and projects, oldest first, each with its entity.

        One day's decisions keep a fixed order (by page, then as written), whatever order the files were read in.
        """
        owners: list[Goal | Project] = [*self.goals.values(), *self.projects.values()]
        found = [(decision, entity) for entity in owners for decision in entity.decisions]
        return sorted(found, key=lambda pair: (pair[0].date, pair[1].src_uri))


@dataclass(frozen=True, kw_only=True)
class Site:
    """Everything the site shows: its processes and who operates it."""

    processes: dict[str, Process]
    operator: Operator | None = None
    # Simplified boundary shapes by file (relative to content/), shared by every map of the site.
    geometries: dict[str, tuple[Feature, ...]] = field(default_factory=dict)
    # A fingerprint of the file each of them was made from: what kept maps and shapes are checked by.
    geometry_versions: dict[str, str] = field(default_factory=dict)

    @property
    def is_portal(self) -> bool:
        """Several processes in one site, each in its own folder."""
        return any(process_id for process_id in self.processes)

    @property
    def main(self) -> Process:
        """The process of a simple site; in a portal, all processes' entities together."""
        return self.merged if self.is_portal else self.processes.get("") or Process(id="", profile=None)

    @cached_property
    def merged(self) -> Process:
        """Every entity of every process, by key: what site-wide listings and links look up."""
        root = self.processes.get("")
        combined = Process(id="", profile=root.profile if root else None)
        for process in self.processes.values():
            for kind in Kind:
                combined.entities(kind).update(process.entities(kind))
        return combined

    def process_of(self, src_uri: str) -> Process | None:
        """The process a page belongs to by its folder; None for site-wide pages of a portal."""
        first = src_uri.split("/", 1)[0]
        if first in self.processes and first:
            return self.processes[first]
        return None if self.is_portal else self.main
