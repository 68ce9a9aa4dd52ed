"""Under `mkdocs serve` the kept results never go stale: after every edit, the site equals a fresh build.

A real `mkdocs serve` runs on 127.0.0.1 in a subprocess while the test edits the site one step
at a time: an entity's text, its title, a reference, an indicator value, an indicator's value file
(a CSV the goal names), the boundary file, a template override, a deleted and a new file, the
plugin's options in mkdocs.yml. After each
rebuild every file is fetched over HTTP and compared, byte for byte, with a fresh build of the
same state, and the served folder must hold no file the fresh build lacks.

The fresh build is made the way `mkdocs serve` makes its first build (see mkdocs/commands/serve.py),
in a new process, so with a new plugin object and nothing kept: the config loaded, its `site_url`
set to the server's address, `on_startup(command="serve")`, then `mkdocs.commands.build.build`
with that `serve_url`. A `mkdocs build` would not do: it publishes under the `site_url` of
mkdocs.yml instead of the preview's address, and it compacts the pages, which a preview does not.
Both processes get the same SOURCE_DATE_EPOCH (the sitemap's dates, the gzip header).
`build` is no private function (serve calls it too), but MkDocs documents no Python API: only the
comparison uses it; the edited site goes through the real `mkdocs serve` command.
Warnings count as part of the result: a kept rebuild must report what a fresh build reports.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO

from conftest import GEMEINDE_AREA, GEOAREAS, GOAL, OPERATOR, PROCESS, ROOT, project, write_site

from ikep_site.cache import BuildCache
from ikep_site.content.loader import Loader

EPOCH = "1764547200"  # 2025-12-01, any fixed moment
START_TIMEOUT = 60.0
REBUILD_TIMEOUT = 30.0
QUIET = 0.4  # seconds without another rebuild before the served site is compared
OWN_TEMPLATE = ROOT / "ikep_site" / "templates" / "ikep" / "project.html"
BOUNDARY_SOURCE = ROOT / "content" / "geodaten" / "kl-ortsgemeinden.geojson"
BOUNDARY = "geodaten/gemeinden.geojson"
WEILERBACH = "07335049"
MEHLBACH = "07335025"
# The script livereload puts before </body> of every HTML page it serves.
LIVERELOAD = re.compile(rb"<script>\nvar livereload = function\(epoch, requestId\) \{.*?</script>", re.S)

FRESH_BUILD = """
import logging
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

# The warnings as the mkdocs command line prints them, one line each.
handler = logging.StreamHandler()
handler.setFormatter(logging.Formatter("%(levelname)s -  %(message)s"))
handler.setLevel(logging.WARNING)
logging.getLogger("mkdocs").addHandler(handler)

config_file, site_dir, serve_url = sys.argv[1:4]
config = load_config(config_file=config_file, site_dir=site_dir)
config.plugins.on_startup(command="serve", dirty=False)
config.site_url = serve_url
try:
    build(config, serve_url=serve_url, dirty=False)
finally:
    config.plugins.on_shutdown()
"""

CALL = """---
title: Zukunftswerkstatt Ortskern
summary: Gemeinsam planen wir die Ortsmitte.
format: workshop
start: 2026-12-03T18:00
end: 2026-12-03T21:00
deadline: 2026-12-01
place: {name: Bürgerhaus Weilerbach, address: "Rummelstraße 15, 67685 Weilerbach", lat: 49.4799, lon: 7.6343}
registration: {email: anmeldung@example.org}
contact: {name: Kreisverwaltung, email: kreisentwicklung@example.org}
goals: [ortskerne-beleben]
projects: [dorfladen]
areas: [weilerbach]
---
Wir freuen uns auf Sie.
"""
UPDATE = """---
title: Erste Bilanz
date: 2026-10-15
projects: [dorfladen]
---
Der Laden läuft.
"""
HOME = """# Start

Willkommen.

<!-- ikep:projects -->

## Termine

<!-- ikep:calls -->

## Karte

<!-- ikep:map area=weilerbach -->

## Neuigkeiten

<!-- ikep:updates -->

