"""A project's contact and the council decisions behind goals and projects: pages, open data, mistakes."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path

import pytest
from conftest import GOAL, Build, project, run_build, write_site

from ikep_site import labels
from ikep_site.content.specs import GOAL as GOAL_SPEC
from ikep_site.content.specs import PROJECT as PROJECT_SPEC
from ikep_site.jsonschema import entity_schema
from ikep_site.model import Kind

# Written out of order on purpose: the site shows them oldest first.
GOAL_DECISIONS = """decisions:
  - date: 2025-03-27
    body: Kreistag
    number: "KT/2025/033"
    url: https://ris.example.org/v/33
    text: Korridor angepasst
  - {date: 2024-09-26, body: "Kreistag <b>", text: "Konzept & Korridor <i>beschlossen</i>"}
"""
PROJECT_EXTRA = """contact: {name: "Ladenteam <i>Mehlbach</i>", email: laden@example.org, phone: "(06301) 12-34"}
decisions:
  - {date: 2024-10-01, body: Ortsgemeinderat Mehlbach, url: "https://ris.example.org/b/1", text: Kauf des Gasthauses}
"""


def goal_with(decisions: str) -> str:
    return GOAL.replace("field: Dorfentwicklung\n", "field: Dorfentwicklung\n" + decisions, 1)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_site(
        tmp_path_factory.mktemp("decisions"),
        {
            "ziele/ortskerne-beleben.md": goal_with(GOAL_DECISIONS),
            "projekte/dorfladen.md": project("Dorfladen", extra=PROJECT_EXTRA),
            "projekte/radweg.md": project("Radweg"),
        },
    )
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build


def section(html: str, heading_id: str) -> str:
    """From the heading with `heading_id` to the next h2 (or the end of the article)."""
    start = html.index(f'<h2 id="{heading_id}">')
    rest = html[start + 1 :]
    ends = [index for index in (rest.find("<h2"), rest.find("</article>")) if index >= 0]
    return html[start : start + 1 + min(ends)]


def text_of(html: str) -> str:
    """What a reader sees: tags dropped, entities resolved, spaces collapsed."""
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip())


# --- project contact ---------------------------------------------------------------------------


def test_project_page_shows_its_contact_with_mail_and_phone_links(built: Build) -> None:
    page = built.page("projekte/dorfladen/")
    contact = section(page, "kontakt")
    assert f'<h2 id="kontakt">{labels.LABELS["contact"]}</h2>' in contact
    assert "<li>Ladenteam &lt;i&gt;Mehlbach&lt;/i&gt;</li>" in contact  # the name as text, escaped
    assert '<a href="mailto:laden@example.org">laden@example.org</a>' in contact
    assert '<a href="tel:063011234">(06301) 12-34</a>' in contact  # digits only in the link


def test_project_without_contact_has_no_contact_heading(built: Build) -> None:
    assert 'id="kontakt"' not in built.page("projekte/radweg/")


# --- council decisions -------------------------------------------------------------------------


def test_goal_page_lists_its_decisions_oldest_first_with_date_body_number_and_link(built: Build) -> None:
    decisions = section(built.page("ziele/ortskerne-beleben/"), "beschluesse")
    assert f">{labels.LABELS['decisions']}</h2>" in decisions
    assert text_of(decisions) == (
        "Beschlüsse "
        "26. September 2024 Kreistag <b>: Konzept & Korridor <i>beschlossen</i> "
        "27. März 2025 Kreistag (Vorlage KT/2025/033): Korridor angepasst"
    )
    assert '<time datetime="2024-09-26">' in decisions
    assert '<a href="https://ris.example.org/v/33">Vorlage KT/2025/033</a>' in decisions
    assert "Kreistag &lt;b&gt;" in decisions and "&lt;i&gt;beschlossen&lt;/i&gt;" in decisions
    assert "<b>" not in decisions and "<i>" not in decisions


def test_project_decision_without_number_links_its_text(built: Build) -> None:
    decisions = section(built.page("projekte/dorfladen/"), "beschluesse")
    assert text_of(decisions) == "Beschlüsse 1. Oktober 2024 Ortsgemeinderat Mehlbach: Kauf des Gasthauses"
    assert '<a href="https://ris.example.org/b/1">Kauf des Gasthauses</a>' in decisions


def test_entities_without_decisions_have_no_heading(built: Build) -> None:
    assert 'id="beschluesse"' not in built.page("projekte/radweg/")


def test_process_page_lists_every_decision_in_date_order_with_its_goal_or_project(built: Build) -> None:
    decisions = section(built.page("prozess/"), "beschluesse")
    assert f">{labels.LABELS['decisions_of_process']}</h2>" in decisions
    items = [text_of(item) for item in re.findall(r"<li class=\"[^\"]*ikep-decision\">.*?</li>", decisions, re.S)]
    assert items == [
        "26. September 2024 Kreistag <b>: Konzept & Korridor <i>beschlossen</i> – zum Ziel Ortskerne beleben",
        "1. Oktober 2024 Ortsgemeinderat Mehlbach: Kauf des Gasthauses – zum Schlüsselprojekt Dorfladen",
        "27. März 2025 Kreistag (Vorlage KT/2025/033): Korridor angepasst – zum Ziel Ortskerne beleben",
    ]
    assert '<a href="../ziele/ortskerne-beleben/">Ortskerne beleben</a>' in decisions
    assert '<a href="../projekte/dorfladen/">Dorfladen</a>' in decisions


def test_open_data_json_has_decisions_and_the_project_contact(built: Build) -> None:
    data = json.loads((built.site / "daten" / "prozess.json").read_text(encoding="utf-8"))
    (process,) = data["processes"]
    goals = {goal["id"]: goal for goal in process["goals"]}
    projects = {item["id"]: item for item in process["projects"]}
    assert goals["ortskerne-beleben"]["decisions"] == [
        {"date": "2024-09-26", "body": "Kreistag <b>", "number": None, "url": None,
         "text": "Konzept & Korridor <i>beschlossen</i>"},
        {"date": "2025-03-27", "body": "Kreistag", "number": "KT/2025/033", "url": "https://ris.example.org/v/33",
         "text": "Korridor angepasst"},
    ]  # fmt: skip
    assert projects["dorfladen"]["decisions"][0]["url"] == "https://ris.example.org/b/1"
    assert projects["dorfladen"]["contact"] == {
        "name": "Ladenteam <i>Mehlbach</i>",
        "email": "laden@example.org",
        "phone": "(06301) 12-34",
        "url": None,
    }
    assert projects["radweg"]["contact"] is None and projects["radweg"]["decisions"] == []


def test_projects_csv_has_the_contact_columns_documented_on_the_open_data_page(built: Build) -> None:
    text = (built.site / "daten" / "projekte.csv").read_text(encoding="utf-8-sig")
    rows = {row["Kennung"]: row for row in csv.DictReader(io.StringIO(text), delimiter=";")}
    name, email, phone = (labels.EXPORT_LABELS[f"column_contact_{part}"] for part in ("name", "email", "phone"))
    assert (rows["dorfladen"][name], rows["dorfladen"][email], rows["dorfladen"][phone]) == (
        "Ladenteam <i>Mehlbach</i>",
        "laden@example.org",
        "(06301) 12-34",
    )
    assert rows["radweg"][email] == ""
    page = section(built.page("daten/"), "spalten-projects")
    assert f'<th scope="row">{email}</th>' in page


# --- the specs, the schema and the editor -------------------------------------------------------


def test_decisions_are_on_goals_and_projects_and_contact_on_projects() -> None:
    assert "decisions" in GOAL_SPEC.fields and "decisions" in PROJECT_SPEC.fields
    assert "contact" in PROJECT_SPEC.fields
    schema = entity_schema(Kind.PROJECT)
    decision = schema["properties"]["decisions"]["anyOf"][0]["items"]
    assert sorted(decision["required"]) == ["body", "date", "text"]
    assert labels.EDITOR_ITEM["decisions"] == "Beschluss"


# --- mistakes ------------------------------------------------------------------------------------

BAD_GOAL = """decisions:
  - {date: 2025-02-30, body: Kreistag, text: Korridor angepasst}
  - {date: 2024-09-26, text: "Konzept beschlossen", url: "javascript:alert(1)"}
  - {date: 26.09.2024, body: Kreistag, text: x, nummer: 3}
