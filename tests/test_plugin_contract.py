"""A plugin listed after ikep sees every page as readers get it, when `on_page_content` returns."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from conftest import GEMEINDE_AREA, GEOAREAS, GOAL, project, run_build, write_site

# A hook is a plugin that MkDocs runs after every plugin of the `plugins` list.
RECORDER = """
import json
from pathlib import Path

seen = {}


def on_page_content(html, page, config, files):
    seen[page.file.src_uri] = {"title": page.title, "html": html}
    return html


def on_post_build(config):
    Path(config.config_file_path).with_name("seen.json").write_text(json.dumps(seen), encoding="utf-8")
"""

CALL = """---
title: Zukunftswerkstatt Mehlbach
format: workshop
start: 2026-12-10T18:00
place: {name: Bürgerhaus Mehlbach}
areas: [mehlbach]
---
"""


def test_a_later_plugin_sees_every_generated_page_finished(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "index.md": "# Start\n\n<!-- ikep:projects -->\n\n<!-- ikep:calls upcoming -->\n",
        "ziele/ortskerne-beleben.md": GOAL,
        "projekte/dorfladen.md": project("Dorfladen & Café", extra="areas: [mehlbach]\n"),
        "projekte/bus.md": project("Bürgerbus", status="idea"),
        "beteiligung/werkstatt.md": CALL,
        "raeume/mehlbach.md": GEMEINDE_AREA.format(name="Mehlbach", ags="07335025"),
        **GEOAREAS,
    }
    root = write_site(tmp_path, files, extra_config={"hooks": ["recorder.py"]})
    (root / "recorder.py").write_text(RECORDER, encoding="utf-8")
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    seen = json.loads((root / "seen.json").read_text(encoding="utf-8"))

    generated = [uri for uri in seen if not (root / "content" / uri).exists()]
    assert {"projekte/index.md", "impressum.md", "daten/index.md"} <= set(generated)
    for uri, page in seen.items():
        html = page["html"]
        assert "<!-- ikep" not in html, uri  # no placeholder left, no marker to fill in later
        assert "wird im Hintergrund erstellt" not in html, uri
    # Entity pages carry what their templates add around the editor's text.
    assert escape("Dorfladen & Café") in seen["projekte/dorfladen.md"]["html"]
    assert "In Umsetzung" in seen["projekte/dorfladen.md"]["html"]
    assert "Leerstandsquote" in seen["ziele/ortskerne-beleben.md"]["html"]
    # Listings are filled: the overview and the editor's home page list both projects.
    for uri in ("projekte/index.md", "index.md"):
        assert "Bürgerbus" in seen[uri]["html"] and escape("Dorfladen & Café") in seen[uri]["html"], uri
    assert "Zukunftswerkstatt Mehlbach" in seen["index.md"]["html"]
    # What the later plugin saw is what readers get: the published page holds the same listing.
    published = build.page("projekte/")
    assert "Bürgerbus" in published
