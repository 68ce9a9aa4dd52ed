"""The demo site is the template a municipality copies: it must build cleanly with --strict."""

from __future__ import annotations

import re

from conftest import ROOT, Build


def test_demo_builds_strict_without_warnings(demo_build: Build) -> None:
    assert demo_build.returncode == 0, demo_build.output
    assert "WARNING" not in demo_build.output, demo_build.output
    assert "Traceback" not in demo_build.output


def test_demo_has_every_entity_page_and_download(demo_build: Build) -> None:
    content = ROOT / "content"
    for folder in ("ziele", "projekte", "raeume", "netzwerke", "aktuelles", "beteiligung"):
        sources = [path for path in (content / folder).glob("*.md") if path.name != "index.md"]
        assert sources, folder
        for source in sources:
            assert (demo_build.site / folder / source.stem / "index.html").is_file(), source
        assert (demo_build.site / folder / "index.html").is_file(), folder
    for page in ("prozess", "impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"):
        assert (demo_build.site / page / "index.html").is_file(), page
    assert list((demo_build.site / "ziele").glob("*/*.csv"))


def test_demo_requests_nothing_from_third_parties(demo_build: Build) -> None:
    """Scripts, styles, fonts and images all come from the site itself (links may go anywhere)."""
    loaded = re.compile(
        r'<(?:script|img|iframe|source)[^>]+src="(https?:)?//|<link[^>]+href="(https?:)?//[^"]+"[^>]*rel="(?:stylesheet|preconnect|preload)|<link[^>]+rel="(?:stylesheet|preconnect|preload)"[^>]+href="(https?:)?//'
    )
    for html_file in demo_build.site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert not loaded.search(html), (html_file, loaded.search(html))
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, html_file


def test_demo_home_page_shows_goals_projects_and_news(demo_build: Build) -> None:
    home = demo_build.page("")
    assert "Fiktives Beispiel" in home
    assert 'class="ikep-goals"' in home
    assert "ikep-badge--in_progress" in home
    assert 'class="ikep-news"' in home
