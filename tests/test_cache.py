"""Live editing: a rebuild after editing one entity redoes the work for that entity only."""

from __future__ import annotations

from pathlib import Path

from conftest import GOAL, project, write_site
from mkdocs.commands.build import build
from mkdocs.config import load_config

from ikep_site.plugin import IkepPlugin


def test_rebuild_after_one_edit_reuses_everything_else(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"ziele/ortskerne-beleben.md": GOAL}
    for number in range(60):
        files[f"projekte/p-{number:02d}.md"] = project(f"Projekt {number:02d}")
    root = write_site(tmp_path, files)
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["ikep"]
    assert isinstance(plugin, IkepPlugin) and plugin.cache is not None

    build(config)
    first = len(plugin.cache.parsed), plugin.cache.misses
    assert first == (61, 61)  # every entity parsed and rendered once

    edited = root / "content/projekte/p-07.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Projekt 07", "Projekt 07 (neu)"), encoding="utf-8")
    plugin.cache.hits = plugin.cache.misses = plugin.cache.parsed_hits = 0
    build(config)
    # The edited project, and its goal (which lists it), are the only pages rendered again.
    assert plugin.cache.misses == 2, (plugin.cache.hits, plugin.cache.misses)
    assert plugin.cache.hits == 59
    assert plugin.cache.parsed_hits == 60  # only the edited file was parsed again
    assert "Projekt 07 (neu)" in (tmp_path / "site/projekte/p-07/index.html").read_text(encoding="utf-8")
    assert "Projekt 07 (neu)" in (tmp_path / "site/ziele/ortskerne-beleben/index.html").read_text(encoding="utf-8")
