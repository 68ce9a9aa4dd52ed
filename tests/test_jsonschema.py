"""The published JSON Schemas: generated from the specs, valid, and in step with the loader."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import regress
import yaml
from conftest import ROOT

from ikep_site.content.loader import DEFAULT_FOLDERS, Loader, classify
from ikep_site.jsonschema import (
    DRAFT,
    all_schemas,
    entity_schema,
    operator_schema,
    process_schema,
    schema_filename,
    write_schemas,
)
from ikep_site.model import Kind

CONTENT = ROOT / "content"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
BOOL = "tag:yaml.org,2002:bool"


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as editors' tools do (YAML 1.2): dates and `yes`/`no` stay text."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (TIMESTAMP, BOOL)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def front_matter(text: str) -> Any:
    lines = text.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    return yaml.load("\n".join(lines[1:end]), Loader=Yaml12Loader)  # a SafeLoader subclass


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def errors(schema: dict[str, Any], data: Any) -> list[str]:
    return [error.message for error in validator(schema).iter_errors(data)]


def demo_entities() -> list[tuple[Kind, Path]]:
    found = []
    for path in sorted(CONTENT.rglob("*.md")):
        classified = classify(path.relative_to(CONTENT).as_posix(), DEFAULT_FOLDERS)
        if classified:
            found.append((classified[1], path))
    return found


def test_one_schema_per_kind_plus_process_and_operator() -> None:
    schemas = all_schemas()
    assert sorted(schemas) == sorted(
        [
            "ikep-ziel.schema.json",
            "ikep-projekt.schema.json",
            "ikep-beteiligung.schema.json",
            "ikep-raum.schema.json",
            "ikep-netzwerk.schema.json",
            "ikep-meldung.schema.json",
            "ikep-prozess.schema.json",
            "ikep-betreiber.schema.json",
        ]
    )
    assert schemas[schema_filename(Kind.PROJECT)] == entity_schema(Kind.PROJECT) == entity_schema("projects")
    assert schemas["ikep-prozess.schema.json"] == process_schema()
    assert schemas["ikep-betreiber.schema.json"] == operator_schema()


@pytest.mark.parametrize("name", sorted(all_schemas()))
def test_schema_is_valid_draft_2020_12_with_german_texts(name: str) -> None:
    schema = all_schemas()[name]
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == name
    assert schema["title"] and schema["description"]
    assert schema["additionalProperties"] is False
    for key, prop in schema["properties"].items():
        assert prop.get("description"), f"{name}: {key} has no help text"
    assert "ä" in json.dumps(schema, ensure_ascii=False) or "ü" in json.dumps(schema, ensure_ascii=False)


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return found + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in _patterns(value)]
    return []


def test_patterns_are_ecma_262_in_unicode_mode() -> None:
    """Editors compile patterns as JavaScript regular expressions with the `u` flag."""
    patterns = {p for schema in all_schemas().values() for p in _patterns(schema)}
    assert patterns
    for pattern in patterns:
        regress.Regex(pattern, "u")  # raises on Python-only syntax or needless escapes


@pytest.mark.parametrize(("kind", "path"), demo_entities(), ids=lambda value: getattr(value, "name", str(value)))
def test_every_demo_entity_validates(kind: Kind, path: Path) -> None:
    data = front_matter(path.read_text(encoding="utf-8"))
    assert errors(entity_schema(kind), data) == []


def test_demo_process_and_operator_validate() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Yaml12Loader)
    options = next(item["ikep"] for item in config["plugins"] if isinstance(item, dict) and "ikep" in item)
    assert errors(process_schema(), options["process"]) == []
    assert errors(operator_schema(), options["operator"]) == []


def test_demo_covers_every_kind() -> None:
    assert {kind for kind, _ in demo_entities()} == set(Kind)


def test_schemas_reject_what_the_loader_rejects() -> None:
    project = entity_schema(Kind.PROJECT)
    valid = {"title": "Dorfladen", "status": "in_progress", "goals": ["ortskerne-beleben"]}
    assert errors(project, valid) == []
    assert errors(project, {**valid, "titel": "Dorfladen"})  # unknown key
    assert errors(project, {**valid, "status": "laufend"})  # not one of the values
    assert errors(project, {**valid, "start": "1.3.2024"})  # German date
    assert errors(project, {**valid, "progress": 120})
    assert errors(project, {**valid, "progress": 12.5})
    assert errors(project, {**valid, "goals": ["Ortskern"]})  # not an id
    assert errors(project, {**valid, "goals": []})  # at least one goal
    assert errors(project, {key: value for key, value in valid.items() if key != "title"})
    assert errors(project, {**valid, "title": None})  # a required value left empty
    assert errors(project, {**valid, "title": "  "})
    assert errors(project, {**valid, "location": {"lat": 49.5}})  # lon missing
    assert errors(project, {**valid, "budget": "640.000"})  # 640 or 640000: ambiguous
    assert errors(project, {**valid, "budget": "1,2 Mio. €"})  # text with a unit
    assert errors(project, {**valid, "progress": "40 %"})
    assert errors(project, {**valid, "milestones": [{"date": "2026-01-01", "title": "X", "done": "vielleicht"}]})
    call = entity_schema(Kind.CALL)
    call_valid = {"title": "Werkstatt", "format": "workshop", "start": "2026-12-03T18:00"}
    assert errors(call, call_valid) == []
    assert errors(call, {**call_valid, "start": "2026-12-03 18 Uhr"})
    assert errors(call, {**call_valid, "online": "www.example.org"})
    assert errors(call, {**call_valid, "contact": {"email": "info(at)example.org"}})
    assert errors(call, {**call_valid, "place": {"name": "Bürgerhaus", "lat": 49.5}})  # lon missing
    goal = entity_schema(Kind.GOAL)
    indicator = {
        "id": "leerstand",
        "name": "Leerstand",
        "unit": "%",
        "better": "lower",
        "corridor": [{"year": 2024, "min": 6, "max": 8}, {"year": 2030, "min": 3, "max": 5}],
    }
    assert errors(goal, {"title": "Ziel", "indicators": [indicator]}) == []
    one_point = {**indicator, "corridor": [{"year": 2024, "min": 6, "max": 8}]}
    assert errors(goal, {"title": "Ziel", "indicators": [one_point]})  # a corridor needs two points
    assert errors(goal, {"title": "Ziel", "indicators": [{**indicator, "values": [{"year": 2025, "5": None}]}]})


def test_schemas_accept_what_the_loader_accepts(tmp_path: Path) -> None:
    """Single values for lists, empty optional values, words for true/false, numbers as text."""
    text = """---
