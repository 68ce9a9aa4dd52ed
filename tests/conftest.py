"""Shared helpers: write a small site into tmp_path and build it with the real `mkdocs build`."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GEODATA = ROOT / "content" / "geodaten"
# The boundary file areas in fixture sites refer to, as a file below content/.
GEOAREAS: dict[str, str | bytes] = {
    "geodaten/kl-ortsgemeinden.geojson": (GEODATA / "kl-ortsgemeinden.geojson").read_bytes()
}

OPERATOR = {
    "name": "Kreisverwaltung Musterkreis",
    "address": "Hauptstraße 1, 12345 Musterstadt",
    "email": "poststelle@example.org",
    "phone": "030 23125 000",
    "represented_by": "Landrätin (fiktiv)",
    "privacy_contact": {"name": "Datenschutz", "email": "datenschutz@example.org"},
    "accessibility_contact": {"email": "barrierefreiheit@example.org"},
    "enforcement": {"name": "Schlichtungsstelle", "url": "https://schlichtung.example.org"},
}
PROCESS = {
    "name": "Kreisentwicklung Musterkreis",
    "kind": "Kreisentwicklungskonzept",
    "phases": [
        {"name": "Bestandsaufnahme", "start": "2023-01-01", "end": "2023-12-31"},
        {"name": "Umsetzung", "start": "2024-01-01", "end": "2029-12-31"},
    ],
}


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def page(self, url_path: str) -> str:
        """The HTML of a built page, e.g. "projekte/dorfladen/"."""
        path = self.site / url_path
        if url_path.endswith("/") or url_path == "":
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


def write_site(
    root: Path,
    files: dict[str, str | bytes],
    *,
    plugin: dict[str, Any] | None = None,
    extra_config: dict[str, Any] | None = None,
) -> Path:
    """A site in `root`: mkdocs.yml plus `files` below content/ (text is dedented)."""
    options: dict[str, Any] = {"operator": OPERATOR, "process": PROCESS, "build_date": "2026-11-24"}
    options.update(plugin or {})
    options = {key: value for key, value in options.items() if value is not None}
    config: dict[str, Any] = {
        "site_name": "Testsite",
        "site_url": "https://example.org/test/",
        "docs_dir": "content",
        "theme": {"name": "material", "language": "de", "font": False},
        "plugins": ["search", {"ikep": options}],
    }
    config.update(extra_config or {})
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    content = root / "content"
    content.mkdir(exist_ok=True)
    if "index.md" not in files:
        (content / "index.md").write_text("# Start\n\nWillkommen.\n", encoding="utf-8")
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def run_build(root: Path, *, strict: bool = False, config: str = "mkdocs.yml") -> Build:
    site = root / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / config), "-d", str(site)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=root, timeout=600)
    return Build(done.returncode, done.stdout + done.stderr, site)


GOAL = """
---
title: Ortskerne beleben
summary: Weniger Leerstand.
field: Dorfentwicklung
indicators:
  - id: leerstand
    name: Leerstandsquote
    unit: "%"
    better: lower
    source: Leerstandskataster
    corridor:
      - {year: 2024, min: 6.0, max: 8.0}
      - {year: 2030, min: 3.0, max: 5.0}
    values:
      - {year: 2021, value: 8.4}
      - {year: 2024, value: 7.1}
---
Beschreibung des Ziels.
"""


# A Gemeinde of the test boundaries (GEOAREAS) as an area: format with name and ags.
GEMEINDE_AREA = """---
title: Gemeinde {name}
kind: gemeinde
geometry: geodaten/kl-ortsgemeinden.geojson
key: AGS
members: ["{ags}"]
---
"""


def project(title: str, *, status: str = "in_progress", goals: str = "[ortskerne-beleben]", extra: str = "") -> str:
    return f"""---
title: "{title}"
summary: Ein Projekt.
status: {status}
goals: {goals}
{extra}---
Beschreibung.
"""


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The demo site, built once per test session with --strict."""
    target = tmp_path_factory.mktemp("demo") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(target)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )
    return Build(done.returncode, done.stdout + done.stderr, target)
