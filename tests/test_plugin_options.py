"""The plugin's options in mkdocs.yml are checked like content, by one parser for the build and `ikep check`.

Each case writes a small site whose mkdocs.yml is written by hand (so dates stay unquoted as editors
write them) and expects the same German message with `mkdocs.yml:LINE` from `mkdocs build --strict`
and from `ikep check`, and none of MkDocs' English complaints about an ikep option.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GOAL

from ikep_site.cli import main

OPERATOR_LINE = (
    "      operator: {name: Kreisverwaltung Musterkreis, address: 'Hauptstraße 1, 12345 Musterstadt', "
    "email: poststelle@example.org}\n"
)
PROCESS_LINE = "      process: {name: Kreisentwicklung Musterkreis}\n"
# What MkDocs says when it rejects or does not know a plugin option itself (in English, without a line).
MKDOCS_COMPLAINTS = ("Plugin 'ikep'", "Config value", "configuration error", "Unrecognised configuration name")
# 2026-01-01: the date a build without build_date would use.
EPOCH_2026 = "1767225600"
CALL = """---
title: Werkstatt Ortsmitte
summary: Wir planen die Ortsmitte.
format: workshop
start: 2026-11-18
---
Kommen Sie vorbei.
"""


def config_text(options: str, *, operator: str = OPERATOR_LINE, process: str = PROCESS_LINE) -> str:
    """mkdocs.yml with the ikep options `options` (lines indented by six spaces)."""
    return (
        "site_name: Testsite\n"
        "site_url: https://example.org/test/\n"
        "docs_dir: content\n"
        "theme: {name: material, language: de, font: false}\n"
        "plugins:\n"
        "  - search\n"
        "  - ikep:\n"
        f"{process}{operator}{options}"
    )


def make_site(root: Path, options: str, files: dict[str, str] | None = None, *, name: str = "mkdocs.yml") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(config_text(options), encoding="utf-8")
    for src_uri, text in {"index.md": "# Start\n\nWillkommen.\n", **(files or {})}.items():
        path = root / "content" / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.lstrip("\n"), encoding="utf-8")
    return root


@dataclass
class Run:
    returncode: int
    output: str
    site: Path


def build(root: Path, *, strict: bool, name: str = "mkdocs.yml") -> Run:
    site = root / ("site-strict" if strict else "site")
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / name), "-d", str(site)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH_2026}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=root, timeout=300)
    return Run(done.returncode, done.stdout + done.stderr, site)


def check(root: Path) -> Run:
    result = CliRunner().invoke(main, ["check", str(root)])
    return Run(result.exit_code, result.output, root)


def config_problems(output: str, prefix: str, name: str = "mkdocs.yml") -> set[str]:
    """The problems reported about the configuration file, as `mkdocs.yml:LINE: message`."""
    found = re.findall(rf"(?:^|\s){re.escape(prefix + name)}((?::\d+)?: .*)$", output, re.M)
    return {name + rest for rest in found}


def line_of(text: str, marker: str) -> int:
    index = text.find(marker)
    assert index >= 0 and text.find(marker, index + 1) < 0, f"{marker!r} must occur exactly once"
    return text.count("\n", 0, index) + 1


def assert_reported(root: Path, marker: str, *words: str, name: str = "mkdocs.yml") -> tuple[Run, Run]:
    """Strict build and check both report `words` at the marker's line, and the same option problems."""
    line = line_of((root / name).read_text(encoding="utf-8"), marker)
    strict = build(root, strict=True, name=name)
    checked = check(root)
    where = f"{name}:{line}: "
    for run in (strict, checked):
        assert "Traceback" not in run.output, run.output
        assert run.returncode != 0, run.output
        matching = [text for text in run.output.splitlines() if where in text and all(w in text for w in words)]
        assert matching, f"no '{where}…{words}' in:\n{run.output}"
    for complaint in MKDOCS_COMPLAINTS:
        assert complaint not in strict.output, strict.output
    reported = config_problems(strict.output, "", name)
    assert reported and reported == config_problems(checked.output, f"{root.as_posix()}/", name)
    return strict, checked


# Wrong types and unknown keys ------------------------------------------------------------------------


def test_process_as_text(tmp_path: Path) -> None:
    root = make_site(tmp_path, "")
    text = config_text("", process="      process: Text\n")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert_reported(root, "process: Text", "plugins → ikep → process muss eine Gruppe von Angaben sein", "'Text'")


def test_text_option_given_a_list(tmp_path: Path) -> None:
    root = make_site(tmp_path, "      hosting: [GitHub, Pages]\n")
    assert_reported(root, "hosting:", "plugins → ikep → hosting muss ein Text sein, hier steht eine Liste")


def test_parallel_not_a_boolean(tmp_path: Path) -> None:
    root = make_site(tmp_path, "      parallel: vielleicht\n")
    assert_reported(root, "parallel:", "plugins → ikep → parallel: 'vielleicht' muss true (ja) oder false (nein)")


