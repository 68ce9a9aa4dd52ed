"""`ikep verify`: a built site is published only when the plugin made it complete.

A site built without the plugin (as Zensical does, which ignores MkDocs plugins) lacks the legal
pages and the feed; a site whose pages name files that are not there is broken for citizens.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import Build, run_build, write_site

from ikep_site.checks.builtsite import open_site
from ikep_site.checks.links import Page
from ikep_site.cli import main
from ikep_site.labels import PAGE_TITLE
from ikep_site.messages import MESSAGES

STYLESHEET = "stylesheets/extra.css"
CSS = "body { background: url('../bilder/hintergrund.png'); }\n.logo { background: url(data:image/png;base64,AAAA); }\n"
PNG = b"\x89PNG\r\n\x1a\n"


def verify(site: Path) -> Result:
    return CliRunner().invoke(main, ["verify", str(site)])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A small site with a stylesheet of the editor that loads an image; built once."""
    root = write_site(
        tmp_path_factory.mktemp("verify") / "site-src",
        {STYLESHEET: CSS, "bilder/hintergrund.png": PNG, "seite.md": "# Seite\n\n[Start](index.md)\n"},
        extra_config={"extra_css": [STYLESHEET]},
    )
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture
def site(built: Build, tmp_path: Path) -> Path:
    """A copy of the built site that a test may break."""
    return Path(shutil.copytree(built.site, tmp_path / "site"))


def test_a_complete_site_passes(site: Path) -> None:
    result = verify(site)
    assert result.exit_code == 0, result.output
    assert "vollständig" in result.output


def test_missing_legal_pages_are_named(site: Path) -> None:
    for folder in ("impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "gebaerdensprache"):
        shutil.rmtree(site / folder)
    result = verify(site)
    assert result.exit_code == 1
    for role, uri in (
        ("imprint", "impressum/"),
        ("privacy", "datenschutz/"),
        ("accessibility", "barrierefreiheit/"),
        ("easy_language", "leichte-sprache/"),
        ("sign_language", "gebaerdensprache/"),
    ):
        assert MESSAGES["verify_page_missing"].format(title=PAGE_TITLE[role], uri=uri) in result.output
    assert "darf so nicht veröffentlicht werden" in result.output


def test_a_missing_stylesheet_is_named_with_the_page_and_line(site: Path) -> None:
    (site / STYLESHEET).unlink()
    result = verify(site)
    assert result.exit_code == 1
    # Named where it is first loaded (404.html, by an absolute path), once for all pages.
    page = (site / "404.html").read_text(encoding="utf-8")
    line = next(number for number, text in enumerate(page.splitlines(), 1) if STYLESHEET in text)
    expected = MESSAGES["verify_file_missing"].format(url=f"/test/{STYLESHEET}", path=STYLESHEET)
    # Every page but 404.html, the web editor's (admin/ loads no stylesheet of the site) and the
    # widgets (einbetten/*.html but its index page: they have a small stylesheet of their own).
    pages = [path.relative_to(site) for path in site.rglob("*.html")]
    pages = [path for path in pages if "admin" not in path.parts]
    pages = [path for path in pages if "einbetten" not in path.parts or path.name == "index.html"]
    others = len(pages) - 1
    assert f"404.html:{line}: {expected} {MESSAGES['verify_elsewhere'].format(count=others)}" in result.output
    assert result.output.count(expected) == 1


def test_a_file_a_stylesheet_loads_is_named_at_the_stylesheet(site: Path) -> None:
    (site / "bilder/hintergrund.png").unlink()
    result = verify(site)
    assert result.exit_code == 1
    expected = MESSAGES["verify_stylesheet_missing"].format(
        url="../bilder/hintergrund.png", path="bilder/hintergrund.png"
    )
    assert f"{STYLESHEET}:1: {expected}" in result.output


def test_a_missing_feed_is_named(site: Path) -> None:
    (site / "feed.xml").unlink()
    result = verify(site)
    assert result.exit_code == 1
    assert MESSAGES["verify_feed_missing"].format(uri="feed.xml") in result.output


def test_a_site_built_without_the_plugin_is_refused(tmp_path: Path) -> None:
    """What Zensical makes of mkdocs.yml: the theme's pages, none of the plugin's."""
    root = write_site(tmp_path / "src", {"seite.md": "# Seite\n"}, extra_config={"plugins": ["search"]})
    build = run_build(root)
    assert build.returncode == 0, build.output
    result = verify(build.site)
    assert result.exit_code == 1
    for role in ("imprint", "privacy", "accessibility", "easy_language", "sign_language"):
        assert f"„{PAGE_TITLE[role]}“" in result.output


def test_a_folder_without_a_built_site_is_a_clear_error(tmp_path: Path) -> None:
    result = verify(tmp_path / "site")
    assert result.exit_code == 2
    assert MESSAGES["verify_not_built"].format(dir=(tmp_path / "site").as_posix()) in result.output
    (tmp_path / "leer").mkdir()
    assert verify(tmp_path / "leer").exit_code == 2


def test_local_links_resolve_below_the_site_address(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text("", encoding="utf-8")
    (tmp_path / "a/index.html").write_text(
        '<a href="/test/a/">x</a><a href="/andere-site/">y</a><a href="https://example.org/test/a/#oben">z</a>'
        '<a href="https://example.com/">w</a><a href="mailto:a@example.org">m</a><img srcset="b.png 1x, c.png 2x">'
        '<link rel="canonical" href="https://example.org/test/fehlt/">',
        encoding="utf-8",
    )
    (tmp_path / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/test/</loc></url>'
        "<url><loc>https://example.org/test/a/</loc></url></urlset>",
        encoding="utf-8",
    )
    site = open_site(tmp_path)
    assert site.site_url == "https://example.org/test/"
    page = Page.read(site, "a/index.html")
    targets = {reference.url: page.target(reference.url) for reference in page.references}
    assert targets["/test/a/"] is not None and targets["/test/a/"].file == tmp_path / "a/index.html"
    assert targets["/andere-site/"] is None  # the same host, another site
    about = targets["https://example.org/test/a/#oben"]
    assert about is not None and about.fragment == "oben" and about.file is not None
    assert targets["https://example.com/"] is None
    assert targets["mailto:a@example.org"] is None
    assert {"b.png", "c.png"} <= set(targets)
    missing = targets["https://example.org/test/fehlt/"]
    assert missing is not None and missing.file is None
