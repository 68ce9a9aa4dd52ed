"""Nothing dropped without a word: files not read as entries, and links leading out of content/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GOAL, Build, project, run_build, write_site

from ikep_site.cli import main

PROJECT = project("Dorfladen Mehlbach")


def _site(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    return write_site(tmp_path, {"ziele/ortskerne-beleben.md": GOAL, **files})


def _check(root: Path) -> str:
    return CliRunner().invoke(main, ["check", str(root)]).output


@pytest.mark.parametrize(
    ("src_uri", "message"),
    [
        (
            "projekte/2024/dorfladen.md",
            "Einträge liegen direkt im Ordner projekte/, nicht in einem Unterordner: Diese Datei wird nicht als "
            "Eintrag gelesen und fehlt in allen Übersichten. Verschieben Sie sie nach projekte/dorfladen.md.",
        ),
        (
            "Projekte/dorfladen.md",
            "Der Ordner 'Projekte' wird nicht als Ordner für Einträge gelesen: Er muss 'projekte' heißen",
        ),
        ("projekte/dorfladen.markdown", "Die Datei 'dorfladen.markdown' wird nicht als Eintrag gelesen"),
        ("projekte/dorfladen.MD", "Die Datei 'dorfladen.MD' wird nicht als Eintrag gelesen, weil sie nicht auf .md"),
        ("projekte/dorfladen.txt", "Die Datei 'dorfladen.txt' wird nicht als Eintrag gelesen, sondern unverändert"),
    ],
)
def test_an_entry_saved_where_it_is_not_read_is_reported(tmp_path: Path, src_uri: str, message: str) -> None:
    root = _site(tmp_path, {src_uri: PROJECT})
    build = run_build(root, strict=True)
    assert build.returncode == 1
    assert f"content/{src_uri}: {message}" in build.output
    assert f"content/{src_uri}: {message}" in _check(root)


def test_an_entry_in_a_subfolder_of_a_portal_process_is_reported(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "mehlbach/prozess.yml": "name: Mehlbach\nkind: Zukunfts-Check Dorf\n",
        "mehlbach/ziele/ortskerne-beleben.md": GOAL,
        "mehlbach/projekte/alt/laden.md": PROJECT,
    }
    build = run_build(write_site(tmp_path, files, plugin={"process": None}), strict=True)
    assert "content/mehlbach/projekte/alt/laden.md: Einträge liegen direkt im Ordner mehlbach/projekte/" in (
        build.output
    )


def test_images_and_overviews_in_entity_folders_stay_quiet(tmp_path: Path) -> None:
    root = _site(
        tmp_path,
        {
            "projekte/dorfladen.md": PROJECT,
            "projekte/index.md": "# Projekte\n\n<!-- ikep:projects -->\n",
            "projekte/bilder/laden.png": b"\x89PNG\r\n\x1a\n",
        },
    )
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output


def test_a_link_out_of_content_is_refused_and_not_published(tmp_path: Path) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("Passwort: 1234", encoding="utf-8")
    outside = tmp_path / "woanders"
    outside.mkdir()
    (outside / "seite.md").write_text("# Fremd\n", encoding="utf-8")
    root = _site(tmp_path / "site", {})
    os.symlink(secret, root / "content" / "notiz.txt")
    os.symlink(outside, root / "content" / "fremd")
    build: Build = run_build(root, strict=True)
    assert build.returncode == 1
    refused = "Diese Datei ist eine Verknüpfung (symbolischer Link) auf eine Datei außerhalb des Ordners content/"
    assert f"content/notiz.txt: {refused}" in build.output
    assert f"content/fremd/seite.md: {refused}" in build.output
    plain = run_build(root)  # without --strict: built, but without the linked files
    assert plain.returncode == 0
    assert not (plain.site / "notiz.txt").exists()
    assert not (plain.site / "fremd").exists()
    published = "".join(path.read_text(errors="ignore") for path in plain.site.rglob("*") if path.is_file())
    assert "Passwort: 1234" not in published
    assert f"content/notiz.txt: {refused}" in _check(root)


def test_an_image_that_links_out_of_content_is_an_error_at_its_line(tmp_path: Path) -> None:
    picture = tmp_path / "bild.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    extra = "image: laden.png\nimage_alt: Der Laden\n"
    root = _site(tmp_path / "site", {"projekte/dorfladen.md": project("Dorfladen", extra=extra)})
    os.symlink(picture, root / "content" / "projekte" / "laden.png")
    build = run_build(root, strict=True)
    assert build.returncode == 1
    assert "content/projekte/dorfladen.md:6: image: Die Datei 'laden.png' ist eine Verknüpfung" in build.output
