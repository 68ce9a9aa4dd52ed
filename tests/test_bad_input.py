"""Bad editor input, built into real sites with `mkdocs build`.

Every mistake must come back as `content/<file>:<line>: <German message>`; `--strict` fails on
it, a plain build warns, leaves the broken entity out and finishes; nothing ever ends in a
Python traceback. Each case builds a small site in `tmp_path`, strict and plain side by side.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

GEODATA = Path(__file__).resolve().parent.parent / "content" / "geodaten" / "kl-ortsgemeinden.geojson"
if not GEODATA.is_file():  # the same file ships with the demo site
    GEODATA = Path(__file__).parent.parent / "content" / "geodaten" / "kl-ortsgemeinden.geojson"

PROCESS = """\
      process:
        name: Testprozess
        phases:
          - {name: Bestandsaufnahme, start: 2024-01-01, end: 2024-12-31}
        foundations:
          management: {state: "yes", note: Eine Stabsstelle steuert den Prozess.}
"""
OPERATOR = """\
      operator:
        name: Kreisverwaltung Test
        address: "Teststraße 1, 12345 Teststadt"
        email: poststelle@example.org
"""
CONFIG_HEAD = """\
site_name: Testseite
docs_dir: content
theme:
  name: material
  language: de
  font: false
plugins:
  - search
  - ikep:
"""
CONFIG = CONFIG_HEAD + PROCESS + OPERATOR

VALID_GOAL = """\
---
title: Ortskerne beleben
summary: Weniger Leerstand in den Dorfmitten.
indicators:
  - id: leerstand
    name: Leerstandsquote
    unit: "%"
    better: lower
    corridor:
      - {year: 2024, min: 6.0, max: 8.0}
      - {year: 2030, min: 3.0, max: 5.0}
    values:
      - {year: 2024, value: 7.1}
---

Viele Ortskerne haben sich geleert.
"""
VALID_PROJECT = """\
---
title: Rufbus Lautertal
status: in_progress
goals: [ortskerne-beleben]
---

Ein Rufbus für das Lautertal.
"""
BASE_FILES: dict[str, str | bytes] = {
    "index.md": "# Startseite\n\nWillkommen.\n",
    "ziele/ortskerne-beleben.md": VALID_GOAL,
    "projekte/rufbus-lautertal.md": VALID_PROJECT,
}
VALID_PAGES = ("index.md", "ziele/ortskerne-beleben.md", "projekte/rufbus-lautertal.md")
ENTITY_FOLDERS = ("ziele", "projekte", "beteiligung", "raeume", "netzwerke", "aktuelles")


def fm(*lines: str, body: str = "Beschreibung.") -> str:
    """A Markdown file with front matter: `lines[0]` is on file line 2."""
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"


def project(*lines: str) -> str:
    """A valid project's front matter with `lines` appended (from file line 5 on)."""
    return fm("title: Dorfladen Mehlbach", "status: in_progress", "goals: [ortskerne-beleben]", *lines)


def call(*lines: str) -> str:
    """A valid call's front matter with `lines` appended (from file line 5 on)."""
    return fm("title: Zukunftswerkstatt", "format: workshop", "start: 2026-12-03T18:00", *lines)


def area(*lines: str) -> str:
    """An area with the Kaiserslautern municipalities as geometry (more lines from file line 6 on)."""
    return fm(
        "title: Kooperationsraum Lautertal",
        "kind: kooperationsraum",
        "geometry: geodaten/kl-ortsgemeinden.geojson",
        "key: AGS",
        *lines,
    )


def goal_with_indicator(*lines: str) -> str:
    """A goal with one indicator whose keys `lines` are (the first on file line 4)."""
    return fm("title: Mobil ohne Auto", "indicators:", *("  " + line for line in lines))


@dataclass(frozen=True)
class Expect:
    path: str  # as shown to editors, e.g. "content/projekte/dorfladen.md"
    at: int | str | None  # the line, or a text that only the offending line contains; None: no line
    words: str  # a distinctive part of the German message