def test_unknown_option_with_did_you_mean(tmp_path: Path) -> None:
    root = make_site(tmp_path, "      bulid_date: 2026-11-18\n")
    assert_reported(root, "bulid_date", "Unbekannte Angabe plugins → ikep → bulid_date", "Meinten Sie build_date?")


def test_german_build_date(tmp_path: Path) -> None:
    root = make_site(tmp_path, "      build_date: 18.11.2026\n")
    assert_reported(root, "build_date:", "plugins → ikep → build_date: '18.11.2026' ist in deutscher Schreibweise")


# Dates as the README writes them ---------------------------------------------------------------------


@pytest.mark.parametrize("written", ["2026-11-18", '"2026-11-18"'])
def test_build_date_unquoted_or_quoted_is_used(tmp_path: Path, written: str) -> None:
    root = make_site(tmp_path, f"      build_date: {written}\n", {"ziele/z.md": GOAL, "beteiligung/werkstatt.md": CALL})
    strict = build(root, strict=True)
    assert strict.returncode == 0, strict.output
    page = (strict.site / "beteiligung/werkstatt/index.html").read_text(encoding="utf-8")
    # The call is on 2026-11-18: open on the build date (SOURCE_DATE_EPOCH would say announced).
    assert "ikep-call-state--open" in page
    assert check(root).returncode == 0


# Addresses ------------------------------------------------------------------------------------------


def test_javascript_licence_url_is_an_error_and_never_a_link(tmp_path: Path) -> None:
    root = make_site(tmp_path, "      data_licence_url: javascript:alert(1)\n", {"ziele/z.md": GOAL})
    assert_reported(root, "data_licence_url", "plugins → ikep → data_licence_url: 'javascript:alert(1)' ist keine")
    plain = build(root, strict=False)
    assert plain.returncode == 0, plain.output
    pages = [path.read_text(encoding="utf-8") for path in plain.site.rglob("*.html")]
    assert pages and not any("javascript:" in page for page in pages)
    # The safe default instead.
    assert 'href="https://creativecommons.org/licenses/by/4.0/deed.de"' in (plain.site / "daten/index.html").read_text(
        encoding="utf-8"
    )


def test_javascript_tiles_url(tmp_path: Path) -> None:
    root = make_site(tmp_path, '      tiles: {url: "javascript:alert(1)", name: Karte}\n')
    assert_reported(root, "tiles:", "plugins → ikep → tiles → url: 'javascript:alert(1)' ist keine gültige Adresse")


def test_unknown_tiles_key(tmp_path: Path) -> None:
    tiles = "      tiles:\n        url: https://tiles.example.org/{z}/{x}/{y}.png\n        nmae: X\n"
    root = make_site(tmp_path, tiles)
    assert_reported(root, "nmae", "Unbekannte Angabe plugins → ikep → tiles → nmae", "Meinten Sie name?")


def test_javascript_enforcement_url(tmp_path: Path) -> None:
    operator = (
        "      operator:\n"
        "        name: Kreisverwaltung Musterkreis\n"
        "        address: Hauptstraße 1, 12345 Musterstadt\n"
        "        email: poststelle@example.org\n"
        '        enforcement: {name: Schlichtung, url: "javascript:alert(1)"}\n'
    )
    root = make_site(tmp_path, "")
    (root / "mkdocs.yml").write_text(config_text("", operator=operator), encoding="utf-8")
    assert_reported(root, "enforcement:", "enforcement.url: 'javascript:alert(1)' ist keine gültige Adresse")


# Folders ---------------------------------------------------------------------------------------------


def test_two_kinds_in_one_folder(tmp_path: Path) -> None:
    root = make_site(tmp_path, "      folders:\n        goals: vorhaben\n        projects: vorhaben\n")
    assert_reported(root, "projects: vorhaben", "folders → projects: 'vorhaben' ist schon der Ordner für goals")


def test_folder_of_another_kinds_default(tmp_path: Path) -> None:
    root = make_site(tmp_path, "      folders: {updates: projekte}\n")
    assert_reported(root, "folders:", "folders → updates: 'projekte' ist schon der Ordner für projects")


@pytest.mark.parametrize("generated", ["daten", "schemas", "assets"])
def test_folder_of_generated_files(tmp_path: Path, generated: str) -> None:
    root = make_site(tmp_path, f"      folders:\n        goals: {generated}\n")
    assert_reported(root, f"goals: {generated}", f"folders → goals: Den Ordner '{generated}' legt ikep-site selbst an")


def test_folder_of_a_portal_process(tmp_path: Path) -> None:
    files = {"kl-nord/prozess.yml": "name: Zukunfts-Check Nord\n", "kl-nord/index.md": "# Nord\n"}
    root = make_site(tmp_path, "      folders:\n        networks: kl-nord\n", files)
    assert_reported(root, "networks: kl-nord", "folders → networks: 'kl-nord' ist der Ordner eines Prozesses")


