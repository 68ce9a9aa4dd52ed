"""schema.org JSON-LD for search engines: a call as an `Event`, the operator as an organisation.

The functions return the *content* of a `<script type="application/ld+json">` element (or, with
`jsonld_script`, the whole element). `<`, `>` and `&` are written as JSON escapes, so editor text
such as `</script>` cannot end the element early, and the JSON still reads back unchanged.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any, Final

from ..derive import call_days
from ..model import Call, Contact, Operator, Place
from .calendar import in_berlin

CONTEXT: Final = "https://schema.org"
# A German address as editors write it: "Rummelstraße 15, 67685 Weilerbach".
_ADDRESS: Final = re.compile(r"^\s*(?:(?P<street>.+?),\s*)?(?P<code>\d{5})\s+(?P<locality>[^,]+?)\s*$")
_SCRIPT_ESCAPES: Final = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}

JsonObject = dict[str, Any]


def event_jsonld(
    call: Call,
    *,
    url: str,
    organizer: Contact | None = None,
    image_url: str | None = None,
) -> str:
    """The `Event` of one call, whose page is at the absolute `url`.

    `organizer` is the public body that invites (the process management or the operator, as a
    `GovernmentOrganization`); without it the call's own contact is named. The attendance mode
    follows the data: a place and an online link make a mixed event, only one of them an offline or
    online event; with neither, the mode and location are left out rather than guessed.
    """
    data: JsonObject = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": call.title,
        "url": url,
        "startDate": _iso(call.start),
    }
    if not isinstance(call.start, datetime):
        # A date-only call lasts its days; a survey's deadline may bring its last day forward.
        data["endDate"] = _iso(call_days(call)[1])
    elif call.end is not None:
        data["endDate"] = _iso(call.end)
    data["description"] = call.summary or call.title
    data["eventStatus"] = "https://schema.org/EventScheduled"
    locations: list[JsonObject] = []
    if call.place is not None and (place := _place(call.place)) is not None:
        locations.append(place)
    if call.online:
        locations.append({"@type": "VirtualLocation", "url": call.online})
    if locations:
        has_place = locations[0]["@type"] == "Place"
        mode = "Mixed" if len(locations) == 2 else ("Offline" if has_place else "Online")
        data["eventAttendanceMode"] = f"https://schema.org/{mode}EventAttendanceMode"
        data["location"] = locations if len(locations) > 1 else locations[0]
    who = organizer if organizer is not None else call.contact
    if who is not None and who.name:
        data["organizer"] = _organization(who)
    if image_url:
        data["image"] = [image_url]
    data["isAccessibleForFree"] = True
    data["inLanguage"] = "de"
    return script_json(data)


def organization_jsonld(operator: Operator, site_url: str) -> str:
    """The operator as a `GovernmentOrganization`, for the home page."""
    data: JsonObject = {
        "@context": CONTEXT,
        **_organization(Contact(name=operator.name, email=operator.email, phone=operator.phone, url=site_url)),
        "address": _address(operator.address),
    }
    return script_json(data)


def script_json(data: JsonObject) -> str:
    """JSON that is safe as the content of a `<script>` element (see the module docstring)."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub("[<>&\u2028\u2029]", lambda match: _SCRIPT_ESCAPES[match.group()], text)


def jsonld_script(content: str) -> str:
    """The whole element, for templates that want a finished tag."""
    return f'<script type="application/ld+json">{content}</script>'


def _organization(contact: Contact) -> JsonObject:
    data: JsonObject = {"@type": "GovernmentOrganization", "name": contact.name}
    if contact.email:
        data["email"] = contact.email
    if contact.phone:
        data["telephone"] = contact.phone
    if contact.url:
        data["url"] = contact.url
    return data


def _place(place: Place) -> JsonObject | None:
    if not (place.name or place.address or (place.lat is not None and place.lon is not None)):
        return None
    data: JsonObject = {"@type": "Place"}
    if place.name:
        data["name"] = place.name
    if place.address:
        data["address"] = _address(place.address)
    if place.lat is not None and place.lon is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": place.lat, "longitude": place.lon}
    return data


def _address(text: str) -> JsonObject:
    """A `PostalAddress`, split into street, postal code and town when the text has that shape.

    Anything else stays whole in `streetAddress`, so nothing an editor wrote is lost.
    """
    match = _ADDRESS.match(text)
    data: JsonObject = {"@type": "PostalAddress"}
    if match is None:
        data["streetAddress"] = text.strip()
    else:
        if match["street"]:
            data["streetAddress"] = match["street"].strip()
        data["postalCode"] = match["code"]
        data["addressLocality"] = match["locality"]
    data["addressCountry"] = "DE"
    return data


def _iso(value: date | datetime) -> str:
    """ISO 8601: a date, or a Berlin time with its offset (`2026-12-03T18:00:00+01:00`)."""
    if isinstance(value, datetime):
        return in_berlin(value).isoformat(timespec="seconds")
    return value.isoformat()
