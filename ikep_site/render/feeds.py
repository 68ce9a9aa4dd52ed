"""The Atom 1.0 feed (RFC 4287) of "Aktuelles": update pages, project notes and dialogue calls.

Built with ElementTree, so every text is escaped by the serializer. Entry ids are tag URIs
(RFC 4151) made of the site's host, the year of the entry and the entity's key, so they stay the
same across builds and when the site's page layout changes; they change with the site address.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from ..derive import NewsItem
from ..labels import CALL_FORMAT, EXPORT_LABELS, LABELS, PAGE_TITLE
from ..model import Call
from .calendar import berlin_midnight, call_location, call_when, in_berlin, site_scope

ATOM: Final = "http://www.w3.org/2005/Atom"
XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"
DEFAULT_LIMIT: Final = 50
GENERATOR: Final = "ikep-site"

# Characters XML 1.0 does not allow at all; an editor may paste one from a word processor.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class FeedEntry:
    """One entry, ready to be written: what `atom_feed` makes of a news item or a call."""

    id: str
    title: str
    link: str
    updated: datetime
    published: datetime
    summary: str | None
    category: str  # the entity kind ("updates", "projects", "calls")


def atom_feed(
    items: Iterable[NewsItem | Call],
    *,
    title: str,
    site_url: str,
    feed_url: str,
    url_of: Callable[[str], str],
    updated: date | datetime,
    author: str,
    subtitle: str | None = None,
    html_url: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> bytes:
    """The feed as UTF-8 bytes: newest entries first, at most `limit` of them.

    `items` are `derive.news(...)` items and calls (a call is announced at its `updated` date, else
    at its start day); project notes of one project and day must come in the order of the project's
    `updates` list, as `derive.news` gives them. `feed_url` is the feed's own absolute URL,
    `html_url` the page it mirrors (default: the home page `site_url`), `updated` the feed's last
    change (the build date, or the newest entry's date for byte-identical rebuilds), `author` the
    operator or process name.
    """
    entries = sorted(_entries(items, site_url, url_of), key=lambda entry: (entry.updated, entry.id), reverse=True)
    # The tree is built without namespaces and the Atom namespace declared on the root: ElementTree's
    # `default_namespace` refuses the unqualified attributes (`rel`, `href`) that Atom uses, and
    # `register_namespace` would change a process-wide table. The document is namespaced either way.
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: "de"})
    _text_element(feed, "id", site_url)
    _text_element(feed, "title", title)
    if subtitle:
        _text_element(feed, "subtitle", subtitle)
    _text_element(feed, "updated", _rfc3339(updated))
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": feed_url})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": html_url or site_url})
    feed_author = ET.SubElement(feed, "author")
    _text_element(feed_author, "name", author)
    _text_element(feed, "generator", GENERATOR)
    for entry in entries[:limit]:
        element = ET.SubElement(feed, "entry")
        _text_element(element, "id", entry.id)
        _text_element(element, "title", entry.title)
        ET.SubElement(element, "link", {"rel": "alternate", "type": "text/html", "href": entry.link})
        _text_element(element, "published", _rfc3339(entry.published))
        _text_element(element, "updated", _rfc3339(entry.updated))
        ET.SubElement(element, "category", {"term": entry.category, "label": PAGE_TITLE[entry.category]})
        if entry.summary:
            _text_element(element, "summary", entry.summary)
    ET.indent(feed)
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def feed_link_tag(href: str, title: str) -> str:
    """The `<link>` for a page's `<head>` that lets browsers and feed readers find the feed."""
    return (
        f'<link rel="alternate" type="application/atom+xml" '
        f'title="{html.escape(title, quote=True)}" href="{html.escape(href, quote=True)}">'
    )


def entry_id(site_url: str, kind: str, key: str, day: date, *, suffix: str | None = None) -> str:
    """`tag:<host>,<year>:<site path><kind>/<key>[/<suffix>]`: stable, unique across sites on one host."""
    host, prefix = site_scope(site_url)
    specific = f"{prefix}{kind}/{key}" + (f"/{suffix}" if suffix else "")
    return f"tag:{host},{day.year}:{specific}"


def _entries(items: Iterable[NewsItem | Call], site_url: str, url_of: Callable[[str], str]) -> list[FeedEntry]:
    items = list(items)
    note_suffixes = _project_note_suffixes(items)
    entries: list[FeedEntry] = []
    for index, item in enumerate(items):
        if isinstance(item, Call):
            entries.append(_call_entry(item, site_url, url_of))
            continue
        entity = item.entity
        if item.is_project_note:
            entries.append(
                FeedEntry(
                    id=entry_id(site_url, "projects", entity.key, item.date, suffix=note_suffixes[index]),
                    title=LABELS["from_project"].format(title=item.title),
                    link=url_of(entity.src_uri),
                    updated=berlin_midnight(item.date),
                    published=berlin_midnight(item.date),
                    summary=item.text,
                    category="projects",
                )
            )
        else:
            published = berlin_midnight(item.date)
            changed = entity.updated
            entries.append(
                FeedEntry(
                    id=entry_id(site_url, "updates", entity.key, item.date),
                    title=item.title,
                    link=url_of(entity.src_uri),
                    updated=berlin_midnight(changed) if changed and changed > item.date else published,
                    published=published,
                    summary=item.text,
                    category="updates",
                )
            )
    return entries


def _project_note_suffixes(items: list[NewsItem | Call]) -> dict[int, str]:
    """The id suffix of each project note, by its position in `items`: its date, numbered if needed.

    A project with two notes on one day needs two ids. The notes are numbered from the oldest-written
    (the bottom of the newest-first `updates` list), so the first note of a day keeps the plain date and
    a note added later that day, on top, does not change it.
    """
    groups: dict[tuple[str, date], list[int]] = defaultdict(list)
    for position, item in enumerate(items):
        if isinstance(item, NewsItem) and item.is_project_note:
            groups[(item.entity.key, item.date)].append(position)
    suffixes: dict[int, str] = {}
    for (_key, day), positions in groups.items():
        for number, position in enumerate(reversed(positions), start=1):
            suffixes[position] = day.isoformat() if number == 1 else f"{day.isoformat()}-{number}"
    return suffixes


def _call_entry(call: Call, site_url: str, url_of: Callable[[str], str]) -> FeedEntry:
    start_day = in_berlin(call.start).date() if isinstance(call.start, datetime) else call.start
    announced = berlin_midnight(call.updated or start_day)
    facts = [call_when(call)]
    if location := call_location(call):
        facts.append(location)
    summary = " – ".join(facts) + "."
    if call.summary:
        summary += f" {call.summary}"
    return FeedEntry(
        id=entry_id(site_url, "calls", call.key, start_day),
        title=EXPORT_LABELS["feed_call_title"].format(
            format=CALL_FORMAT.get(call.format, CALL_FORMAT["other"]), title=call.title
        ),
        link=url_of(call.src_uri),
        updated=announced,
        published=announced,
        summary=summary,
        category="calls",
    )


def _text_element(parent: ET.Element, name: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, name)
    element.text = _NOT_XML.sub("", text)
    return element


def _rfc3339(value: date | datetime) -> str:
    moment = value if isinstance(value, datetime) else berlin_midnight(value)
    if moment.tzinfo is None:
        raise ValueError("feed dates must be aware datetimes (or dates)")
    return in_berlin(moment).isoformat(timespec="seconds")