@dataclass(frozen=True)
class Case:
    id: str
    files: Mapping[str, str | bytes]
    expected: tuple[Expect, ...]
    left_out: tuple[str, ...] | None = None  # src_uris not built; None: every entity file of `files`
    config: str = CONFIG

    def pages_left_out(self) -> tuple[str, ...]:
        if self.left_out is not None:
            return self.left_out
        return tuple(uri for uri in self.files if uri.endswith(".md") and uri.split("/")[0] in ENTITY_FOLDERS)


def case(
    id: str, src_uri: str, text: str | bytes, at: int | str | None, words: str, *, kept: bool = False
) -> pytest.ParameterSet:
    """One broken file; `kept`: the entity is still shown (a dropped reference)."""
    expected = (Expect(f"content/{src_uri}", at, words),)
    return pytest.param(Case(id, {src_uri: text}, expected, left_out=() if kept else None), id=id)


def config_case(id: str, config: str, at: int | str | None, words: str) -> pytest.ParameterSet:
    return pytest.param(Case(id, {}, (Expect("mkdocs.yml", at, words),), config=config), id=id)


CASES = [
    # Wrong shapes and types
    case(
        "list-for-text",
        "projekte/dorfladen.md",
        fm("title: [Dorfladen, Mehlbach]", "status: idea", "goals: [ortskerne-beleben]"),
        2,
        "title muss ein Text sein, hier steht eine Liste",
    ),
    case(
        "mapping-for-number",
        "projekte/dorfladen.md",
        project("progress: {wert: 40}"),
        5,
        "progress muss eine ganze Zahl sein, hier steht eine Gruppe",
    ),
    case(
        "block-list-for-text",
        "projekte/dorfladen.md",
        project("lead:", "  - Ortsgemeinde", "  - Verein"),
        "lead:",
        "lead muss ein Text sein, hier steht eine Liste",
    ),
    case(
        "text-for-number",
        "projekte/dorfladen.md",
        project("budget: 250000 Euro"),
        5,
        "budget: '250000 Euro' ist keine Zahl",
    ),
    case(
        "empty-title",
        "projekte/dorfladen.md",
        fm("title:", "status: idea", "goals: [ortskerne-beleben]"),
        2,
        "title ist leer",
    ),
    case(
        "empty-goal-list",
        "projekte/dorfladen.md",
        fm("title: Dorfladen", "status: idea", "goals: []"),
        4,
        "goals braucht mindestens einen Eintrag",
    ),
    # Keys
    case(
        "unknown-key",
        "projekte/dorfladen.md",
        project("sumary: Ein Laden im Dorf."),
        5,
        "Unbekannte Angabe sumary. Möglich sind: title, summary",
    ),
    case(
        "unknown-key-suggestion",
        "projekte/dorfladen.md",
        project("sumary: Ein Laden im Dorf."),
        5,
        "Meinten Sie summary?",
    ),
    case(
        "key-twice",
        "projekte/dorfladen.md",
        project("lead: Verein", "title: Noch ein Titel"),
        "Noch ein Titel",
        "title steht doppelt (zuerst in Zeile 2)",
    ),
    case(
        "missing-title",
        "projekte/dorfladen.md",
        fm("status: idea", "goals: [ortskerne-beleben]"),
        2,
        "Die Pflichtangabe title fehlt",
    ),
    case(
        "missing-nested-key",
        "projekte/dorfladen.md",
        project("location:", "  lat: 49.5"),
        "location:",
        "Die Pflichtangabe location.lon fehlt",
    ),
    # Choices
    case(
        "status-german-word",
        "projekte/dorfladen.md",
        fm("title: Dorfladen", "status: laufend", "goals: [ortskerne-beleben]"),
        3,
        "status: 'laufend' ist nicht erlaubt. Möglich sind: idea, planned, in_progress, done, paused, dropped. "
        "Meinten Sie in_progress?",
    ),
    case(
        "call-format-german-word",
        "beteiligung/werkstatt.md",
        fm("title: Werkstatt", "format: Werkstatt", "start: 2026-12-03"),
        3,
        "Meinten Sie workshop?",
    ),
    case(
        "unknown-better",
        "ziele/mobil-ohne-auto.md",
        goal_with_indicator(
            "- id: pendler",
            "  name: Pendleranteil",
            '  unit: "%"',
            "  better: weniger",
            "  corridor: [{year: 2024, min: 6, max: 8}, {year: 2030, min: 3, max: 5}]",
        ),
        "better:",
        "'weniger' ist nicht erlaubt. Möglich sind: lower, higher",
    ),
    # Dates
    case(
        "impossible-date",
        "projekte/dorfladen.md",
        project("start: 2026-13-45"),
        5,
        "'2026-13-45' ist kein gültiges Datum",
    ),
    case(
        "german-date-without-year",
        "projekte/dorfladen.md",
        project("start: 11.02."),
        5,
        "'11.02.' ist in deutscher Schreibweise",
    ),
    case(
        "german-date-with-year",
        "beteiligung/werkstatt.md",
        fm("title: Werkstatt", "format: workshop", "start: 03.12.2026"),
        4,
        "'03.12.2026' ist in deutscher Schreibweise",
    ),
    case(
        "impossible-time",
        "beteiligung/werkstatt.md",
        call("end: 2026-12-03T25:00"),
        5,
        "'2026-12-03T25:00' ist kein gültiges Datum",
    ),
    case(
        "time-where-date-only",
        "projekte/dorfladen.md",
        project("start: 2026-12-03T18:00"),
        5,
        "nur ein Datum ohne Uhrzeit",
    ),
    case(
        "end-before-start",
        "projekte/dorfladen.md",
        project("start: 2026-05-01", "end: 2025-05-01"),
        "end:",
        "end: 2025-05-01 liegt vor dem Beginn 2026-05-01",
    ),
    case("call-end-before-start", "beteiligung/werkstatt.md", call("end: 2026-12-03T17:00"), 5, "liegt vor dem Beginn"),
    # Numbers
    case(
        "progress-too-large",
        "projekte/dorfladen.md",
        project("progress: 140"),
        5,
        "progress: 140 liegt nicht zwischen 0 und 100",
    ),
    case("huge-number", "projekte/dorfladen.md", project("budget: " + "9" * 400), 5, "ist keine Zahl"),
    case(
        "progress-negative",
        "projekte/dorfladen.md",
        project("lead: Verein", "progress: -5"),
        6,
        "progress: -5 liegt nicht zwischen 0 und 100",
    ),
    case(
        "ambiguous-thousands-block",
        "ziele/mobil-ohne-auto.md",
        goal_with_indicator(
            "- id: pendler",
            "  name: Pendleranteil",
            '  unit: "%"',
            "  better: lower",
            "  corridor: [{year: 2024, min: 6, max: 8}, {year: 2030, min: 3, max: 5}]",
            "  values:",
            "    - year: 2024",
            "      value: 7,1",  # a decimal comma is read
            "    - year: 2025",
            "      value: 7.100",
        ),
        "value: 7.100",
        "7.100 kann 7,1 oder 7100 bedeuten. Schreiben Sie 7100 oder 7.1.",
    ),
    case(
        "decimal-comma-flow",
        "ziele/mobil-ohne-auto.md",
        goal_with_indicator(
            "- id: pendler",
            "  name: Pendleranteil",
            '  unit: "%"',
            "  better: lower",
            "  corridor: [{year: 2024, min: 6, max: 8}, {year: 2030, min: 3, max: 5}]",
            "  values: [{year: 2024, value: 7,1}]",
        ),
        "values:",
        "In geschweiften Klammern { } trennt das Komma die Angaben; aus value: 7,1 werden so value: 7 und eine "
        'Angabe 1. Schreiben Sie value: 7.1 oder in Anführungszeichen value: "7,1".',
    ),
    # Indicators and corridors
    case(
        "duplicate-indicator-id",
        "ziele/mobil-ohne-auto.md",
        goal_with_indicator(
            "- id: pendler",
            "  name: Pendleranteil",
            '  unit: "%"',
            "  better: lower",
            "  corridor: [{year: 2024, min: 6, max: 8}, {year: 2030, min: 3, max: 5}]",
            "- id: pendler",
            "  name: Pendlerzeit",
            "  unit: Minuten",
            "  better: lower",
            "  corridor: [{year: 2024, min: 30, max: 40}, {year: 2030, min: 20, max: 30}]",
        ),
        9,
        "indicators: Die Kennung 'pendler' steht doppelt (zuerst in Zeile 4)",
    ),
    case(
        "corridor-one-point",
        "ziele/mobil-ohne-auto.md",
        goal_with_indicator(
            "- id: pendler",
            "  name: Pendleranteil",
            '  unit: "%"',
            "  better: lower",
            "  corridor:",
            "    - {year: 2024, min: 6, max: 8}",
        ),
        "corridor:",
        "corridor braucht mindestens 2 Einträge",
    ),
    case(
        "duplicate-value-year",
        "ziele/mobil-ohne-auto.md",
        goal_with_indicator(
            "- id: pendler",
            "  name: Pendleranteil",
            '  unit: "%"',
            "  better: lower",
            "  corridor: [{year: 2024, min: 6, max: 8}, {year: 2030, min: 3, max: 5}]",
            "  values:",
            "    - {year: 2024, value: 7.1}",
            "    - {year: 2025, value: 6.8}",
            "    - {year: 2024, value: 6.9}",
        ),
        "value: 6.9",
        "Das Jahr 2024 steht doppelt (zuerst in Zeile 10)",
    ),
    case(
        "duplicate-corridor-year",
        "ziele/mobil-ohne-auto.md",
        goal_with_indicator(
            "- id: pendler",
            "  name: Pendleranteil",
            '  unit: "%"',
            "  better: lower",
            "  corridor:",
            "    - {year: 2024, min: 6, max: 8}",
            "    - {year: 2024, min: 3, max: 5}",
        ),
        "min: 3",
        "Das Jahr 2024 steht doppelt (zuerst in Zeile 9)",
    ),
    case(
        "corridor-min-above-max",
        "ziele/mobil-ohne-auto.md",
        goal_with_indicator(
            "- id: pendler",
            "  name: Pendleranteil",
            '  unit: "%"',
            "  better: lower",
            "  corridor:",
            "    - {year: 2024, min: 6, max: 8}",
            "    - {year: 2030, min: 5, max: 3}",
        ),
        "year: 2030",
        "Im Jahr 2030 ist min (5) größer als max (3)",
    ),
    case(
        "corridor-point-bad-min",
        "ziele/mobil-ohne-auto.md",
        goal_with_indicator(
            "- id: pendler",
            "  name: Pendleranteil",
            '  unit: "%"',
            "  better: lower",
            "  corridor:",
            "    - year: 2024",
            "      min: sechs",
            "      max: 8",
            "    - {year: 2030, min: 3, max: 5}",
        ),
        "min: sechs",
        "'sechs' ist keine Zahl",
    ),
    # Images
    case(
        "image-without-alt",
        "projekte/dorfladen.md",
        project("image: bilder/laden.jpg"),
        5,
        "image_alt fehlt. Zu jedem Bild gehört ein Alternativtext",
    ),
    case(
        "image-not-found",
        "projekte/dorfladen.md",
        project("image: bilder/fehlt.jpg", "image_alt: Der Laden von außen"),
        5,
        "image: Die Datei 'bilder/fehlt.jpg' gibt es im Ordner content/ nicht",
    ),
    # YAML syntax
    case(
        "unclosed-quote",
        "projekte/dorfladen.md",
        fm('title: "Dorfladen Mehlbach', "status: idea", "goals: [ortskerne-beleben]"),
        2,
        "Ein Anführungszeichen oder eine Klammer wird nicht geschlossen",
    ),
    case(
        "unclosed-bracket",
        "projekte/dorfladen.md",
        fm("title: Dorfladen Mehlbach", "status: idea", "goals: [ortskerne-beleben", "lead: Verein"),
        4,
        "nicht richtig geschlossen",
    ),
    case(
        "tab-indentation",
        "projekte/dorfladen.md",
        project("location:", "\tlat: 49.5", "\tlon: 7.7"),
        6,
        "Tabulatorzeichen",
    ),
    case(
        "stray-colon",
        "projekte/dorfladen.md",
        project("lead: Ortsgemeinde: Mehlbach"),
        5,
        "Enthält ein Text einen Doppelpunkt, bitte den ganzen Text in Anführungszeichen",
    ),
    case(
        "front-matter-list",
        "projekte/dorfladen.md",
        fm("- title: Dorfladen", "- status: idea"),
        2,
        "nicht aus einer Liste oder einem einzelnen Wert",
    ),
    case(
        "front-matter-scalar",
        "projekte/dorfladen.md",
        fm("Dorfladen Mehlbach"),
        2,
        "nicht aus einer Liste oder einem einzelnen Wert",
    ),
    case("empty-file", "projekte/dorfladen.md", "", 1, "Die Datei ist leer"),
    case("empty-front-matter", "projekte/dorfladen.md", "---\n---\n", 1, "Der Front-Matter-Block ist leer"),
    case(
        "no-front-matter",
        "projekte/dorfladen.md",
        "# Dorfladen\n\nText.\n",
        1,
        "beginnt nicht mit einem Front-Matter-Block",
    ),
    case(
        "front-matter-unclosed",
        "projekte/dorfladen.md",
        "---\ntitle: Dorfladen\nstatus: idea\ngoals: [ortskerne-beleben]\n\nText.\n",
        1,
        "nicht mit einer Zeile --- abgeschlossen",
    ),
    case(
        "latin-1",
        "projekte/dorfladen.md",
        "---\nlead: Verein\ntitle: Dorfladen Mühlbach\n".encode("latin-1")
        + b"status: idea\ngoals: [ortskerne-beleben]\n---\n",
        3,
        "nicht als UTF-8 gespeichert (unlesbares Byte 0xFC)",
    ),
    # References
    case(
        "dangling-goal",
        "projekte/dorfladen.md",
        fm("title: Dorfladen", "status: idea", "goals:", "  - ortskerne-beleben", "  - ortskern"),
        "- ortskern\n",
        "goals: Das Ziel 'ortskern' gibt es nicht. Vorhanden: ortskerne-beleben.",
        kept=True,
    ),
    case(
        "dangling-project-from-call",
        "beteiligung/werkstatt.md",
        call("projects: [rufbus, dorfladen]"),
        5,
        "projects: Das Schlüsselprojekt 'rufbus' gibt es nicht. Vorhanden: rufbus-lautertal.",
        kept=True,
    ),
    case(
        "bad-reference-id",
        "projekte/dorfladen.md",
        project("areas: [VG Weilerbach]"),
        5,
        "'VG Weilerbach' ist keine gültige Kennung eines Eintrags",
    ),
    # File names
    case(
        "file-name-with-space",
        "projekte/Dorfladen Mehlbach.md",
        project(),
        None,
        "Bitte umbenennen in 'dorfladen-mehlbach.md'",
    ),
    case(
        "file-name-with-umlaut", "projekte/mitfahrbänke.md", project(), None, "Bitte umbenennen in 'mitfahrbaenke.md'"
    ),
    # Links and addresses
    case(
        "javascript-url",
        "beteiligung/werkstatt.md",
        call("online: javascript:alert(1)"),
        5,
        "online: 'javascript:alert(1)' ist keine gültige Adresse",
    ),
    case(
        "invalid-contact-email",
        "beteiligung/werkstatt.md",
        call("accessibility: Stufenlos.", "contact: {name: Stabsstelle, email: stabsstelle(at)example.org}"),
        6,
        "contact.email: 'stabsstelle(at)example.org' ist keine gültige E-Mail-Adresse",
    ),
    # Areas and geometry
    case(
        "unknown-member",
        "raeume/lautertal.md",
        area("members:", '  - "07335025"', '  - "07335999"'),
        "07335999",
        "members: '07335999' gibt es in geodaten/kl-ortsgemeinden.geojson nicht",
    ),
    case(
        "unknown-member-flow",
        "raeume/lautertal.md",
        area('members: ["07335025", "07335999"]'),
        6,
        "members: '07335999' gibt es in geodaten/kl-ortsgemeinden.geojson nicht",
    ),
    case(
        "missing-geometry",
        "raeume/lautertal.md",
        fm(
            "title: Lautertal",
            "kind: kooperationsraum",
            "geometry: geodaten/fehlt.geojson",
            "key: AGS",
            'members: ["07335025"]',
        ),
        4,
        "geometry: Die Datei 'geodaten/fehlt.geojson' gibt es nicht",
    ),
    # Placeholders in ordinary pages
    pytest.param(
        Case(
            "unknown-placeholder",
            {"seite.md": "# Seite\n\nText.\n\n<!-- ikep:projekte -->\n"},
            (
                Expect("content/seite.md", 5, "Unbekannter Platzhalter ikep:projekte"),
                Expect("content/seite.md", 5, "Meinten Sie projects?"),
            ),
        ),
        id="unknown-placeholder",
    ),
    pytest.param(
        Case(
            "unknown-placeholder-option",
            {"seite.md": "# Seite\n\n<!-- ikep:goals -->\n\n<!-- ikep:projects farbe=rot -->\n"},
            (Expect("content/seite.md", 5, "ikep:projects: unbekannte Option 'farbe'"),),
        ),
        id="unknown-placeholder-option",
    ),
    pytest.param(
        Case(
            "bad-placeholder-value",
            {"seite.md": "# Seite\n\n<!-- ikep:projects status=laufend -->\n"},
            (Expect("content/seite.md", 3, "status=laufend ist nicht möglich"),),
        ),
        id="bad-placeholder-value",
    ),
    # mkdocs.yml
    config_case("operator-missing", CONFIG_HEAD + PROCESS, None, "Die Angaben zum Betreiber (operator:"),
    config_case(
        "operator-bad-email",
        CONFIG_HEAD + PROCESS + OPERATOR.replace("poststelle@example.org", "poststelle"),
        19,
        "operator.email: 'poststelle' ist keine gültige E-Mail-Adresse",
    ),
    config_case(
        "process-bad-state",
        CONFIG.replace('state: "yes"', "state: vielleicht"),
        15,
        "'vielleicht' ist nicht erlaubt. Möglich sind: yes, partly, no",
    ),
    config_case(
        "process-phase-german-date",
        CONFIG.replace("start: 2024-01-01", "start: 01.01.2024"),
        13,
        "'01.01.2024' ist in deutscher Schreibweise",
    ),
]


