"""The web editor used as an editor uses it: in headless Chromium, against Decap's local backend.

The demo repository is copied and built; at admin/ the test creates a project with goals chosen in
the relation field, edits an existing call and a rich project, then `ikep check` and
`mkdocs build --strict` pass on what the editor saved, nothing of the edited files was lost, and
the browser asked no host but 127.0.0.1.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import run_build
from editor_support import build_site, copy_demo, decap_server, editor_session, point_to_local_backend


def front_matter_and_body(path: Path) -> tuple[dict[str, Any], str]:
    """The parsed front matter and the Markdown below it, as the loader reads them."""
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body.strip("\n")


def ikep_check(repository: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ikep_site.cli", "check", str(repository)], capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One editing session: what the files were before, what they are after, and what the browser did."""
    work = tmp_path_factory.mktemp("editor")
    repository = copy_demo(work / "repository")
    site = build_site(repository, work / "site")
    call = repository / "content" / "beteiligung" / "dorfspaziergang-mehlbach.md"
    project = repository / "content" / "projekte" / "dorfladen-mehlbach.md"
    goal = repository / "content" / "ziele" / "ortskerne-beleben.md"
    # A goal whose first indicator reads its values from a file (values: daten/gigabit.csv).
    goal_from_file = repository / "content" / "ziele" / "schnelles-internet.md"
    # A German decimal comma, as editors write it, in a list of the indicator's values.
    text = goal.read_text(encoding="utf-8")
    assert "{year: 2023, value: 7.6}" in text
    goal.write_text(text.replace("{year: 2023, value: 7.6}", '{year: 2023, value: "7,6"}'), encoding="utf-8")
    before = {
        "call": front_matter_and_body(call),
        "project": front_matter_and_body(project),
        "goal": front_matter_and_body(goal),
        "goal_from_file": front_matter_and_body(goal_from_file),
    }
    with decap_server(repository) as api:
        point_to_local_backend(site, api)
        with editor_session(site) as session:
            session.sign_in()
            # A new key project, its goals picked by title.
            session.open("#/collections/projects/new")
            session.page.get_by_label("Titel", exact=True).fill("Bürgerbus Süd")
            session.page.get_by_label("Kurzbeschreibung").fill("Ein Bus, der kommt, wenn man anruft.")
            session.choose("Status", "Geplant")
            # An optional field typed into and emptied again is left out, not saved as ''.
            session.page.get_by_label("Verantwortlich").fill("Kreisverwaltung")
            session.page.get_by_label("Verantwortlich").fill("")
            session.page.get_by_label("Fortschritt (Prozent)").fill("10")
            session.page.get_by_label("Fortschritt (Prozent)").fill("")
            session.choose("Ziele", "Mobil auch ohne eigenes Auto", search="Mobil")
            session.choose("Ziele", "Ortskerne beleben", search="Ortskern")
            session.write_body("Der Bürgerbus fährt ab 2027 im Süden des Kreises.")
            session.publish()
            # An existing call: one field changed.
            session.open_entry("calls", "dorfspaziergang-mehlbach")
            session.page.get_by_label("Kurzbeschreibung").fill("Ein Rundgang durch Mehlbach.")
            session.publish()
            # A project with lists, an object, numbers and dates: one field changed.
            session.open_entry("projects", "dorfladen-mehlbach")
            session.page.get_by_label("Verantwortlich").fill("Dorfladen Mehlbach eG")
            session.publish()
            # A goal with indicators, corridors and measured values.
            session.open_entry("goals", "ortskerne-beleben")
            session.page.get_by_label("Handlungsfeld").fill("Ortsentwicklung")
            session.publish()
            session.open_entry("goals", "schnelles-internet")
            session.page.get_by_label("Handlungsfeld").fill("Digitales")
            session.publish()
            hosts, errors = set(session.hosts), list(session.errors)
    # The id as `ikep new` makes it: ä → ae, ß → ss.
    created = repository / "content" / "projekte" / "buergerbus-sued.md"
    after = {
        "call": front_matter_and_body(call),
        "project": front_matter_and_body(project),
        "goal": front_matter_and_body(goal),
        "goal_from_file": front_matter_and_body(goal_from_file),
    }
    return {
        "repository": repository,
        "created": created,
        "before": before,
        "after": after,
        "hosts": hosts,
        "errors": errors,
    }


def test_a_project_made_in_the_editor_has_what_was_entered(edited: dict[str, Any]) -> None:
    assert edited["created"].exists(), sorted(p.name for p in edited["created"].parent.iterdir())
    data, body = front_matter_and_body(edited["created"])
    assert data == {
        "title": "Bürgerbus Süd",
        "summary": "Ein Bus, der kommt, wenn man anruft.",
        "status": "planned",
        "goals": ["mobil-ohne-auto", "ortskerne-beleben"],
    }
    assert body == "Der Bürgerbus fährt ab 2027 im Süden des Kreises."


@pytest.mark.parametrize(
    ("entry", "changed", "value"),
    [
        ("call", "summary", "Ein Rundgang durch Mehlbach."),
        ("project", "lead", "Dorfladen Mehlbach eG"),
        ("goal", "field", "Ortsentwicklung"),
        ("goal_from_file", "field", "Digitales"),
    ],
)
def test_saving_one_field_keeps_every_other_value_and_the_text(
    edited: dict[str, Any], entry: str, changed: str, value: str
) -> None:
    before, body_before = edited["before"][entry]
    after, body_after = edited["after"][entry]
    assert after[changed] == value
    assert {key: v for key, v in after.items() if key != changed} == {
        key: v for key, v in before.items() if key != changed
    }
    assert body_after == body_before


def test_what_the_editor_saved_passes_the_checks_and_the_strict_build(edited: dict[str, Any]) -> None:
    repository = edited["repository"]
    checked = ikep_check(repository)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    build = run_build(repository, strict=True)
    assert build.returncode == 0, build.output
    assert "Bürgerbus Süd" in build.page("projekte/buergerbus-sued/")
    assert "Bürgerbus Süd" in build.page("ziele/mobil-ohne-auto/")


def test_the_editor_asks_no_other_host_and_reports_no_error(edited: dict[str, Any]) -> None:
    assert edited["hosts"] and all(host.startswith("127.0.0.1:") for host in edited["hosts"]), edited["hosts"]
    assert edited["errors"] == []
