"""The Datenschutzerklärung says what the web editor at admin/ contacts, and only where the site has it.

Built as a site is built (`mkdocs build --strict`): the editor is on unless `editor: false`, and
`editor: auth_url` names the authenticator the editors' browsers sign in through.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from conftest import GOAL, run_build, write_site

from ikep_site.labels import LABELS

AUTH_URL = "https://ikep-anmeldung.example.org"
GITHUB_HOSTS = ("github.com", "api.github.com")
# Where the editor saves: without it admin/ only says what is missing, and nobody signs in there.
REPOSITORY = {"repo_url": "https://github.com/example/testsite", "edit_uri": "edit/main/content/"}


class _Sections(HTMLParser):
    """The text of the page's <article>, one entry per <h2> section (the part before the first: "")."""

    def __init__(self) -> None:
        super().__init__()
        self.in_article = False
        self.in_heading = False
        self.sections: dict[str, str] = {"": ""}
        self.current = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.in_article = True
        elif tag == "h2" and self.in_article:
            self.in_heading = True
            self.current = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False
        elif tag == "h2" and self.in_heading:
            self.in_heading = False
            self.current = " ".join(self.current.split())
            self.sections[self.current] = ""

    def handle_data(self, data: str) -> None:
        if not self.in_article:
            return
        if self.in_heading:
            self.current += data
        else:
            self.sections[self.current] += data


def privacy_sections(tmp_path: Path, plugin: dict[str, Any]) -> dict[str, str]:
    """The sections of the built privacy page, each as its text with whitespace collapsed."""
    root = write_site(tmp_path / "site", {"ziele/ortskerne-beleben.md": GOAL}, plugin=plugin, extra_config=REPOSITORY)
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    parser = _Sections()
    parser.feed(build.page("datenschutz/"))
    return {heading: " ".join(text.split()) for heading, text in parser.sections.items()}


def hosts_named(text: str) -> set[str]:
    """The host names a text names (words with a dot between letters, like api.github.com)."""
    return set(re.findall(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b", text))


def test_privacy_names_github_and_the_authenticator_when_the_editor_is_on(tmp_path: Path) -> None:
    sections = privacy_sections(tmp_path, {"editor": {"auth_url": AUTH_URL, "auth_endpoint": "auth"}})
    heading = LABELS["privacy_editor_heading"]
    assert heading in sections, list(sections)
    text = sections[heading]
    assert "admin/" in text
    named = hosts_named(text)
    assert set(GITHUB_HOSTS) <= named, named
    assert "ikep-anmeldung.example.org" in named, named
    # Only the host: the authenticator's path is no business of the reader.
    assert AUTH_URL not in text and "/auth" not in text
    # The rest of the statement is still there, and still says public pages load nothing from elsewhere.
    assert LABELS["privacy_none"] in sections[LABELS["privacy_none_heading"]]
    assert LABELS["privacy_rights_heading"] in sections


def test_privacy_names_github_when_the_editor_is_on_by_default(tmp_path: Path) -> None:
    sections = privacy_sections(tmp_path, {})
    heading = LABELS["privacy_editor_heading"]
    assert heading in sections, list(sections)
    named = hosts_named(sections[heading])
    assert set(GITHUB_HOSTS) <= named, named
    assert "ikep-anmeldung.example.org" not in named


def test_no_editor_paragraph_when_the_editor_is_off(tmp_path: Path) -> None:
    sections = privacy_sections(tmp_path, {"editor": False})
    assert LABELS["privacy_editor_heading"] not in sections, list(sections)
    whole = " ".join(sections.values())
    # GitHub Pages may still be named as the host of the site itself; the editor's hosts are not.
    assert not hosts_named(whole) & {*GITHUB_HOSTS, "ikep-anmeldung.example.org"}, hosts_named(whole)
    assert "admin/" not in whole
    # The statement itself is complete all the same.
    assert LABELS["privacy_hosting_heading"] in sections and LABELS["privacy_rights_heading"] in sections
