"""Photograph the real web editor for the guide: the demo copied, built and edited through decap-server.

python scripts/editor_screenshots.py   # writes content/redaktion/bilder/web-editor-*.png, then
python scripts/sync_guide.py           # so that new sites carry the same pictures

Made as the end-to-end test makes its edits (tests/editor_support.py), at 1280 × 800 px; the
files are saved into a copy, the demo's content stays as it is.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from editor_support import build_site, copy_demo, decap_server, editor_session, point_to_local_backend  # noqa: E402

TARGET = ROOT / "content" / "redaktion" / "bilder"
VIEWPORT = {"width": 1280, "height": 800}


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        repository = copy_demo(work / "repository")
        site = build_site(repository, work / "site")
        with decap_server(repository) as api:
            point_to_local_backend(site, api)
            with editor_session(site, VIEWPORT) as session:
                page = session.page
                session.sign_in()
                session.open("#/collections/projects")
                page.get_by_text("Dorfladen Mehlbach").first.wait_for()
                page.screenshot(path=TARGET / "web-editor-uebersicht.png")
                session.open("#/collections/projects/new")
                page.get_by_label("Titel", exact=True).fill("Bürgerbus Süd")
                page.get_by_label("Kurzbeschreibung").fill("Ein Bus, der kommt, wenn man anruft.")
                session.choose("Status", "Geplant")
                page.get_by_label("Titel", exact=True).click()
                page.screenshot(path=TARGET / "web-editor-projekt-neu.png")
                goals = page.get_by_label("Ziele", exact=True)
                goals.scroll_into_view_if_needed()
                goals.click()
                goals.type("mobil")
                page.get_by_text("Mobil auch ohne eigenes Auto", exact=True).first.wait_for()
                page.screenshot(path=TARGET / "web-editor-ziele.png")
    for name in ("uebersicht", "projekt-neu", "ziele"):
        print((TARGET / f"web-editor-{name}.png").relative_to(ROOT))


if __name__ == "__main__":
    main()
