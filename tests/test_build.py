"""Real `mkdocs build` runs of small fixture sites: what citizens get to see."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from conftest import GOAL, project, run_build, write_site


def test_entity_pages_overviews_and_backlinks(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {
            "ziele/ortskerne-beleben.md": GOAL,
            "projekte/dorfladen.md": project(
                "Dorfladen Mehlbach",
                extra="""areas: [vg-test]
networks: [dorflaeden]
progress: 40
budget: 250000
start: 2024-03-01
end: 2026-12-31
milestones:
  - {date: 2024-05-15, title: Machbarkeitsstudie abgeschlossen, done: true}
  - {date: 2027-09-01, title: Eröffnung}
updates:
  - {date: 2025-02-10, text: Der Gemeinderat hat den Pachtvertrag beschlossen.}
  - {date: 2025-08-01, text: Der Umbau beginnt.}
""",
            ),
            "projekte/idee.md": project("Eine Idee", status="idea"),
            "raeume/vg-test.md": """
                ---
                title: Testraum
                kind: verbandsgemeinde
                geometry: geodaten/kl-ortsgemeinden.geojson
                key: AGS
                members: ["07335004", "07335007"]
                attribution: "© GeoBasis-DE / BKG 2016 (Daten verändert)"
                attribution_url: https://www.bkg.bund.de
                ---
                """,
            "netzwerke/dorflaeden.md": """
                ---
                title: Netzwerk Dorfläden
                purpose: Erfahrungsaustausch.
                members:
                  - {name: Ortsgemeinde Mehlbach, kind: municipality, role: Trägerin}
                ---
                """,
            "aktuelles/bilanz.md": """
                ---
                title: Erste Bilanz
                date: 2025-06-30
                projects: [dorfladen]
                ---
                Text.
                """,
            "geodaten/kl-ortsgemeinden.geojson": (
                Path(__file__).parent.parent / "content/geodaten/kl-ortsgemeinden.geojson"
            ).read_text(encoding="utf-8"),
        },
    )
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output

    project_page = build.page("projekte/dorfladen/")
    assert 'ikep-badge--in_progress">In Umsetzung<' in project_page
    assert "40 % umgesetzt" in project_page
    assert "250.000\u00a0€" in project_page
    assert "1. März 2024 – 31. Dezember 2026" in project_page
    # Milestones in date order, with their state as text (not colour alone).
    assert project_page.index("Machbarkeitsstudie") < project_page.index("Eröffnung")
    assert "(erreicht)" in project_page and "(offen)" in project_page
    # Updates newest first, plus the "Aktuelles" entry that names the project.
    assert project_page.index("Der Umbau beginnt") < project_page.index("Pachtvertrag")
    assert 'href="../../aktuelles/bilanz/"' in project_page
    # Links to goal, area and network, and back from each of them.
    for href in ("../../ziele/ortskerne-beleben/", "../../raeume/vg-test/", "../../netzwerke/dorflaeden/"):
        assert f'href="{href}"' in project_page
    for page in ("ziele/ortskerne-beleben/", "raeume/vg-test/", "netzwerke/dorflaeden/"):
        assert 'href="../../projekte/dorfladen/"' in build.page(page), page
    # The area lists its members by name: the text alternative to a map.
    area = build.page("raeume/vg-test/")
    assert "Enkenbach-Alsenborn" in area and "Fischbach" in area
    assert "© GeoBasis-DE / BKG 2016" in area

    overview = build.page("projekte/")
    # Grouped by status, every project reachable through a plain link.
    assert overview.index('id="status-in_progress"') < overview.index('id="status-idea"')
    assert 'href="dorfladen/"' in overview and 'href="idee/"' in overview
    assert "data-ikep-filter hidden" in overview  # the filter only appears with JavaScript


def test_goal_corridor_chart_table_and_csv(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"ziele/ortskerne-beleben.md": GOAL, "projekte/p.md": project("P")})
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    goal = build.page("ziele/ortskerne-beleben/")
    svg = re.search(r"<svg[^>]*ikep-chart.*?</svg>", goal, re.S)
    assert svg is not None
    assert 'role="img"' in svg.group(0) and "<title" in svg.group(0) and "<desc" in svg.group(0)
    assert "im Korridor" in goal
    assert "<table" in goal and '<th scope="row">2021</th>' in goal
    csv_href = re.search(r'href="([^"]+\.csv)"', goal)
    assert csv_href is not None
    csv_path = (build.site / "ziele/ortskerne-beleben/" / csv_href.group(1)).resolve()
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Jahr", "Messwert"]
    assert ["2024", "7,1", "6", "8", "%"] in rows

    goals_overview = build.page("ziele/")
    assert "Leerstandsquote" in goals_overview and "im Korridor" in goals_overview
    assert 'href="../projekte/p/"' in goals_overview


def test_hostile_titles_are_escaped_everywhere(tmp_path: Path) -> None:
    hostile = "Kosten < 5.000 € </title><script>alert(1)</script>"
    root = write_site(
        tmp_path,
        {
            "ziele/ortskerne-beleben.md": GOAL,
            "projekte/teuer.md": project(
                hostile.replace('"', '\\"'), extra='lead: "<img src=x onerror=alert(2)>"\n'
            ).replace("summary: Ein Projekt.", 'summary: "\\"><script>alert(3)</script>"'),
            "seite.md": "---\ntitle: '<script>alert(4)</script>'\n---\nText\n",
        },
    )
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    for html_file in build.site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        for number in range(1, 5):
            assert f"<script>alert({number})" not in html, html_file
        assert "<img src=x" not in html, html_file
    page = build.page("projekte/teuer/")
    assert "Kosten &lt; 5.000 €" in page
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title is not None and "&lt;/title&gt;" in title.group(1)


def test_navigation_does_not_grow_with_entities(tmp_path: Path) -> None:
    """A project page must weigh the same whether the site has 20 or 200 projects."""
    sizes = {}
    for count in (20, 200):
        files: dict[str, str | bytes] = {"ziele/ortskerne-beleben.md": GOAL}
        for number in range(count):
            files[f"projekte/p-{number:03d}.md"] = project(f"Projekt {number:03d}")
        root = write_site(tmp_path / str(count), files)
        build = run_build(root)
        assert build.returncode == 0, build.output
        page = build.page("projekte/p-005/")
        assert "Projekt 006" not in page  # no other project is linked from the navigation
        sizes[count] = len(page.encode("utf-8"))
    assert abs(sizes[200] - sizes[20]) / sizes[20] < 0.10, sizes


def test_placeholders_fill_editor_pages(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {
            "ziele/ortskerne-beleben.md": GOAL,
            "projekte/a.md": project("Projekt A"),
            "projekte/b.md": project("Projekt B", status="done"),
            "index.md": """
                # Start

                <!-- ikep:projects status=done -->

                So schreibt man einen Platzhalter:

                ```
                <!-- ikep:goals -->
                ```
                """,
            "projekte/index.md": """
                # Unsere Projekte

                Einleitung vor der Liste.

                <!-- ikep:projects -->

                Text nach der Liste.
                """,
        },
    )
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    home = build.page("")
    assert 'href="projekte/b/"' in home and 'href="projekte/a/"' not in home
    assert "&lt;!-- ikep:goals --&gt;" in home  # inside a code block it stays text
    overview = build.page("projekte/")
    assert overview.index("Einleitung vor der Liste") < overview.index('href="a/"') < overview.index("Text nach")


def test_site_overrides_a_packaged_template(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {"ziele/ortskerne-beleben.md": GOAL, "projekte/a.md": project("Projekt A")},
        extra_config={"theme": {"name": "material", "language": "de", "font": False, "custom_dir": "overrides"}},
    )
    (root / "overrides/ikep").mkdir(parents=True)
    (root / "overrides/ikep/project.html").write_text(
        "<h1>{{ entity.title }}</h1><p>EIGENE VORLAGE</p>", encoding="utf-8"
    )
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    assert "EIGENE VORLAGE" in build.page("projekte/a/")


def test_legal_pages_from_operator_options(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"ziele/ortskerne-beleben.md": GOAL})
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    imprint = build.page("impressum/")
    assert "Kreisverwaltung Musterkreis" in imprint and "Hauptstraße 1, 12345 Musterstadt" in imprint
    assert "barrierefreiheit@example.org" in build.page("barrierefreiheit/")
    assert "https://schlichtung.example.org" in build.page("barrierefreiheit/")
    assert "datenschutz@example.org" in build.page("datenschutz/")
    assert "Leichte Sprache" in build.page("leichte-sprache/")
    home = build.page("")
    for target in ("impressum/", "datenschutz/", "barrierefreiheit/", "leichte-sprache/"):
        assert f'href="{target}"' in home, target


def test_missing_operator_fails_strict_and_says_what_is_missing(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"ziele/ortskerne-beleben.md": GOAL}, plugin={"operator": None})
    strict = run_build(root, strict=True)
    assert strict.returncode != 0
    assert "operator" in strict.output and "Traceback" not in strict.output
    plain = run_build(root)
    assert plain.returncode == 0
    assert "Angaben fehlen" in plain.page("impressum/")


def test_process_profile_marks_the_current_phase(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"ziele/ortskerne-beleben.md": GOAL}, plugin={"build_date": "2023-06-01"})
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    page = build.page("prozess/")
    current = re.search(r'<li class="ikep-phase ikep-phase--current" aria-current="step">(.*?)</li>', page, re.S)
    assert current is not None and "Bestandsaufnahme" in current.group(1)
    assert "aktuelle Phase" in current.group(1)


def test_edit_links_and_last_updated_from_git(tmp_path: Path) -> None:
    import os
    import subprocess

    root = write_site(
        tmp_path,
        {"ziele/ortskerne-beleben.md": GOAL, "projekte/a.md": project("Projekt A")},
        extra_config={
            "repo_url": "https://github.com/example/site",
            "edit_uri": "edit/main/content/",
            "theme": {"name": "material", "language": "de", "font": False, "features": ["content.action.edit"]},
        },
    )
    env = {**os.environ, "GIT_AUTHOR_DATE": "2025-03-04T12:00:00", "GIT_COMMITTER_DATE": "2025-03-04T12:00:00"}
    for command in (
        ["git", "init", "-q"],
        ["git", "-c", "user.name=Redaktion", "-c", "user.email=r@example.org", "add", "."],
        ["git", "-c", "user.name=Redaktion", "-c", "user.email=r@example.org", "commit", "-q", "-m", "Inhalte"],
    ):
        subprocess.run(command, cwd=root, check=True, env=env, capture_output=True)
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    page = build.page("projekte/a/")
    assert 'href="https://github.com/example/site/edit/main/content/projekte/a.md"' in page
    assert '<time datetime="2025-03-04">4. März 2025</time>' in page
    assert (build.site / "schemas" / "ikep-projekt.schema.json").is_file()


def test_no_git_no_date_and_no_crash(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"ziele/ortskerne-beleben.md": GOAL, "projekte/a.md": project("Projekt A")})
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    assert "Zuletzt aktualisiert" not in build.page("projekte/a/")
