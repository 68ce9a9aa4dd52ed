"""The front matter of every entity kind, and of the `process` and `operator` options.

This is the one description of what editors may write: the loader validates against it and the
JSON Schema for editors' tools is generated from it.
"""

from __future__ import annotations

import itertools
import posixpath
from datetime import date, datetime
from typing import Any, Final

from yaml.nodes import Node, ScalarNode

from .. import labels
from ..formatting import format_number
from ..messages import MESSAGES
from ..model import (
    AREA_KINDS,
    BETTER_DIRECTIONS,
    CALL_FORMATS,
    FOUNDATION_STATES,
    FOUNDATIONS,
    NETWORK_MEMBER_KINDS,
    PROJECT_STATUSES,
    Contact,
    CorridorPoint,
    CorridorRevision,
    Decision,
    Foundation,
    Indicator,
    Kind,
    Location,
    Measurement,
    Milestone,
    NetworkMember,
    Phase,
    Place,
    ProjectUpdate,
)
from .schema import (
    Boolean,
    Check,
    Choice,
    ContentFile,
    Context,
    DateOrDateTime,
    DateSpec,
    Email,
    Field,
    ListOf,
    Number,
    Record,
    Ref,
    Slug,
    Text,
    Together,
    Url,
    Values,
)


def _words(shown: dict[str, str]) -> dict[str, str]:
    """The German label of each value, as a word an editor may write for it."""
    return {label: value for value, label in shown.items()}


def _end_not_before_start(start_key: str = "start", end_key: str = "end") -> Check:
    def check(values: Values, ctx: Context) -> None:
        start, end = values.get(start_key), values.get(end_key)
        if start is None or end is None:
            return
        if _ends_before(end, start):
            ctx.error_at(
                values.line_of(end_key),
                MESSAGES["end_before_start"].format(name=end_key, end=_show(end), start=_show(start)),
            )

    return check