<!-- ikep:goals -->
"""
# The smallest JPEG header a browser accepts is enough: only its being there counts.
JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")
LOCATED = "location: {lat: 49.48, lon: 7.64}\n"
VALUES_FILE = "daten/mobilitaet.csv"


def _boundary(shift: float = 0.0) -> str:
    """Two Gemeinden of the test boundaries; `shift` moves Weilerbach's outline a little east."""
    shapes = json.loads(BOUNDARY_SOURCE.read_text(encoding="utf-8"))
    kept = [f for f in shapes["features"] if f["properties"]["AGS"] in (WEILERBACH, MEHLBACH)]
    for feature in kept:
        if feature["properties"]["AGS"] == WEILERBACH and shift:
            geometry = feature["geometry"]
            polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
            rings = [ring for polygon in polygons for ring in polygon]
            for ring in rings:
                for point in ring:
                    point[0] = round(point[0] + shift, 6)
    return json.dumps({**shapes, "features": kept}, ensure_ascii=False)


def _options(**changes: object) -> dict[str, object]:
    return {"operator": OPERATOR, "process": {**PROCESS, "area": "weilerbach"}, "build_date": "2026-11-24", **changes}


def _site(root: Path) -> Path:
    files: dict[str, str | bytes] = {
        "index.md": HOME,
        "ziele/ortskerne-beleben.md": GOAL,
        # Its values from a file (values: daten/…csv): an edit of the file alone must reach the page.
        "ziele/mobilitaet.md": GOAL.replace("Ortskerne beleben", "Mobilität sichern").replace(
            "    values:\n      - {year: 2021, value: 8.4}\n      - {year: 2024, value: 7.1}\n",
            f"    values: {VALUES_FILE}\n",
        ),
        VALUES_FILE: "Jahr;Wert\n2021;8,4\n2024;7,1\n",
        "projekte/dorfladen.md": project("Dorfladen Mehlbach", extra=LOCATED + "areas: [weilerbach]\n"),
        "projekte/radweg.md": project("Radweg Lautertal", status="planned", goals="[mobilitaet]"),
        "beteiligung/werkstatt.md": CALL,
        "raeume/weilerbach.md": GEMEINDE_AREA.format(name="Weilerbach", ags=WEILERBACH),
        "aktuelles/bilanz.md": UPDATE,
        BOUNDARY: _boundary(),
    }
    files["raeume/weilerbach.md"] = str(files["raeume/weilerbach.md"]).replace(
        "geodaten/kl-ortsgemeinden.geojson", BOUNDARY
    )
    write_site(
        root,
        files,
        plugin=_options(),
        extra_config={"theme": {"name": "material", "language": "de", "font": False, "custom_dir": "overrides"}},
    )
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    return root


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _set_options(root: Path, **changes: object) -> None:
    """mkdocs.yml with other plugin options (written as YAML, as an editor would)."""
    import yaml

    config_file = root / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["plugins"] = ["search", {"ikep": _options(**changes)}]
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _override(root: Path, marker: str) -> None:
    """The site's own project template: the packaged one with a line of its own."""
    target = root / "overrides" / "ikep" / "project.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = OWN_TEMPLATE.read_text(encoding="utf-8")
    target.write_text(text + f'\n<p class="vorschau">{marker}</p>\n', encoding="utf-8")


WORKFLOW = """
on: push
jobs:
  pages:
    runs-on: ubuntu-latest
    steps:
      - run: mkdocs build --strict
      - run: ikep audit site
"""


@dataclass(frozen=True)
class Edit:
    name: str
    make: Callable[[], object]
    faulty: bool = False  # leaves the site with a problem the build reports


