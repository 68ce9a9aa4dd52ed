"""What the site search indexes, and how pages are compacted: real builds in tmp_path."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from conftest import GOAL, project, run_build, write_site

from ikep_site.render.compact import compact_html
from ikep_site.render.searchable import SEARCH_OFF, SEARCH_ON, for_readers, for_search, unsearched


def _index(site: Path) -> list[dict[str, str]]:
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs: list[dict[str, str]] = data["docs"]
    return docs


def _texts_at(docs: list[dict[str, str]], location_prefix: str) -> str:
    return " ".join(doc["title"] + " " + doc["text"] for doc in docs if doc["location"].startswith(location_prefix))


def test_listings_charts_and_tables_stay_out_of_the_index_but_on_the_page(tmp_path: Path) -> None:
    summary_word = "Kartoffelgenossenschaft"
    root = write_site(
        tmp_path,
        {
            "ziele/ortskerne-beleben.md": GOAL,
            "projekte/laden.md": project("Dorfladen").replace("Ein Projekt.", f"Die {summary_word} plant."),
        },
    )
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    docs = _index(build.site)

    # The project's own page is found by its words ...
    project_text = _texts_at(docs, "projekte/laden/")
    assert summary_word in project_text
    # ... and by its facts, each label and value a word of its own (not "StatusIn").
    assert re.search(r"\bStatus\s+In Umsetzung\b", project_text), project_text
    # ... the goal page and the overview that list it as a card are not.
    assert summary_word not in _texts_at(docs, "ziele/ortskerne-beleben/")
    overview = [doc for doc in docs if doc["location"].split("#")[0] == "projekte/"]
    assert overview and all(summary_word not in doc["text"] for doc in overview)
    # The goal's own text and indicator names are indexed; chart and value table are not.
    goal_text = _texts_at(docs, "ziele/ortskerne-beleben/")
    assert "Beschreibung des Ziels" in goal_text and "Leerstandsquote" in goal_text
    assert "Messwerte und Entwicklungskorridor" not in goal_text  # the table's caption
    assert "8,4" not in goal_text  # a measured value

    # Readers still get everything, and no marker is left in any page.
    goal_page = build.page("ziele/ortskerne-beleben/")
    assert summary_word in goal_page and "<svg" in goal_page and "ikep-table" in goal_page
    assert summary_word in build.page("projekte/")
    for page in build.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "ikep-search-o" not in html, page


def test_without_the_search_plugin_pages_are_whole_and_clean(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {"ziele/ortskerne-beleben.md": GOAL, "projekte/laden.md": project("Dorfladen")},
        extra_config={"plugins": [{"ikep": {"build_date": "2026-11-24"}}]},
    )
    build = run_build(root)
    assert build.returncode == 0, build.output
    goal_page = build.page("ziele/ortskerne-beleben/")
    assert "Dorfladen" in goal_page and "<svg" in goal_page
    assert "ikep-search-o" not in goal_page


def test_marked_parts_may_nest() -> None:
    html = f"a{SEARCH_OFF}b{unsearched('c')}d{SEARCH_ON}e{unsearched('f')}g"
    assert for_search(html) == "aeg"
    assert for_readers(html) == "abcdefg"


def test_the_index_gets_the_same_words_and_sections_with_fewer_tags() -> None:
    html = (
        '<h2 id="fakten">Fakten<a class="headerlink" href="#fakten" title="Link">¶</a></h2>'
        '<dl class="ikep-facts"><div><dt>Status</dt><dd><span class="x">Idee</span></dd></div></dl>'
        '<p class="lead">Ein <a href="../b/" title="a > b">Link</a> im Text</p><ul><li>Punkt</li></ul>'
        "<script>var t = '<div>';</script><pre><code><span>x = 1</span></code></pre>"
    )
    reduced = for_search(html)
    assert reduced.startswith('<h2 id="fakten">Fakten</h2>')  # permalink gone with its pilcrow
    assert "Status" in reduced and "<dt" not in reduced and "<span" not in reduced
    assert "Status Idee" in " ".join(reduced.split())  # two words, not "StatusIdee"
    assert '<p class="lead">Ein Link im Text</p><ul><li>Punkt</li></ul>' in reduced
    assert "<script>" in reduced and "<pre><code>x = 1</code></pre>" in reduced
    # Markup whose meaning depends on its tag is left for the indexer to read as written.
    excluded = "<div data-search-exclude><p>geheim</p></div><p>offen</p>"
    assert for_search(excluded) == excluded


def test_compacting_keeps_preformatted_text_and_line_breaks() -> None:
    html = (
        "<div>\n    <p>Text\n        weiter</p>\n\n\n    <pre><code>a\n\n    b</code></pre>\n"
        "  <p>Inline <code>x\n   y</code></p>\n  <textarea>\n  t\n</textarea>\n"
        "  <script>\n  var s = `\n  z`;\n</script>\n</div>"
    )
    compacted = compact_html(html)
    assert "<pre><code>a\n\n    b</code></pre>" in compacted
    assert "<code>x\n   y</code>" in compacted
    assert "<textarea>\n  t\n</textarea>" in compacted
    assert "<script>\n  var s = `\n  z`;\n</script>" in compacted
    assert "<p>Text\nweiter</p>" in compacted  # a line break stays a space between words
    assert "\n\n" not in compacted.replace("a\n\n    b", "")


def test_compacting_matches_the_plain_rule_on_random_markup() -> None:
    """The rule in one regular expression, slower but obvious, against the implementation."""
    kept = re.compile(r"<(pre|code|kbd|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
    indent = re.compile(r"\n[ \t\r\n]+")

    def reference(html: str) -> str:
        parts, position = [], 0
        for match in kept.finditer(html):
            parts += [indent.sub("\n", html[position : match.start()]), match.group()]
            position = match.end()
        return "".join([*parts, indent.sub("\n", html[position:])])

    atoms = ["<pre>", "</pre>", "<PRE class=x>", "</pre >", "<code>", "</code>", "<script>", "</script>", "<kbd>"]
    atoms += ["</kbd>", "<textarea>", "</textarea>", "<style>", "</STYLE>", "<codex>", "<pre", "\n   ", "\n\n\t", "x"]
    rng = random.Random(7)
    for _ in range(5000):
        html = "".join(rng.choice(atoms) for _ in range(rng.randint(0, 30)))
        assert compact_html(html) == reference(html), html


def test_built_pages_are_compacted(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"ziele/ortskerne-beleben.md": GOAL})
    build = run_build(root)
    assert build.returncode == 0, build.output
    page = build.page("ziele/ortskerne-beleben/")
    outside_pre = page.split("<pre", 1)[0]
    assert "\n  " not in outside_pre and "\n\n" not in outside_pre