def _ends_before(end: date | datetime, start: date | datetime) -> bool:
    """Times are compared when both have one; a date without a time is the whole day."""
    if isinstance(end, datetime) and isinstance(start, datetime):
        return end < start
    return _day(end) < _day(start)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _show(value: date | datetime) -> str:
    """As the editor wrote it: local time without the offset we added."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(timespec="minutes")
    return value.isoformat()


def _deadline_in_time(values: Values, ctx: Context) -> None:
    """Registration for an event closes before it starts; answers to a survey before it ends."""
    deadline, start, end = values.get("deadline"), values.get("start"), values.get("end")
    if deadline is None or start is None:
        return
    ongoing = values.get("format") in ("survey", "online")
    limit = (end or start) if ongoing else start
    if deadline > _day(limit):
        key = "deadline_after_end" if ongoing else "deadline_after_start"
        ctx.error_at(values.line_of("deadline"), MESSAGES[key].format(deadline=deadline, limit=_show(limit)))


def _unique_years(name: str) -> Check:
    def check(values: Values, ctx: Context) -> None:
        items = values.get(name) or ()
        seen: dict[int, int] = {}
        for index, item in enumerate(items):
            line = values.item_line(name, index)
            if item.year in seen:
                ctx.error_at(line, MESSAGES["duplicate_year"].format(name=name, year=item.year, line=seen[item.year]))
            else:
                seen[item.year] = line

    return check


def _corridor_band_ordered(values: Values, ctx: Context) -> None:
    for index, point in enumerate(values.get("corridor") or ()):
        if point.min > point.max:
            ctx.error_at(
                values.item_line("corridor", index),
                MESSAGES["min_above_max"].format(
                    year=point.year, low=format_number(point.min), high=format_number(point.max)
                ),
            )


def _unique_indicator_ids(values: Values, ctx: Context) -> None:
    seen: dict[str, int] = {}
    for index, indicator in enumerate(values.get("indicators") or ()):
        line = values.item_line("indicators", index)
        if indicator.id in seen:
            ctx.error_at(line, MESSAGES["duplicate_indicator"].format(value=indicator.id, line=seen[indicator.id]))
        seen.setdefault(indicator.id, line)


def _image_has_alt(values: Values, ctx: Context) -> None:
    if values.get("image") and not values.get("image_alt"):
        ctx.error_at(values.line_of("image"), MESSAGES["image_alt_missing"])
    if values.get("image_alt") and not values.get("image"):
        ctx.error_at(values.line_of("image_alt"), MESSAGES["image_alt_without_image"])


def _by_year(points: Any) -> tuple[Any, ...]:
    return tuple(sorted(points or (), key=lambda point: point.year))


def _build_indicator(data: dict[str, Any]) -> Indicator:
    data["corridor"] = _by_year(data.get("corridor"))
    data["values"] = _by_year(data.get("values"))
    # Newest first, as the content model writes them, whatever order an editor chose.
    data["revisions"] = tuple(sorted(data.get("revisions", ()), key=lambda revision: revision.until, reverse=True))
    return Indicator(**data)


def _build_revision(data: dict[str, Any]) -> CorridorRevision:
    data["corridor"] = _by_year(data.get("corridor"))
    return CorridorRevision(**data)


def _unique_revision_ends(values: Values, ctx: Context) -> None:
    seen: dict[date, int] = {}
    for index, revision in enumerate(values.get("revisions") or ()):
        line = values.item_line("revisions", index)
        if revision.until in seen:
            ctx.error_at(
                line,
                MESSAGES["duplicate_revision_end"].format(until=revision.until.isoformat(), line=seen[revision.until]),
            )
        seen.setdefault(revision.until, line)


def _contact_fields(*, with_url: bool = False) -> dict[str, Field]:
    fields = {
        "name": Field(Text(), help="Name der Stelle oder Person"),
        "email": Field(Email(), help="E-Mail-Adresse"),
        "phone": Field(Text(), help="Telefonnummer, in Anführungszeichen"),
    }
    if with_url:
        # Contact data: a web page, or an e-mail or phone link.
        fields["url"] = Field(Url(schemes=("https", "http", "mailto", "tel")), help="Internetadresse")
    return fields


CONTACT: Final = Record(_contact_fields(), build=lambda data: Contact(**data))
CONTACT_WITH_URL: Final = Record(_contact_fields(with_url=True), build=lambda data: Contact(**data))

YEAR: Final = Number(minimum=1900, maximum=2200, integer=True, example="2024")
# Indicator values stay within a range every chart and spreadsheet can handle.
MEASURE: Final = Number(minimum=-1e12, maximum=1e12)
# No coordinate has a thousands separator: `49.512` is a decimal, written as GPS tools show it.
LATITUDE: Final = Number(minimum=-90, maximum=90, grouping=False, example="49.512")
LONGITUDE: Final = Number(minimum=-180, maximum=180, grouping=False, example="7.845")

CORRIDOR_POINT: Final = Record(
    {
        "year": Field(YEAR, required=True, help="Jahr"),
        "min": Field(MEASURE, required=True, help="Untere Grenze des Korridors in diesem Jahr"),
        "max": Field(MEASURE, required=True, help="Obere Grenze des Korridors in diesem Jahr"),
    },
    build=lambda data: CorridorPoint(**data),
)
MEASUREMENT: Final = Record(
    {
        "year": Field(YEAR, required=True, help="Jahr der Messung"),
        "value": Field(MEASURE, required=True, help="Gemessener Wert"),
    },
    build=lambda data: Measurement(**data),
)
CORRIDOR: Final = ListOf(CORRIDOR_POINT, min_items=2)


# Indicator values from a file (issue 18, item 1) ------------------------------------------------
# A path below content/ ending in .csv or .xlsx (any case); no scheme, no "..", no leading "/".
VALUES_FILE_PATTERN: Final = r"^(?!/)(?!.*\.\.)(?!.*://)[^\\]+\.([cC][sS][vV]|[xX][lL][sS][xX])$"


class ValuesOrFile(ListOf):
    """The measured values as a list, or the path of a CSV or workbook in content/ that holds them.

    The loader reads the file (`Context.read_values_file`); its problems never make the goal
    itself wrong: its good rows are shown.
    """

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        if not isinstance(node, ScalarNode):
            return super().convert(node, ctx, name)
        path = Text().convert(node, ctx, name)
        if not isinstance(path, str):
            return path
        if ctx.read_values_file is None:  # nothing reads files here (no loader): no values
            return ()
        return ctx.read_values_file(path, ctx.line(node))

    def json_schema(self) -> dict[str, Any]:
        schema = super().json_schema()
        return {"anyOf": [*schema["anyOf"], {"type": "string", "pattern": VALUES_FILE_PATTERN}]}

    @staticmethod
    def file_key(key: str) -> str:
        """The web editor's own field for the path (a form field holds a list or a text, not both)."""
        return f"{key}_file"


