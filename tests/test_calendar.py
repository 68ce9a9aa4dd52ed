"""Dialogue calls as iCalendar files: read back with icalendar, checked against RFC 5545."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from icalendar import Calendar, Event

from ikep_site.formatting import BERLIN
from ikep_site.model import Call, Contact, Place
from ikep_site.render import calendar as ics
from ikep_site.urls import page_url

SITE = "https://example.github.io/kreis-kl/"
STAMP = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
HOSTILE = "Kosten; 5,00 €\nZeile 2"
LONG_TITLE = ("Größere Übersicht über Ärger mit Öffnungszeiten, Straßenbäume und Grünflächen; " * 3)[:200]


def url_of(src_uri: str) -> str:
    return SITE + page_url(src_uri, use_directory_urls=True)


def call(id: str = "werkstatt", **fields: Any) -> Call:
    values: dict[str, Any] = {
        "process": "",
        "src_uri": f"beteiligung/{id}.md",
        "title": "Zukunftswerkstatt Ortskern Weilerbach",
        "format": "workshop",
        "start": datetime(2026, 12, 3, 18, 0, tzinfo=BERLIN),
        "end": datetime(2026, 12, 3, 21, 0, tzinfo=BERLIN),
        "summary": "Wie soll der Ortskern 2035 aussehen?",
        "deadline": date(2026, 12, 1),
        "place": Place(
            name="Bürgerhaus Weilerbach",
            address="Rummelstraße 15, 67685 Weilerbach",
            lat=49.4799,
            lon=7.6343,
        ),
        "accessibility": "Stufenloser Zugang, Induktionsschleife.",
        "contact": Contact(name="Stabsstelle Kreisentwicklung", email="kreisentwicklung@example.org"),
    }
    values.update(fields)
    return Call(id=id, **values)


def survey(id: str = "umfrage", **fields: Any) -> Call:
    values: dict[str, Any] = {
        "title": "Umfrage Mobilität",
        "format": "survey",
        "start": date(2026, 11, 1),
        "end": date(2026, 11, 30),
        "place": None,
        "deadline": None,
        "accessibility": None,
        "contact": None,
        "online": "https://beteiligung.example.org/umfrage",
    }
    values.update(fields)
    return call(id, **values)


def render(*calls: Call, **options: Any) -> bytes:
    arguments: dict[str, Any] = {"name": "Beteiligung: Musterkreis", "site_url": SITE, "url_of": url_of}
    arguments["stamp"] = STAMP
    arguments.update(options)
    return ics.calendar_ics(calls, **arguments)


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(data: bytes) -> dict[str, Event]:
    return {str(event["UID"]): event for event in parse(data).walk("VEVENT")}


def the_event(data: bytes) -> Event:
    (event,) = parse(data).walk("VEVENT")
    return event


def unfolded_lines(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


# --- the calendar object -------------------------------------------------------------------------


def test_calendar_has_the_required_properties() -> None:
    data = render(call(), survey())
    calendar = parse(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == ics.PRODID
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert "X-WR-CALNAME:Beteiligung: Musterkreis" in unfolded_lines(data)
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in unfolded_lines(data)
    assert "X-PUBLISHED-TTL:PT12H" in unfolded_lines(data)
    assert len(calendar.walk("VEVENT")) == 2


def test_lines_end_with_crlf_and_the_file_ends_with_one() -> None:
    data = render(call(), survey())
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_vtimezone_for_berlin_is_present_and_gives_the_right_offsets() -> None:
    data = render(call(), call("sommer", start=datetime(2027, 7, 1, 18, tzinfo=BERLIN), end=None))
    calendar = parse(data)
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == "Europe/Berlin"
    assert calendar.get_missing_tzids() == set()
    # Read the VTIMEZONE's own rules, not the zoneinfo entry its TZID names.
    tz = vtimezone.to_tz(lookup_tzid=False)
    assert datetime(2026, 12, 3, 18, tzinfo=tz).utcoffset() == timedelta(hours=1)
    assert datetime(2027, 7, 1, 18, tzinfo=tz).utcoffset() == timedelta(hours=2)
    # VTIMEZONE comes before the events that use it.
    text = data.decode()
    assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT")


def test_only_all_day_events_need_no_vtimezone() -> None:
    calendar = parse(render(survey()))
    assert calendar.walk("VTIMEZONE") == []
    assert calendar.get_missing_tzids() == set()


def test_an_empty_calendar_is_still_valid() -> None:
    calendar = parse(render())
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert calendar.walk("VEVENT") == []


def test_events_come_in_date_order() -> None:
    data = render(call(), survey(), call("frueh", start=datetime(2026, 5, 2, 10, tzinfo=BERLIN), end=None))
    uids = [str(event["UID"]) for event in parse(data).walk("VEVENT")]
    assert uids == [
        "kreis-kl/frueh@example.github.io",
        "kreis-kl/umfrage@example.github.io",
        "kreis-kl/werkstatt@example.github.io",
    ]


# --- one event ------------------------------------------------------------------------------------


def test_timed_call_has_berlin_start_and_end_and_all_fields() -> None:
    data = render(call())
    event = the_event(data)
    lines = unfolded_lines(data)
    assert "DTSTART;TZID=Europe/Berlin:20261203T180000" in lines
    assert "DTEND;TZID=Europe/Berlin:20261203T210000" in lines
    assert event.decoded("DTSTART") == datetime(2026, 12, 3, 18, tzinfo=BERLIN)
    assert event.decoded("DTEND") == datetime(2026, 12, 3, 21, tzinfo=BERLIN)
    assert str(event["UID"]) == "kreis-kl/werkstatt@example.github.io"
    assert str(event["SUMMARY"]) == "Zukunftswerkstatt Ortskern Weilerbach"
    assert str(event["LOCATION"]) == "Bürgerhaus Weilerbach, Rummelstraße 15, 67685 Weilerbach"
    assert (event["GEO"].latitude, event["GEO"].longitude) == (49.4799, 7.6343)
    assert str(event["URL"]) == SITE + "beteiligung/werkstatt/"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["ORGANIZER"]) == "mailto:kreisentwicklung@example.org"
    assert event["ORGANIZER"].params["CN"] == "Stabsstelle Kreisentwicklung"
    assert event["CATEGORIES"].cats == ["Werkstatt"]
    assert "TRANSP" not in event
    description = str(event["DESCRIPTION"])
    assert description.startswith("Wie soll der Ortskern 2035 aussehen?\n\n")
    assert "Anmeldung bis: Dienstag, 1. Dezember 2026" in description
    assert "Barrierefreiheit: Stufenloser Zugang, Induktionsschleife." in description
    assert description.endswith(SITE + "beteiligung/werkstatt/")


def test_dtstamp_is_the_stamp_in_utc_not_the_clock() -> None:
    event = the_event(render(call()))
    assert event.decoded("DTSTAMP") == STAMP
    assert "DTSTAMP:20260115T093000Z" in unfolded_lines(render(call()))
    assert "LAST-MODIFIED" not in event


def test_dtstamp_is_the_updated_date_when_the_editor_gave_one() -> None:
    data = render(call(updated=date(2026, 10, 20)))
    lines = unfolded_lines(data)
    # Midnight in Berlin (summer time) is 22:00 UTC the day before.
    assert "DTSTAMP:20261019T220000Z" in lines
    assert "LAST-MODIFIED:20261019T220000Z" in lines


def test_a_naive_stamp_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        render(call(), stamp=datetime(2026, 1, 1, 12))


def test_a_date_stamp_is_midnight_in_berlin() -> None:
    assert "DTSTAMP:20251231T230000Z" in unfolded_lines(render(call(), stamp=date(2026, 1, 1)))


def test_date_only_call_is_an_all_day_event_ending_the_day_after() -> None:
    data = render(survey())
    lines = unfolded_lines(data)
    assert "DTSTART;VALUE=DATE:20261101" in lines
    assert "DTEND;VALUE=DATE:20261201" in lines
    event = the_event(data)
    assert event.decoded("DTSTART") == date(2026, 11, 1)
    assert event.decoded("DTEND") == date(2026, 12, 1)
    assert not isinstance(event.decoded("DTSTART"), datetime)
    assert str(event["TRANSP"]) == "TRANSPARENT"
    # Without a place the online link is where it happens.
    assert str(event["LOCATION"]) == "https://beteiligung.example.org/umfrage"
    assert "GEO" not in event


def test_single_day_without_end_lasts_that_day() -> None:
    data = render(survey(end=None, start=date(2026, 11, 5)))
    assert "DTSTART;VALUE=DATE:20261105" in unfolded_lines(data)
    assert "DTEND;VALUE=DATE:20261106" in unfolded_lines(data)


def test_timed_call_without_end_has_no_dtend() -> None:
    event = the_event(render(call(end=None)))
    assert "DTEND" not in event
    assert "DURATION" not in event


def test_timed_start_with_date_end_runs_to_the_end_of_that_day() -> None:
    event = the_event(render(call(end=date(2026, 12, 4))))
    assert event.decoded("DTEND") == datetime(2026, 12, 5, 0, 0, tzinfo=BERLIN)


def test_other_offsets_are_converted_to_berlin_time() -> None:
    data = render(
        call(
            start=datetime(2026, 12, 3, 17, 0, tzinfo=UTC),
            end=datetime(2026, 12, 3, 22, 0, tzinfo=timezone(timedelta(hours=2))),
        )
    )
    lines = unfolded_lines(data)
    assert "DTSTART;TZID=Europe/Berlin:20261203T180000" in lines
    assert "DTEND;TZID=Europe/Berlin:20261203T210000" in lines


def test_organizer_falls_back_to_the_given_organizer_and_is_left_out_without_email() -> None:
    fallback = Contact(name="Kreisverwaltung Musterkreis", email="poststelle@example.org")
    event = the_event(render(call(contact=Contact(name="Frau Beispiel", phone="0631 1")), organizer=fallback))
    assert str(event["ORGANIZER"]) == "mailto:poststelle@example.org"
    assert event["ORGANIZER"].params["CN"] == "Kreisverwaltung Musterkreis"
    assert "ORGANIZER" not in the_event(render(call(contact=None)))


def test_organizer_name_with_separators_is_quoted() -> None:
    data = render(call(contact=Contact(name="Kreis: Verwaltung; Abt. 3, KL", email="a@example.org")))
    assert the_event(data)["ORGANIZER"].params["CN"] == "Kreis: Verwaltung; Abt. 3, KL"
    assert 'ORGANIZER;CN="Kreis: Verwaltung; Abt. 3, KL":mailto:a@example.org' in unfolded_lines(data)


def test_registration_online_and_contact_are_in_the_description() -> None:
    data = render(
        call(
            online="https://stream.example.org/",
            registration=Contact(url="https://anmeldung.example.org/", email="anmeldung@example.org"),
            contact=Contact(name="Frau Beispiel", phone="0631 7105-0"),
        )
    )
    description = str(the_event(data)["DESCRIPTION"])
    assert "Online: https://stream.example.org/" in description
    assert "Anmeldung: https://anmeldung.example.org/, anmeldung@example.org" in description
    assert "Kontakt: Frau Beispiel, 0631 7105-0" in description


# --- stability --------------------------------------------------------------------------------------


def test_two_renders_give_identical_bytes() -> None:
    assert render(call(), survey()) == render(survey(), call())


def test_uid_depends_on_key_and_site_only() -> None:
    renamed = call(title="Ganz anderer Titel", start=datetime(2027, 1, 1, 10, tzinfo=BERLIN), end=None)
    assert set(events(render(call()))) == set(events(render(renamed)))
    assert ics.call_uid(call(), "https://www.example.org/") == "werkstatt@www.example.org"
    assert ics.call_uid(call(), "https://EXAMPLE.github.io/a/b/") == "a/b/werkstatt@example.github.io"
    in_process = call(process="dorf-a")
    assert ics.call_uid(in_process, "https://www.example.org/") == "dorf-a/werkstatt@www.example.org"


def test_site_url_must_be_absolute() -> None:
    with pytest.raises(ValueError, match="absolute"):
        ics.call_uid(call(), "/kreis-kl/")


def test_single_call_file_is_named_after_the_call_and_has_no_refresh() -> None:
    data = ics.call_ics(call(), site_url=SITE, url_of=url_of, stamp=STAMP)
    lines = unfolded_lines(data)
    assert "X-WR-CALNAME:Zukunftswerkstatt Ortskern Weilerbach" in lines
    assert not any(line.startswith(("REFRESH-INTERVAL", "X-PUBLISHED-TTL")) for line in lines)
    assert len(parse(data).walk("VEVENT")) == 1


# --- escaping and folding -----------------------------------------------------------------------------


def test_hostile_text_is_escaped_and_reads_back_unchanged() -> None:
    data = render(call(title=HOSTILE, summary=HOSTILE, place=Place(name=HOSTILE, address="Markt 1; Hof, Scheune")))
    lines = unfolded_lines(data)
    assert "SUMMARY:Kosten\\; 5\\,00 €\\nZeile 2" in lines
    assert "X-WR-CALNAME:Beteiligung: Musterkreis" in lines
    event = the_event(data)
    assert str(event["SUMMARY"]) == HOSTILE
    assert str(event["DESCRIPTION"]).startswith(HOSTILE + "\n\n")
    assert str(event["LOCATION"]) == f"{HOSTILE}, Markt 1; Hof, Scheune"


def test_calendar_name_is_escaped_too() -> None:
    data = render(call(), name="Beteiligung; Kreis, KL\nneu")
    assert "X-WR-CALNAME:Beteiligung\\; Kreis\\, KL\\nneu" in unfolded_lines(data)
    assert "NAME:Beteiligung\\; Kreis\\, KL\\nneu" in unfolded_lines(data)


def test_long_lines_are_folded_at_75_octets_without_splitting_characters() -> None:
    assert len(LONG_TITLE) == 200
    data = render(call(title=LONG_TITLE, summary=LONG_TITLE + " " + HOSTILE))
    physical = data.split(b"\r\n")
    assert max(len(line) for line in physical) <= 75
    assert any(len(line) > 70 for line in physical)  # folding happened, not just short lines
    for line in physical:
        line.decode("utf-8")  # raises if a fold split a multi-byte character
    assert str(the_event(data)["SUMMARY"]) == LONG_TITLE


def test_control_characters_are_dropped() -> None:
    data = render(call(title="Werkstatt\x0b\x00 am\x1f Abend\r\nmit Essen"))
    assert str(the_event(data)["SUMMARY"]) == "Werkstatt am Abend\nmit Essen"


# --- German wording -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (
            datetime(2026, 12, 3, 18, tzinfo=BERLIN),
            datetime(2026, 12, 3, 21, tzinfo=BERLIN),
            "Donnerstag, 3. Dezember 2026, 18:00–21:00 Uhr",
        ),
        (datetime(2026, 12, 3, 18, tzinfo=BERLIN), None, "Donnerstag, 3. Dezember 2026, 18:00 Uhr"),
        (
            datetime(2026, 12, 3, 18, tzinfo=BERLIN),
            datetime(2026, 12, 4, 12, tzinfo=BERLIN),
            "Donnerstag, 3. Dezember 2026, 18:00 Uhr bis Freitag, 4. Dezember 2026, 12:00 Uhr",
        ),
        (date(2026, 11, 1), date(2026, 11, 30), "Sonntag, 1. November 2026 bis Montag, 30. November 2026"),
        (date(2026, 11, 1), None, "Sonntag, 1. November 2026"),
        (datetime(2026, 12, 3, 17, tzinfo=UTC), None, "Donnerstag, 3. Dezember 2026, 18:00 Uhr"),
    ],
)
def test_call_when(start: date | datetime, end: date | datetime | None, expected: str) -> None:
    assert ics.call_when(call(start=start, end=end)) == expected