"""
BAD_PROJECT = """contact: {name: Ladenteam, email: laden-at-example.org, phone: [1, 2]}
decisions: Kauf des Gasthauses
"""


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "plain"])
def test_every_mistake_is_reported_with_file_and_line(tmp_path: Path, strict: bool) -> None:
    root = write_site(
        tmp_path,
        {
            "ziele/ortskerne-beleben.md": goal_with(BAD_GOAL),
            "projekte/dorfladen.md": project("Dorfladen", extra=BAD_PROJECT),
        },
    )
    build = run_build(root, strict=strict)
    assert "Traceback" not in build.output
    assert (build.returncode != 0) is strict
    goal, project_file = "content/ziele/ortskerne-beleben.md", "content/projekte/dorfladen.md"
    for expected in (
        f"{goal}:6: decisions.date: '2025-02-30' ist kein gültiges Datum",
        f"{goal}:7: Die Pflichtangabe decisions.body fehlt.",
        f"{goal}:7: decisions.url: 'javascript:alert(1)' ist keine gültige Adresse.",
        f"{goal}:8: Unbekannte Angabe decisions.nummer.",
        f"{goal}:8: decisions.date: '26.09.2024' ist in deutscher Schreibweise.",
        f"{project_file}:6: contact.email: 'laden-at-example.org' ist keine gültige E-Mail-Adresse.",
        f"{project_file}:6: contact.phone muss ein Text sein, hier steht eine Liste.",
        f"{project_file}:7: decisions muss Angaben in der Form schlüssel: wert sein",
    ):
        assert expected in build.output
    if not strict:  # the broken entries are left out, never published half right
        assert not (build.site / "ziele" / "ortskerne-beleben" / "index.html").exists()
        assert "javascript:" not in (build.site / "prozess" / "index.html").read_text(encoding="utf-8")