# -------------------------------------------------------------------------------------------------
REVISION: Final = Record(
    {
        "until": Field(DateSpec(), required=True, help="Letzter Tag, an dem dieser frühere Korridor galt"),
        "decision": Field(Text(), help='Nummer des Beschlusses, der ihn ersetzt hat, z. B. "KT/2025/033"'),
        "corridor": Field(CORRIDOR, required=True, help="Der frühere Korridor, mindestens zwei Jahre"),
    },
    build=_build_revision,
    checks=(_unique_years("corridor"), _corridor_band_ordered),
)
INDICATOR: Final = Record(
    {
        "id": Field(Slug(), required=True, help="Kennung des Indikators, z. B. leerstand"),
        "name": Field(Text(), required=True, help="Name des Indikators"),
        "unit": Field(Text(), required=True, help='Einheit, z. B. "%" oder Einwohner'),
        "better": Field(
            Choice(BETTER_DIRECTIONS, shown=labels.BETTER),
            required=True,
            help="lower: niedriger ist besser; higher: höher ist besser",
        ),
        "source": Field(Text(), help="Quelle der Messwerte"),
        "corridor": Field(CORRIDOR, required=True, help="Entwicklungskorridor, mindestens zwei Jahre"),
        "values": Field(
            ValuesOrFile(MEASUREMENT),
            help="Gemessene Werte: eine Liste oder eine Datei im Ordner content/ (.csv oder .xlsx, Spalten Jahr, Wert)",
        ),
        "revisions": Field(ListOf(REVISION), help="Frühere Korridore, die vor dem jetzigen galten, der jüngste zuerst"),
    },
    build=_build_indicator,
    checks=(_unique_years("corridor"), _unique_years("values"), _corridor_band_ordered, _unique_revision_ends),
)

COMMON: Final = {
    "title": Field(Text(), required=True, help="Überschrift und Linktext"),
    "summary": Field(Text(), help="Ein bis zwei Sätze für Übersichten und Feeds"),
    "updated": Field(DateSpec(), help="Datum der letzten wesentlichen Änderung"),
    "image": Field(ContentFile("image"), help="Bild im Ordner content/, z. B. bilder/dorfladen.jpg"),
    "image_alt": Field(Text(), help="Beschreibung des Bildes (Pflicht, wenn image gesetzt ist)"),
}


def _entity(fields: dict[str, Field], *checks: Check) -> Record:
    return Record({**COMMON, **fields}, checks=(_image_has_alt, *checks))


def _refs(kind: Kind, help_text: str, *, required: bool = False, min_items: int = 0) -> Field:
    return Field(ListOf(Ref(kind.value), unique=True, min_items=min_items), required=required, help=help_text)


