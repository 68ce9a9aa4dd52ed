"""The MkDocs adapter stays at the edge: one package imports mkdocs, its plugin module holds the events."""

from __future__ import annotations

import ast
from importlib.metadata import entry_points
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "ikep_site"
# MkDocs and its fork: the build tools the adapter is written for (ProperDocs redirects `mkdocs`).
BUILD_TOOLS = {"mkdocs", "properdocs"}


def build_tool_imports(package: Path) -> list[str]:
    """`path:line` of every import of a build tool in `package`, outside its adapter/ folder."""
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] == "adapter":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            if any(name.split(".")[0] in BUILD_TOOLS for name in names):
                found.append(f"{relative.as_posix()}:{node.lineno}")
    return found


def test_only_the_adapter_imports_mkdocs() -> None:
    assert build_tool_imports(PACKAGE) == []


def test_the_imports_outside_the_adapter_are_found(tmp_path: Path) -> None:
    # So the test above can fail: a core module that imports MkDocs is named with its line.
    (tmp_path / "adapter").mkdir()
    (tmp_path / "adapter" / "plugin.py").write_text("from mkdocs.plugins import BasePlugin\n", encoding="utf-8")
    (tmp_path / "core.py").write_text('"""Core."""\n\nimport mkdocs.config\n', encoding="utf-8")
    (tmp_path / "other.py").write_text("from .mkdocs import x\nimport mkdocsish\n", encoding="utf-8")
    assert build_tool_imports(tmp_path) == ["core.py:3"]


def test_the_entry_point_loads_the_adapter_and_the_old_import_still_works() -> None:
    from ikep_site.plugin import IkepPlugin

    (entry_point,) = [point for point in entry_points(group="mkdocs.plugins") if point.name == "ikep"]
    assert entry_point.value == "ikep_site.adapter.plugin:IkepPlugin"
    assert entry_point.load() is IkepPlugin


def test_the_plugin_module_holds_the_events_and_little_else() -> None:
    source = (PACKAGE / "adapter" / "plugin.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 300
    (plugin,) = [node for node in ast.parse(source).body if isinstance(node, ast.ClassDef)]
    lengths = {
        node.name: (node.end_lineno or node.lineno) - node.lineno + 1
        for node in plugin.body
        if isinstance(node, ast.FunctionDef)
    }
    assert "on_files" in lengths  # the events are there, each handing its work on
    assert {name: length for name, length in lengths.items() if length > 30} == {}


def relative_imports(path: Path) -> set[str]:
    """The modules of the package a file imports, as written after the dots (`..publish` -> `publish`)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def test_the_renderers_do_not_import_what_publishes_their_output() -> None:
    """Data flows one way: render/ makes text, publish.py and the adapter decide where it goes."""
    offenders = {
        path.name: sorted(relative_imports(path) & {"publish", "adapter", "plugin"})
        for path in sorted((PACKAGE / "render").glob("*.py"))
    }
    assert {name: found for name, found in offenders.items() if found} == {}
