"""Issue 16, items 1 and 2: "Was gerade passiert" first, and a calls overview that invites.

Every home page opens with the current phase, the next calls (how to take part, their state as
a badge) and a contact, before goals and projects; the calls overview explains how to take part
and shows each call as a card, with the archive below.
"""

from __future__ import annotations

import asyncio
import copy
from datetime import datetime
from pathlib import Path
from typing import Any

import lxml.html  # type: ignore[import-untyped]
import pytest
import yaml
from browser_support import CHROMIUM, LAUNCH_ARGS, serve
from conftest import GEMEINDE_AREA, GEOAREAS, GOAL, OPERATOR, ROOT, Build, project, run_build, write_site
from playwright.async_api import async_playwright

from ikep_site.labels import LABELS

BUILD_DATE = "2026-11-24"
PROCESS = {
    "name": "Kreisentwicklung Musterkreis",
    "kind": "Kreisentwicklungskonzept",
    "phases": [
        {"name": "Bestandsaufnahme", "start": "2023-01-01", "end": "2023-12-31"},
        {"name": "Umsetzung", "start": "2024-01-01", "end": "2029-12-31"},
        {"name": "Verstetigung", "start": "2030-01-01"},
    ],
    "management": {"name": "Stabsstelle Kreisentwicklung", "email": "stabsstelle@example.org", "phone": "030 1234"},
}
WORKSHOP = """---
title: Zukunftswerkstatt Weilerbach
summary: Gemeinsam planen wir die Ortsmitte.
format: workshop
start: 2026-12-03T18:00
end: 2026-12-03T21:00
deadline: 2026-12-01
place: {name: Bürgerhaus Weilerbach, address: "Rummelstraße 15, 67685 Weilerbach"}
registration: {email: anmeldung@example.org, url: https://anmeldung.example.org/werkstatt}
accessibility: Stufenloser Zugang, Induktionsschleife.
contact: {name: Kreisverwaltung, email: kreisentwicklung@example.org}
---
Wir freuen uns auf Sie.
"""
SURVEY = """---
title: Umfrage Mobilität
format: survey
start: 2026-11-02
end: 2026-12-20
online: https://beteiligung.example.org/umfrage
---
"""
WALK = """---
title: Dorfspaziergang Mehlbach
format: walk
start: 2026-09-12T14:00
end: 2026-09-12T16:30
place: {name: Dorfplatz Mehlbach}
---
"""
# Editor text where markup does not belong: it must arrive as text.
EVIL = """---
title: "<script>alert('x')</script> Treffen"
format: meeting
start: 2027-01-10T19:00
place: {name: "Saal <b>Nord</b>"}
---
"""
LATER = """---
title: Bürgerversammlung Frühjahr
format: meeting
start: 2027-03-01T19:00
place: {name: Rathaus}
---
"""
HOME = """---
title: Start
---

Willkommen im Musterkreis.

<!-- ikep:now -->

## Unsere Ziele

<!-- ikep:goals -->

## Projekte

<!-- ikep:projects -->
"""


