"""How far the projects of each goal and Handlungsfeld are: the derivation and the built pages."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import GOAL, project, run_build, write_site

from ikep_site.derive import NO_PROJECTS, ProjectProgress, project_progress, relations
from ikep_site.labels import PROJECT_STATUS, t
from ikep_site.model import Goal, Process, Project


def _project(key: str, status: str, progress: int | None = None, goals: tuple[str, ...] = ()) -> Project:
    return Project(
        id=key,
        process="",
        src_uri=f"projekte/{key}.md",
        title=key,
        status=status,
        progress=progress,
        goals=goals,
    )


def _goal(key: str, field: str | None) -> Goal:
    return Goal(id=key, process="", src_uri=f"ziele/{key}.md", title=key, field=field)


def test_done_counts_as_full_and_dropped_not_at_all() -> None:
    result = project_progress(
        [
            _project("a", "done", progress=40),  # done is done, whatever the number says
            _project("b", "in_progress", progress=50),
            _project("c", "dropped", progress=90),  # would pull the mean up if it counted
        ]
    )
    assert result.mean == 75
    assert result.counts == (("in_progress", 1), ("done", 1), ("dropped", 1))
    assert result.total == 3


def test_project_without_progress_counts_as_nothing_done() -> None:
    assert project_progress([_project("a", "planned"), _project("b", "in_progress", progress=60)]).mean == 30


def test_mean_rounds_half_up_to_whole_percent() -> None:
    # 25/2 = 12.5 → 13 (Python's round() would give 12); 100/3 = 33.3 → 33; 200/3 = 66.7 → 67
    assert project_progress([_project("a", "idea", 25), _project("b", "idea", 0)]).mean == 13
    assert project_progress([_project("a", "done"), _project("b", "idea"), _project("c", "idea")]).mean == 33
    assert project_progress([_project("a", "done"), _project("b", "done"), _project("c", "idea")]).mean == 67


def test_only_dropped_projects_give_no_mean() -> None:
    result = project_progress([_project("a", "dropped", progress=30)])
    assert result.mean is None
    assert result.counts == (("dropped", 1),)


def test_no_projects() -> None:
    assert project_progress([]) == ProjectProgress(counts=(), mean=None) == NO_PROJECTS


def test_field_counts_a_project_serving_two_of_its_goals_once() -> None:
    both = _project("both", "done", goals=("g1", "g2"))
    other = _project("other", "in_progress", progress=20, goals=("g2",))
    elsewhere = _project("elsewhere", "planned", progress=80, goals=("g3",))
    process = Process(
        id="",
        profile=None,
        goals={"g1": _goal("g1", "Mobilität"), "g2": _goal("g2", "Mobilität"), "g3": _goal("g3", "Energie")},
        projects={p.key: p for p in (both, other, elsewhere)},
    )
    rel = relations(process)
    mobility = rel.field_progress("", "Mobilität")
    assert mobility.counts == (("in_progress", 1), ("done", 1))
    assert mobility.mean == 60  # (100 + 20) / 2, not (100 + 100 + 20) / 3
    assert rel.field_progress("", "Energie").mean == 80
    assert rel.progress_of_goal["g1"].mean == 100
    assert rel.progress_of_goal["g2"].total == 2
    assert rel.field_progress("", "Unbekannt") is NO_PROJECTS


def _text(html: str) -> str:
    """The visible words of an HTML fragment, spaces collapsed (no-break spaces as plain ones)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " "))


