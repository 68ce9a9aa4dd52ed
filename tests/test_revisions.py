"""Earlier corridors (`revisions`): drawn, described and listed beside the current one; status against the current."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from conftest import GOAL, Build, run_build, write_site

from ikep_site import labels

# The earlier corridor is far below the current one: measured against it, 7,1 % in 2024 would be outside.
REVISIONS = """    revisions:
      - until: 2023-06-30
        corridor:
          - {year: 2021, min: 8.0, max: 9.0}
          - {year: 2030, min: 5.0, max: 7.0}
      - until: 2025-03-31
        decision: "KT/2025/033"
        corridor:
          - {year: 2024, min: 4.0, max: 5.0}
          - {year: 2030, min: 2.0, max: 3.0}
"""
DECISIONS = """decisions:
  - {date: 2025-03-27, body: Kreistag, number: "KT/2025/033", url: "https://ris.example.org/v/33", text: Neu}
"""


def goal_with(revisions: str, *, decisions: str = "") -> str:
    goal = GOAL.replace("    values:\n", revisions + "    values:\n", 1)
    return goal.replace("field: Dorfentwicklung\n", "field: Dorfentwicklung\n" + decisions, 1)


def text_of(html: str) -> str:
    """What a reader sees: tags dropped, entities resolved, all spaces (also no-break) collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_site(
        tmp_path_factory.mktemp("revisions"),
        {"ziele/ortskerne-beleben.md": goal_with(REVISIONS, decisions=DECISIONS)},
    )
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build


def wide_chart(page: str) -> str:
    start = page.index('<svg xmlns="http://www.w3.org/2000/svg" id="ikep-chart-ortskerne-beleben-leerstand"')
    return page[start : page.index("</svg>", start)]


def test_chart_draws_each_earlier_corridor_dashed_behind_the_current_band(built: Build) -> None:
    chart = wide_chart(built.page("ziele/ortskerne-beleben/"))
    revisions = re.findall(r'<polygon class="ikep-chart__revision"[^>]*stroke-dasharray="[^"]+"', chart)
    assert len(revisions) == 2
    # Behind the current band, so the band in force stays on top.
    assert chart.index("ikep-chart__revision") < chart.index('<polygon class="ikep-chart__band"')
    legend = chart[chart.index('class="ikep-chart__legend"') :]
    assert labels.LABELS["chart_legend_revisions"] in legend  # two earlier corridors: the plural


def test_chart_text_alternative_names_the_earlier_corridors(built: Build) -> None:
    chart = wide_chart(built.page("ziele/ortskerne-beleben/"))
    desc = unescape(re.search(r"<desc[^>]*>(.*?)</desc>", chart, re.S).group(1)).replace("\xa0", " ")  # type: ignore[union-attr]
    assert "Früherer Korridor, galt bis 31. März 2025: 2024 von 4 bis 5 %, 2030 von 2 bis 3 %." in desc
    assert "Früherer Korridor, galt bis 30. Juni 2023: 2021 von 8 bis 9 %, 2030 von 5 bis 7 %." in desc
    # Newest revision first, as the content model orders them.
    assert desc.index("31. März 2025") < desc.index("30. Juni 2023")


def test_status_is_measured_against_the_corridor_in_force(built: Build) -> None:
    page = built.page("ziele/ortskerne-beleben/")
    status = page[page.index('class="ikep-indicator__status"') :]
    status = status[: status.index("</p>")]
    assert labels.CORRIDOR_STATUS["inside"] in text_of(status)  # 7,1 % lies in 6–8 (now), not in 4–5 (before)


def test_tables_list_each_earlier_corridor_with_its_end_and_decision(built: Build) -> None:
    page = built.page("ziele/ortskerne-beleben/")
    tables = re.findall(r'<table class="ikep-table ikep-table--revision">(.*?)</table>', page, re.S)
    assert len(tables) == 2
    first = text_of(tables[0])
    assert first.startswith(
        "Früherer Entwicklungskorridor: galt bis 31. März 2025, ersetzt durch Beschluss KT/2025/033"
    )
    assert "2024 4 5 2030 2 3" in first
    assert "galt bis 30. Juni 2023 (%)" in text_of(tables[1])
    # The note above the chart links the replacing decision to the council's entry.
    note = page[page.index('class="ikep-indicator__revised"') :]
    note = note[: note.index("</p>")]
    assert '<a href="https://ris.example.org/v/33">KT/2025/033</a>' in note
    assert labels.LABELS["revision_note"] in unescape(note)


