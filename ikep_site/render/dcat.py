"""The catalogue of the site's open data in DCAT-AP.de (Turtle), for GovData and other data portals.

One `dcat:Catalog` for the site, one `dcat:Dataset` with one `dcat:Distribution` per download that
the build actually made (the caller passes the published paths), so a harvester never follows a
link into nothing. Terms follow the DCAT-AP.de conventions (dcat-ap.de/def/…): licences from its
licence vocabulary, the covered territory as `dcatde:politicalGeocodingURI` from the areas' AGS,
`dcatde:contributorID` only when the site has one from GovData (there is no made-up default).
Every date is the build date, so two builds of the same content give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Final

from ..labels import EXPORT_LABELS
from ..model import Area, Contact, Operator, Process, Site
from .turtle import Subject, date_literal, document, iri, literal, mailto, name, subject

TURTLE: Final = "text/turtle"
CONTRIBUTORS: Final = "http://dcat-ap.de/def/contributors/"
GEOCODING: Final = "http://dcat-ap.de/def/politicalGeocoding/"
LANGUAGE_DE: Final = "http://publications.europa.eu/resource/authority/language/DEU"
# "Regierung und öffentlicher Sektor": what a municipality's development process is about.
THEME: Final = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
IANA: Final = "https://www.iana.org/assignments/media-types/"
FILE_TYPE: Final = "http://publications.europa.eu/resource/authority/file-type/"
LICENCES: Final = "http://dcat-ap.de/def/licenses/"

# An AGS by its length: the vocabulary of its key and the level it names (DCAT-AP.de conventions,
# "Verwaltungspolitischer Geobezug"): Land, Kreis, Gemeinde.
_AGS_LEVELS: Final = {
    2: ("stateKey", "state"),
    5: ("districtKey", "administrativeDistrict"),
    8: ("municipalityKey", "municipality"),
}
# What a download is, by its file ending: IANA media type and EU file type.
_FORMATS: Final = {
    ".json": ("application/json", "JSON"),
    ".csv": ("text/csv", "CSV"),
    ".geojson": ("application/geo+json", "GEOJSON"),
    ".ics": ("text/calendar", "ICS"),
    ".xml": ("application/atom+xml", "ATOM"),
}
# Licences of the dcat-ap.de vocabulary by how editors write them: the name with everything but
# letters and digits dropped, or the licence's address without scheme, "www." and "deed.de".
_LICENCE_NAMES: Final = {
    "ccby40": "cc-by/4.0",
    "ccbysa40": "cc-by-sa/4.0",
    "ccbynd40": "cc-by-nd/4.0",
    "cc0": "cc-zero",
    "cc010": "cc-zero",
    "cczero": "cc-zero",
    "dldeby20": "dl-by-de/2.0",
    "dldezero20": "dl-zero-de/2.0",
    "datenlizenzdeutschlandnamensnennungversion20": "dl-by-de/2.0",
    "datenlizenzdeutschlandnamensnennung20": "dl-by-de/2.0",
    "datenlizenzdeutschlandzeroversion20": "dl-zero-de/2.0",
    "datenlizenzdeutschlandzero20": "dl-zero-de/2.0",
}
_LICENCE_ADDRESSES: Final = {
    "creativecommons.org/licenses/by/4.0": "cc-by/4.0",
    "creativecommons.org/licenses/by-sa/4.0": "cc-by-sa/4.0",
    "creativecommons.org/licenses/by-nd/4.0": "cc-by-nd/4.0",
    "creativecommons.org/publicdomain/zero/1.0": "cc-zero",
    "govdata.de/dl-de/by-2-0": "dl-by-de/2.0",
    "govdata.de/dl-de/zero-2-0": "dl-zero-de/2.0",
}
# Licences that ask users to name the source: DCAT-AP.de says by whom (licenseAttributionByText).
_ATTRIBUTION: Final = frozenset({"cc-by/4.0", "cc-by-sa/4.0", "cc-by-nd/4.0", "dl-by-de/2.0"})


@dataclass(frozen=True)
class CatalogueInfo:
    """What mkdocs.yml and the plugin options say about the catalogue (besides the model)."""

    title: str  # site_name
    description: str  # site_description; may be empty
    licence: str  # data_licence, as the editor wrote it
    licence_url: str  # data_licence_url
    contributor_id: str | None = None  # GovData's `dcatde:contributorID`, the part after …/contributors/


@dataclass(frozen=True)
class CatalogueFile:
    """One file of the catalogue: where it is, what it is called and what it holds (German)."""

    uri: str  # path in the site, e.g. "daten/projekte.csv"
    slug: str  # the dataset's fragment in the catalogue
    title: str
    description: str
    areas: tuple[Area, ...]  # the territory it covers


def licence_uri(licence: str, licence_url: str) -> str:
    """The licence as a dcat-ap.de licence URI where it is one of them, else its own address.

    DCAT-AP.de requires a licence on every distribution; GovData reads its vocabulary. A licence
    outside it (or written so we cannot tell) keeps the address the editor gave for it.
    """
    by_name = _LICENCE_NAMES.get(re.sub(r"[^a-z0-9]", "", licence.lower()))
    address = re.sub(r"^https?://(www\.)?", "", licence_url.strip().lower())
    address = re.sub(r"/(deed\.[a-z-]+|legalcode(\.[a-z-]+)?)?/?$", "", address)
    known = by_name or _LICENCE_ADDRESSES.get(address)
    return LICENCES + known if known else licence_url


def political_geocoding(areas: Iterable[Area]) -> tuple[list[str], list[str]]:
    """The `dcatde:politicalGeocodingURI`s and `…LevelURI`s of the areas' AGS members, sorted.

    Only areas whose shapes are keyed by `AGS` say which official territory they are; a member of
    2, 5 or 8 digits is a Land, a Kreis or a Gemeinde. Anything else is left out rather than guessed.
    """
    uris: set[str] = set()
    levels: set[str] = set()
    for area in areas:
        if (area.key_property or "").strip().upper() != "AGS":
            continue
        for member in area.members:
            code = member.strip()
            known = _AGS_LEVELS.get(len(code)) if code.isascii() and code.isdigit() else None
            if known:
                uris.add(f"{GEOCODING}{known[0]}/{code}")
                levels.add(f"{GEOCODING}Level/{known[1]}")
    return sorted(uris), sorted(levels)


def catalogue_link_tag(href: str, title: str) -> str:
    """The `<link>` in the download page's `<head>` by which harvesters find the catalogue."""
    return (
        f'<link rel="alternate" type="{TURTLE}" title="{escape(title, quote=True)}" href="{escape(href, quote=True)}">'
    )


