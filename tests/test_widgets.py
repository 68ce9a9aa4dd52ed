"""Widgets for other websites (einbetten/): small header-less files, the snippets to copy, in a real <iframe>."""

from __future__ import annotations

import asyncio
import posixpath
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser_support import AXE, CHROMIUM, LAUNCH_ARGS, serve, vnu_errors
from conftest import GOAL, Build, project, run_build, write_site
from playwright.async_api import Request, Route, async_playwright

from ikep_site import labels

HOSTILE = 'Laden "am <Markt>" & Café'
CALL = """---
title: Dorfwerkstatt
format: workshop
start: 2026-12-10T18:00
place: {name: Bürgerhaus}
---
"""
WIDGETS = (
    "einbetten/prozess.html",
    "einbetten/termine.html",
    "einbetten/ziel-ortskerne-beleben-leerstand.html",
    "einbetten/projekt-dorfladen.html",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_site(
        tmp_path_factory.mktemp("widgets"),
        {
            "ziele/ortskerne-beleben.md": GOAL,
            "projekte/dorfladen.md": project(
                HOSTILE.replace('"', '\\"'),
                extra="progress: 60\nmilestones:\n  - {date: 2027-02-15, title: Eröffnung}\n",
            ),
            "beteiligung/werkstatt.md": CALL,
        },
    )
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("href", "src"):
            if values.get(name):
                self.refs.append((tag, str(values[name]), values))


def refs_of(html: str) -> list[tuple[str, str, dict[str, str | None]]]:
    parser = _Links()
    parser.feed(html)
    return parser.refs


@pytest.mark.parametrize("uri", WIDGETS)
def test_each_widget_is_a_small_standalone_page(built: Build, uri: str) -> None:
    path = built.site / uri
    html = path.read_text(encoding="utf-8")
    assert len(html.encode()) <= 60_000
    assert html.startswith('<!doctype html>\n<html lang="de">')
    assert '<meta name="robots" content="noindex">' in html
    title = re.search(r"<title>(.+?)</title>", html)
    assert title and title.group(1).strip()
    assert "<script" not in html and "md-header" not in html  # no theme, no script
    for tag, ref, attributes in refs_of(html):
        if attributes.get("rel") == "canonical":
            continue
        assert not ref.startswith(("http:", "https:", "//")), (uri, ref)  # nothing from another host
        target = posixpath.normpath(posixpath.join(posixpath.dirname(uri), ref.split("#")[0]))
        found = built.site / target
        assert found.is_file() or (found / "index.html").is_file(), (uri, ref)
        if tag == "a":
            assert attributes.get("target") == "_top", ref  # out of the frame, to the full page


def test_the_widgets_show_what_they_stand_for(built: Build) -> None:
    chart = (built.site / WIDGETS[2]).read_text(encoding="utf-8")
    assert "<h1>Leerstandsquote</h1>" in chart and 'class="ikep-chart ikep-chart--wide"' in chart
    assert "im Korridor" in chart and "7,1" in chart
    card = (built.site / WIDGETS[3]).read_text(encoding="utf-8")
    assert (
        "Laden &#34;am &lt;Markt&gt;&#34; &amp; Café" in card or "Laden &quot;am &lt;Markt&gt;&quot; &amp; Café" in card
    )
    assert "60 % umgesetzt" in unescape(card).replace("\xa0", " ")
    assert "Eröffnung (15. Februar 2027)" in card
    calls = (built.site / WIDGETS[1]).read_text(encoding="utf-8")
    assert "Dorfwerkstatt" in calls and "10. Dezember 2026" in calls
    glance = (built.site / WIDGETS[0]).read_text(encoding="utf-8")
    assert "1 Ziel; Indikatoren: 1 im Korridor" in glance
    assert "Nächste Beteiligung" in glance


def test_the_page_gives_a_snippet_to_copy_for_every_widget(built: Build) -> None:
    page = built.page("einbetten/")
    codes = [unescape(code) for code in re.findall(r"<pre><code>(.*?)</code></pre>", page, re.S)]
    assert len(codes) == len(WIDGETS)
    for uri, code in zip(sorted(WIDGETS), sorted(codes), strict=True):
        assert code.startswith(f'<iframe src="https://example.org/test/{uri}" title="')
    # The copied code is valid HTML: the title's quotes are escaped inside the attribute.
    project_code = next(code for code in codes if "projekt-" in code)
    parser = _Links()
    parser.feed(project_code)
    ((_, _, attributes),) = parser.refs
    assert attributes["title"] == labels.t("widget_title_project", title=HOSTILE)


def test_the_page_is_linked_from_open_data_but_not_from_navigation_or_footer(built: Build) -> None:
    assert 'href="../einbetten/"' in built.page("daten/")
    home = built.page("")
    assert "einbetten/" not in home


def test_the_widgets_and_their_page_are_valid_html(built: Build) -> None:
    errors = [error for error in vnu_errors(built.site) if "einbetten/" in error]
    assert not errors, "\n".join(errors)


HOST_PAGE = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Verbandsgemeinde</title></head>
<body><h1>Website der Verbandsgemeinde</h1>{frames}</body></html>"""


async def _audit_frames(host_url: str, widget_base: str) -> list[str]:
    problems: list[str] = []
    allowed = (host_url.rsplit("/", 1)[0], widget_base.rstrip("/"))

    async def gate(route: Route, request: Request) -> None:
        if request.url.startswith(allowed):
            await route.continue_()
        else:
            problems.append(f"request to another host: {request.url}")
            await route.abort()

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            for width in (375, 1280):
                page = await browser.new_page(viewport={"width": width, "height": 900})
                await page.route("**/*", gate)
                await page.goto(host_url, wait_until="load")
                frames = [frame for frame in page.frames if frame is not page.main_frame]
                if len(frames) != len(WIDGETS):
                    problems.append(f"{width}: {len(frames)} frames")
                for frame in frames:
                    await frame.add_script_tag(path=str(AXE))
                    violations = await frame.evaluate(
                        """async () => (await axe.run(document, {runOnly: {type: "tag",
                            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})).violations.map(v => v.id)"""
                    )
                    problems += [f"{width} {frame.url}: axe {violation}" for violation in violations]
                    facts = await frame.evaluate(
                        """() => ({lang: document.documentElement.lang, title: document.title,
                            overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth})"""
                    )
                    if facts["lang"] != "de" or not facts["title"] or facts["overflow"]:
                        problems.append(f"{width} {frame.url}: {facts}")
                    link = frame.locator("a").last
                    await link.focus()
                    outline = await link.evaluate("el => getComputedStyle(el).outlineStyle")
                    if outline == "none":
                        problems.append(f"{width} {frame.url}: focus not visible")
                await page.close()
        finally:
            await browser.close()
    return problems


def test_each_widget_works_inside_an_iframe_on_another_site(built: Build, tmp_path: Path) -> None:
    with serve(built.site, "/test/") as widget_base:
        frames = "".join(
            f'<iframe src="{widget_base}{uri}" title="Baustein {number}" height="600" style="width: 100%"></iframe>'
            for number, uri in enumerate(WIDGETS)
        )
        (tmp_path / "index.html").write_text(HOST_PAGE.format(frames=frames), encoding="utf-8")
        with serve(tmp_path, "/") as host_url:
            problems = asyncio.run(_audit_frames(host_url + "index.html", widget_base))
    assert not problems, "\n".join(problems)


def test_in_a_portal_each_process_has_its_own_widgets(tmp_path: Path) -> None:
    profile = "name: Zukunfts-Check Dorf {name}\nphases:\n  - {{name: Umsetzung, start: 2026-01-01}}\n"
    files: dict[str, str | bytes] = {
        "index.md": "# Dörfer\n\n<!-- ikep:processes -->\n",
        "mehlbach/prozess.yml": profile.format(name="Mehlbach"),
        "mehlbach/ziele/ortskerne-beleben.md": GOAL,
        "mehlbach/projekte/laden.md": project("Laden Mehlbach"),
        "katzweiler/prozess.yml": profile.format(name="Katzweiler"),
        "katzweiler/ziele/ortskerne-beleben.md": GOAL,
        "katzweiler/projekte/laden.md": project("Laden Katzweiler"),
    }
    build = run_build(write_site(tmp_path, files, plugin={"process": None}), strict=True)
    assert build.returncode == 0, build.output
    assert "Laden Mehlbach" in (build.site / "mehlbach/einbetten/projekt-laden.html").read_text(encoding="utf-8")
    assert "Laden Katzweiler" in (build.site / "katzweiler/einbetten/projekt-laden.html").read_text(encoding="utf-8")
    own = build.page("mehlbach/einbetten/")
    assert "mehlbach/einbetten/projekt-laden.html" in own and "katzweiler/" not in own
    top = build.page("einbetten/")
    assert 'href="../mehlbach/einbetten/"' in top and 'href="../katzweiler/einbetten/"' in top