def test_goal_page_overview_and_field_show_progress(tmp_path: Path) -> None:
    second_goal = GOAL.replace("title: Ortskerne beleben", "title: Dorfleben stärken").replace(
        "id: leerstand", "id: vereine"
    )
    files: dict[str, str | bytes] = {
        "ziele/ortskerne-beleben.md": GOAL,
        "ziele/dorfleben-staerken.md": second_goal,
        "ziele/ohne-projekte.md": "---\ntitle: Wald erhalten\nfield: Natur & <Umwelt>\n---\nText.\n",
        "projekte/dorfladen.md": project("Dorfladen", extra="progress: 40\n"),
        "projekte/treff.md": project("Treff", status="done"),
        "projekte/markt.md": project("Markt", status="planned"),
        "projekte/alt.md": project("Alt", status="dropped", extra="progress: 80\n"),
        # serves both goals of the field Dorfentwicklung: counted once for the field
        "projekte/bus.md": project("Bus", goals="[ortskerne-beleben, dorfleben-staerken]", extra="progress: 60\n"),
    }
    build = run_build(write_site(tmp_path, files), strict=True)
    assert build.returncode == 0, build.output

    # Ortskerne beleben: Dorfladen 40, Treff 100, Markt 0, Bus 60, Alt left out → 200/4 = 50
    goal = _text(build.page("ziele/ortskerne-beleben/"))
    assert "5 Schlüsselprojekte: 2 in Umsetzung, 1 geplant, 1 abgeschlossen, 1 eingestellt" in goal
    assert "Im Mittel 50 % umgesetzt" in goal
    assert 'class="ikep-progress__fill" style="width: 50%"' in build.page("ziele/ortskerne-beleben/")

    overview_html = build.page("ziele/")
    overview = _text(overview_html)
    # The field heading, then its progress over the projects of both its goals (Bus once: still 5)
    field = re.search(
        r'<h2 class="ikep-field__title">Dorfentwicklung</h2>(.*?)<div class="ikep-field__goals">', overview_html, re.S
    )
    assert field, overview_html
    assert "5 Schlüsselprojekte: 2 in Umsetzung, 1 geplant, 1 abgeschlossen, 1 eingestellt" in _text(field[1])
    assert "Im Mittel 50 % umgesetzt" in _text(field[1])
    # Dorfleben stärken has only the bus; its card says so
    assert "1 Schlüsselprojekt: 1 in Umsetzung Im Mittel 60 % umgesetzt" in overview
    # A field whose goals have no projects says so, its name escaped
    assert '<h2 class="ikep-field__title">Natur &amp; &lt;Umwelt&gt;</h2>' in overview_html
    # It has one goal: the card says it (a field figure would only repeat the card)
    assert "Diesem Eintrag sind noch keine Schlüsselprojekte zugeordnet." in overview
    natur = re.search(r"Natur &amp; &lt;Umwelt&gt;</h2>(.*?)<div class=\"ikep-field__goals\">", overview_html, re.S)
    assert natur and _text(natur[1]).strip() == ""
    # Cards sit below the field heading, one level down
    assert '<h3 class="ikep-card__title" id="ziel-ortskerne-beleben">' in overview_html


def test_every_status_has_a_counted_label() -> None:
    # The template names the label by the status; a status without one would break the build.
    assert [t(f"count_status_{status}", count=2) for status in PROJECT_STATUS] == [
        "2 Ideen",
        "2 geplant",
        "2 in Umsetzung",
        "2 abgeschlossen",
        "2 pausiert",
        "2 eingestellt",
    ]


def test_portal_fields_per_process_and_site_wide(tmp_path: Path) -> None:
    profile = "name: {name}\nkind: Zukunfts-Check Dorf\nphases:\n  - {{name: Umsetzung, start: 2026-01-01}}\n"
    files: dict[str, str | bytes] = {
        "index.md": "# Dörfer\n\n<!-- ikep:processes -->\n",
        "mehlbach/prozess.yml": profile.format(name="Dorf Mehlbach"),
        "mehlbach/ziele/ortskerne-beleben.md": GOAL,
        "mehlbach/projekte/dorfladen.md": project("Dorfladen Mehlbach", status="done"),
        "katzweiler/prozess.yml": profile.format(name="Dorf Katzweiler"),
        "katzweiler/ziele/ortskerne-beleben.md": GOAL.replace("Ortskerne beleben", "Ortskern Katzweiler"),
        # serves its own goal and Mehlbach's, both in the field Dorfentwicklung
        "katzweiler/projekte/laden.md": project(
            "Laden Katzweiler", goals="[ortskerne-beleben, mehlbach/ortskerne-beleben]", extra="progress: 20\n"
        ),
    }
    build = run_build(write_site(tmp_path, files, plugin={"process": None}), strict=True)
    assert build.returncode == 0, build.output

    def field_text(url: str) -> str:
        html = build.page(url)
        found = re.search(
            r'class="ikep-field__title">Dorfentwicklung</h\d>(.*?)<div class="ikep-field__goals">', html, re.S
        )
        assert found, html
        return _text(found[1])

    # In each process the field has one goal: no field figure, the goal's card has it
    assert field_text("katzweiler/ziele/").strip() == ""
    assert "1 Schlüsselprojekt: 1 in Umsetzung Im Mittel 20 % umgesetzt" in _text(build.page("katzweiler/ziele/"))
    # Mehlbach's goal is served by both projects
    assert field_text("mehlbach/ziele/").strip() == ""
    assert "2 Schlüsselprojekte: 1 in Umsetzung, 1 abgeschlossen Im Mittel 60 % umgesetzt" in _text(
        build.page("mehlbach/ziele/")
    )
    # Site-wide, the shop serving two goals of the field counts once: still 2, not 3
    assert "2 Schlüsselprojekte: 1 in Umsetzung, 1 abgeschlossen Im Mittel 60 % umgesetzt" in field_text("ziele/")
