"""The one registry of entity kinds: everything the code keeps per kind, in one record each.

The tables other modules used to spell out by hand (`loader.DEFAULT_FOLDERS`,
`loader.ENTITY_CLASSES`, `specs.ENTITY_SPECS`, `pages.KIND_TEMPLATES`, `pages.NAV_ORDER`,
`jsonschema.SCHEMA_NAMES`, `cli.KIND_NAMES`, the kind entries of `placeholders.OPTIONS`) are derived
from `KINDS`; a new kind is one record here plus what only it can bring: its `Kind` member, entity
class, spec, page template, scaffold and German labels.

The registry sits above model, specs and labels (it imports model and specs; neither imports it),
and holds keys into `labels.py`, never German text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from .content.schema import Record
from .content.specs import AREA, CALL, GOAL, NETWORK, PROJECT, UPDATE
from .model import PROJECT_STATUSES, Area, Call, Entity, Goal, Kind, Network, Project, Update

# Option value kinds of a placeholder: a reference to an entity kind, an allowed set, or a
# positive number / a flag without value.
NUMBER: Final = "number"
FLAG: Final = "flag"
OptionKind = Kind | tuple[str, ...] | str


@dataclass(frozen=True, kw_only=True)
class KindRecord:
    """Everything the code keeps about one entity kind."""

    kind: Kind
    entity_class: type[Entity]
    spec: Record  # what editors may write in the front matter
    folder: str  # default content folder (plugin option `folders`)
    template: str  # `templates/ikep/<template>.html`
    nav_rank: int  # position of the kind's overview in the navigation, 0 first
    schema_name: str  # JSON Schema file stem, German like the folders
    cli_names: tuple[str, ...]  # what `ikep new` accepts: English and German word
    scaffold: str  # file in `scaffold/new/` that `ikep new` fills in
    placeholder_options: Mapping[str, OptionKind]  # options of the placeholder `ikep:<kind>`
    label_key: str  # key in `labels.PAGE_TITLE` and `labels.LABELS`
    portal_overview: bool = False  # a portal lists it site-wide and on each process's home page


def _options(**options: OptionKind) -> Mapping[str, OptionKind]:
    return MappingProxyType(options)


KINDS: Final[tuple[KindRecord, ...]] = (
    KindRecord(
        kind=Kind.GOAL,
        entity_class=Goal,
        spec=GOAL,
        folder="ziele",
        template="goal",
        nav_rank=0,
        schema_name="ikep-ziel",
        cli_names=("goal", "ziel"),
        scaffold="goals.md",
        placeholder_options=_options(field="text"),
        label_key="goals",
        portal_overview=True,
    ),
    KindRecord(
        kind=Kind.PROJECT,
        entity_class=Project,
        spec=PROJECT,
        folder="projekte",
        template="project",
        nav_rank=1,
        schema_name="ikep-projekt",
        cli_names=("project", "projekt"),
        scaffold="projects.md",
        placeholder_options=_options(
            status=PROJECT_STATUSES, goal=Kind.GOAL, area=Kind.AREA, network=Kind.NETWORK, limit=NUMBER
        ),
        label_key="projects",
        portal_overview=True,
    ),
    KindRecord(
        kind=Kind.CALL,
        entity_class=Call,
        spec=CALL,
        folder="beteiligung",
        template="call",
        nav_rank=4,
        schema_name="ikep-beteiligung",
        cli_names=("call", "beteiligung"),
        scaffold="calls.md",
        placeholder_options=_options(upcoming=FLAG, past=FLAG, all=FLAG, area=Kind.AREA, limit=NUMBER),
        label_key="calls",
        portal_overview=True,
    ),
    KindRecord(
        kind=Kind.AREA,
        entity_class=Area,
        spec=AREA,
        folder="raeume",
        template="area",
        nav_rank=2,
        schema_name="ikep-raum",
        cli_names=("area", "raum"),
        scaffold="areas.md",
        placeholder_options=_options(),
        label_key="areas",
    ),
    KindRecord(
        kind=Kind.NETWORK,
        entity_class=Network,
        spec=NETWORK,
        folder="netzwerke",
        template="network",
        nav_rank=3,
        schema_name="ikep-netzwerk",
        cli_names=("network", "netzwerk"),
        scaffold="networks.md",
        placeholder_options=_options(),
        label_key="networks",
    ),
    KindRecord(
        kind=Kind.UPDATE,
        entity_class=Update,
        spec=UPDATE,
        folder="aktuelles",
        template="update",
        nav_rank=5,
        schema_name="ikep-meldung",
        cli_names=("update", "meldung"),
        scaffold="updates.md",
        placeholder_options=_options(limit=NUMBER, goal=Kind.GOAL, project=Kind.PROJECT, area=Kind.AREA),
        label_key="updates",
    ),
)
BY_KIND: Final[Mapping[Kind, KindRecord]] = MappingProxyType({record.kind: record for record in KINDS})


def record(kind: Kind) -> KindRecord:
    return BY_KIND[kind]


# The derived tables. Each takes the records as an argument so a test can hand in a registry with
# a made-up kind and see every table pick it up; the modules keep their old constant names.


def default_folders(records: Iterable[KindRecord] = KINDS) -> dict[Kind, str]:
    return {entry.kind: entry.folder for entry in records}


def entity_classes(records: Iterable[KindRecord] = KINDS) -> dict[Kind, type[Entity]]:
    return {entry.kind: entry.entity_class for entry in records}


def entity_specs(records: Iterable[KindRecord] = KINDS) -> dict[Kind, Record]:
    return {entry.kind: entry.spec for entry in records}


def templates(records: Iterable[KindRecord] = KINDS) -> dict[Kind, str]:
    return {entry.kind: entry.template for entry in records}


def nav_order(records: Iterable[KindRecord] = KINDS) -> tuple[Kind, ...]:
    return tuple(entry.kind for entry in sorted(records, key=lambda entry: entry.nav_rank))


def portal_overviews(records: Iterable[KindRecord] = KINDS) -> tuple[KindRecord, ...]:
    return tuple(entry for entry in records if entry.portal_overview)


def schema_names(records: Iterable[KindRecord] = KINDS) -> dict[str, str]:
    return {entry.kind.value: entry.schema_name for entry in records}


def cli_names(records: Iterable[KindRecord] = KINDS) -> dict[str, Kind]:
    return {name: entry.kind for entry in records for name in entry.cli_names}


def scaffolds(records: Iterable[KindRecord] = KINDS) -> dict[Kind, str]:
    return {entry.kind: entry.scaffold for entry in records}


def placeholder_options(records: Iterable[KindRecord] = KINDS) -> dict[str, dict[str, OptionKind]]:
    return {entry.kind.value: dict(entry.placeholder_options) for entry in records}
