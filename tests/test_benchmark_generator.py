"""The scale benchmark's generator writes content the plugin accepts.

This checks correctness only (the benchmark itself is `python -m benchmark.run`, never a test):
a small portal of three processes follows the multi-process layout of the content model, every
file parses, every reference points at something that exists, and `mkdocs build --strict` passes.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from conftest import ROOT, run_build

FOLDERS = ("ziele", "projekte", "beteiligung", "raeume", "netzwerke", "aktuelles")
REFERENCE_KEYS = {"goals": "ziele", "projects": "projekte", "areas": "raeume", "networks": "netzwerke"}
PROFILE_KEYS = {"name", "kind", "area", "summary", "phases", "management", "foundations"}


@pytest.fixture
def portal(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """benchmark/portal.py (the benchmark folder is not an installed package)."""
    monkeypatch.syspath_prepend(str(ROOT))
    return importlib.import_module("benchmark.portal")


def _front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    head, _, body = text[4:].partition("\n---\n")
    meta = yaml.safe_load(head)
    assert isinstance(meta, dict) and meta.get("title"), path
    assert body.strip(), f"{path}: no body"
    return meta


def test_portal_of_three_processes_is_valid_content(tmp_path: Path, portal: ModuleType) -> None:
    stats = portal.write_portal(tmp_path / "site", 3)
    content = tmp_path / "site" / "content"

    assert stats.processes == 3
    assert stats.entities == {"ziele": 6, "projekte": 12, "beteiligung": 3, "raeume": 3, "netzwerke": 3, "aktuelles": 3}
    assert stats.markdown_pages == 31  # the portal home and 30 entities
    assert stats.cross_references >= 1

    config = yaml.safe_load((tmp_path / "site" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["docs_dir"] == "content"
    assert config["theme"] == {"name": "material", "language": "de", "font": False}
    ikep = next(plugin["ikep"] for plugin in config["plugins"] if isinstance(plugin, dict) and "ikep" in plugin)
    assert "process" not in ikep  # a portal: each process has its own prozess.yml
    assert ikep["build_date"] == "2026-11-24" and ikep["operator"]["name"]
    assert "<!-- ikep:processes -->" in (content / "index.md").read_text(encoding="utf-8")
    assert (content / "geodaten" / "rlp-kreise.geojson").is_file()

    processes = sorted(path for path in content.iterdir() if path.is_dir() and path.name != "geodaten")
    assert [path.name[:6] for path in processes] == ["p0001-", "p0002-", "p0003-"]
    cross = 0
    for process in processes:
        profile = yaml.safe_load((process / "prozess.yml").read_text(encoding="utf-8"))
        assert set(profile) >= PROFILE_KEYS, process.name
        assert (process / "raeume" / f"{profile['area']}.md").is_file()
        for folder in FOLDERS:
            assert list((process / folder).glob("*.md")), f"{process.name}/{folder} is empty"
        for page in process.glob("*/*.md"):
            meta = _front_matter(page)
            for key, folder in REFERENCE_KEYS.items():
                for ref in meta.get(key) or []:
                    other, _, ident = ref.rpartition("/")
                    target = content / (other or process.name) / folder / f"{ident}.md"
                    assert target.is_file(), f"{page.relative_to(content)}: {key} → {ref}"
                    cross += bool(other)
    assert cross == stats.cross_references

    # The same seed writes the same portal.
    again = portal.write_portal(tmp_path / "again", 3)
    assert again == stats
    for path in content.rglob("*.md"):
        assert path.read_bytes() == (tmp_path / "again" / "content" / path.relative_to(content)).read_bytes()

    build = run_build(tmp_path / "site", strict=True)
    assert build.returncode == 0, build.output
    for process in processes:
        for page in process.glob("*/*.md"):
            uri = page.relative_to(content).with_suffix("").as_posix()
            assert (build.site / uri / "index.html").is_file(), uri


def test_plain_baseline_has_the_asked_number_of_pages(tmp_path: Path, portal: ModuleType) -> None:
    words = portal.write_plain_site(tmp_path, 12)
    assert 11 * 150 <= words <= 11 * 450

    build = run_build(tmp_path, strict=True)
    assert build.returncode == 0, build.output
    pages = [path for path in build.site.rglob("*.html") if path != build.site / "404.html"]
    assert len(pages) == 12
    # Only the home page is in the navigation, as ikep keeps entities out of it.
    page = (build.site / "bereich-0001" / "seite-00001" / "index.html").read_text(encoding="utf-8")
    assert "seite-00002/" not in page
