"""Live editing: a rebuild after editing one entity redoes the work for that entity only."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import GEOAREAS, GOAL, project, write_site
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


def test_areas_are_kept_until_their_boundary_file_changes(tmp_path: Path) -> None:
    shapes = json.loads(GEOAREAS["geodaten/kl-ortsgemeinden.geojson"])
    first = dict(shapes["features"][0]["properties"])
    area = f"""---
title: Eine Gemeinde
kind: gemeinde
geometry: geodaten/gemeinden.geojson
key: AGS
members: ["{first["AGS"]}"]
---
"""
    files: dict[str, str | bytes] = {
        "ziele/ortskerne-beleben.md": GOAL,
        "raeume/gemeinde.md": area,
        "geodaten/gemeinden.geojson": json.dumps(shapes),
    }
    root = write_site(tmp_path, files)
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["ikep"]
    assert isinstance(plugin, IkepPlugin) and plugin.cache is not None
    page = tmp_path / "site/raeume/gemeinde/index.html"

    build(config)
    assert first["GEN"] in page.read_text(encoding="utf-8")

    plugin.cache.parsed_hits = 0
    build(config)
    assert plugin.cache.parsed_hits == 2  # goal and area: the boundary file is unchanged
    assert first["GEN"] in page.read_text(encoding="utf-8")  # and its shapes are still on the map

    shapes["features"][0]["properties"]["GEN"] = "Umbenannt"
    (root / "content/geodaten/gemeinden.geojson").write_text(json.dumps(shapes), encoding="utf-8")
    plugin.cache.parsed_hits = 0
    build(config)
    assert plugin.cache.parsed_hits == 1  # only the goal: the area's boundary file changed
    html = page.read_text(encoding="utf-8")
    assert "Umbenannt" in html and first["GEN"] not in html
