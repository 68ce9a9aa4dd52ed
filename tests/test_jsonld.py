"""schema.org JSON-LD: extracted from HTML the way search engines do (extruct), checked field by field."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from ikep_site.formatting import BERLIN
from ikep_site.model import Call, Contact, Operator, Place
from ikep_site.render import jsonld

try:
    import extruct
except ImportError:  # pragma: no cover - extruct is in the test extra; without it, read the JSON directly
    extruct = None

URL = "https://example.github.io/kreis-kl/beteiligung/werkstatt/"
ORGANIZER = Contact(name="Kreisverwaltung Musterkreis", email="poststelle@example.org", url="https://example.org/")
BREAKOUT = "</script><script>alert('x')</script> & <!-- Kommentar"


def call(**fields: Any) -> Call:
    values: dict[str, Any] = {
        "id": "werkstatt",
        "process": "",
        "src_uri": "beteiligung/werkstatt.md",
        "title": "Zukunftswerkstatt Ortskern Weilerbach",
        "summary": "Wie soll der Ortskern 2035 aussehen?",
        "format": "workshop",
        "start": datetime(2026, 12, 3, 18, tzinfo=BERLIN),
        "end": datetime(2026, 12, 3, 21, tzinfo=BERLIN),
        "place": Place(
            name="Bürgerhaus Weilerbach",
            address="Rummelstraße 15, 67685 Weilerbach",
            lat=49.4799,
            lon=7.6343,
        ),
    }
    values.update(fields)
    return Call(**values)


def extract(script_content: str) -> list[dict[str, Any]]:
    """What a crawler sees: the JSON-LD items of a page holding the script element."""
    page = (
        "<!doctype html><html lang='de'><head><title>T</title>"
        f"{jsonld.jsonld_script(script_content)}</head><body><p>Text</p></body></html>"
    )
    if extruct is None:  # pragma: no cover
        return [json.loads(script_content)]
    items: list[dict[str, Any]] = extruct.extract(page, base_url=URL, syntaxes=["json-ld"])["json-ld"]
    return items


def event(**options: Any) -> dict[str, Any]:
    arguments: dict[str, Any] = {"url": URL, "organizer": ORGANIZER}
    arguments.update(options)
    the_call = arguments.pop("call", call())
    (item,) = extract(jsonld.event_jsonld(the_call, **arguments))
    return item


def test_event_has_the_required_and_recommended_fields() -> None:
    item = event()
    assert item["@context"] == "https://schema.org"
    assert item["@type"] == "Event"
    assert item["name"] == "Zukunftswerkstatt Ortskern Weilerbach"
    assert item["description"] == "Wie soll der Ortskern 2035 aussehen?"
    assert item["url"] == URL
    assert item["startDate"] == "2026-12-03T18:00:00+01:00"
    assert item["endDate"] == "2026-12-03T21:00:00+01:00"
    assert item["eventStatus"] == "https://schema.org/EventScheduled"
    assert item["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert item["isAccessibleForFree"] is True
    assert item["inLanguage"] == "de"
    assert item["location"] == {
        "@type": "Place",
        "name": "Bürgerhaus Weilerbach",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Rummelstraße 15",
            "postalCode": "67685",
            "addressLocality": "Weilerbach",
            "addressCountry": "DE",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": 49.4799, "longitude": 7.6343},
    }
    assert item["organizer"] == {
        "@type": "GovernmentOrganization",
        "name": "Kreisverwaltung Musterkreis",
        "email": "poststelle@example.org",
        "url": "https://example.org/",
    }


def test_dates_parse_as_iso_8601_and_other_offsets_become_berlin_time() -> None:
    item = event(call=call(start=datetime(2027, 7, 1, 16, tzinfo=UTC), end=None))
    assert item["startDate"] == "2027-07-01T18:00:00+02:00"
    assert datetime.fromisoformat(item["startDate"]) == datetime(2027, 7, 1, 16, tzinfo=UTC)
    assert "endDate" not in item  # a timed call without end: no invented duration


def test_date_only_call_has_date_only_dates() -> None:
    item = event(
        call=call(start=date(2026, 11, 1), end=date(2026, 11, 30), place=None, online="https://u.example.org/")
    )
    assert item["startDate"] == "2026-11-01"
    assert item["endDate"] == "2026-11-30"
    single = event(call=call(start=date(2026, 11, 1), end=None))
    assert single["endDate"] == "2026-11-01"


def test_online_only_call_is_an_online_event_with_a_virtual_location() -> None:
    item = event(call=call(place=None, online="https://beteiligung.example.org/umfrage"))
    assert item["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert item["location"] == {"@type": "VirtualLocation", "url": "https://beteiligung.example.org/umfrage"}


def test_place_and_online_link_make_a_mixed_event() -> None:
    item = event(call=call(online="https://stream.example.org/"))
    assert item["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [location["@type"] for location in item["location"]] == ["Place", "VirtualLocation"]


def test_without_place_or_link_mode_and_location_are_left_out() -> None:
    item = event(call=call(place=None))
    assert "location" not in item
    assert "eventAttendanceMode" not in item


def test_address_in_another_shape_is_kept_whole() -> None:
    item = event(call=call(place=Place(name="Dorfplatz", address="am Brunnen hinter der Kirche")))
    assert item["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "am Brunnen hinter der Kirche",
        "addressCountry": "DE",
    }
    town_only = event(call=call(place=Place(address="67685 Weilerbach")))
    assert town_only["location"]["address"]["postalCode"] == "67685"
    assert "streetAddress" not in town_only["location"]["address"]
    assert "name" not in town_only["location"]


def test_without_organizer_the_calls_contact_is_named() -> None:
    item = event(organizer=None, call=call(contact=Contact(name="Stabsstelle", email="s@example.org")))
    assert item["organizer"] == {"@type": "GovernmentOrganization", "name": "Stabsstelle", "email": "s@example.org"}
    assert "organizer" not in event(organizer=None)


def test_image_url_is_a_list() -> None:
    assert event(image_url="https://example.org/bild.jpg")["image"] == ["https://example.org/bild.jpg"]


def test_editor_text_cannot_break_out_of_the_script_element() -> None:
    content = jsonld.event_jsonld(call(title=BREAKOUT, summary=BREAKOUT + "\u2028"), url=URL, organizer=ORGANIZER)
    assert "<" not in content
    assert ">" not in content
    assert "&" not in content
    assert "\u2028" not in content
    # Escaped, not altered: the JSON reads back to the editor's text, in a page and on its own.
    assert json.loads(content)["name"] == BREAKOUT
    (item,) = extract(content)
    assert item["name"] == BREAKOUT
    assert item["description"] == BREAKOUT + "\u2028"


def test_umlauts_stay_readable() -> None:
    content = jsonld.event_jsonld(call(), url=URL)
    assert "Bürgerhaus" in content
    assert "\\u00fc" not in content


def test_organization() -> None:
    operator = Operator(
        name="Kreisverwaltung Musterkreis",
        address="Hauptstraße 1, 12345 Musterstadt",
        email="poststelle@example.org",
        phone="+49 30 23125 000",
    )
    (item,) = extract(jsonld.organization_jsonld(operator, "https://example.github.io/kreis-kl/"))
    assert item == {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": "Kreisverwaltung Musterkreis",
        "email": "poststelle@example.org",
        "telephone": "+49 30 23125 000",
        "url": "https://example.github.io/kreis-kl/",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Hauptstraße 1",
            "postalCode": "12345",
            "addressLocality": "Musterstadt",
            "addressCountry": "DE",
        },
    }


def test_output_is_deterministic() -> None:
    assert jsonld.event_jsonld(call(), url=URL, organizer=ORGANIZER) == jsonld.event_jsonld(
        call(), url=URL, organizer=ORGANIZER
    )
