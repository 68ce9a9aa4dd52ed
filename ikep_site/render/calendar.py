"""Dialogue calls as iCalendar (RFC 5545): one file per call, and subscribable calendars of many.

The output is deterministic: the same calls and the same `stamp` give the same bytes, so a
rebuild does not make every subscriber's calendar re-download changed events. UIDs depend only on
the call's key and the site address (see `call_uid`); changing the site address (`site_url`)
therefore turns every call into a new event for subscribers.

Times: a call with a time becomes an event with `DTSTART;TZID=Europe/Berlin` (an editor's explicit
offset is converted to Berlin time) and a `VTIMEZONE` generated from the IANA database. A timed call
without `end` gets no `DTEND`: RFC 5545 then makes it end when it starts, which calendars show as a
point in time instead of inventing a duration. A date-only call (a survey) becomes an all-day event
(`VALUE=DATE`, `DTEND` the day after its last day) marked free (`TRANSP:TRANSPARENT`), so a four-week
survey does not block its subscribers' calendars as busy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

from ..derive import call_days, call_deadline, calls_in_order
from ..formatting import BERLIN, format_date, format_time
from ..labels import CALL_FORMAT, EXPORT_LABELS, LABELS
from ..model import Call, Contact

# icalendar (with dateutil: 35 ms) is imported where a calendar is made, not with this module:
# a site without calls never pays for it.
if TYPE_CHECKING:
    from icalendar import Event

PRODID: Final = "-//ikep-site//Beteiligung//DE"
# How often subscribed calendar apps should fetch the calendar again (REFRESH-INTERVAL, RFC 7986).
DEFAULT_REFRESH: Final = timedelta(hours=12)

_CALENDAR_END: Final = b"END:VCALENDAR\r\n"

# RFC 5545 allows no control characters in TEXT but tab and the line break (escaped as \n).
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def berlin_midnight(day: date) -> datetime:
    """The start of `day` in Berlin: how a date-only value becomes a moment (feeds, DTSTAMP)."""
    return datetime.combine(day, time(), BERLIN)


def in_berlin(value: datetime) -> datetime:
    """An aware datetime as Berlin local time (editors may write another offset)."""
    return value.astimezone(BERLIN)


def site_scope(site_url: str) -> tuple[str, str]:
    """(host, path prefix) of the site: two sites on one host (GitHub Pages) must not share ids.

    `https://example.github.io/kreis-kl/` gives ("example.github.io", "kreis-kl/"), a site at the
    root of its host gives an empty prefix.
    """
    parts = urlsplit(site_url)
    host = (parts.hostname or "").lower()
    if not host:
        raise ValueError(f"site_url must be an absolute URL, not {site_url!r}")
    prefix = parts.path.strip("/")
    return host, f"{prefix}/" if prefix else ""


def call_uid(call: Call, site_url: str) -> str:
    """The event's UID, stable across builds: `<key>@<host>`, with the site's path before the key."""
    host, prefix = site_scope(site_url)
    return f"{prefix}{call.key}@{host}"


def call_when(call: Call) -> str:
    """When the call takes place, in German: `Donnerstag, 3. Dezember 2026, 18:00–21:00 Uhr`.

    The same wording as the call page (`macros.html`, `call_when`), in Berlin time.
    """
    start, end = call.start, call.end
    if isinstance(start, datetime):
        start = in_berlin(start)
        day = format_date(start.date(), weekday=True)
        if isinstance(end, datetime):
            end = in_berlin(end)
            if end.date() == start.date():
                return EXPORT_LABELS["when_time_range"].format(date=day, start=format_time(start), end=format_time(end))
            return EXPORT_LABELS["when_until"].format(
                start=EXPORT_LABELS["when_time"].format(date=day, time=format_time(start)),
                end=EXPORT_LABELS["when_time"].format(
                    date=format_date(end.date(), weekday=True), time=format_time(end)
                ),
            )
        text = EXPORT_LABELS["when_time"].format(date=day, time=format_time(start))
        if end is not None and end != start.date():
            text = EXPORT_LABELS["when_until"].format(start=text, end=format_date(end, weekday=True))
        return text
    text = format_date(start, weekday=True)
    if end is not None:
        last = in_berlin(end).date() if isinstance(end, datetime) else end
        if last != start:
            text = EXPORT_LABELS["when_until"].format(start=text, end=format_date(last, weekday=True))
    return text


def call_location(call: Call) -> str | None:
    """Place name and address in one line; the online link for a call without a place."""
    if call.place is not None:
        parts = [part for part in (call.place.name, call.place.address) if part]
        if parts:
            return ", ".join(parts)
    return call.online


def call_description(call: Call, *, url: str | None = None) -> str:
    """The plain-text description of a call: summary, then how to take part, one fact per line."""
    facts: list[str] = []
    if (deadline := call_deadline(call)) is not None:
        facts.append(f"{LABELS['deadline_' + deadline.kind]}: {format_date(deadline.day, weekday=True)}")
    if call.online:
        facts.append(f"{LABELS['online']}: {call.online}")
    if call.registration is not None and (how := _contact_line(call.registration)):
        facts.append(f"{LABELS['registration']}: {how}")
    if call.accessibility:
        facts.append(f"{LABELS['accessibility']}: {call.accessibility}")
    if call.contact is not None and (how := _contact_line(call.contact)):
        facts.append(f"{LABELS['contact']}: {how}")
    if url:
        facts.append(f"{LABELS['more']}: {url}")
    blocks = [call.summary] if call.summary else []
    if facts:
        blocks.append("\n".join(facts))
    return "\n\n".join(blocks)


def call_event(
    call: Call,
    *,
    url: str,
    uid: str,
    stamp: date | datetime,
    organizer_name: str | None = None,
    organizer_email: str | None = None,
) -> Event:
    """One VEVENT for `call`, whose page is at the absolute `url`.

    `uid` comes from `call_uid`. DTSTAMP (and LAST-MODIFIED) is the call's `updated` date when the
    editor gave one, else `stamp` (the build time or SOURCE_DATE_EPOCH): never the clock, so two
    builds give the same bytes. ORGANIZER is the call's contact when it has an e-mail address,
    else `organizer_email`/`organizer_name` (the process management or the operator); without
    any e-mail address there is no ORGANIZER.
    """
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    modified = berlin_midnight(call.updated) if call.updated is not None else _moment(stamp)
    event.add("dtstamp", modified)
    if call.updated is not None:
        event.add("last-modified", modified)
    event.add("summary", _text(call.title))
    if isinstance(call.start, datetime):
        event.add("dtstart", in_berlin(call.start))
        if call.end is not None:
            # DTEND has the value type of DTSTART: a date-only end means "until the end of that day".
            end = in_berlin(call.end) if isinstance(call.end, datetime) else berlin_midnight(call.end + timedelta(1))
            event.add("dtend", end)
    else:
        last = call.end if call.end is not None else call.start
        last_day = in_berlin(last).date() if isinstance(last, datetime) else last
        # A survey's deadline may bring its last day forward (see derive.call_days).
        last_day = min(last_day, call_days(call)[1])
        event.add("dtstart", call.start)
        event.add("dtend", last_day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    description = call_description(call, url=url)
    if description:
        event.add("description", _text(description))
    location = call_location(call)
    if location:
        event.add("location", _text(location))
    if call.place is not None and call.place.lat is not None and call.place.lon is not None:
        event.add("geo", (call.place.lat, call.place.lon))
    event.add("url", url)
    event.add("categories", [_text(CALL_FORMAT.get(call.format, CALL_FORMAT["other"]))])
    name, email = organizer_name, organizer_email
    if call.contact is not None and call.contact.email:
        name, email = call.contact.name or organizer_name, call.contact.email
    if email:
        parameters = {"CN": _text(name)} if name else {}
        event.add("organizer", f"mailto:{email}", parameters=parameters)
    event.add("class", "PUBLIC")
    event.add("status", "CONFIRMED")
    return event


def calendar_ics(
    calls: Iterable[Call],
    *,
    name: str,
    site_url: str,
    url_of: Callable[[str], str],
    stamp: date | datetime,
    organizer: Contact | None = None,
    description: str | None = None,
    refresh: timedelta | None = DEFAULT_REFRESH,
    events: dict[str, bytes] | None = None,
) -> bytes:
    """A calendar of `calls` (METHOD:PUBLISH), in date order, as the bytes of an .ics file.

    `name` is the calendar's name in calendar apps (X-WR-CALNAME and NAME); `url_of(src_uri)` gives
    the absolute URL of a call's page; `organizer` is the fallback ORGANIZER (see `call_event`).
    `refresh` tells subscribing apps how often to fetch again; pass None for a one-off download.
    `events` keeps each call's serialised VEVENT by its key for the next calendar that lists it;
    share one dict only between calendars with the same `site_url`, `url_of`, `stamp` and
    `organizer`, which is what makes the event the same.
    """
    from icalendar import Calendar, vDuration, vText

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # icalendar types neither property as TEXT, so escape them explicitly.
    calendar.add("name", vText(_text(name)))
    calendar.add("x-wr-calname", vText(_text(name)))
    if description:
        calendar.add("description", _text(description))
        calendar.add("x-wr-caldesc", vText(_text(description)))
    if refresh is not None:
        calendar.add("refresh-interval", vDuration(refresh), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(refresh))
    ordered = calls_in_order(calls)
    events = {} if events is None else events
    for call in ordered:
        if call.key not in events:
            event = call_event(
                call,
                url=url_of(call.src_uri),
                uid=call_uid(call, site_url),
                stamp=stamp,
                organizer_name=organizer.name if organizer else None,
                organizer_email=organizer.email if organizer else None,
            )
            events[call.key] = event.to_ical()
    # A calendar's bytes are its own lines, its components' bytes in order, and its END line:
    # the time zone and the events, each serialised once per build, go in before that line.
    frame: bytes = calendar.to_ical()
    assert frame.endswith(_CALENDAR_END)
    return b"".join(
        [frame[: -len(_CALENDAR_END)], _timezone_ical(ordered), *(events[call.key] for call in ordered), _CALENDAR_END]
    )


def call_ics(
    call: Call,
    *,
    site_url: str,
    url_of: Callable[[str], str],
    stamp: date | datetime,
    organizer: Contact | None = None,
    events: dict[str, bytes] | None = None,
) -> bytes:
    """The "In den Kalender" file of one call: a calendar named after it, without refresh hints."""
    return calendar_ics(
        [call],
        name=call.title,
        site_url=site_url,
        url_of=url_of,
        stamp=stamp,
        organizer=organizer,
        refresh=None,
        events=events,
    )


def _timezone_ical(calls: list[Call]) -> bytes:
    """The VTIMEZONE for Europe/Berlin when an event uses it, from the IANA data in zoneinfo.

    The observances cover the years of the calls (from the first call's year to two years after the
    last one), which keeps the file small and its bytes stable while no call is added. It comes
    before the events, as RFC 5545 readers expect (and as icalendar's add_missing_timezones places it).
    """
    timed = [moment for call in calls for moment in (call.start, call.end) if isinstance(moment, datetime)]
    if not timed:
        return b""
    first = min(in_berlin(moment).year for moment in timed)
    last = max(in_berlin(moment).year for moment in timed)
    return _berlin_timezone(first, last + 2)


@lru_cache(maxsize=64)
def _berlin_timezone(first_year: int, last_year: int) -> bytes:
    """One VTIMEZONE per span of years, serialised once for all calendars of a build."""
    from icalendar import Timezone

    try:
        zone = Timezone.from_tzid(BERLIN.key, first_date=date(first_year, 1, 1), last_date=date(last_year, 1, 1))
    except ValueError:  # pragma: no cover - only without tzdata (Windows without the package)
        raise RuntimeError("no time zone data for Europe/Berlin: install the tzdata package") from None
    data: bytes = zone.to_ical()
    return data


def _moment(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("stamp must be an aware datetime (or a date)")
        return value
    return berlin_midnight(value)


def _text(value: str) -> str:
    """Editor text without the control characters RFC 5545 forbids (escaping is icalendar's job)."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def _contact_line(contact: Contact) -> str:
    return ", ".join(part for part in (contact.name, contact.url, contact.email, contact.phone) if part)