title: 2026
summary:
status: idea
goals: ortskerne-beleben
areas:
lead: 2026
milestones:
  - {date: 2026-05-01, title: Start, done: ja}
updates: {date: 2026-05-01, text: Los geht es.}
location: {lat: "49,5", lon: 7.7}
budget: 1.200.000
progress: 40,0
---
"""
    files = {"projekte/test.md": text, "ziele/ortskerne-beleben.md": (CONTENT / "ziele/ortskerne-beleben.md")}
    for name, source in files.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            shutil.copy(source, target)
        else:
            target.write_text(source, encoding="utf-8")
    result = Loader(tmp_path).load(list(files))
    assert [str(d) for d in result.report.sorted()] == []
    assert errors(entity_schema(Kind.PROJECT), front_matter(text)) == []
    area = {"title": "Raum", "kind": "gemeinde", "members": [7335027, "07335019"]}  # an unquoted AGS
    assert errors(entity_schema(Kind.AREA), area) == []


def test_write_schemas(tmp_path: Path) -> None:
    written = write_schemas(tmp_path / "schemas")
    assert sorted(path.name for path in written) == sorted(all_schemas())
    for path in written:
        assert json.loads(path.read_text(encoding="utf-8")) == all_schemas()[path.name]
        assert "Schlüssel" in path.read_text(encoding="utf-8") or "Angaben" in path.read_text(encoding="utf-8")


def test_schema_comment_in_front_matter_does_not_disturb_the_loader(tmp_path: Path) -> None:
    """The VS Code modeline is a YAML comment: accepted, and line numbers stay right."""
    (tmp_path / "ziele").mkdir()
    (tmp_path / "ziele/ortskerne-beleben.md").write_text(
        "---\n"
        "# yaml-language-server: $schema=https://example.org/schemas/ikep-ziel.schema.json\n"
        "title: Ortskerne beleben\n"
        "---\n",
        encoding="utf-8",
    )
    (tmp_path / "projekte").mkdir()
    (tmp_path / "projekte/dorfladen.md").write_text(
        "---\n"
        "# yaml-language-server: $schema=https://example.org/schemas/ikep-projekt.schema.json\n"
        "title: Dorfladen\n"
        "status: laufend\n"
        "goals: [ortskerne-beleben]\n"
        "---\n",
        encoding="utf-8",
    )
    result = Loader(tmp_path, display_prefix="content/").load(["ziele/ortskerne-beleben.md", "projekte/dorfladen.md"])
    problems = [str(d) for d in result.report.sorted()]
    assert len(problems) == 1 and problems[0].startswith("content/projekte/dorfladen.md:4: status: 'laufend'")
    assert "ortskerne-beleben" in result.site.main.goals