@dataclass
class Build:
    returncode: int
    output: str  # stdout and stderr
    site: Path

    def built(self, src_uri: str) -> bool:
        stem = src_uri[: -len(".md")]
        page = "index.html" if stem == "index" else f"{stem}/index.html"
        return (self.site / page).is_file()


@dataclass
class Builds:
    strict: Build
    plain: Build
    lines: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = self.plain.output.splitlines()


def make_site(root: Path, files: Mapping[str, str | bytes], config: str = CONFIG) -> Path:
    # Last, so every line above keeps its number: without site_url a strict build fails by itself.
    if "\nsite_url:" not in config:
        config = config.rstrip("\n") + "\nsite_url: https://example.org/test/\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    content = root / "content"
    (content / "geodaten").mkdir(parents=True)
    shutil.copy(GEODATA, content / "geodaten" / GEODATA.name)
    for src_uri, text in {**BASE_FILES, **files}.items():
        path = content / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def build(root: Path) -> Builds:
    """`mkdocs build --strict` and `mkdocs build` of the site in `root`, run side by side."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    running = {}
    for name, flags in (("strict", ["--strict"]), ("plain", [])):
        command = [sys.executable, "-m", "mkdocs", "build", *flags, "--site-dir", str(root / f"site-{name}")]
        running[name] = subprocess.Popen(
            command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8"
        )
    done = {}
    for name, process in running.items():
        output, _ = process.communicate(timeout=120)
        done[name] = Build(process.returncode, output, root / f"site-{name}")
    return Builds(done["strict"], done["plain"])


def line_of(text: str | bytes, at: int | str | None) -> int | None:
    if at is None or isinstance(at, int):
        return at
    source = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    index = source.find(at)
    assert index >= 0 and source.find(at, index + 1) < 0, f"{at!r} must occur exactly once"
    return source.count("\n", 0, index) + 1


def assert_reported(builds: Builds, expect: Expect, source: str | bytes) -> None:
    line = line_of(source, expect.at)
    prefix = f"{expect.path}:{line}: " if line is not None else f"{expect.path}: "
    matching = [text for text in builds.lines if prefix in text and expect.words in text]
    assert matching, f"no warning '{prefix}…{expect.words}…' in:\n{builds.plain.output}"
    strict_lines = builds.strict.output.splitlines()
    assert any(prefix in text and expect.words in text for text in strict_lines), builds.strict.output


def assert_sane(builds: Builds) -> None:
    for result in (builds.strict, builds.plain):
        assert "Traceback" not in result.output, result.output
        assert "ERROR" not in result.output and "\nError:" not in "\n" + result.output, result.output
    assert builds.strict.returncode != 0, builds.strict.output
    assert builds.plain.returncode == 0, builds.plain.output


@pytest.mark.parametrize("bad", CASES)
def test_bad_input_is_reported(bad: Case, tmp_path: Path) -> None:
    builds = build(make_site(tmp_path, bad.files, bad.config))
    assert_sane(builds)
    for expect in bad.expected:
        source = bad.config if expect.path == "mkdocs.yml" else bad.files[expect.path.removeprefix("content/")]
        assert_reported(builds, expect, source)
    left_out = bad.pages_left_out()
    for src_uri in left_out:
        assert not builds.plain.built(src_uri), f"{src_uri} is broken and must not be built"
    for src_uri in (*VALID_PAGES, *(uri for uri in bad.files if uri.endswith(".md") and uri not in left_out)):
        assert builds.plain.built(src_uri), f"{src_uri} must be built"


def test_all_problems_of_a_build_together(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "projekte/dorfladen.md": project("progress: 140"),
        "beteiligung/werkstatt.md": call("online: javascript:alert(1)"),
        "ziele/mobil-ohne-auto.md": fm("title: Mobil ohne Auto", "feld: Mobilität"),
    }
    builds = build(make_site(tmp_path, files))
    assert_sane(builds)
    assert_reported(builds, Expect("content/projekte/dorfladen.md", 5, "progress: 140"), files["projekte/dorfladen.md"])
    assert_reported(builds, Expect("content/beteiligung/werkstatt.md", 5, "javascript:alert(1)"), "")
    assert_reported(builds, Expect("content/ziele/mobil-ohne-auto.md", 3, "Meinten Sie field?"), "")
    for src_uri in files:
        assert not builds.plain.built(src_uri)
    for src_uri in VALID_PAGES:
        assert builds.plain.built(src_uri)


def test_several_problems_in_one_file_together(tmp_path: Path) -> None:
    text = fm("title: Dorfladen", "status: laufend", "goals: [ortskern]", "progress: 140", "start: 11.02.")
    builds = build(make_site(tmp_path, {"projekte/dorfladen.md": text}))
    assert_sane(builds)
    path = "content/projekte/dorfladen.md"
    for line, words in (
        (3, "Meinten Sie in_progress?"),
        (4, "Vorhanden: ortskerne-beleben"),
        (5, "progress: 140"),
        (6, "deutscher Schreibweise"),
    ):
        assert_reported(builds, Expect(path, line, words), text)
    assert not builds.plain.built("projekte/dorfladen.md")


def test_unquoted_ags_keeps_its_leading_zero(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"raeume/mittelbrunn.md": area("members: [07335027]")}
    builds = build(make_site(tmp_path, files))
    for result in (builds.strict, builds.plain):
        assert result.returncode == 0, result.output
        assert "WARNING" not in result.output, result.output
        assert "Traceback" not in result.output
    page = (builds.strict.site / "raeume" / "mittelbrunn" / "index.html").read_text(encoding="utf-8")
    assert "Mittelbrunn" in page


def test_valid_fixture_builds_cleanly(tmp_path: Path) -> None:
    builds = build(make_site(tmp_path, {}))
    assert builds.strict.returncode == 0, builds.strict.output
    assert "WARNING" not in builds.strict.output, builds.strict.output
    for src_uri in VALID_PAGES:
        assert builds.strict.built(src_uri)