def catalogue_turtle(
    site: Site,
    info: CatalogueInfo,
    downloads: Iterable[CatalogueFile],
    *,
    site_url: str,
    catalogue_uri: str,
    landing_page: str,  # absolute address of the download page
    modified: date,
    contact: Contact | None,
) -> str:
    """The catalogue as Turtle. `site_url` ends in "/", `catalogue_uri` is the catalogue's path in
    the site, `landing_page` the download page's address, `modified` the build date."""
    base = site_url + catalogue_uri
    catalogue = iri(base + "#katalog")
    publisher = iri(base + "#herausgeber")
    contact_point = iri(base + "#kontakt") if contact and (contact.email or contact.url) else None
    day = date_literal(modified.isoformat())
    licence = iri(licence_uri(info.licence, info.licence_url))
    publisher_name = _publisher_name(site.operator, info)
    attribution = literal(publisher_name) if licence.strip("<>").removeprefix(LICENCES) in _ATTRIBUTION else None
    contributor = iri(CONTRIBUTORS + info.contributor_id) if info.contributor_id else None
    items = list(downloads)
    datasets: list[Subject] = []
    for item in items:
        dataset = iri(f"{base}#{item.slug}")
        distribution = iri(f"{base}#{item.slug}-datei")
        address = iri(site_url + item.uri)
        media_type, file_type = _format_of(item.uri)
        geocoding, levels = political_geocoding(item.areas)
        places = [iri(uri) for uri in geocoding]
        datasets.append(
            subject(
                dataset,
                [name("dcat:Dataset")],
                [
                    ("dct:title", literal(item.title)),
                    ("dct:description", literal(item.description)),
                    ("dct:publisher", publisher),
                    ("dcat:contactPoint", contact_point),
                    ("dct:language", iri(LANGUAGE_DE)),
                    ("dcat:theme", iri(THEME)),
                    ("dct:modified", day),
                    ("dcat:landingPage", iri(landing_page)),
                    ("dcatde:contributorID", contributor),
                    # DCAT-AP.de: the territory MUST be named as political geocoding and SHOULD be
                    # mirrored in dct:spatial for European portals.
                    ("dcatde:politicalGeocodingURI", places),
                    ("dcatde:politicalGeocodingLevelURI", [iri(uri) for uri in levels]),
                    ("dct:spatial", places),
                    ("dcat:distribution", distribution),
                ],
            )
        )
        datasets.append(
            subject(
                distribution,
                [name("dcat:Distribution")],
                [
                    ("dct:title", literal(item.uri.rsplit("/", 1)[-1])),
                    ("dcat:accessURL", address),
                    ("dcat:downloadURL", address),
                    ("dcat:mediaType", iri(IANA + media_type)),
                    ("dct:format", iri(FILE_TYPE + file_type)),
                    ("dct:license", licence),
                    ("dcatde:licenseAttributionByText", attribution),
                    ("dct:modified", day),
                ],
            )
        )
    head = subject(
        catalogue,
        [name("dcat:Catalog")],
        [
            ("dct:title", literal(info.title)),
            ("dct:description", literal(info.description or EXPORT_LABELS["dcat_catalogue_description"])),
            ("dct:publisher", publisher),
            ("foaf:homepage", iri(site_url)),
            ("dct:language", iri(LANGUAGE_DE)),
            ("dct:license", licence),
            ("dct:modified", day),
            ("dcat:dataset", [iri(f"{base}#{item.slug}") for item in items]),
        ],
    )
    agent = subject(
        publisher,
        [name("foaf:Agent"), name("foaf:Organization")],
        [("foaf:name", literal(publisher_name)), ("foaf:homepage", iri(site_url))],
    )
    subjects = [head, agent]
    if contact_point is not None and contact is not None:
        subjects.append(
            subject(
                contact_point,
                [name("vcard:Organization")],
                [
                    ("vcard:fn", literal(contact.name or publisher_name)),
                    ("vcard:hasEmail", mailto(contact.email) if contact.email else None),
                    ("vcard:hasURL", iri(contact.url) if contact.url and _is_web(contact.url) else None),
                ],
            )
        )
    return document([*subjects, *datasets])