@pytest.mark.parametrize("folder", ["ziele/2026", "../ziele"])
def test_folder_with_slash_or_dots(tmp_path: Path, folder: str) -> None:
    root = make_site(tmp_path, f"      folders:\n        goals: {folder}\n")
    assert_reported(root, "goals:", f"folders → goals: '{folder}' taugt nicht als Ordnername")


def test_unknown_folder_kind(tmp_path: Path) -> None:
    root = make_site(tmp_path, "      folders:\n        goal: wirkungsziele\n")
    assert_reported(root, "goal:", "Unbekannte Angabe plugins → ikep → folders → goal", "Meinten Sie goals?")


def test_plain_build_goes_on_with_the_default_folder(tmp_path: Path) -> None:
    root = make_site(tmp_path, "      folders:\n        goals: daten\n", {"ziele/ortskerne-beleben.md": GOAL})
    plain = build(root, strict=False)
    assert plain.returncode == 0, plain.output
    assert "Bis dahin gilt der Ordner ziele" in plain.output
    assert "Ortskerne beleben" in (plain.site / "ziele/ortskerne-beleben/index.html").read_text(encoding="utf-8")


def test_good_folders_are_used(tmp_path: Path) -> None:
    files = {"wirkungsziele/ortskerne-beleben.md": GOAL}
    root = make_site(tmp_path, "      folders: {goals: wirkungsziele/, projects: ziele}\n", files)
    strict = build(root, strict=True)
    assert strict.returncode == 0, strict.output
    assert (strict.site / "wirkungsziele/ortskerne-beleben/index.html").is_file()
    assert check(root).returncode == 0


# The configuration file's name ---------------------------------------------------------------------


def test_properdocs_yml_is_named_in_messages(tmp_path: Path) -> None:
    root = make_site(tmp_path, "      build_date: 18.11.2026\n", name="properdocs.yml")
    assert_reported(root, "build_date:", "plugins → ikep → build_date:", name="properdocs.yml")


# The parser itself -------------------------------------------------------------------------------------


def test_generated_folders_follow_the_code() -> None:
    from ikep_site.adapter.assets import ASSET_PREFIX
    from ikep_site.content.plugin_options import GENERATED_FOLDERS
    from ikep_site.jsonschema import SCHEMA_DIR
    from ikep_site.pages import DATA_FOLDER, SPECIAL_PAGES

    assert {ASSET_PREFIX.split("/")[0], SCHEMA_DIR, DATA_FOLDER} <= GENERATED_FOLDERS
    assert {"impressum", "datenschutz", "prozess"} <= GENERATED_FOLDERS
    assert all(uri.split("/")[0].removesuffix(".md") in GENERATED_FOLDERS for uri in SPECIAL_PAGES.values())


def test_tiles_spec_matches_the_tile_source() -> None:
    from dataclasses import fields

    from ikep_site.content.plugin_options import TILES
    from ikep_site.render.maps import TileSource

    assert set(TILES.fields) == {field.name for field in fields(TileSource)}


def test_env_tags_are_read_as_mkdocs_reads_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ikep_site.content.plugin_options import read_options

    (tmp_path / "mkdocs.yml").write_text(
        config_text(
            "      hosting: !ENV [IKEP_TEST_HOSTING, Eigener Server]\n      parallel: !ENV IKEP_TEST_PARALLEL\n"
        ),
        encoding="utf-8",
    )
    monkeypatch.delenv("IKEP_TEST_HOSTING", raising=False)
    monkeypatch.setenv("IKEP_TEST_PARALLEL", "false")
    options = read_options(tmp_path / "mkdocs.yml", "mkdocs.yml")
    assert (options.hosting, options.parallel, len(options.report)) == ("Eigener Server", False, 0)
    monkeypatch.setenv("IKEP_TEST_HOSTING", "Rechenzentrum")
    assert read_options(tmp_path / "mkdocs.yml", "mkdocs.yml").hosting == "Rechenzentrum"


def test_options_given_without_a_file_are_checked_without_lines() -> None:
    from ikep_site.content.plugin_options import read_options

    options = read_options(None, "mkdocs.yml", {"operator": {"name": "A"}, "parallel": "vielleicht", "tiles": 3})
    problems = sorted(str(item) for item in options.report.items)
    assert problems == [
        "mkdocs.yml: plugins → ikep → parallel: 'vielleicht' muss true (ja) oder false (nein) sein.",
        "mkdocs.yml: plugins → ikep → tiles muss eine Gruppe von Angaben sein (url:, name:, attribution: …), "
        "hier steht der einzelne Wert '3'.",
    ]
    assert options.parallel is True and options.operator is not None


def test_python_objects_given_in_code_are_checked_as_their_text() -> None:
    from ikep_site.content.plugin_options import read_options

    # `hosting: !!python/name:…` in an inherited configuration reaches the plugin as an object.
    options = read_options(None, "mkdocs.yml", {"operator": {"name": "A"}, "hosting": Path("Rechenzentrum")})
    assert (options.hosting, len(options.report)) == ("Rechenzentrum", 0)