class OldestFirst(ListOf):
    """A list of dated records, kept in date order whatever order they were written in."""

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        items = super().convert(node, ctx, name)
        if not isinstance(items, tuple):
            return items
        return tuple(sorted(items, key=lambda item: item.date))  # stable: one day's keep their order


DECISION: Final = Record(
    {
        "date": Field(DateSpec(), required=True, help="Datum des Beschlusses"),
        "body": Field(Text(), required=True, help="Gremium, das beschlossen hat, z. B. Kreistag"),
        "number": Field(Text(), help='Nummer der Vorlage, in Anführungszeichen, z. B. "KT/2024/117"'),
        "url": Field(Url(), help="Link zum Beschluss im Ratsinformationssystem"),
        "text": Field(Text(), required=True, help="Was beschlossen wurde"),
    },
    build=lambda data: Decision(**data),
)
DECISIONS: Final = Field(
    OldestFirst(DECISION), help="Beschlüsse der Räte, des Kreistags und ihrer Ausschüsse, älteste zuerst"
)

GOAL: Final = _entity(
    {
        "field": Field(Text(), help="Handlungsfeld (zum Gruppieren)"),
        "indicators": Field(ListOf(INDICATOR), help="Indikatoren mit Entwicklungskorridor"),
        "decisions": DECISIONS,
    },
    _unique_indicator_ids,
)

MILESTONE: Final = Record(
    {
        "date": Field(DateSpec(), required=True, help="Datum"),
        "title": Field(Text(), required=True, help="Was erreicht wird"),
        "done": Field(Boolean(), help="true, wenn erreicht"),
    },
    build=lambda data: Milestone(**data),
)
PROJECT_UPDATE: Final = Record(
    {
        "date": Field(DateSpec(), required=True, help="Datum"),
        "text": Field(Text(), required=True, help="Kurze Meldung"),
    },
    build=lambda data: ProjectUpdate(**data),
)
LOCATION: Final = Record(
    {
        "lat": Field(LATITUDE, required=True, help="Geografische Breite, z. B. 49.512"),
        "lon": Field(LONGITUDE, required=True, help="Geografische Länge, z. B. 7.845"),
        "address": Field(Text(), help="Anschrift"),
    },
    build=lambda data: Location(**data),
)
PROJECT: Final = _entity(
    {
        "status": Field(
            Choice(PROJECT_STATUSES, labels.PROJECT_STATUS_WORDS, labels.PROJECT_STATUS),
            required=True,
            help="Stand des Projekts",
        ),
        "goals": _refs(Kind.GOAL, "Ziele, denen das Projekt dient", required=True, min_items=1),
        "areas": _refs(Kind.AREA, "Räume, in denen das Projekt wirkt"),
        "networks": _refs(Kind.NETWORK, "Beteiligte Netzwerke"),
        "lead": Field(Text(), help="Verantwortlich"),
        "start": Field(DateSpec(), help="Beginn"),
        "end": Field(DateSpec(), help="Ende, geplant oder tatsächlich"),
        "progress": Field(Number(minimum=0, maximum=100, integer=True), help="Fortschritt in Prozent"),
        "funding": Field(Text(), help="Förderung"),
        "budget": Field(Number(minimum=0, example="250000"), help="Budget in Euro"),
        "location": Field(LOCATION, help="Ort des Projekts"),
        "milestones": Field(ListOf(MILESTONE), help="Meilensteine"),
        "updates": Field(ListOf(PROJECT_UPDATE), help="Neuigkeiten zum Projekt"),
        "contact": Field(CONTACT, help="Ansprechstelle für Fragen zum Projekt"),
        "decisions": DECISIONS,
    },
    _end_not_before_start(),
)

