"""The registry of entity kinds: one record per kind, and every table keyed by kind derived from it.

The claim tested: a new kind is a registry record plus what only it can bring (its `Kind` member,
entity class, spec, page template, scaffold, labels). A made-up kind `measures` is registered
in-process (nothing in the package is edited) and must show up in every derived table.
"""

from __future__ import annotations

import dataclasses
from enum import StrEnum
from importlib import resources
from typing import cast

from ikep_site import cli, jsonschema, kinds, labels, pages, placeholders
from ikep_site.content import loader
from ikep_site.content.schema import Field, Record, Text
from ikep_site.kinds import KINDS, NUMBER, KindRecord
from ikep_site.model import Entity, Goal, Kind

PACKAGE = resources.files("ikep_site")


class _MadeUp(StrEnum):
    MEASURE = "measures"


@dataclasses.dataclass(frozen=True, kw_only=True)
class Measure(Entity):
    goals: tuple[str, ...] = ()


MEASURE_KIND = cast(Kind, _MadeUp.MEASURE)
MEASURE = KindRecord(
    kind=MEASURE_KIND,
    entity_class=Measure,
    spec=Record({"title": Field(Text(), required=True, help="Titel")}),
    folder="massnahmen",
    template="measure",
    nav_rank=2,  # between projects and areas
    schema_name="ikep-massnahme",
    cli_names=("measure", "massnahme"),
    scaffold="measures.md",
    placeholder_options={"goal": Kind.GOAL, "limit": NUMBER},
    label_key="measures",
    portal_overview=True,
)
# Ranks from 2 on move one place back to make room, as a real entry would do.
WITH_MEASURES = (
    *(dataclasses.replace(entry, nav_rank=entry.nav_rank + (entry.nav_rank >= 2)) for entry in KINDS),
    MEASURE,
)


def test_every_kind_has_exactly_one_record() -> None:
    assert [entry.kind for entry in KINDS] == list(Kind)
    assert set(kinds.BY_KIND) == set(Kind)
    assert sorted(entry.nav_rank for entry in KINDS) == list(range(len(Kind)))


def test_every_record_names_files_and_labels_that_exist() -> None:
    for entry in KINDS:
        assert PACKAGE.joinpath("templates", "ikep", f"{entry.template}.html").is_file(), entry.kind
        assert PACKAGE.joinpath("templates", "ikep", "placeholders", f"{entry.kind.value}.html").is_file()
        assert PACKAGE.joinpath("scaffold", "new", entry.scaffold).is_file(), entry.kind
        assert labels.PAGE_TITLE[entry.label_key]
        assert labels.LABELS[entry.label_key]
        assert issubclass(entry.entity_class, Entity)
        assert entry.cli_names and all(name == name.lower() for name in entry.cli_names)


def test_the_old_tables_are_the_registry() -> None:
    assert {entry.kind: entry.folder for entry in KINDS} == loader.DEFAULT_FOLDERS
    assert {entry.kind: entry.entity_class for entry in KINDS} == loader.ENTITY_CLASSES
    assert {entry.kind: entry.spec for entry in KINDS} == loader.ENTITY_SPECS
    assert {entry.kind: entry.template for entry in KINDS} == pages.KIND_TEMPLATES
    assert pages.NAV_ORDER == (Kind.GOAL, Kind.PROJECT, Kind.AREA, Kind.NETWORK, Kind.CALL, Kind.UPDATE)
    assert [entry.kind for entry in pages.PORTAL_KINDS] == [Kind.GOAL, Kind.PROJECT, Kind.CALL]
    for entry in KINDS:
        assert jsonschema.SCHEMA_NAMES[entry.kind.value] == entry.schema_name
        assert jsonschema.schema_filename(entry.kind) == f"{entry.schema_name}.schema.json"
        assert all(cli.KIND_NAMES[name] is entry.kind for name in entry.cli_names)
        assert cli.SCAFFOLDS[entry.kind] == entry.scaffold
        assert placeholders.OPTIONS[entry.kind.value] == dict(entry.placeholder_options)
    assert set(cli.KIND_NAMES.values()) == set(Kind)
    # Placeholders that are not kinds stay beside them.
    assert {"map", "process", "processes"} <= set(placeholders.OPTIONS)


def test_the_portal_home_page_lists_the_portal_kinds_in_order() -> None:
    headings = [line for line in pages.PROCESS_HOME.splitlines() if line.startswith("## ")]
    assert headings == [f"## {labels.PAGE_TITLE[entry.label_key]}" for entry in pages.PORTAL_KINDS]
    assert pages.PROCESS_HOME.count("<!-- ikep:") == len(pages.PORTAL_KINDS)


def test_a_made_up_kind_is_one_record_away_from_every_table() -> None:
    assert kinds.default_folders(WITH_MEASURES)[MEASURE_KIND] == "massnahmen"
    assert kinds.entity_classes(WITH_MEASURES)[MEASURE_KIND] is Measure
    assert kinds.entity_specs(WITH_MEASURES)[MEASURE_KIND] is MEASURE.spec
    assert kinds.templates(WITH_MEASURES)[MEASURE_KIND] == "measure"
    assert kinds.nav_order(WITH_MEASURES) == (
        Kind.GOAL,
        Kind.PROJECT,
        MEASURE_KIND,
        Kind.AREA,
        Kind.NETWORK,
        Kind.CALL,
        Kind.UPDATE,
    )
    assert MEASURE in kinds.portal_overviews(WITH_MEASURES)
    assert kinds.schema_names(WITH_MEASURES)["measures"] == "ikep-massnahme"
    names = kinds.cli_names(WITH_MEASURES)
    assert names["measure"] is MEASURE_KIND and names["massnahme"] is MEASURE_KIND
    assert kinds.scaffolds(WITH_MEASURES)[MEASURE_KIND] == "measures.md"
    assert kinds.placeholder_options(WITH_MEASURES)["measures"] == {"goal": Kind.GOAL, "limit": NUMBER}
    # The known kinds keep their entries beside it.
    assert kinds.default_folders(WITH_MEASURES)[Kind.GOAL] == "ziele"
    assert kinds.entity_classes(WITH_MEASURES)[Kind.GOAL] is Goal


def test_records_are_frozen() -> None:
    record = kinds.record(Kind.GOAL)
    try:
        record.folder = "anders"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a kind record could be changed")
    assert kinds.record(Kind.GOAL).folder == "ziele"
