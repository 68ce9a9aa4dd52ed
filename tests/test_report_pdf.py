"""The progress report as a PDF: tagged, German, with title, bookmarks and vector charts; or a clear word why not."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GOAL, Build, project, run_build, write_site
from pypdf import PdfReader

from ikep_site.messages import MESSAGES

PDF = "bericht/sachstandsbericht.pdf"
HOSTILE = "Dorfladen <script>alert(1)</script> & Café"


def files() -> dict[str, str | bytes]:
    return {
        "ziele/ortskerne-beleben.md": GOAL,
        "projekte/dorfladen.md": project(HOSTILE, extra="progress: 40\n"),
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = run_build(write_site(tmp_path_factory.mktemp("pdf"), files()), strict=True)
    assert build.returncode == 0, build.output
    return build


def reader(build: Build, path: str = PDF) -> PdfReader:
    return PdfReader(io.BytesIO((build.site / path).read_bytes()))


def test_the_report_page_links_its_pdf(built: Build) -> None:
    assert '<a href="sachstandsbericht.pdf" download>' in built.page("bericht/")
    assert (built.site / PDF).read_bytes().startswith(b"%PDF-")


def test_the_pdf_is_tagged_german_titled_and_a4(built: Build) -> None:
    pdf = reader(built)
    catalog = pdf.trailer["/Root"]
    assert catalog["/Lang"] == "de"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert pdf.metadata is not None and pdf.metadata.title == "Sachstandsbericht: Kreisentwicklung Musterkreis"
    assert b"pdfuaid" in catalog["/Metadata"].get_data()  # declares PDF/UA in its XMP metadata
    for page in pdf.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_the_pdf_has_bookmarks_in_the_report_order(built: Build) -> None:
    titles: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))  # type: ignore[attr-defined]

    walk(reader(built).outline)
    expected = [
        "Phase",
        "Ziele und Indikatoren",
        "Ortskerne beleben",
        "Leerstandsquote",
        "Schlüsselprojekte nach Stand",
    ]
    positions = [titles.index(title) for title in expected]
    assert positions == sorted(positions), titles
    assert "Beschlüsse im Prozess" in titles


def test_the_charts_are_vectors_and_the_text_is_text(built: Build) -> None:
    pdf = reader(built)
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Leerstandsquote" in text and "2030" in text  # the axis labels are text, not pixels
    assert "Entwicklungskorridor" in text
    assert HOSTILE in text  # the editor's words as words, not as markup
    assert all(not page.images for page in pdf.pages)


def test_the_pdf_is_the_same_in_every_build(built: Build, tmp_path: Path) -> None:
    again = run_build(write_site(tmp_path, files()), strict=True)
    assert again.returncode == 0, again.output
    assert (again.site / PDF).read_bytes() == (built.site / PDF).read_bytes()


def test_report_pdf_false_makes_no_pdf_and_no_link(tmp_path: Path) -> None:
    build = run_build(write_site(tmp_path, files(), plugin={"report_pdf": False}), strict=True)
    assert build.returncode == 0, build.output
    assert not (build.site / PDF).exists()
    assert "sachstandsbericht.pdf" not in build.page("bericht/")


def _build_without_weasyprint(root: Path, strict: bool) -> subprocess.CompletedProcess[str]:
    """The build as on a machine where WeasyPrint is not installed."""
    hide = "import sys; sys.modules['weasyprint'] = None; from mkdocs.__main__ import cli; cli()"
    command = [sys.executable, "-c", hide, "build", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        command + (["--strict"] if strict else []), capture_output=True, text=True, env=env, cwd=root, timeout=600
    )


def test_without_weasyprint_the_build_says_so_in_german_and_goes_on(tmp_path: Path) -> None:
    root = write_site(tmp_path, files())
    expected = MESSAGES["report_pdf_missing"].format(reason="WeasyPrint ist nicht installiert")
    plain = _build_without_weasyprint(root, strict=False)
    assert plain.returncode == 0, plain.stderr
    assert f"mkdocs.yml: {expected}" in plain.stderr
    assert "Traceback" not in plain.stderr
    assert not (root / "site" / PDF).exists()
    page = (root / "site" / "bericht" / "index.html").read_text(encoding="utf-8")
    assert "sachstandsbericht.pdf" not in page and "Leerstandsquote" in page  # the page without a dead link
    strict = _build_without_weasyprint(root, strict=True)
    assert strict.returncode != 0


PROFILE = "name: Zukunfts-Check Dorf {name}\nphases:\n  - {{name: Umsetzung, start: 2026-01-01}}\n"


def portal_files() -> dict[str, str | bytes]:
    return {
        "index.md": "# Dörfer\n\n<!-- ikep:processes -->\n",
        "mehlbach/prozess.yml": PROFILE.format(name="Mehlbach"),
        "mehlbach/ziele/ortskerne-beleben.md": GOAL,
        "katzweiler/prozess.yml": PROFILE.format(name="Katzweiler"),
        "katzweiler/ziele/ortskerne-beleben.md": GOAL,
    }


def test_a_portal_makes_its_own_pdf_and_the_processes_only_when_asked(tmp_path: Path) -> None:
    plain = run_build(write_site(tmp_path / "a", portal_files(), plugin={"process": None}), strict=True)
    assert plain.returncode == 0, plain.output
    assert (plain.site / PDF).is_file()
    assert not (plain.site / "mehlbach" / PDF).exists()
    assert "sachstandsbericht.pdf" not in plain.page("mehlbach/bericht/")
    options = {"process": None, "report_pdf_processes": True}
    each = run_build(write_site(tmp_path / "b", portal_files(), plugin=options), strict=True)
    assert each.returncode == 0, each.output
    mehlbach = reader(each, "mehlbach/" + PDF)
    assert mehlbach.metadata is not None
    assert mehlbach.metadata.title == "Sachstandsbericht: Zukunfts-Check Dorf Mehlbach"
    assert '<a href="sachstandsbericht.pdf" download>' in each.page("mehlbach/bericht/")