def test_open_data_keeps_the_earlier_corridors(built: Build) -> None:
    data = json.loads((built.site / "daten" / "prozess.json").read_text(encoding="utf-8"))
    goal = next(goal for goal in data["processes"][0]["goals"] if goal["id"] == "ortskerne-beleben")
    revisions = goal["indicators"][0]["revisions"]
    assert [revision["until"] for revision in revisions] == ["2025-03-31", "2023-06-30"]
    assert revisions[0]["decision"] == "KT/2025/033"
    assert revisions[0]["corridor"] == [{"year": 2024, "min": 4, "max": 5}, {"year": 2030, "min": 2, "max": 3}]


def test_goal_without_revisions_has_no_revision_note_or_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    build = run_build(write_site(tmp_path, {"ziele/ortskerne-beleben.md": GOAL}), strict=True)
    assert build.returncode == 0, build.output
    page = build.page("ziele/ortskerne-beleben/")
    assert "ikep-indicator__revised" not in page
    assert "ikep-table--revision" not in page
    assert "ikep-chart__revision" not in page


def test_decision_text_is_escaped_everywhere(tmp_path) -> None:  # type: ignore[no-untyped-def]
    hostile = REVISIONS.replace('"KT/2025/033"', '"<script>x</script>&"')
    build = run_build(write_site(tmp_path, {"ziele/ortskerne-beleben.md": goal_with(hostile)}), strict=True)
    assert build.returncode == 0, build.output
    page = build.page("ziele/ortskerne-beleben/")
    assert "<script>x</script>" not in page
    assert "&lt;script&gt;x&lt;/script&gt;&amp;" in page


# --- mistakes ------------------------------------------------------------------------------------

# Line numbers below count from the goal file's first line ("---").
BROKEN = {
    "missing until": (
        """    revisions:
      - decision: "KT/1"
        corridor:
          - {year: 2024, min: 4.0, max: 5.0}
          - {year: 2030, min: 2.0, max: 3.0}
""",
        r"content/ziele/ortskerne-beleben\.md:15: .*until",
    ),
    "one-year corridor": (
        """    revisions:
      - until: 2025-03-31
        corridor:
          - {year: 2024, min: 4.0, max: 5.0}
""",
        r"content/ziele/ortskerne-beleben\.md:1[5-7]: .*corridor",
    ),
    "band upside down": (
        """    revisions:
      - until: 2025-03-31
        corridor:
          - {year: 2024, min: 5.0, max: 4.0}
          - {year: 2030, min: 2.0, max: 3.0}
""",
        r"content/ziele/ortskerne-beleben\.md:1[5-8]: corridor: Im Jahr 2024 ist min \(5\) größer als max \(4\)",
    ),
    "two ends on one day": (
        """    revisions:
      - until: 2025-03-31
        corridor: [{year: 2024, min: 4.0, max: 5.0}, {year: 2030, min: 2.0, max: 3.0}]
      - until: 2025-03-31
        corridor: [{year: 2024, min: 4.0, max: 5.0}, {year: 2030, min: 2.0, max: 3.0}]
""",
        r"content/ziele/ortskerne-beleben\.md:17: revisions: Zwei frühere Korridore enden am 2025-03-31 "
        r"\(zuerst in Zeile 15\)",
    ),
    "not a date": (
        """    revisions:
      - until: bald
        corridor: [{year: 2024, min: 4.0, max: 5.0}, {year: 2030, min: 2.0, max: 3.0}]
""",
        r"content/ziele/ortskerne-beleben\.md:15: .*until",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_mistakes_in_revisions_are_reported_with_file_and_line(case: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    revisions, expected = BROKEN[case]
    root = write_site(tmp_path, {"ziele/ortskerne-beleben.md": goal_with(revisions)})
    strict = run_build(root, strict=True)
    assert strict.returncode != 0
    assert re.search(expected, strict.output), strict.output
    assert "Traceback" not in strict.output
