"""The DCAT-AP.de catalogue of the open data (katalog.ttl), read back as harvesters read it: with rdflib.

Sites are built with the real `mkdocs build`; the catalogue is parsed as Turtle and checked triple by
triple: the catalogue, one dataset with a distribution per download that exists in the built site,
German titles, licence, publisher, the build date, the territory from the areas' AGS, GovData's
contributor ID only when configured, escaping of hostile names, portals, and byte-identical rebuilds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import GEMEINDE_AREA, GEOAREAS, GOAL, OPERATOR, PROCESS, ROOT, Build, project, run_build, write_site
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from ikep_site.render.dcat import licence_uri, political_geocoding
from ikep_site.render.turtle import iri, literal, mailto

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SITE = "https://example.org/test/"
CATALOGUE = "katalog.ttl"
KREIS_AREA = """---
title: Landkreis Kaiserslautern
kind: landkreis
geometry: geodaten/kl-landkreis.geojson
key: AGS
members: ["07335"]
---
"""
# Every download of a simple site with a site_url, by path: (IANA media type, EU file type).
DOWNLOADS = {
    "daten/prozess.json": ("application/json", "JSON"),
    "daten/projekte.csv": ("text/csv", "CSV"),
    "daten/ziele.csv": ("text/csv", "CSV"),
    "daten/indikatorwerte.csv": ("text/csv", "CSV"),
    "daten/beteiligung.csv": ("text/csv", "CSV"),
    "daten/raeume.geojson": ("application/geo+json", "GEOJSON"),
    "beteiligung/kalender.ics": ("text/calendar", "ICS"),
    "feed.xml": ("application/atom+xml", "ATOM"),
}


def _files() -> dict[str, str | bytes]:
    return {
        "ziele/ortskerne-beleben.md": GOAL,
        "projekte/dorfladen.md": project("Dorfladen"),
        "raeume/landkreis.md": KREIS_AREA,
        "geodaten/kl-landkreis.geojson": (ROOT / "content/geodaten/kl-landkreis.geojson").read_bytes(),
    }


def _plugin(**extra: object) -> dict[str, object]:
    return {"process": {**PROCESS, "area": "landkreis"}, **extra}


def _graph(build: Build) -> Graph:
    graph = Graph()
    graph.parse(data=(build.site / CATALOGUE).read_text(encoding="utf-8"), format="turtle")
    return graph


def _one(graph: Graph, subject: object, predicate: URIRef) -> object:
    values = list(graph.objects(subject, predicate))  # type: ignore[arg-type]
    assert len(values) == 1, (subject, predicate, values)
    return values[0]


def _dataset_of(graph: Graph, path: str) -> URIRef:
    (distribution,) = graph.subjects(DCAT.downloadURL, URIRef(SITE + path))
    (dataset,) = graph.subjects(DCAT.distribution, distribution)
    assert isinstance(dataset, URIRef)
    return dataset


@pytest.fixture(scope="module")
def simple(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_site(tmp_path_factory.mktemp("dcat"), _files(), plugin=_plugin())
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build


def test_the_catalogue_describes_the_site(simple: Build) -> None:
    graph = _graph(simple)
    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)
    assert _one(graph, catalogue, DCTERMS.title) == Literal("Testsite", lang="de")
    assert _one(graph, catalogue, DCTERMS.description) == Literal(
        "Die offenen Daten dieser Website zum Herunterladen.", lang="de"
    )
    assert _one(graph, catalogue, FOAF.homepage) == URIRef(SITE)
    assert _one(graph, catalogue, DCTERMS.language) == URIRef(
        "http://publications.europa.eu/resource/authority/language/DEU"
    )
    assert _one(graph, catalogue, DCTERMS.modified) == Literal("2026-11-24", datatype=XSD.date)
    publisher = _one(graph, catalogue, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Organization) in graph and (publisher, RDF.type, FOAF.Agent) in graph
    assert _one(graph, publisher, FOAF.name) == Literal(OPERATOR["name"], lang="de")
    assert len(list(graph.objects(catalogue, DCAT.dataset))) == len(DOWNLOADS)


def test_every_download_has_a_dataset_whose_file_exists(simple: Build) -> None:
    graph = _graph(simple)
    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)
    listed = set(graph.objects(catalogue, DCAT.dataset))
    licence = URIRef("http://dcat-ap.de/def/licenses/cc-by/4.0")
    for path, (media_type, file_type) in DOWNLOADS.items():
        assert (simple.site / path).is_file(), path
        dataset = _dataset_of(graph, path)
        assert dataset in listed and (dataset, RDF.type, DCAT.Dataset) in graph
        title = _one(graph, dataset, DCTERMS.title)
        description = _one(graph, dataset, DCTERMS.description)
        assert isinstance(title, Literal) and title.language == "de" and "Kreisentwicklung Musterkreis" in title
        assert isinstance(description, Literal) and description.language == "de" and len(description) > 40
        assert _one(graph, dataset, DCTERMS.publisher) == _one(graph, catalogue, DCTERMS.publisher)
        assert _one(graph, dataset, DCTERMS.modified) == Literal("2026-11-24", datatype=XSD.date)
        assert _one(graph, dataset, DCAT.landingPage) == URIRef(SITE + "daten/")
        distribution = _one(graph, dataset, DCAT.distribution)
        assert (distribution, RDF.type, DCAT.Distribution) in graph
        assert _one(graph, distribution, DCAT.accessURL) == URIRef(SITE + path)
        assert _one(graph, distribution, DCAT.mediaType) == URIRef(
            f"https://www.iana.org/assignments/media-types/{media_type}"
        )
        assert _one(graph, distribution, DCTERMS.format) == URIRef(
            f"http://publications.europa.eu/resource/authority/file-type/{file_type}"
        )
        assert _one(graph, distribution, DCTERMS.license) == licence
        assert _one(graph, distribution, DCATDE.licenseAttributionByText) == Literal(OPERATOR["name"], lang="de")
        assert _one(graph, distribution, DCTERMS.modified) == Literal("2026-11-24", datatype=XSD.date)
    # Nothing else: every distribution is one of the downloads.
    addresses = {str(url) for url in graph.objects(None, DCAT.downloadURL)}
    assert addresses == {SITE + path for path in DOWNLOADS}


def test_the_territory_comes_from_the_process_area_ags(simple: Build) -> None:
    graph = _graph(simple)
    kreis = URIRef("http://dcat-ap.de/def/politicalGeocoding/districtKey/07335")
    level = URIRef("http://dcat-ap.de/def/politicalGeocoding/Level/administrativeDistrict")
    for path in DOWNLOADS:
        dataset = _dataset_of(graph, path)
        assert _one(graph, dataset, DCATDE.politicalGeocodingURI) == kreis
        assert _one(graph, dataset, DCATDE.politicalGeocodingLevelURI) == level
        assert _one(graph, dataset, DCTERMS.spatial) == kreis
        # No contributor ID was configured, and none is made up.
        assert list(graph.objects(dataset, DCATDE.contributorID)) == []


def test_the_contact_point_is_the_operator_with_a_mail_address(simple: Build) -> None:
    graph = _graph(simple)
    dataset = _dataset_of(graph, "daten/prozess.json")
    contact = _one(graph, dataset, DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Organization) in graph
    assert _one(graph, contact, VCARD.hasEmail) == URIRef("mailto:" + OPERATOR["email"])


def test_the_download_page_links_and_announces_the_catalogue(simple: Build) -> None:
    page = simple.page("daten/")
    head = page.split("</head>", 1)[0]
    assert (
        '<link rel="alternate" type="text/turtle" title="Katalog der offenen Daten (DCAT-AP.de)" href="../katalog.ttl">'
        in head
    )
    assert re.search(r'<a href="../katalog.ttl">katalog.ttl</a> – Katalog dieser Dateien nach DCAT-AP.de', page)
    # Other pages do not announce it: it is the download page's alternate.
    assert "text/turtle" not in simple.page("")


def test_the_download_page_loads_nothing_that_is_missing(simple: Build) -> None:
    """Material fetches "sitemap.xml" beside every rel=alternate link: beside the catalogue it exists."""
    import asyncio

    from browser_support import audit_pages, serve

    with serve(simple.site, "/test/") as base_url:
        (report,) = asyncio.run(audit_pages([base_url + "daten/"]))
    assert report.problems() == [], report.problems()


def test_the_built_site_still_verifies(simple: Build) -> None:
    from click.testing import CliRunner

    from ikep_site.cli import main

    result = CliRunner().invoke(main, ["verify", str(simple.site)])
    assert result.exit_code == 0, result.output


def test_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    made = []
    for name in ("first", "second"):
        build = run_build(write_site(tmp_path / name, _files(), plugin=_plugin()), strict=True)
        assert build.returncode == 0, build.output
        made.append((build.site / CATALOGUE).read_bytes())
    assert made[0] == made[1]


def test_without_site_url_there_is_no_catalogue(tmp_path: Path) -> None:
    root = write_site(tmp_path, _files(), plugin=_plugin(), extra_config={"site_url": None})
    build = run_build(root)
    assert build.returncode == 0, build.output
    assert not (build.site / CATALOGUE).exists()
    page = build.page("daten/")
    assert "katalog.ttl" not in page and "text/turtle" not in page


def test_a_configured_contributor_id_is_given_on_every_dataset(tmp_path: Path) -> None:
    root = write_site(tmp_path, _files(), plugin=_plugin(dcat_contributor="musterkreis"))
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    graph = _graph(build)
    for path in DOWNLOADS:
        assert _one(graph, _dataset_of(graph, path), DCATDE.contributorID) == URIRef(
            "http://dcat-ap.de/def/contributors/musterkreis"
        )


def test_a_wrong_contributor_id_is_reported_at_its_line(tmp_path: Path) -> None:
    root = write_site(tmp_path, _files(), plugin=_plugin(dcat_contributor="Muster Kreis>"))
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), 1) if "dcat_contributor" in row)
    build = run_build(root, strict=True)
    assert build.returncode != 0 and "Traceback" not in build.output
    assert f"mkdocs.yml:{line}: plugins → ikep → dcat_contributor: 'Muster Kreis>' ist keine Kennung" in build.output


def test_hostile_names_are_escaped_and_read_back(tmp_path: Path) -> None:
    hostile = 'Kreis "Nord" \\ Süd\nzweite Zeile > <http://evil.example/> . @prefix x: <y> .'
    operator = {**OPERATOR, "name": hostile + " (Betreiber)"}
    root = write_site(
        tmp_path,
        _files(),
        plugin=_plugin(operator=operator, process={**PROCESS, "name": hostile, "area": "landkreis"}),
        extra_config={"site_name": hostile, "site_description": hostile},
    )
    build = run_build(root)
    assert build.returncode == 0, build.output
    graph = _graph(build)
    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)
    assert _one(graph, catalogue, DCTERMS.title) == Literal(hostile, lang="de")
    assert _one(graph, catalogue, DCTERMS.description) == Literal(hostile, lang="de")
    publisher = _one(graph, catalogue, DCTERMS.publisher)
    assert _one(graph, publisher, FOAF.name) == Literal(hostile + " (Betreiber)", lang="de")
    dataset = _dataset_of(graph, "daten/projekte.csv")
    assert hostile in str(_one(graph, dataset, DCTERMS.title))
    # Nothing but our own subjects: the text did not open a statement of its own.
    assert not any("evil" in str(term) for triple in graph for term in triple if isinstance(term, URIRef))


def test_a_hostile_site_url_stays_one_iri(tmp_path: Path) -> None:
    root = write_site(tmp_path, _files(), plugin=_plugin(), extra_config={"site_url": 'https://example.org/a>b"c/'})
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    graph = _graph(build)
    addresses = {str(url) for url in graph.objects(None, DCAT.downloadURL)}
    assert addresses == {"https://example.org/a%3Eb%22c/" + path for path in DOWNLOADS}


def test_a_portal_has_one_catalogue_with_each_process_calendar(tmp_path: Path) -> None:
    profile = "name: {name}\narea: gemeinde\n"
    call = "---\ntitle: Werkstatt\nformat: workshop\nstart: 2026-12-03T18:00\nplace: {name: Bürgerhaus}\n---\n"
    files: dict[str, str | bytes] = {
        "index.md": "# Dörfer\n\n<!-- ikep:processes -->\n",
        **GEOAREAS,
    }
    for folder, name, ags in (("mehlbach", "Mehlbach", "07335025"), ("katzweiler", "Katzweiler", "07335017")):
        files[f"{folder}/prozess.yml"] = profile.format(name=f"Zukunfts-Check {name}")
        files[f"{folder}/raeume/gemeinde.md"] = GEMEINDE_AREA.format(name=name, ags=ags)
        files[f"{folder}/beteiligung/werkstatt.md"] = call
        files[f"{folder}/ziele/ortskerne-beleben.md"] = GOAL
    build = run_build(write_site(tmp_path, files, plugin={"process": None}), strict=True)
    assert build.returncode == 0, build.output
    assert not list(build.site.glob("*/katalog.ttl"))  # one catalogue, for the site
    graph = _graph(build)
    assert len(list(graph.subjects(RDF.type, DCAT.Catalog))) == 1
    municipality = "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/"
    for folder, name, ags in (("mehlbach", "Mehlbach", "07335025"), ("katzweiler", "Katzweiler", "07335017")):
        path = f"{folder}/beteiligung/kalender.ics"
        assert (build.site / path).is_file()
        dataset = _dataset_of(graph, path)
        assert _one(graph, dataset, DCTERMS.title) == Literal(
            f"Kalender der Beteiligung: Zukunfts-Check {name}", lang="de"
        )
        assert _one(graph, dataset, DCATDE.politicalGeocodingURI) == URIRef(municipality + ags)
    # The site-wide files cover both villages.
    geocoding = set(graph.objects(_dataset_of(graph, "daten/prozess.json"), DCATDE.politicalGeocodingURI))
    assert geocoding == {URIRef(municipality + "07335025"), URIRef(municipality + "07335017")}
    for path in ("daten/prozess.json", "beteiligung/kalender.ics", "feed.xml"):
        assert (build.site / path).is_file() and _dataset_of(graph, path)


# --- the pieces, without a build ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("licence", "url", "expected"),
    [
        ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.de", "cc-by/4.0"),
        ("Creative Commons", "https://creativecommons.org/licenses/by-sa/4.0/", "cc-by-sa/4.0"),
        ("CC0", "https://creativecommons.org/publicdomain/zero/1.0/deed.de", "cc-zero"),
        ("dl-de/by-2-0", "https://www.govdata.de/dl-de/by-2-0", "dl-by-de/2.0"),
        ("Datenlizenz Deutschland – Zero – Version 2.0", "https://www.govdata.de/dl-de/zero-2-0", "dl-zero-de/2.0"),
    ],
)
def test_licences_map_to_the_dcat_ap_de_vocabulary(licence: str, url: str, expected: str) -> None:
    assert licence_uri(licence, url) == "http://dcat-ap.de/def/licenses/" + expected


def test_an_unknown_licence_keeps_its_own_address() -> None:
    assert licence_uri("Eigene Lizenz", "https://example.org/lizenz") == "https://example.org/lizenz"


def test_ags_lengths_give_land_kreis_and_gemeinde() -> None:
    from ikep_site.model import Area

    def area(key: str, *members: str) -> Area:
        return Area(
            id=key, process="", title=key, src_uri=f"raeume/{key}.md", kind="other", key_property="AGS", members=members
        )

    uris, levels = political_geocoding([area("a", "07", "07335", "07335025", "0733", "abcde")])
    base = "http://dcat-ap.de/def/politicalGeocoding/"
    assert uris == [base + "districtKey/07335", base + "municipalityKey/07335025", base + "stateKey/07"]
    assert levels == [base + "Level/administrativeDistrict", base + "Level/municipality", base + "Level/state"]
    other = Area(
        id="b", process="", title="b", src_uri="raeume/b.md", kind="other", key_property="GEN", members=("07335",)
    )
    assert political_geocoding([other]) == ([], [])


@pytest.mark.parametrize(
    "text", ['"', "\\", "\n", "\r\n", "\t", '\\"', "\x00\x07\x1f\x7f", "ä € 😀", '"""', "'''", "\\u0022", "a\ud800b"]
)
def test_literals_read_back_as_written(text: str) -> None:
    graph = Graph()
    graph.parse(data=f"<http://e.org/s> <http://e.org/p> {literal(text)} .", format="turtle")
    (value,) = graph.objects()
    assert str(value) == text.replace("\ud800", "")


@pytest.mark.parametrize(
    "address",
    [
        "https://example.org/a>b/",
        'https://example.org/a"b',
        "https://example.org/a b/ä",
        "https://example.org/{x}|^`\\",
    ],
)
def test_iris_are_percent_encoded_and_parse(address: str) -> None:
    term = iri(address)
    graph = Graph()
    graph.parse(data=f"{term} <http://e.org/p> <http://e.org/o> .", format="turtle")
    (subject,) = graph.subjects()
    assert str(subject).startswith("https://example.org/") and not re.search(r'[<>"{}|^`\\ ]', str(subject))


def test_only_web_and_mail_addresses_become_iris() -> None:
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x"):
        with pytest.raises(ValueError):
            iri(bad)
    assert mailto("a?b>@example.org") == "<mailto:a%3Fb%3E@example.org>"
