"""Find the ikep plugin's options in the YAML nodes of mkdocs.yml, with their line numbers.

MkDocs hands plugins plain dictionaries; to point editors at the right line we read the
configuration file again as YAML nodes. `plugin_options.py` checks what is found here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics import Report
from .frontmatter import decode

PLUGIN_NAME: Final = "ikep"
ENV_TAG: Final = "!ENV"
STR_TAG: Final = "tag:yaml.org,2002:str"
NULL_TAG: Final = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class OptionSource:
    node: Node
    path: str  # as shown to editors, e.g. "mkdocs.yml"
    first_line: int | None  # file line of node line 0; None when lines are unknown


@dataclass(frozen=True)
class PluginEntry:
    """Where `- ikep:` stands in mkdocs.yml and what follows it (None: `- ikep` without options)."""

    key: Node
    options: Node | None


def compose_config(config_file: Path, display: str, report: Report) -> Node | None:
    """The node tree of a configuration file; None when it cannot be read (MkDocs says why)."""
    try:
        data = config_file.read_bytes()
    except OSError:
        return None
    text = decode(data, display, report)
    if text is None:
        return None
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)  # composing ignores tags; it keeps the lines
    except yaml.YAMLError:
        return None


def plugin_entry(tree: Node | None) -> PluginEntry | None:
    """The first ikep entry under `plugins:` (a list of names and mappings, or one mapping)."""
    plugins = child(tree, "plugins")
    entries: list[tuple[Node, Node | None]] = []
    if isinstance(plugins, SequenceNode):
        for item in plugins.value:
            if isinstance(item, MappingNode):
                entries.extend(item.value)
            elif isinstance(item, ScalarNode):
                entries.append((item, None))
    elif isinstance(plugins, MappingNode):
        entries = list(plugins.value)
    for key, value in entries:
        if isinstance(key, ScalarNode) and key.value == PLUGIN_NAME:
            return PluginEntry(key, None if value is None or is_null(value) else resolve_env(value))
    return None


def dumped_node(value: Any) -> Node | None:
    """Options given without a file (a configuration made in code), as nodes without lines."""
    return yaml.compose(yaml.dump(value, Dumper=_OptionsDumper, allow_unicode=True), Loader=yaml.SafeLoader)


class _OptionsDumper(yaml.SafeDumper):
    """Writes any Python object (from a `!!python/…` tag) as its text, so it is checked, not lost."""


_OptionsDumper.add_multi_representer(object, lambda dumper, value: dumper.represent_str(str(value)))


def child(node: Node | None, key: str) -> Node | None:
    if not isinstance(node, MappingNode):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return value_node  # type: ignore[no-any-return]
    return None


def is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == NULL_TAG and node.value in ("", "~", "null", "Null", "NULL")


def resolve_env(node: Node) -> Node:
    """The node with `!ENV` values replaced by what MkDocs reads for them (the variable or a default)."""
    if node.tag == ENV_TAG:
        if isinstance(node, ScalarNode):
            names, default = [str(node.value)], None
        elif isinstance(node, SequenceNode):
            items = [str(item.value) for item in node.value if isinstance(item, ScalarNode)]
            names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
        else:
            return node
        value = next((os.environ[name] for name in names if name in os.environ), default)
        tag = NULL_TAG if value is None else STR_TAG
        return ScalarNode(tag, value or "", start_mark=node.start_mark, end_mark=node.end_mark)
    if isinstance(node, MappingNode):
        node.value = [(key, resolve_env(value)) for key, value in node.value]
    elif isinstance(node, SequenceNode):
        node.value = [resolve_env(item) for item in node.value]
    return node