def site_downloads(
    site: Site,
    published: Mapping[str, object],
    data_files: Iterable[tuple[str, str]],
    calendars: Iterable[tuple[str, Process | None]],
    feed_uri: str,
    name_of: str,
) -> list[CatalogueFile]:
    """The catalogue's downloads, in the order of the download page, each only where it was made.

    `data_files` are (key, path) of the files under daten/ (key as in `EXPORT_LABELS["dcat_<key>"]`),
    `calendars` (path, process) of the calendar of all calls and, in a portal, of each process's
    (process None: the site's). The site-wide files cover every process's territory.
    """
    everywhere = _site_areas(site)
    found: list[CatalogueFile] = []
    for key, uri in data_files:
        if uri in published:
            found.append(_download(uri, key, name_of, everywhere))
    for uri, process in calendars:
        if uri in published:
            if process is None:
                found.append(_download(uri, "calendar", name_of, everywhere))
            else:
                title = process.profile.name if process.profile else process.id
                areas = _areas_of(site, [process])
                found.append(_download(uri, "calendar", title, areas, slug=f"kalender-{process.id}"))
    if feed_uri in published:
        found.append(_download(feed_uri, "feed", name_of, everywhere))
    return found


def _download(uri: str, key: str, title: str, areas: tuple[Area, ...], *, slug: str | None = None) -> CatalogueFile:
    return CatalogueFile(
        uri=uri,
        slug=slug or re.sub(r"[^a-z0-9]+", "-", uri.rsplit("/", 1)[-1].lower()).strip("-"),
        title=EXPORT_LABELS[f"dcat_{key}"].format(name=title),
        description=EXPORT_LABELS[f"dcat_{key}_about"].format(name=title),
        areas=areas,
    )


def _site_areas(site: Site) -> tuple[Area, ...]:
    """The territory of the site: its process's area; in a portal every process's."""
    return _areas_of(site, [site.processes[key] for key in sorted(site.processes)])


def _areas_of(site: Site, processes: Iterable[Process]) -> tuple[Area, ...]:
    areas = site.main.areas
    keys = {process.profile.area for process in processes if process.profile and process.profile.area}
    return tuple(areas[key] for key in sorted(keys) if key in areas)


def _publisher_name(operator: Operator | None, info: CatalogueInfo) -> str:
    return operator.name if operator else info.title


def _format_of(uri: str) -> tuple[str, str]:
    for ending, known in _FORMATS.items():
        if uri.endswith(ending):
            return known
    raise ValueError(f"no format known for {uri!r}")


def _is_web(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))