def _edits(root: Path) -> list[Edit]:
    content = root / "content"
    shop = content / "projekte/dorfladen.md"
    path = content / "projekte/radweg.md"
    goal = content / "ziele/ortskerne-beleben.md"
    values = content / VALUES_FILE

    return [
        Edit("Text eines Projekts", lambda: _replace(shop, "Beschreibung.", "Der Laden hat jetzt sonntags auf.")),
        Edit("Titel eines Projekts", lambda: _replace(shop, 'title: "Dorfladen Mehlbach"', 'title: "Dorfladen eG"')),
        Edit(
            "Verweis (goals eines Projekts)",
            lambda: _replace(path, "goals: [mobilitaet]", "goals: [mobilitaet, ortskerne-beleben]"),
        ),
        Edit("Wert eines Indikators", lambda: _replace(goal, "{year: 2024, value: 7.1}", "{year: 2025, value: 6.4}")),
        Edit("Werte-Datei eines Indikators", lambda: _replace(values, "2024;7,1\n", "2024;7,1\n2025;6,4\n")),
        Edit("Werte-Datei mit Fehler", lambda: _replace(values, "2025;6,4", "2025;6.400"), faulty=True),
        Edit("Werte-Datei berichtigt", lambda: _replace(values, "2025;6.400", "2025;6,3")),
        Edit("Werte-Datei gelöscht", lambda: values.unlink(), faulty=True),
        Edit("Werte-Datei wieder da", lambda: values.write_text("Jahr;Wert\n2021;8,4\n", encoding="utf-8")),
        Edit("Grenzdatei", lambda: (content / BOUNDARY).write_text(_boundary(shift=0.01), encoding="utf-8")),
        Edit("neue Vorlage", lambda: _override(root, "Vorschau eins")),
        Edit("geänderte Vorlage", lambda: _override(root, "Vorschau zwei")),
        Edit("gelöschte Datei", lambda: (content / "aktuelles/bilanz.md").unlink()),
        Edit(
            "neue Datei",
            lambda: (content / "projekte/jugendraum.md").write_text(
                project("Jugendraum Weilerbach", extra="areas: [weilerbach]\n"), encoding="utf-8"
            ),
        ),
        Edit(
            "Verweis auf ein fehlendes Ziel",
            lambda: _replace(path, "ortskerne-beleben]", "ortskerne-beleben, gibt-es-nicht]"),
            faulty=True,
        ),
        Edit("Verweis berichtigt", lambda: _replace(path, ", gibt-es-nicht]", "]")),
        Edit(
            "Bild, das es noch nicht gibt",
            lambda: _replace(path, "status: planned", "status: planned\nimage: bilder/radweg.jpg\nimage_alt: Radweg"),
            faulty=True,
        ),
        Edit("Bild hochgeladen", lambda: _write_bytes(content / "bilder/radweg.jpg", JPEG)),
        Edit("Grenzdatei gelöscht", lambda: (content / BOUNDARY).unlink(), faulty=True),
        Edit("Grenzdatei wieder da", lambda: (content / BOUNDARY).write_text(_boundary(), encoding="utf-8")),
        Edit(
            "use_directory_urls in mkdocs.yml",
            lambda: _replace(
                root / "mkdocs.yml", "docs_dir: content\n", "docs_dir: content\nuse_directory_urls: false\n"
            ),
        ),
        Edit(
            "Option in mkdocs.yml",
            lambda: _set_options(
                root, process={**PROCESS, "name": "Zukunft Weilerbach", "area": "weilerbach"}, hosting="Eigener Server"
            ),
        ),
    ]


def _workflow_then_text(root: Path) -> None:
    """A workflow that audits the site; serve watches content/, not .github/: an edit there rebuilds."""
    (root / ".github/workflows").mkdir(parents=True)
    (root / ".github/workflows/pages.yml").write_text(WORKFLOW, encoding="utf-8")
    _replace(root / "content/index.md", "Willkommen.", "Herzlich willkommen.")


