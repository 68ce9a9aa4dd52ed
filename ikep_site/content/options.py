"""Find the plugin's `process` and `operator` options in mkdocs.yml, with their line numbers.

MkDocs hands plugins plain dictionaries; to point editors at the right line we read the
configuration file again as YAML nodes. When that is impossible (a configuration built in code),
the options are checked all the same, without line numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

PLUGIN_NAME = "ikep"


@dataclass(frozen=True)
class OptionSource:
    node: Node
    path: str  # as shown to editors, e.g. "mkdocs.yml"
    first_line: int | None  # file line of node line 0; None when lines are unknown


def plugin_options(config_file: Path | None, display: str, values: dict[str, Any]) -> dict[str, OptionSource]:
    """An OptionSource for each option in `values`, located in the config file where possible."""
    located = _locate(config_file) if config_file else {}
    sources: dict[str, OptionSource] = {}
    for name, value in values.items():
        if value is None:
            continue
        node = located.get(name)
        if node is not None:
            sources[name] = OptionSource(node, display, 1)
        else:
            dumped = yaml.compose(yaml.safe_dump(value, allow_unicode=True), Loader=yaml.SafeLoader)
            if dumped is not None:
                sources[name] = OptionSource(dumped, display, None)
    return sources


def _locate(config_file: Path) -> dict[str, Node]:
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    plugins = _get(root, "plugins")
    entries: list[tuple[Node, Node]] = []
    if isinstance(plugins, SequenceNode):
        for item in plugins.value:
            if isinstance(item, MappingNode):
                entries.extend(item.value)
    elif isinstance(plugins, MappingNode):
        entries = list(plugins.value)
    for key, value in entries:
        if isinstance(key, ScalarNode) and key.value == PLUGIN_NAME and isinstance(value, MappingNode):
            return {str(k.value): v for k, v in value.value if isinstance(k, ScalarNode)}
    return {}


def _get(node: Node | None, key: str) -> Node | None:
    if not isinstance(node, MappingNode):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return value_node  # type: ignore[no-any-return]
    return None
