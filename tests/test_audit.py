"""`ikep audit`: every page of a built site in Chromium, and a statement that says only what is true.

The browser tests share one small build with a deliberately bad page that no navigation links to:
with the bad page the audit names each finding at the page, without it the site is clean.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import Build, run_build, write_site
from test_browser import PNG

from ikep_site.checks.workflows import runs_audit
from ikep_site.cli import main
from ikep_site.labels import LABELS
from ikep_site.messages import MESSAGES

CHROMIUM = os.environ.get("IKEP_CHROMIUM", "/usr/bin/chromium")
AXE_GERMAN = json.loads((Path(__file__).parent.parent / "ikep_site/vendor/axe-core/de.json").read_text("utf-8"))
BAD_PAGE = """
---
title: Absichtlich fehlerhaft
---
# Absichtlich fehlerhaft

<img src="../bild.png">

<script src="https://cdn.example.com/tracker.js"></script>

<script>console.error("Absichtlicher Fehler"); fetch("../gibt-es-auch-nicht.json");</script>

[Kaputter Link](../gibt-es-nicht/) und [Anker ins Leere](../impressum/#nirgends)
"""
BAD = "kaputt/index.html"


def audit(site: Path, *args: str, env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(main, ["audit", str(site), *args], env=env)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_site(
        tmp_path_factory.mktemp("audit") / "src",
        {"kaputt.md": BAD_PAGE, "bild.png": PNG},
        extra_config={"not_in_nav": "kaputt.md"},
    )
    build = run_build(root)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def bad_audit(built: Build) -> Result:
    return audit(built.site, "--browser", CHROMIUM)


def test_a_clean_site_passes(built: Build, tmp_path: Path) -> None:
    site = Path(shutil.copytree(built.site, tmp_path / "site"))
    shutil.rmtree(site / "kaputt")
    result = audit(site, "--browser", CHROMIUM)
    assert result.exit_code == 0, result.output
    pages = len(list(site.rglob("*.html")))
    assert MESSAGES["audit_ok"].format(pages=f"{pages} Seiten", version="4.14.1") in result.output


def test_each_finding_is_named_at_the_page(built: Build, bad_audit: Result) -> None:
    assert bad_audit.exit_code == 1, bad_audit.output
    where = f"{built.site.as_posix()}/{BAD}"
    lines = [line for line in bad_audit.output.splitlines() if line.startswith(where)]
    help_de = AXE_GERMAN["rules"]["image-alt"]["help"]
    expected = [
        MESSAGES["audit_axe"].format(rule="image-alt", help=help_de, targets="img"),
        MESSAGES["audit_third_party"].format(url="https://cdn.example.com/tracker.js"),
        MESSAGES["audit_console"].format(text="Absichtlicher Fehler"),
        MESSAGES["audit_http_error"].format(url="gibt-es-auch-nicht.json", status=404),
        MESSAGES["verify_link_missing"].format(url="../gibt-es-nicht/", path="gibt-es-nicht/"),
        MESSAGES["audit_anchor_missing"].format(url="../impressum/#nirgends", path="impressum/", anchor="nirgends"),
    ]
    for message in expected:
        assert any(line.endswith(message) for line in lines), (message, bad_audit.output)
    # A file already named (blocked, or missing on the server) gets no second line from the console.
    assert "Failed to load resource" not in bad_audit.output
    # Only the bad page has findings; links are found with their line.
    assert all(BAD in line for line in bad_audit.output.splitlines() if "führt ins Leere" in line)
    assert any(line.startswith(f"{where}:") for line in lines)


def test_the_summary_counts_the_findings(built: Build, bad_audit: Result) -> None:
    pages = len(list(built.site.rglob("*.html")))
    summary = MESSAGES["audit_failed"].format(findings="5 Befunde", pages_with=1, pages=f"{pages} Seiten")
    assert bad_audit.output.splitlines()[-1] == summary


def test_no_browser_is_a_clear_error(built: Build, tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    result = audit(built.site, env={"PATH": str(empty), "IKEP_BROWSER": None})
    assert result.exit_code == 2
    assert MESSAGES["audit_no_browser"] in result.output
    result = audit(built.site, "--browser", str(tmp_path / "chrome"))
    assert result.exit_code == 2
    assert MESSAGES["audit_browser_not_found"].format(path=tmp_path / "chrome") in result.output
    result = audit(built.site, env={"IKEP_BROWSER": str(tmp_path / "chrome")})
    assert result.exit_code == 2


def test_a_browser_that_does_not_start_is_a_clear_error(built: Build) -> None:
    result = audit(built.site, "--browser", "/bin/true")
    assert result.exit_code == 2
    assert MESSAGES["audit_browser_failed"].split("{error}")[0].format(path="/bin/true") in result.output
    assert "Traceback" not in result.output


def test_without_playwright_it_says_how_to_install_it(built: Build, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "playwright.async_api", None)  # import fails as when not installed
    result = audit(built.site, "--browser", CHROMIUM)
    assert result.exit_code == 2
    assert MESSAGES["audit_no_playwright"] in result.output
    assert "pip install 'ikep-site[audit]'" in result.output


def test_a_folder_without_a_built_site_is_a_clear_error(tmp_path: Path) -> None:
    result = audit(tmp_path, "--browser", CHROMIUM)
    assert result.exit_code == 2
    assert MESSAGES["verify_not_built"].format(dir=tmp_path.as_posix()) in result.output


# The accessibility statement -----------------------------------------------------------------------

AUDITING_WORKFLOW = """
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: mkdocs build --strict
      - name: Check every page
        run: |
          ikep verify site/
          ikep audit site/
"""


def statement(tmp_path: Path, workflow: str | None) -> str:
    root = write_site(tmp_path / "src", {})
    if workflow is not None:
        folder = root / ".github/workflows"
        folder.mkdir(parents=True)
        (folder / "pages.yml").write_text(textwrap.dedent(workflow), encoding="utf-8")
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build.page("barrierefreiheit/")


def test_the_statement_claims_automatic_checks_only_where_the_workflow_runs_them(tmp_path: Path) -> None:
    audited = statement(tmp_path / "a", AUDITING_WORKFLOW)
    assert LABELS["a11y_checked_automatically"] in audited
    assert LABELS["a11y_not_checked_automatically"] not in audited
    unaudited = statement(tmp_path / "b", None)
    assert LABELS["a11y_not_checked_automatically"] in unaudited
    assert "automatisch geprüft" not in unaudited and LABELS["a11y_checked_automatically"] not in unaudited
    assert "Automatische Prüfungen finden" not in unaudited
    # Made anew with every build: it says when it was made, never that someone reviewed it that day.
    assert "erstellt (Selbstbewertung)" in unaudited and "überprüft" not in unaudited
    assert "an diesem Tag wurden alle Seiten automatisch geprüft" in audited


@pytest.mark.parametrize(
    ("workflow", "audited"),
    [
        (AUDITING_WORKFLOW, True),
        ("jobs: {b: {steps: [{run: 'python -m pip install . && ikep audit site'}]}}", True),
        ("jobs: {b: {steps: [{run: 'ikep verify site/  # ikep audit site/ later'}]}}", False),
        ("jobs: {b: {steps: [{run: ikep audit site/, continue-on-error: true}]}}", False),
        ("jobs: {b: {continue-on-error: true, steps: [{run: ikep audit site/}]}}", False),
        ("jobs: {b: {steps: [{run: ikep audit site/, if: false}]}}", False),
        ("jobs: {b: {steps: [{run: ikep auditor}]}}", False),
        ("jobs: [kaputt", False),
    ],
)
def test_which_workflows_run_the_audit(tmp_path: Path, workflow: str, audited: bool) -> None:
    folder = tmp_path / ".github/workflows"
    folder.mkdir(parents=True)
    (folder / "site.yaml").write_text(textwrap.dedent(workflow), encoding="utf-8")
    assert runs_audit(tmp_path) is audited