def _write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Preview:
    """`mkdocs serve` in a subprocess; its log in a file, its site in a folder of our own."""

    def __init__(self, root: Path, temp: Path, env: dict[str, str]) -> None:
        self.port = _free_port()
        self.temp = temp
        self.log_path = root / "serve.log"
        self.log: IO[bytes] = self.log_path.open("wb")
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml")]
        command += ["-a", f"127.0.0.1:{self.port}", "--watch", str(root / "overrides")]
        # mkdocs serve builds into tempfile.mkdtemp(): under TMPDIR, so the test can list it.
        self.process = subprocess.Popen(
            command, cwd=root, env={**env, "TMPDIR": str(temp)}, stdout=self.log, stderr=subprocess.STDOUT
        )
        self.url = self._wait_for_address()
        self.epoch = self._rebuilt_after(0, START_TIMEOUT)

    def _output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def _wait_for_address(self) -> str:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            found = re.search(r"Serving on (http://127\.0\.0\.1:\d+/\S*)", self._output())
            if found:
                return found.group(1)
            assert self.process.poll() is None, self._output()
            time.sleep(0.1)
        raise AssertionError("mkdocs serve did not start:\n" + self._output())

    def _rebuilt_after(self, epoch: int, timeout: float) -> int:
        newer = self._newer_epoch(epoch, timeout)
        if newer is None:
            raise AssertionError(f"no rebuild within {timeout} s:\n" + self._output())
        return newer

    def _newer_epoch(self, epoch: int, timeout: float) -> int | None:
        """The site version the server shows once it is newer than `epoch` (livereload's long poll)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self._output()
            assert "An error happened during the rebuild" not in self._output(), self._output()
            address = f"http://127.0.0.1:{self.port}/livereload/{epoch}/1"
            wait = max(0.05, min(2.0, deadline - time.monotonic()))  # the server holds the poll until a rebuild
            try:
                with urllib.request.urlopen(address, timeout=wait) as answer:
                    shown = int(answer.read())
            except (TimeoutError, urllib.error.URLError, ConnectionError):
                continue
            if shown > epoch:
                return shown
        return None

    def logged(self) -> int:
        """How much the server has logged so far: mark it before an edit, for `rebuilt`."""
        return len(self._output())

    def rebuilt(self, since: int) -> list[str]:
        """Wait for the rebuild an edit starts and until no other one follows; the last one's warnings."""
        self.epoch = self._rebuilt_after(self.epoch, REBUILD_TIMEOUT)
        while (newer := self._newer_epoch(self.epoch, QUIET)) is not None:
            self.epoch = newer
        last_build = self._output()[since:].rsplit("Building documentation...", 1)[-1]
        return _warnings(last_build)

    def site_dir(self) -> Path:
        (found,) = self.temp.glob("mkdocs_*")
        return found

    def fetch(self, path: str) -> bytes:
        quoted = urllib.parse.quote(path)
        with urllib.request.urlopen(self.url + quoted, timeout=10) as answer:
            return bytes(answer.read())

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def _files_below(folder: Path) -> dict[str, Path]:
    return {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*")) if path.is_file()}


def _contents(files: dict[str, Path]) -> dict[str, bytes]:
    return {path: file.read_bytes() for path, file in files.items()}


def _warnings(log: str) -> list[str]:
    return [line.strip() for line in log.splitlines() if line.startswith("WARNING")]


class FreshBuild:
    """A fresh build of the site as it is now, in a process of its own (beside the server's rebuild)."""

    def __init__(self, root: Path, target: Path, serve_url: str, env: dict[str, str]) -> None:
        if target.exists():
            shutil.rmtree(target)
        self.target = target
        command = [sys.executable, "-c", FRESH_BUILD, str(root / "mkdocs.yml"), str(target), serve_url]
        self.process = subprocess.Popen(
            command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    def result(self) -> tuple[dict[str, Path], list[str]]:
        """Its files and its warnings."""
        stdout, stderr = self.process.communicate(timeout=120)
        assert self.process.returncode == 0, stdout + stderr
        return _files_below(self.target), _warnings(stderr)


def _as_built(served: bytes, path: str) -> bytes:
    """A served file as it is on disk: HTML without the script livereload puts in when serving it."""
    return LIVERELOAD.sub(b"", served, count=1) if path.endswith(".html") else served


def _difference(kept: bytes, fresh: bytes) -> str:
    start = next((i for i, (a, b) in enumerate(zip(kept, fresh, strict=False)) if a != b), min(len(kept), len(fresh)))
    return f"kept: {kept[max(0, start - 80) : start + 120]!r}\nfresh: {fresh[max(0, start - 80) : start + 120]!r}"


def _compare(preview: Preview, fresh: dict[str, Path]) -> list[str]:
    """Every difference between the served site and the fresh build, one line (or three) each."""
    problems: list[str] = []
    served = set(_files_below(preview.site_dir()))
    problems += [f"{path}: served, but not in the fresh build" for path in sorted(served - set(fresh))]
    for path, fresh_file in fresh.items():
        try:
            kept = _as_built(preview.fetch(path), path)
        except urllib.error.HTTPError as error:
            problems.append(f"{path}: HTTP {error.code}")
            continue
        expected = fresh_file.read_bytes()
        if kept != expected:
            problems.append(f"{path}: differs\n{_difference(kept, expected)}")
    return problems


def _session(
    tmp_path: Path, edits: Callable[[Path], list[Edit]], site: Callable[[Path], Path] = _site
) -> dict[str, list[str]]:
    """Serve a fixture site, make the edits one after the other; what differs from a fresh build after each."""
    root = site(tmp_path / "site")
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    preview = Preview(root, temp, env)
    problems: dict[str, list[str]] = {}
    try:
        fresh, warnings = FreshBuild(root, tmp_path / "fresh", preview.url, env).result()
        assert len(fresh) > 50  # a real site, not an empty one
        assert warnings == [], warnings  # valid content: each edit below changes what it says
        problems["erster Build"] = _compare(preview, fresh)
        before = (_contents(fresh), warnings)
        for edit in edits(root):
            logged = preview.logged()
            edit.make()
            building = FreshBuild(root, tmp_path / "fresh", preview.url, env)
            kept_warnings = preview.rebuilt(since=logged)
            fresh, warnings = building.result()
            found = _compare(preview, fresh)
            after = (_contents(fresh), warnings)
            if after == before:  # the step would prove nothing
                found.append("the edit changes nothing in a fresh build, nor what it reports")
            before = after
            if bool(warnings) != edit.faulty:
                found.append(f"the fresh build warns {warnings}, expected {'some' if edit.faulty else 'none'}")
            if kept_warnings != warnings:
                found.append(f"warnings: kept rebuild {kept_warnings}, fresh build {warnings}")
            problems[edit.name] = found
    finally:
        preview.stop()
    return {name: found for name, found in problems.items() if found}


def _report(stale: dict[str, list[str]]) -> str:
    return "\n\n".join(f"== {name}\n" + "\n".join(found) for name, found in stale.items())


def test_every_edit_under_mkdocs_serve_gives_the_site_a_fresh_build_gives(tmp_path: Path) -> None:
    stale = _session(tmp_path, _edits)
    assert not stale, _report(stale)


PORTAL_PROFILE = "name: Zukunfts-Check Dorf {name}\nkind: Zukunfts-Check Dorf\n"


def _portal(root: Path) -> Path:
    """Two processes; a project of Katzweiler serves a goal of Mehlbach too."""
    files: dict[str, str | bytes] = {"index.md": "# Portal\n\n<!-- ikep:processes -->\n", **GEOAREAS}
    for village in ("mehlbach", "katzweiler"):
        files[f"{village}/prozess.yml"] = PORTAL_PROFILE.format(name=village.title())
        files[f"{village}/ziele/ortskerne-beleben.md"] = GOAL.replace("Ortskerne beleben", f"Ortskern {village}")
        files[f"{village}/projekte/laden.md"] = project(f"Laden in {village.title()}")
        files[f"{village}/index.md"] = "# Start\n\n<!-- ikep:projects -->\n"
    files["mehlbach/raeume/gemeinde.md"] = GEMEINDE_AREA.format(name="Mehlbach", ags=MEHLBACH)
    both = "[ortskerne-beleben, mehlbach/ortskerne-beleben]"
    files["katzweiler/projekte/radweg.md"] = project("Radweg", goals=both)
    write_site(root, files, plugin={"process": None})
    (root / "overrides").mkdir()
    return root


def _portal_edits(root: Path) -> list[Edit]:
    content = root / "content"
    profile = content / "mehlbach/prozess.yml"

    def new_process() -> None:
        (content / "otterbach/projekte").mkdir(parents=True)
        (content / "otterbach/prozess.yml").write_text(PORTAL_PROFILE.format(name="Otterbach"), encoding="utf-8")
        shop = project("Laden in Otterbach", goals="[mehlbach/ortskerne-beleben]")
        (content / "otterbach/projekte/laden.md").write_text(shop, encoding="utf-8")

    return [
        Edit(
            "Ziel, dem ein anderer Prozess dient",
            lambda: _replace(content / "mehlbach/ziele/ortskerne-beleben.md", "Ortskern mehlbach", "Ortsmitte"),
        ),
        Edit(
            "Profil eines Prozesses (prozess.yml)",
            lambda: profile.write_text(profile.read_text(encoding="utf-8") + "area: gemeinde\n", encoding="utf-8"),
        ),
        Edit("neuer Prozess", new_process),
    ]


def test_in_a_portal_every_edit_gives_the_site_a_fresh_build_gives(tmp_path: Path) -> None:
    stale = _session(tmp_path, _portal_edits, _portal)
    assert not stale, _report(stale)


def test_a_workflow_that_starts_auditing_reaches_the_accessibility_statement(tmp_path: Path) -> None:
    stale = _session(tmp_path, lambda root: [Edit("Workflow mit ikep audit", partial(_workflow_then_text, root))])
    assert not stale, _report(stale)


def test_a_kept_problem_names_the_file_where_it_is_read_now(tmp_path: Path) -> None:
    """A kept file's diagnostics are kept with it: after docs_dir changes, they must name the new place."""
    cache = BuildCache()
    for folder in ("content", "docs"):
        (tmp_path / folder / "projekte").mkdir(parents=True)
        (tmp_path / folder / "projekte/laden.md").write_text(project("Laden", goals="[]"), encoding="utf-8")
    before = Loader(tmp_path / "content", display_prefix="content/", cache=cache).load(["projekte/laden.md"])
    after = Loader(tmp_path / "docs", display_prefix="docs/", cache=cache).load(["projekte/laden.md"])
    assert [str(problem).split(":")[0] for problem in before.report.sorted()] == ["content/projekte/laden.md"]
    assert [str(problem).split(":")[0] for problem in after.report.sorted()] == ["docs/projekte/laden.md"]
