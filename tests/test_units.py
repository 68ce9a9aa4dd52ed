"""Unit tests of the small pure parts: formatting, URLs, placeholders, derivations."""

from __future__ import annotations

import posixpath
from datetime import date, datetime

import pytest

from ikep_site.derive import call_state, current_phase, news, phase_state, projects_by_status, relations
from ikep_site.formatting import format_date, format_euro, format_number
from ikep_site.model import Call, Goal, Phase, Process, Project, ProjectUpdate, Update
from ikep_site.placeholders import Placeholder, find, problems
from ikep_site.urls import Linker, page_url, relative_url


def test_german_dates_and_numbers() -> None:
    assert format_date(date(2026, 12, 3)) == "3. Dezember 2026"
    assert format_date(date(2026, 12, 3), weekday=True) == "Donnerstag, 3. Dezember 2026"
    assert format_number(1234.5) == "1.234,5"
    assert format_number(7.25) == "7,25"
    assert format_number(-3) == "-3"
    assert format_euro(250000) == "250.000\u00a0€"
    assert format_euro(99.5) == "99,50\u00a0€"


@pytest.mark.parametrize(
    ("src", "directory_urls", "expected"),
    [
        ("index.md", True, ""),
        ("projekte/index.md", True, "projekte/"),
        ("projekte/a.md", True, "projekte/a/"),
        ("projekte/a.md", False, "projekte/a.html"),
        ("ziele/z/l.csv", True, "ziele/z/l.csv"),
    ],
)
def test_page_url(src: str, directory_urls: bool, expected: str) -> None:
    assert page_url(src, use_directory_urls=directory_urls) == expected


def test_relative_links_match_mkdocs() -> None:
    link = Linker("projekte/a.md")
    assert link.to("projekte/b.md") == "../b/"
    assert link.to("index.md") == "../../"
    assert link.to("ziele/index.md") == "../../ziele/"
    assert Linker("index.md").to("projekte/b.md") == "projekte/b/"
    assert Linker("projekte/a.md", use_directory_urls=False).to("index.md") == "../index.html"


def _relpath_reference(target: str, base: str) -> str:
    """The definition relative_url must agree with: posixpath.relpath plus MkDocs' trailing slash."""
    base_dir = base if base.endswith("/") or not base else posixpath.dirname(base)
    relative = posixpath.relpath(target or ".", base_dir.rstrip("/") or ".")
    if (target == "" or target.endswith("/")) and not relative.endswith("/"):
        relative += "/"
    return "./" if relative in (".", "./") else relative


def test_relative_url_agrees_with_relpath_on_many_paths() -> None:
    names = ["", "a", "b", "a/b", "a/c", "b/a", "a/b/c", "x/y/z"]
    forms = [
        lambda n: n + "/" if n else "",
        lambda n: n + ".html" if n else "index.html",
        lambda n: (n + "/" if n else "") + "f.csv",
    ]
    urls = sorted({form(name) for name in names for form in forms})
    for target in urls:
        for base in urls:
            if base.endswith(".csv"):
                continue  # links are made from pages only
            assert relative_url(target, base) == _relpath_reference(target, base), (target, base)


def _process() -> Process:
    goal = Goal(id="g", process="", src_uri="ziele/g.md", title="G")
    projects = {
        "a": Project(id="a", process="", src_uri="projekte/a.md", title="A", status="done", goals=("g",)),
        "b": Project(
            id="b",
            process="",
            src_uri="projekte/b.md",
            title="B",
            status="in_progress",
            goals=("g",),
            updates=(ProjectUpdate(date=date(2025, 1, 1), text="Notiz"),),
        ),
    }
    update = Update(id="u", process="", src_uri="aktuelles/u.md", title="U", date=date(2025, 6, 1), projects=("b",))
    return Process(id="", profile=None, goals={"g": goal}, projects=projects, updates={"u": update})


def test_placeholders_are_found_and_checked() -> None:
    html = "<p>x</p>\n<!-- ikep:projects status=done goal=g -->\n<!-- ikep:projekte -->"
    found = [placeholder for _, placeholder in find(html)]
    assert found[0] == Placeholder("projects", {"status": "done", "goal": "g"}, frozenset(), found[0].text)
    process = _process()
    assert problems(found[0], process) == []
    assert "Meinten Sie projects?" in problems(found[1], process)[0]
    assert problems(Placeholder("projects", {"status": "laufend"}), process)
    assert problems(Placeholder("projects", {"goal": "gibtsnicht"}), process)
    assert problems(Placeholder("map"), process)  # needs area=
    assert problems(Placeholder("updates", {"limit": "drei"}), process)
    assert problems(Placeholder("calls", flags=frozenset({"bald"})), process)


def test_relations_news_and_grouping() -> None:
    process = _process()
    rel = relations(process)
    assert [p.id for p in rel.projects_of_goal["g"]] == ["a", "b"]
    assert [u.id for u in rel.updates_of["b"]] == ["u"]
    assert [(item.date, item.is_project_note) for item in news(process)] == [
        (date(2025, 6, 1), False),
        (date(2025, 1, 1), True),
    ]
    assert [status for status, _ in projects_by_status(process.projects.values())] == ["in_progress", "done"]


def test_phases_and_call_states_follow_the_build_date() -> None:
    phases = (
        Phase(name="Eins", start=date(2023, 1, 1), end=date(2023, 12, 31)),
        Phase(name="Zwei", start=date(2024, 1, 1)),
    )
    assert phase_state(phases[0], date(2024, 5, 1)) == "past"
    assert current_phase(phases, date(2024, 5, 1)) == phases[1]
    assert current_phase(phases, date(2022, 5, 1)) is None
    workshop = Call(
        id="w", process="", src_uri="beteiligung/w.md", title="W", format="workshop", start=datetime(2026, 12, 3, 18, 0)
    )
    assert call_state(workshop, date(2026, 11, 24)) == "announced"
    assert call_state(workshop, date(2026, 12, 3)) == "open"
    assert call_state(workshop, date(2026, 12, 4)) == "closed"
    survey = Call(
        id="s",
        process="",
        src_uri="beteiligung/s.md",
        title="S",
        format="survey",
        start=date(2026, 11, 2),
        end=date(2026, 12, 20),
    )
    assert call_state(survey, date(2026, 12, 20)) == "open"
    assert call_state(survey, date(2026, 12, 21)) == "closed"