PLACE: Final = Record(
    {
        "name": Field(Text(), help="Name des Ortes"),
        "address": Field(Text(), help="Anschrift"),
        "lat": Field(LATITUDE, help="Geografische Breite"),
        "lon": Field(LONGITUDE, help="Geografische Länge"),
    },
    build=lambda data: Place(**data),
    together=(Together(("lat", "lon"), "coordinate_alone"),),  # one alone would drop the place from the map
)
REGISTRATION: Final = Record(
    {
        "url": Field(Url(), help="Anmeldeseite"),
        "email": Field(Email(), help="Anmeldung per E-Mail"),
        "phone": Field(Text(), help="Anmeldung per Telefon"),
    },
    build=lambda data: Contact(**data),
)
CALL: Final = _entity(
    {
        "format": Field(
            Choice(CALL_FORMATS, _words(labels.CALL_FORMAT), labels.CALL_FORMAT),
            required=True,
            help="Art der Beteiligung",
        ),
        "start": Field(DateOrDateTime(), required=True, help="Beginn (Datum oder Datum mit Uhrzeit)"),
        "end": Field(DateOrDateTime(), help="Ende"),
        "deadline": Field(DateSpec(), help="Letzter Tag der Anmeldung oder Teilnahme"),
        "place": Field(PLACE, help="Ort der Veranstaltung"),
        "online": Field(Url(), help="Link zur Umfrage oder Übertragung"),
        "registration": Field(REGISTRATION, help="Anmeldung"),
        "accessibility": Field(Text(), help="Hinweise zur Barrierefreiheit"),
        "contact": Field(CONTACT, help="Ansprechstelle"),
        "goals": _refs(Kind.GOAL, "Ziele, um die es geht"),
        "projects": _refs(Kind.PROJECT, "Schlüsselprojekte, um die es geht"),
        "areas": _refs(Kind.AREA, "Räume, um die es geht"),
    },
    _end_not_before_start(),
    _deadline_in_time,
)

AREA: Final = _entity(
    {
        "kind": Field(
            Choice(AREA_KINDS, _words(labels.AREA_KIND), labels.AREA_KIND), required=True, help="Art des Raums"
        ),
        "geometry": Field(ContentFile(), help="GeoJSON-Datei in content/, z. B. geodaten/kl-ortsgemeinden.geojson"),
        "key": Field(Text(), help="Eigenschaft, die ein Mitglied kennzeichnet, z. B. AGS"),
        "members": Field(
            ListOf(Text(), unique=True), help="Werte von key, die zu diesem Raum gehören (in Anführungszeichen)"
        ),
        "attribution": Field(Text(), help="Quellenvermerk der Grenzdaten"),
        "attribution_url": Field(Url(), help="Link zur Quelle der Grenzdaten"),
    },
)

NETWORK_MEMBER: Final = Record(
    {
        "name": Field(Text(), required=True, help="Name"),
        "kind": Field(
            Choice(NETWORK_MEMBER_KINDS, _words(labels.NETWORK_MEMBER_KIND), labels.NETWORK_MEMBER_KIND),
            help="Art des Mitglieds",
        ),
        "role": Field(Text(), help="Rolle im Netzwerk"),
    },
    build=lambda data: NetworkMember(**data),
)
NETWORK: Final = _entity(
    {
        "purpose": Field(Text(), help="Wozu das Netzwerk da ist"),
        "members": Field(ListOf(NETWORK_MEMBER), help="Mitglieder"),
        "contact": Field(CONTACT, help="Ansprechstelle"),
    },
)

UPDATE: Final = _entity(
    {
        "date": Field(DateSpec(), required=True, help="Datum der Meldung"),
        "goals": _refs(Kind.GOAL, "Ziele, um die es geht"),
        "projects": _refs(Kind.PROJECT, "Schlüsselprojekte, um die es geht"),
        "areas": _refs(Kind.AREA, "Räume, um die es geht"),
    },
)

# Which spec belongs to which kind is kept in the registry of kinds (kinds.py: `entity_specs`).


