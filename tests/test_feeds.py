"""The Atom feed: read back with feedparser (and ElementTree), checked against RFC 4287."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from typing import Any

import feedparser
import pytest

from ikep_site.derive import NewsItem, news
from ikep_site.formatting import BERLIN
from ikep_site.model import Call, Place, Process, Project, ProjectUpdate, Update
from ikep_site.render import feeds
from ikep_site.urls import page_url

SITE = "https://example.github.io/kreis-kl/"
FEED = SITE + "feed.xml"
HOSTILE = "<script>alert('x')</script> & \"Zitat\" ]]> Ende\x0b"
ATOM = "{http://www.w3.org/2005/Atom}"


def url_of(src_uri: str) -> str:
    return SITE + page_url(src_uri, use_directory_urls=True)


def update(id: str, day: date, **fields: Any) -> Update:
    values: dict[str, Any] = {"process": "", "src_uri": f"aktuelles/{id}.md", "title": f"Meldung {id}", "date": day}
    values.update(fields)
    return Update(id=id, **values)


def project(id: str, *notes: tuple[date, str]) -> Project:
    return Project(
        id=id,
        process="",
        src_uri=f"projekte/{id}.md",
        title=f"Projekt {id}",
        status="in_progress",
        updates=tuple(ProjectUpdate(date=day, text=text) for day, text in notes),
    )


def call(id: str, start: date | datetime, **fields: Any) -> Call:
    values: dict[str, Any] = {
        "process": "",
        "src_uri": f"beteiligung/{id}.md",
        "title": f"Termin {id}",
        "format": "workshop",
        "start": start,
    }
    values.update(fields)
    return Call(id=id, **values)


PROCESS = Process(
    id="",
    profile=None,
    updates={
        "bilanz": update("bilanz", date(2025, 6, 30), summary="Zwei Jahre Kreisentwicklung."),
        "start": update("start", date(2024, 1, 15), updated=date(2024, 2, 1)),
    },
    projects={
        "dorfladen": project(
            "dorfladen",
            (date(2025, 2, 10), "Pachtvertrag beschlossen."),
            (date(2025, 2, 10), "Genossenschaft gegründet."),
            (date(2024, 11, 2), "Machbarkeitsstudie fertig."),
        )
    },
)
CALLS = [
    call(
        "werkstatt",
        datetime(2026, 12, 3, 18, tzinfo=BERLIN),
        end=datetime(2026, 12, 3, 21, tzinfo=BERLIN),
        updated=date(2025, 7, 1),
        summary="Wie soll der Ortskern aussehen?",
        place=Place(name="Bürgerhaus", address="Rummelstraße 15, 67685 Weilerbach"),
    ),
    call("umfrage", date(2025, 3, 1), end=date(2025, 3, 31), format="survey"),
]


def items() -> list[NewsItem | Call]:
    return [*news(PROCESS), *CALLS]


def render(entries: list[NewsItem | Call] | None = None, **options: Any) -> bytes:
    arguments: dict[str, Any] = {
        "title": "Aktuelles: Kreisentwicklung Musterkreis",
        "site_url": SITE,
        "feed_url": FEED,
        "url_of": url_of,
        "updated": date(2025, 7, 2),
        "author": "Kreisverwaltung Musterkreis",
    }
    arguments.update(options)
    return feeds.atom_feed(items() if entries is None else entries, **arguments)


def parse(data: bytes) -> Any:
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_feed_metadata() -> None:
    parsed = parse(render())
    assert parsed.feed.id == SITE
    assert parsed.feed.title == "Aktuelles: Kreisentwicklung Musterkreis"
    assert parsed.feed.author_detail.name == "Kreisverwaltung Musterkreis"
    assert parsed.feed.updated == "2025-07-02T00:00:00+02:00"
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links == {"self": FEED, "alternate": SITE}
    assert parsed.feed.language == "de"


def test_every_entry_has_an_absolute_link_a_stable_id_and_dates() -> None:
    parsed = parse(render())
    assert len(parsed.entries) == 7
    for entry in parsed.entries:
        assert entry.link.startswith(SITE)
        assert entry.id.startswith("tag:example.github.io,")
        assert entry.updated_parsed is not None
        assert entry.published_parsed is not None
        assert entry.title
    assert len({entry.id for entry in parsed.entries}) == len(parsed.entries)


def test_entries_are_newest_first() -> None:
    parsed = parse(render())
    moments = [time.mktime(entry.updated_parsed) for entry in parsed.entries]
    assert moments == sorted(moments, reverse=True)
    assert parsed.entries[0].id == "tag:example.github.io,2026:kreis-kl/calls/werkstatt"


def test_entry_ids_links_and_dates_by_kind() -> None:
    by_id = {entry.id: entry for entry in parse(render()).entries}
    bilanz = by_id["tag:example.github.io,2025:kreis-kl/updates/bilanz"]
    assert bilanz.link == SITE + "aktuelles/bilanz/"
    assert bilanz.title == "Meldung bilanz"
    assert bilanz.summary == "Zwei Jahre Kreisentwicklung."
    assert bilanz.updated == "2025-06-30T00:00:00+02:00"  # summer time
    start = by_id["tag:example.github.io,2024:kreis-kl/updates/start"]
    assert start.published == "2024-01-15T00:00:00+01:00"  # winter time
    assert start.updated == "2024-02-01T00:00:00+01:00"  # the editor's `updated`
    note = by_id["tag:example.github.io,2024:kreis-kl/projects/dorfladen/2024-11-02"]
    assert note.link == SITE + "projekte/dorfladen/"
    assert note.title == "Aus dem Projekt Projekt dorfladen"
    assert note.summary == "Machbarkeitsstudie fertig."
    assert note.tags[0].term == "projects"
    werkstatt = by_id["tag:example.github.io,2026:kreis-kl/calls/werkstatt"]
    assert werkstatt.title == "Werkstatt: Termin werkstatt"
    assert werkstatt.updated == "2025-07-01T00:00:00+02:00"  # announced when published (`updated`)
    assert werkstatt.summary == (
        "Donnerstag, 3. Dezember 2026, 18:00–21:00 Uhr – Bürgerhaus, Rummelstraße 15, 67685 Weilerbach. "
        "Wie soll der Ortskern aussehen?"
    )
    umfrage = by_id["tag:example.github.io,2025:kreis-kl/calls/umfrage"]
    assert umfrage.updated == "2025-03-01T00:00:00+01:00"  # no `updated`: its start day
    assert umfrage.tags[0].term == "calls"
    assert umfrage.tags[0].label == "Beteiligung"


def test_two_notes_of_one_project_on_one_day_get_different_ids_and_the_first_keeps_its_own() -> None:
    ids = {entry.id for entry in parse(render()).entries}
    assert "tag:example.github.io,2025:kreis-kl/projects/dorfladen/2025-02-10" in ids
    assert "tag:example.github.io,2025:kreis-kl/projects/dorfladen/2025-02-10-2" in ids
    by_id = {entry.id: entry for entry in parse(render()).entries}
    # The note written first (lower in the newest-first list) keeps the plain date.
    assert by_id["tag:example.github.io,2025:kreis-kl/projects/dorfladen/2025-02-10"].summary == (
        "Genossenschaft gegründet."
    )


def test_ids_are_stable_across_renders_and_content_changes() -> None:
    first = render()
    assert first == render()
    changed = [
        *news(
            Process(
                id="",
                profile=None,
                updates={"bilanz": update("bilanz", date(2025, 6, 30), title="Neuer Titel", summary="Neu.")},
            )
        )
    ]
    ids_before = {entry.id for entry in parse(first).entries}
    ids_after = {entry.id for entry in parse(render(changed)).entries}
    assert ids_after <= ids_before


def test_hostile_text_is_escaped_and_reads_back() -> None:
    hostile = [
        *news(
            Process(id="", profile=None, updates={"x": update("x", date(2025, 1, 1), title=HOSTILE, summary=HOSTILE)})
        ),
        call("y", date(2025, 2, 1), title=HOSTILE),
    ]
    data = render(hostile, title=HOSTILE, author=HOSTILE)
    assert b"<script>" not in data
    # Well-formed XML: the standard library parser reads it, with the texts intact.
    root = ET.fromstring(data)
    expected = HOSTILE.replace("\x0b", "")
    assert root.findtext(f"{ATOM}title") == expected
    assert root.findtext(f"{ATOM}author/{ATOM}name") == expected
    titles = [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    assert titles == [f"Werkstatt: {expected}", expected]
    assert root.find(f"{ATOM}entry/{ATOM}summary") is not None
    parsed = parse(data)
    assert parsed.entries[1].title_detail.type == "text/plain"
    assert "]]> Ende" in parsed.entries[1].title


def test_entries_are_limited_newest_first() -> None:
    days = {f"m{n}": date(2024, 1, 1) + timedelta(days=n) for n in range(60)}
    many: list[NewsItem | Call] = [
        *news(Process(id="", profile=None, updates={key: update(key, day) for key, day in days.items()}))
    ]
    parsed = parse(render(many))
    assert len(parsed.entries) == feeds.DEFAULT_LIMIT
    assert parsed.entries[0].updated == "2024-02-29T00:00:00+01:00"  # m59
    assert parsed.entries[-1].id == "tag:example.github.io,2024:kreis-kl/updates/m10"
    assert len(parse(render(many, limit=3)).entries) == 3


def test_empty_feed_is_valid() -> None:
    parsed = parse(render([]))
    assert parsed.entries == []
    assert parsed.feed.updated_parsed is not None


def test_feed_updated_accepts_an_aware_datetime_and_refuses_a_naive_one() -> None:
    parsed = parse(render(updated=datetime(2025, 7, 2, 10, 0, tzinfo=UTC)))
    assert parsed.feed.updated == "2025-07-02T12:00:00+02:00"
    with pytest.raises(ValueError, match="aware"):
        render(updated=datetime(2025, 7, 2, 10, 0))


def test_html_url_is_the_alternate_link() -> None:
    parsed = parse(render(html_url=SITE + "aktuelles/"))
    assert {link.rel: link.href for link in parsed.feed.links}["alternate"] == SITE + "aktuelles/"


def test_feed_link_tag_escapes_attributes() -> None:
    tag = feeds.feed_link_tag(SITE + "feed.xml?a=1&b=2", 'Aktuelles "Kreis" <KL>')
    assert tag == (
        '<link rel="alternate" type="application/atom+xml" title="Aktuelles &quot;Kreis&quot; &lt;KL&gt;" '
        'href="https://example.github.io/kreis-kl/feed.xml?a=1&amp;b=2">'
    )