def _files() -> dict[str, str | bytes]:
    return {
        "index.md": HOME,
        "ziele/ortskerne-beleben.md": GOAL,
        "projekte/p.md": project("Dorfladen"),
        "beteiligung/werkstatt.md": WORKSHOP,
        "beteiligung/umfrage.md": SURVEY,
        "beteiligung/spaziergang.md": WALK,
        "beteiligung/boese.md": EVIL,
        "beteiligung/spaeter.md": LATER,
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_site(tmp_path_factory.mktemp("now"), _files(), plugin={"process": PROCESS, "build_date": BUILD_DATE})
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build


def _document(html: str) -> Any:
    return lxml.html.fromstring(html)


def _visible_text(element: Any) -> str:
    """The text a reader without JavaScript sees: hidden elements left out."""
    element = copy.deepcopy(element)
    for hidden in element.xpath(".//*[@hidden]"):
        hidden.getparent().remove(hidden)
    return " ".join(element.text_content().split())


def _now_block(html: str) -> Any:
    blocks = _document(html).xpath('//section[contains(@class, "ikep-now")]')
    assert len(blocks) == 1, "exactly one block 'Was gerade passiert'"
    return blocks[0]


def _visible_titles(listing: Any) -> list[str]:
    return [
        " ".join(item.xpath('string(.//*[contains(@class, "ikep-call-card__title")])').split())
        for item in listing.xpath("./li[@data-ikep-call]")
        if item.get("hidden") is None
    ]


# --- item 1: what is happening now, first ---------------------------------------------------------


def test_the_home_page_opens_with_what_is_happening_now(site: Build) -> None:
    html = site.page("")
    now = html.index('class="ikep-now"')
    assert LABELS["now_heading"] in html[now : now + 200]
    assert html.index("Willkommen im Musterkreis.") < now  # the editor's intro stays above
    assert now < html.index('class="ikep-goals"') and now < html.index('class="ikep-cards"')


def test_the_process_home_opens_with_it_too(site: Build) -> None:
    html = site.page("prozess/")
    now = html.index('class="ikep-now"')
    assert now < html.index('id="phasen"')
    block = _now_block(html)
    assert block.xpath('.//a[@href="#phasen"]')  # the whole timeline is further down the page


def test_the_block_names_phase_next_calls_and_contact(site: Build) -> None:
    block = _now_block(site.page(""))
    text = _visible_text(block)
    assert "Aktuelle Phase: Umsetzung, 1. Januar 2024 – 31. Dezember 2029" in text
    assert "Danach: Verstetigung, ab 1. Januar 2030" in text
    [listing] = block.xpath('.//ul[@data-ikep-calls="upcoming"]')
    assert listing.get("data-ikep-limit") == "3"
    # Open and upcoming calls, soonest first, up to three; the walk is over.
    assert _visible_titles(listing) == [
        "Umfrage Mobilität",
        "Zukunftswerkstatt Weilerbach",
        "<script>alert('x')</script> Treffen",
    ]
    assert "Dorfspaziergang" not in lxml.html.tostring(block, encoding="unicode")
    # The fourth is written but hidden, for the reader's browser to show once one is over.
    [later] = [item for item in listing.xpath("./li[@data-ikep-call]") if "Frühjahr" in item.text_content()]
    assert later.get("hidden") is not None
    workshop = next(item for item in listing.xpath("./li") if "Zukunftswerkstatt" in item.text_content())
    card = _visible_text(workshop)
    for expected in (
        "angekündigt",
        "Werkstatt",
        "Donnerstag, 3. Dezember 2026, 18:00–21:00 Uhr",
        "Bürgerhaus Weilerbach, Rummelstraße 15, 67685 Weilerbach",
        "Anmeldung bis Dienstag, 1. Dezember 2026",
    ):
        assert expected in card, expected
    links = workshop.xpath(".//a/@href")
    assert "beteiligung/werkstatt/" in links and "mailto:anmeldung@example.org" in links
    assert "https://anmeldung.example.org/werkstatt" in links
    survey = next(item for item in listing.xpath("./li") if "Umfrage" in item.text_content())
    assert "offen" in _visible_text(survey) and "https://beteiligung.example.org/umfrage" in survey.xpath(".//a/@href")
    badges = block.xpath('.//*[contains(@class, "ikep-call-state")]')
    assert [badge.text for badge in badges[:2]] == ["offen", "angekündigt"]
    assert all(badge.get("data-ikep-first") for badge in badges)  # re-evaluated in the browser
    assert "mailto:stabsstelle@example.org" in block.xpath('.//*[contains(@class, "ikep-now__contact")]//a/@href')
    assert block.xpath('.//a[@href="beteiligung/"]')  # every call, also past ones
    assert block.xpath('.//a[@href="prozess/#phasen"]')


def test_editor_text_is_escaped_everywhere(site: Build) -> None:
    for page in ("", "beteiligung/"):
        html = site.page(page)
        assert "<script>alert" not in html and "<b>Nord</b>" not in html
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Treffen" in html
        assert "Saal &lt;b&gt;Nord&lt;/b&gt;" in html


def test_placeholder_options_are_checked(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"index.md": "# Start\n\n<!-- ikep:now limit=3 -->\n"}
    build = run_build(write_site(tmp_path, files, plugin={"build_date": BUILD_DATE}), strict=True)
    assert build.returncode != 0
    assert "content/index.md:3: Platzhalter ikep:now: unbekannte Option 'limit'. Möglich sind: –." in build.output


def test_without_phases_and_calls_only_the_contact(tmp_path: Path) -> None:
    process = {"name": "Dorfentwicklung Musterdorf"}
    build = run_build(write_site(tmp_path, {"index.md": HOME}, plugin={"process": process}), strict=True)
    assert build.returncode == 0, build.output
    block = _now_block(build.page(""))
    text = _visible_text(block)
    assert LABELS["now_phase_current"] not in text and LABELS["now_calls"] not in text  # no empty headings
    assert block.xpath(".//h3") and len(block.xpath(".//h3")) == 1
    # No management given: the operator is the contact.
    assert str(OPERATOR["name"]) in text and "mailto:poststelle@example.org" in block.xpath(".//a/@href")


def test_only_past_calls_and_no_current_phase(tmp_path: Path) -> None:
    process = {"name": "Musterdorf", "phases": [{"name": "Planung", "start": "2027-01-01"}]}
    files: dict[str, str | bytes] = {"index.md": HOME, "beteiligung/spaziergang.md": WALK}
    build = run_build(write_site(tmp_path, files, plugin={"process": process, "build_date": BUILD_DATE}), strict=True)
    assert build.returncode == 0, build.output
    text = _visible_text(_now_block(build.page("")))
    assert "Als Nächstes: Planung, ab 1. Januar 2027" in text and "Aktuelle Phase" not in text
    assert LABELS["now_calls"] not in text and "Dorfspaziergang" not in text


def test_with_nothing_to_say_no_block(tmp_path: Path) -> None:
    # No phases, no calls, no management and no operator: a non-strict build (the legal pages
    # then say what is missing) shows no empty block.
    root = write_site(tmp_path, {"index.md": HOME}, plugin={"process": {"name": "Musterdorf"}, "operator": None})
    build = run_build(root)
    assert build.returncode == 0, build.output
    assert "ikep:now" not in build.output  # a placeholder the plugin knows, filled with nothing
    html = build.page("")
    assert "ikep-now" not in html and LABELS["now_heading"] not in html
    assert "ikep-now" not in build.page("prozess/")


PORTAL_PROFILE = """name: Zukunfts-Check Dorf {name}
kind: Zukunfts-Check Dorf
area: gemeinde
phases:
  - {{name: Bestandsaufnahme, start: 2025-01-01, end: 2025-12-31}}
  - {{name: Umsetzung, start: 2026-01-01}}
"""
PORTAL_CALL = """---
title: Dorfwerkstatt {name}
format: workshop
start: 2026-12-0{day}T18:00
place: {{name: Bürgerhaus {name}}}
areas: [gemeinde]
---
"""


def test_a_portal_process_home_opens_with_it(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "index.md": "# Portal\n\n<!-- ikep:processes -->\n",
        **GEOAREAS,
    }
    for name, ags, day in (("Mehlbach", "07335025", 3), ("Katzweiler", "07335017", 4)):
        folder = name.lower()
        files[f"{folder}/prozess.yml"] = PORTAL_PROFILE.format(name=name)
        files[f"{folder}/ziele/ortskerne-beleben.md"] = GOAL
        files[f"{folder}/raeume/gemeinde.md"] = GEMEINDE_AREA.format(name=name, ags=ags)
        files[f"{folder}/beteiligung/werkstatt.md"] = PORTAL_CALL.format(name=name, day=day)
    root = write_site(tmp_path, files, plugin={"process": None, "build_date": BUILD_DATE})
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    html = build.page("mehlbach/")
    now = html.index('class="ikep-now"')
    assert now < html.index('class="ikep-goals"') and now < html.index("data-ikep-map")
    block = _now_block(html)
    assert _visible_titles(block.xpath('.//ul[@data-ikep-calls="upcoming"]')[0]) == ["Dorfwerkstatt Mehlbach"]
    assert "Aktuelle Phase: Umsetzung" in _visible_text(block)
    assert block.xpath('.//a[@href="beteiligung/"]')  # its own calls, not the portal's
    assert "mailto:poststelle@example.org" in block.xpath(".//a/@href")


# --- item 2: the calls overview invites ------------------------------------------------------------


def test_the_overview_explains_how_to_take_part(site: Build) -> None:
    html = site.page("beteiligung/")
    document = _document(html)
    [intro] = document.xpath("//article//h1/following-sibling::p[1]")
    assert " ".join(intro.text_content().split()) == " ".join(LABELS["calls_intro"].split())
    assert html.index(LABELS["calls_intro"][:40]) < html.index('data-ikep-calls="upcoming"')


def test_each_call_is_a_card_with_its_facts(site: Build) -> None:
    document = _document(site.page("beteiligung/"))
    [upcoming] = document.xpath('//ul[@data-ikep-calls="upcoming"]')
    items = upcoming.xpath("./li[@data-ikep-call]")
    assert items and all(item.xpath("./article[contains(@class, 'ikep-call-card')]") for item in items)
    assert _visible_titles(upcoming) == [
        "Umfrage Mobilität",
        "Zukunftswerkstatt Weilerbach",
        "<script>alert('x')</script> Treffen",
        "Bürgerversammlung Frühjahr",
    ]
    workshop = next(item for item in items if "Zukunftswerkstatt" in item.text_content())
    [badge] = workshop.xpath('.//span[contains(@class, "ikep-call-state")]')
    assert badge.text == "angekündigt" and "ikep-call-state--announced" in badge.get("class")
    card = _visible_text(workshop)
    assert "(angekündigt" not in card and "(offen" not in card  # a badge, not text in brackets
    for expected in (
        "Werkstatt",
        "Donnerstag, 3. Dezember 2026, 18:00–21:00 Uhr",
        "Bürgerhaus Weilerbach, Rummelstraße 15",
        "Anmeldung bis Dienstag, 1. Dezember 2026",
        "Barrierefreiheit Stufenloser Zugang, Induktionsschleife.",
        "Gemeinsam planen wir die Ortsmitte.",
    ):
        assert expected in card, expected
    # Headings in order: the page's h1, the cards at h2, the archive's heading, its cards at h3.
    headings = [element.tag for element in document.xpath("//article//*[self::h1 or self::h2 or self::h3]")]
    assert headings[0] == "h1" and "h3" in headings and headings.index("h3") > headings.index("h2")
    [archive] = document.xpath('//ul[@data-ikep-calls="past"]')
    assert _visible_titles(archive) == ["Dorfspaziergang Mehlbach"]
    [walk] = [item for item in archive.xpath("./li") if item.get("hidden") is None and item.xpath("./article")]
    assert walk.xpath("./article[contains(@class, 'ikep-call-card--compact')]")
    assert "abgeschlossen" in _visible_text(walk) and "Dorfplatz Mehlbach" in _visible_text(walk)


def test_an_editors_own_overview_keeps_their_text(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "beteiligung/index.md": "# Mitmachen\n\nUnser eigener Text.\n\n<!-- ikep:calls -->\n",
        "beteiligung/werkstatt.md": WORKSHOP,
    }
    build = run_build(write_site(tmp_path, files, plugin={"build_date": BUILD_DATE}), strict=True)
    assert build.returncode == 0, build.output
    html = build.page("beteiligung/")
    assert "Unser eigener Text." in html and LABELS["calls_intro"][:40] not in html
    assert '<li data-ikep-call><article class="ikep-call-card">' in html


def test_placeholder_options_keep_working(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "index.md": "# Start\n\n<!-- ikep:calls upcoming limit=1 -->\n\n## Vorbei\n\n<!-- ikep:calls past -->\n",
        "beteiligung/werkstatt.md": WORKSHOP,
        "beteiligung/umfrage.md": SURVEY,
        "beteiligung/spaziergang.md": WALK,
    }
    build = run_build(write_site(tmp_path, files, plugin={"build_date": BUILD_DATE}), strict=True)
    assert build.returncode == 0, build.output
    document = _document(build.page(""))
    [upcoming] = document.xpath('//ul[@data-ikep-calls="upcoming"]')
    assert _visible_titles(upcoming) == ["Umfrage Mobilität"]
    [past] = document.xpath('//ul[@data-ikep-calls="past"]')
    assert _visible_titles(past) == ["Dorfspaziergang Mehlbach"]


# --- in the reader's browser -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The demo site, built as on the day its workshop was announced (its calls are fixed in time)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(ROOT / "content")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "ikep" in plugin:
            plugin["ikep"]["build_date"] = BUILD_DATE
    root = tmp_path_factory.mktemp("demo-now")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build


async def _positions(base_url: str, moment: datetime) -> dict[int | str, Any]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        result: dict[int | str, Any] = {}
        for width in (375, 1280):
            context = await browser.new_context(viewport={"width": width, "height": 800}, locale="de-DE")
            page = await context.new_page()
            await page.clock.set_fixed_time(moment)
            await page.goto(base_url)
            first = page.locator(".ikep-now li[data-ikep-call]:visible").first
            box = await first.bounding_box()
            goals = await page.locator(".ikep-goals").bounding_box()
            assert box is not None and goals is not None
            result[width] = {"call": box["y"], "goals": goals["y"]}
            result[f"titles_{width}"] = await page.locator(
                ".ikep-now li[data-ikep-call]:visible .ikep-call-card__title"
            ).all_inner_texts()
            await context.close()
        await browser.close()
    return result


def test_on_a_phone_the_next_call_is_within_1200_px(demo: Build) -> None:
    with serve(demo.site, "/kreisentwicklung/") as base_url:
        built_day = asyncio.run(_positions(base_url, datetime(2026, 11, 24, 12, 0)))
        later = asyncio.run(_positions(base_url, datetime(2026, 12, 4, 9, 0)))
    print(f"first next call at y={built_day[375]['call']:.0f} px (375 px), {built_day[1280]['call']:.0f} px (1280 px)")
    assert built_day[375]["call"] < 1200
    assert built_day[375]["call"] < built_day[375]["goals"] and built_day[1280]["call"] < built_day[1280]["goals"]
    assert built_day["titles_375"] == ["Online-Umfrage „Mobil im Landkreis“", "Zukunftswerkstatt Ortskern Weilerbach"]
    # Read after the workshop, the page built before it no longer invites to it.
    assert later["titles_375"] == ["Online-Umfrage „Mobil im Landkreis“"]