def _phases_in_order(values: Values, ctx: Context) -> None:
    phases = values.get("phases") or ()
    for index, (previous, phase) in enumerate(itertools.pairwise(phases), start=1):
        if previous.end is not None and phase.start <= previous.end:
            ctx.error_at(values.item_line("phases", index), MESSAGES["phase_order"].format(name=phase.name))


PHASE: Final = Record(
    {
        "name": Field(Text(), required=True, help="Name der Phase"),
        "start": Field(DateSpec(), required=True, help="Beginn"),
        "end": Field(DateSpec(), help="Ende (leer: offen)"),
    },
    build=lambda data: Phase(**data),
    checks=(_end_not_before_start(),),
)
FOUNDATION: Final = Record(
    {
        "state": Field(
            Choice(FOUNDATION_STATES, shown=labels.FOUNDATION_STATE), required=True, help="yes, partly oder no"
        ),
        "note": Field(Text(), help="Kurze Erläuterung"),
    },
    build=lambda data: Foundation(**data),
)
PROCESS: Final = Record(
    {
        "name": Field(Text(), required=True, help="Name des Prozesses"),
        "kind": Field(Text(), help="Art, z. B. Kreisentwicklungskonzept oder Zukunfts-Check Dorf"),
        "area": Field(Ref(Kind.AREA.value), help="Raum, den der Prozess umfasst"),
        "summary": Field(Text(), help="Worum es geht, in einem Satz"),
        "phases": Field(ListOf(PHASE), help="Phasen mit Beginn und Ende"),
        "management": Field(CONTACT, help="Prozessmanagement und Kontakt"),
        "support": Field(Text(), help="Externe Unterstützung"),
        "foundations": Field(
            Record({name: Field(FOUNDATION, help=labels.FOUNDATION[name]) for name in FOUNDATIONS}),
            help="Die sieben Grundlagen des Prozesses",
        ),
    },
    checks=(_phases_in_order,),
)


class VideoPath(Text):
    """A video file below content/, written from content/: a path, never an address or a way out.

    Whether the file (and its captions beside it) is there the loader checks (content/signlanguage.py).
    """

    description = "der Pfad einer MP4-Datei im Ordner content/"

    def convert(self, node: Node, ctx: Context, name: str) -> Any:
        value = super().convert(node, ctx, name)
        if not isinstance(value, str):
            return value
        normal = posixpath.normpath(value)
        if "\\" in value or "://" in value or value.startswith("/") or normal == ".." or normal.startswith("../"):
            return ctx.error(node, MESSAGES["sign_video_path"].format(name=name, value=value))
        if not normal.lower().endswith(".mp4"):
            return ctx.error(node, MESSAGES["sign_video_suffix"].format(name=name, value=value))
        return normal

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": VIDEO_PATH_PATTERN}


# No leading "/", no "..", no backslash, no scheme; ends in .mp4 (in any case).
VIDEO_PATH_PATTERN: Final = r"^(?!/)(?!.*\.\.)(?!.*://)[^\\]+\.[mM][pP]4$"

OPERATOR: Final = Record(
    {
        "name": Field(Text(), required=True, help="Name der Behörde"),
        "address": Field(Text(), required=True, help="Postanschrift"),
        "email": Field(Email(), required=True, help="E-Mail-Adresse"),
        "phone": Field(Text(), help="Telefonnummer"),
        "represented_by": Field(Text(), help="Vertreten durch"),
        "privacy_contact": Field(CONTACT, help="Datenschutzbeauftragte Stelle"),
        "accessibility_contact": Field(CONTACT, help="Kontakt für Rückmeldungen zur Barrierefreiheit"),
        "enforcement": Field(CONTACT_WITH_URL, help="Durchsetzungs- und Schlichtungsstelle"),
        "sign_language_video": Field(
            VideoPath(),
            help="Video in Deutscher Gebärdensprache (BITV 2.0 § 4) im Ordner content/, "
            "die Untertitel als .vtt mit demselben Namen daneben",
        ),
    },
)
