"""Quality gates on every page of the built demo site, in a real Chromium.

Accessibility (axe-core, WCAG 2.1 A/AA, no rule disabled), no request to another host, no console
error, landmarks and a main heading, visible keyboard focus, valid HTML (Nu HTML Checker) and no
broken internal link or anchor. A second, deliberately broken fixture site proves each gate bites.
"""

from __future__ import annotations

import asyncio
import struct
import zlib

import pytest
from browser_support import audit_pages, crawl, serve, sitemap_pages, vnu_errors
from conftest import ROOT, Build, run_build, write_site

SITE_URL = "https://example.org/kreisentwicklung/"
PREFIX = "/kreisentwicklung/"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def demo_audit(demo_build: Build) -> tuple[list[str], list]:  # type: ignore[type-arg]
    assert demo_build.returncode == 0, demo_build.output
    with serve(demo_build.site, PREFIX) as base_url:
        urls = sitemap_pages(demo_build.site, base_url, SITE_URL)
        reports = asyncio.run(audit_pages(urls))
    return urls, reports


def test_every_page_passes_the_browser_gates(demo_build: Build, demo_audit: tuple[list[str], list]) -> None:  # type: ignore[type-arg]
    urls, reports = demo_audit
    html_files = [p for p in demo_build.site.rglob("index.html") if "search" not in p.parts]
    assert len(urls) >= len(html_files), "the sitemap must list every page"
    failures = [f"{report.url}\n  " + "\n  ".join(report.problems()) for report in reports if report.problems()]
    assert not failures, "\n".join(failures)


def test_every_page_is_valid_html(demo_build: Build) -> None:
    errors = vnu_errors(demo_build.site)
    assert not errors, "\n".join(errors[:50])


def test_no_broken_internal_link_or_anchor(demo_build: Build) -> None:
    with serve(demo_build.site, PREFIX) as base_url:
        result = crawl(sitemap_pages(demo_build.site, base_url, SITE_URL), base_url)
    assert result.pages > 50 and result.files > 10, result
    assert not result.broken, "\n".join(result.broken)


BAD_PAGE = """
---
title: Absichtlich fehlerhaft
---
# Absichtlich fehlerhaft

<img src="../bild.png">

<p style="color: #c8c8c8">Kaum lesbarer Text.</p>

<script src="https://cdn.example.com/tracker.js"></script>

[Kaputter Link](../gibt-es-nicht/)
"""


def _png() -> bytes:
    """A tiny grey PNG, so the bad page's image loads and only its missing alt text is wrong."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80\x80" * 2)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


PNG = _png()


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_site(tmp_path_factory.mktemp("bad"), {"kaputt.md": BAD_PAGE, "bild.png": PNG})
    build = run_build(root)  # not strict: the broken link only warns
    assert build.returncode == 0, build.output
    return build


def test_gates_catch_a_bad_page(bad_site: Build) -> None:
    with serve(bad_site.site) as base_url:
        [report] = asyncio.run(audit_pages([base_url + "kaputt/"]))
        links = crawl([base_url + "kaputt/"], base_url)
    rules = " ".join(report.violations)
    assert "image-alt" in rules, report.violations
    assert "color-contrast" in rules, report.violations
    assert report.third_party == ["https://cdn.example.com/tracker.js"]
    assert any("gibt-es-nicht" in broken for broken in links.broken), links.broken
    assert any("alt" in error for error in vnu_errors(bad_site.site)), "vnu must flag the missing alt"


def test_screenshots_of_key_pages(demo_build: Build) -> None:
    """Full-page screenshots at desktop and phone width, kept by CI as artifacts."""
    from screenshots import PAGES, take_screenshots

    target = ARTIFACTS / "screenshots"
    with serve(demo_build.site, PREFIX) as base_url:
        written = asyncio.run(take_screenshots(base_url, target))
    assert len(written) == len(PAGES) * 2
    for path in written:
        assert path.stat().st_size > 10_000, path
