"""JSON Schemas of what editors write, generated from the same specs the loader validates with.

Editors' tools (VS Code's YAML extension, check-jsonschema, …) use them for completion, hover help
and early warnings; `ikep check` and the build stay the authority. Nothing here is written by hand:
every property, type and German description comes from `content/specs.py`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from .content.loader import DEFAULT_FOLDERS
from .content.schema import Record
from .content.specs import OPERATOR, PROCESS
from .kinds import entity_specs, schema_names
from .messages import MESSAGES
from .model import Kind

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
# Where the plugin publishes the schemas inside the built site.
SCHEMA_DIR: Final = "schemas"
# File name stems, in German like the folders editors know.
# The entity kinds' names come from the registry of kinds (kinds.py).
SCHEMA_NAMES: Final[dict[str, str]] = {
    **schema_names(),
    "process": "ikep-prozess",
    "operator": "ikep-betreiber",
}


def schema_filename(name: Kind | str) -> str:
    """`projects` (or Kind.PROJECT) -> `ikep-projekt.schema.json`; also `process` and `operator`."""
    return f"{SCHEMA_NAMES[str(name)]}.schema.json"


def entity_schema(kind: Kind | str) -> dict[str, Any]:
    """The front matter of one entity kind (`Kind.PROJECT` or `"projects"`)."""
    kind = Kind(kind)
    description = MESSAGES["schema_entity"].format(folder=DEFAULT_FOLDERS[kind])
    return _document(entity_specs()[kind], kind.value, description)


def process_schema() -> dict[str, Any]:
    """The `process` plugin option, also the content of a `prozess.yml` in a site of several processes."""
    return _document(PROCESS, "process", MESSAGES["schema_process"])


def operator_schema() -> dict[str, Any]:
    """The `operator` plugin option (for the legally required pages)."""
    return _document(OPERATOR, "operator", MESSAGES["schema_operator"])


def all_schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema, for every entity kind plus process and operator."""
    schemas = {schema_filename(kind): entity_schema(kind) for kind in Kind}
    schemas[schema_filename("process")] = process_schema()
    schemas[schema_filename("operator")] = operator_schema()
    return schemas


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(target_dir: Path) -> list[Path]:
    """Write every schema into `target_dir` (created if missing); returns the files written."""
    target_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in all_schemas().items():
        path = target_dir / name
        path.write_text(dumps(schema), encoding="utf-8")
        written.append(path)
    return written


def _document(record: Record, name: str, description: str) -> dict[str, Any]:
    body = record.json_schema()
    return {
        "$schema": DRAFT,
        "$id": schema_filename(name),  # relative: resolved against wherever the site publishes it
        "title": MESSAGES["schema_title"].format(name=MESSAGES[f"schema_name_{name}"]),
        "description": description,
        **body,
    }
