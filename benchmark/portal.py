"""Synthetic content for the scale benchmark.

`write_portal` writes a state-wide portal of many processes in the multi-process layout of the
content model (`content/<process-id>/prozess.yml`, `content/<process-id>/ziele/…`); the baselines
get the same number of ordinary Markdown pages of similar length from `write_plain_site` (MkDocs
with Material) and `write_hugo_site` (Hugo). Everything is deterministic for a given seed.
"""

from __future__ import annotations

import functools
import json
import random
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Final

import yaml

HERE: Final = Path(__file__).resolve().parent
KREISE_FILE: Final = HERE / "data" / "rlp-kreise.geojson"
HUGO_LAYOUTS: Final = HERE / "hugo" / "layouts"
GEOMETRY_URI: Final = "geodaten/rlp-kreise.geojson"
ATTRIBUTION: Final = "© GeoBasis-DE / BKG 2016 (Daten verändert)"
ATTRIBUTION_URL: Final = "https://www.bkg.bund.de"
BUILD_DATE: Final = date(2026, 11, 24)
SITE_URL: Final = "https://example.org/prozesse/"
FOLDERS: Final = {
    "goals": "ziele",
    "projects": "projekte",
    "calls": "beteiligung",
    "areas": "raeume",
    "networks": "netzwerke",
    "updates": "aktuelles",
}
PLAIN_PAGES_PER_FOLDER: Final = 10

OPERATOR: Final[dict[str, Any]] = {
    "name": "Geschäftsstelle Entwicklungsprozesse Rheinland-Pfalz (fiktiv)",
    "address": "Musterstraße 1, 55116 Mainz",
    "email": "poststelle@example.org",
    "phone": "030 23125 000",
    "represented_by": "Leitung der Geschäftsstelle (fiktiv)",
    "privacy_contact": {"name": "Behördliche Datenschutzbeauftragte (fiktiv)", "email": "datenschutz@example.org"},
    "accessibility_contact": {"email": "barrierefreiheit@example.org", "phone": "030 23125 120"},
    "enforcement": {
        "name": "Landesbeauftragte für die Belange von Menschen mit Behinderungen Rheinland-Pfalz",
        "url": "https://www.inklusion.rlp.de",
    },
}

# Text ---------------------------------------------------------------------------------------------

DETERMINERS: Final = ("Die", "Der", "Das", "Unsere", "Jede", "Eine", "Viele", "Alle", "Einige", "Diese")
ADJECTIVES: Final = (
    "neue", "kleine", "lebendige", "gemeinsame", "regionale", "digitale", "ehrenamtliche", "junge",
    "ältere", "öffentliche", "barrierefreie", "nachhaltige", "örtliche", "kommunale", "bezahlbare",
    "wohnortnahe", "verlässliche", "offene", "engagierte", "zukunftsfähige",
)  # fmt: skip
NOUNS: Final = (
    "Ortsgemeinde", "Verbandsgemeinde", "Dorfmitte", "Bürgerschaft", "Vereine", "Jugendlichen", "Familien",
    "Nahversorgung", "Mitfahrbank", "Glasfaser", "Dorfladen", "Gemeinderat", "Arbeitsgruppe", "Werkstatt",
    "Landwirtschaft", "Nachbarschaftshilfe", "Leerstand", "Dorfgemeinschaftshaus", "Kita", "Grundschule",
    "Hausarztpraxis", "Buslinie", "Radweg", "Wärmeversorgung", "Photovoltaik", "Streuobstwiese", "Feuerwehr",
    "Seniorinnen", "Senioren", "Handwerksbetriebe", "Ortsbürgermeisterin", "Ortsbürgermeister", "Kirchengemeinde",
    "Kreisverwaltung", "Förderung", "Planung", "Bestandsaufnahme", "Umfrage", "Zukunftswerkstatt", "Dorfmoderation",
    "Treffpunkte", "Wohnangebote", "Baulücken", "Spielplatz", "Ehrenamtlichen", "Entwicklungskorridor", "Ziele",
)  # fmt: skip
VERBS: Final = (
    "plant", "stärkt", "unterstützt", "gestaltet", "verbessert", "begleitet", "prüft", "sichert", "fördert",
    "entwickelt", "verbindet", "erneuert", "belebt", "organisiert", "bespricht", "erweitert", "öffnet",
    "beschließt", "sammelt", "braucht",
)  # fmt: skip
ADVERBS: Final = (
    "gemeinsam", "schrittweise", "bis 2030", "im nächsten Jahr", "seit dem Frühjahr", "jetzt", "weiterhin",
    "vor Ort", "mit Nachdruck", "dauerhaft", "zügig", "besonders",
)  # fmt: skip
PREPOSITIONS: Final = ("für", "mit", "in", "an", "auf", "über", "zwischen", "neben", "nach", "durch")
CONJUNCTIONS: Final = ("damit", "weil", "sodass", "während", "nachdem", "obwohl")
HEADINGS: Final = ("Stand der Dinge", "Wie es weitergeht", "Hintergrund", "Was bisher geschah", "Mitmachen")

PLACE_PREFIXES: Final = ("", "", "", "Ober", "Nieder", "Klein", "Groß", "Alt", "Neu", "Hinter")
PLACE_STEMS: Final = (
    "mehl", "weiler", "katz", "otter", "hoch", "schnecken", "kott", "linden", "erlen", "buchen", "eichen",
    "birken", "stein", "wald", "mühl", "rod", "hohen", "sulz", "rams", "frank", "wolf", "hasel", "kirch",
    "rosen", "bären", "fuchs", "reichen", "eller", "moos", "hütten",
)  # fmt: skip
PLACE_SUFFIXES: Final = ("bach", "berg", "feld", "hausen", "heim", "dorf", "weiler", "born", "au", "rode", "hof")

PROCESS_KINDS: Final = (
    # (id part, kind, weight)
    ("zukunfts-check", "Zukunfts-Check Dorf", 7),
    ("kreisentwicklung", "Kreisentwicklungskonzept", 1),
    ("kooperation", "Interkommunale Kooperation", 1),
    ("standortentwicklung", "Standortentwicklung", 1),
)

# Goal themes: id, title, field, two indicators (id, name, unit, better, start value, target value).
GOAL_THEMES: Final[tuple[tuple[str, str, str, tuple[tuple[str, str, str, str, float, float], ...]], ...]] = (
    ("ortskerne-beleben", "Ortskerne beleben", "Dorfentwicklung", (
        ("leerstand", "Leerstandsquote im Ortskern", "%", "lower", 9.0, 4.0),
        ("treffpunkte", "Offene Treffpunkte im Ort", "Anzahl", "higher", 2, 6),
    )),
    ("mobil-ohne-auto", "Mobil ohne eigenes Auto", "Mobilität", (
        ("mitfahrbaenke", "Mitfahrbänke", "Anzahl", "higher", 1, 8),
        ("busfahrten", "Busfahrten an Werktagen", "Fahrten je Tag", "higher", 12, 24),
    )),
    ("schnelles-internet", "Schnelles Internet für alle", "Digitalisierung", (
        ("glasfaser", "Haushalte mit Glasfaseranschluss", "%", "higher", 20, 90),
        ("funkloecher", "Gemeldete Funklöcher", "Anzahl", "lower", 14, 3),
    )),
    ("energie-aus-der-region", "Energie aus der Region", "Klima und Energie", (
        ("photovoltaik", "Installierte Photovoltaikleistung", "kWp", "higher", 800, 2600),
        ("waermebedarf", "Wärmebedarf der Gemeindegebäude", "MWh", "lower", 420, 260),
    )),
    ("junge-menschen-halten", "Junge Menschen halten", "Demografie", (
        ("wanderung", "Wanderungssaldo der 18- bis 29-Jährigen je 1.000", "je 1.000", "higher", -14, 0),
        ("kinder", "Kinder unter sechs Jahren", "Personen", "higher", 60, 75),
    )),
    ("nahversorgung-sichern", "Nahversorgung sichern", "Versorgung", (
        ("laden-erreichbar", "Haushalte mit Lebensmittelladen in 1 km", "%", "higher", 35, 70),
        ("wege-hausarzt", "Fahrzeit zur nächsten Hausarztpraxis", "Minuten", "lower", 22, 12),
    )),
    ("ehrenamt-staerken", "Ehrenamt stärken", "Zusammenleben", (
        ("engagierte", "Ehrenamtlich Engagierte", "%", "higher", 28, 40),
        ("vereine", "Aktive Vereine", "Anzahl", "higher", 9, 12),
    )),
    ("arbeit-vor-ort", "Arbeit vor Ort", "Wirtschaft und Arbeit", (
        ("beschaeftigte", "Beschäftigte am Arbeitsort", "Personen", "higher", 410, 520),
        ("brachflaechen", "Wieder genutzte Brachflächen", "ha", "higher", 0, 6),
    )),
)  # fmt: skip

# Project kinds: id prefix, title pattern, goal themes it serves.
PROJECT_KINDS: Final = (
    ("dorfladen", "Dorfladen {place}", ("nahversorgung-sichern", "ortskerne-beleben")),
    ("mitfahrbaenke", "Mitfahrbänke in {place}", ("mobil-ohne-auto",)),
    ("dorfgemeinschaftshaus", "Dorfgemeinschaftshaus {place}", ("ehrenamt-staerken", "ortskerne-beleben")),
    ("glasfaser", "Glasfaser für {place}", ("schnelles-internet",)),
    ("nahwaerme", "Nahwärmenetz {place}", ("energie-aus-der-region",)),
    ("jugendraum", "Jugendraum {place}", ("junge-menschen-halten",)),
    ("coworking", "Coworking im Ortskern {place}", ("arbeit-vor-ort", "ortskerne-beleben")),
    ("buergerbus", "Bürgerbus {place}", ("mobil-ohne-auto",)),
    ("leerstandsboerse", "Leerstandsbörse {place}", ("ortskerne-beleben",)),
    ("generationenspielplatz", "Generationenspielplatz {place}", ("junge-menschen-halten",)),
    ("solardaecher", "Solardächer auf Gemeindegebäuden in {place}", ("energie-aus-der-region",)),
    ("dorfplatz", "Neugestaltung des Dorfplatzes {place}", ("ortskerne-beleben",)),
    ("gewerbehof", "Handwerkerhof {place}", ("arbeit-vor-ort",)),
    ("gemeindeschwester", "Gemeindeschwester plus in {place}", ("nahversorgung-sichern", "junge-menschen-halten")),
)
STATUSES: Final = ("idea", "planned", "in_progress", "in_progress", "done", "paused", "dropped")
CALL_FORMATS: Final = (
    ("workshop", "Zukunftswerkstatt"),
    ("meeting", "Bürgerversammlung"),
    ("walk", "Dorfspaziergang"),
    ("survey", "Umfrage"),
    ("online", "Online-Dialog"),
)
NETWORK_THEMES: Final = ("Ehrenamt", "Dorfläden", "Mobilität", "Energie", "Jugend", "Nachbarschaftshilfe")
MEMBER_KINDS: Final = ("municipality", "administration", "politics", "association", "business", "citizens")
FOUNDATION_NAMES: Final = (
    "management", "chefsache", "administration", "councils", "actors", "opinion_leaders", "dialogue",
)  # fmt: skip
FUNDING: Final = (
    "Dorferneuerung Rheinland-Pfalz",
    "LEADER-Förderung",
    "Investitionsstock des Landes",
    "Eigenmittel der Ortsgemeinde",
    "Bundesprogramm Ländliche Entwicklung",
)


@dataclass
class PortalStats:
    """What `write_portal` wrote."""

    processes: int
    entities: dict[str, int] = field(default_factory=dict)  # per folder (ziele, projekte, …)
    cross_references: int = 0  # references written `<process-id>/<id>`
    markdown_pages: int = 0  # .md files: the home page and every entity
    words: int = 0  # words in the Markdown bodies
    bytes: int = 0  # bytes written below content/

    @property
    def entity_total(self) -> int:
        return sum(self.entities.values())


# Writers ------------------------------------------------------------------------------------------


def write_portal(root: Path, processes: int, *, seed: int = 1) -> PortalStats:
    """A state-wide portal of `processes` processes in `root` (mkdocs.yml and content/)."""
    if processes < 1:
        raise ValueError("processes must be at least 1")
    rng = random.Random(seed)
    kreise = _kreise()
    content = root / "content"
    stats = PortalStats(processes=processes, entities={folder: 0 for folder in FOLDERS.values()})
    writer = _Writer(content, stats)
    config: dict[str, Any] = {
        "site_name": "Entwicklungsprozesse in Rheinland-Pfalz (synthetisches Beispiel)",
        "site_url": SITE_URL,
        "docs_dir": "content",
        "copyright": f"Synthetische Inhalte für einen Lasttest. Gebietsgrenzen {ATTRIBUTION}.",
        "theme": {"name": "material", "language": "de", "font": False},
        "plugins": [
            {"search": {"lang": "de"}},
            {"ikep": {"operator": OPERATOR, "build_date": BUILD_DATE.isoformat()}},
        ],
    }
    root.mkdir(parents=True, exist_ok=True)
    _dump_yaml(root / "mkdocs.yml", config)
    (content / "geodaten").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(KREISE_FILE, content / GEOMETRY_URI)
    writer.page(
        "index.md",
        {"title": "Entwicklungsprozesse in Rheinland-Pfalz"},
        "Auf dieser Seite finden Sie alle integrierten Entwicklungsprozesse der Gemeinden, Verbandsgemeinden "
        "und Landkreise: ihre Ziele, Schlüsselprojekte und die nächsten Gelegenheiten, mitzureden.\n\n"
        "<!-- ikep:processes -->\n",
        count=False,
    )
    first: _ProcessIds | None = None
    previous: _ProcessIds | None = None
    for index in range(processes):
        ids = _write_process(writer, rng, index, kreise[index % len(kreise)], first, previous)
        first = first or ids
        previous = ids
    return stats


def write_plain_site(root: Path, pages: int, *, seed: int = 1) -> int:
    """A plain Material site with `pages` Markdown pages, none of them listed in the navigation."""
    config: dict[str, Any] = {
        "site_name": "Vergleichsseite (synthetisch)",
        "site_url": SITE_URL,
        "docs_dir": "content",
        "theme": {"name": "material", "language": "de", "font": False},
        "plugins": [{"search": {"lang": "de"}}],
        # The same navigation discipline as ikep: the home page only, every other page reached by links.
        "nav": ["index.md"],
        "not_in_nav": "/**",
    }
    root.mkdir(parents=True, exist_ok=True)
    _dump_yaml(root / "mkdocs.yml", config)
    return _write_plain_pages(root / "content", pages, seed=seed, home="index.md")


def write_hugo_site(root: Path, pages: int, *, seed: int = 1) -> int:
    """The same plain pages as a Hugo site, with the minimal templates in benchmark/hugo/layouts."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text(
        f'baseURL = "{SITE_URL}"\n'
        'title = "Vergleichsseite (synthetisch)"\n'
        # One HTML file per page, as MkDocs writes: no section lists, taxonomies or RSS.
        'disableKinds = ["section", "taxonomy", "term", "rss"]\n',
        encoding="utf-8",
    )
    if (root / "layouts").exists():
        shutil.rmtree(root / "layouts")
    shutil.copytree(HUGO_LAYOUTS, root / "layouts")
    return _write_plain_pages(root / "content", pages, seed=seed, home="_index.md")


def _write_plain_pages(content: Path, pages: int, *, seed: int, home: str) -> int:
    """The home page and `pages - 1` pages in folders of ten; returns the words written."""
    rng = random.Random(seed)
    content.mkdir(parents=True, exist_ok=True)
    words = 0
    intro = "Eine Vergleichsseite mit gewöhnlichen Markdown-Seiten, gleich viele wie im Portal.\n"
    _write_markdown(content / home, {"title": "Vergleichsseite"}, intro)
    for number in range(1, pages):
        folder = f"bereich-{(number - 1) // PLAIN_PAGES_PER_FOLDER + 1:04d}"
        place = _place_name(rng)
        title = f"{rng.choice(PROJECT_KINDS)[1].format(place=place)} ({number})"
        body, count = _body(rng)
        words += count
        _write_markdown(content / folder / f"seite-{number:05d}.md", {"title": title}, body)
    return words


# One process ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ProcessIds:
    process: str
    goals: tuple[str, ...]
    projects: tuple[str, ...]


class _Writer:
    def __init__(self, content: Path, stats: PortalStats) -> None:
        self.content = content
        self.stats = stats

    def page(self, uri: str, meta: dict[str, Any], body: str, *, count: bool = True) -> None:
        self.stats.bytes += _write_markdown(self.content / uri, meta, body)
        self.stats.markdown_pages += 1
        self.stats.words += len(body.split())
        if count:
            folder = uri.split("/")[-2]
            self.stats.entities[folder] = self.stats.entities.get(folder, 0) + 1

    def yaml(self, uri: str, data: dict[str, Any]) -> None:
        self.stats.bytes += _dump_yaml(self.content / uri, data)


def _write_process(
    writer: _Writer,
    rng: random.Random,
    index: int,
    kreis: _Kreis,
    first: _ProcessIds | None,
    previous: _ProcessIds | None,
) -> _ProcessIds:
    place = _place_name(rng)
    kind_id, kind = _weighted_kind(rng)
    pid = f"p{index + 1:04d}-{kind_id}-{_slug(place)}"
    area_id = _slug(("Landkreis " if kreis.is_landkreis else "Stadt ") + kreis.name)
    network_theme = rng.choice(NETWORK_THEMES)
    network_id = f"netzwerk-{_slug(network_theme)}"
    themes = rng.sample(GOAL_THEMES, 2)
    goal_ids = tuple(theme[0] for theme in themes)
    kinds = rng.sample(PROJECT_KINDS, 4)
    project_ids = tuple(f"{project[0]}-{_slug(place)}" for project in kinds)

    # The profile, with the same keys as the plugin's `process` option.
    year = 2020 + rng.randrange(4)
    writer.yaml(
        f"{pid}/prozess.yml",
        {
            "name": f"{kind} {place}",
            "kind": kind,
            "area": area_id,
            "summary": f"Wie {place} bis {year + 12} ein guter Ort zum Leben bleibt.",
            "phases": [
                {"name": name, "start": start, **({"end": end} if end else {})}
                for name, start, end in (
                    ("Bestandsaufnahme", date(year, 1, 1), date(year, 12, 31)),
                    ("Ziele und Entwicklungskorridor", date(year + 1, 1, 1), date(year + 1, 6, 30)),
                    ("Umsetzung der Schlüsselprojekte", date(year + 1, 7, 1), date(year + 6, 12, 31)),
                    ("Verstetigung", date(year + 7, 1, 1), None),
                )
            ],
            "management": {
                "name": f"Prozessmanagement {place}",
                "email": f"{_slug(place)}@example.org",
                "phone": f"030 23125 {100 + index % 900}",
            },
            "support": "Begleitung durch ein externes Planungsbüro und den landesweiten Erfahrungsaustausch.",
            "foundations": {
                name: {"state": rng.choice(("yes", "yes", "partly", "no")), "note": _sentence(rng)}
                for name in FOUNDATION_NAMES
            },
        },
    )

    # Goals: two, each with two indicators, corridor and measured values.
    for theme in themes:
        theme_id, title, field_name, indicators = theme
        writer.page(
            f"{pid}/ziele/{theme_id}.md",
            {
                "title": title,
                "summary": _sentence(rng),
                "field": field_name,
                "indicators": [_indicator(rng, *indicator) for indicator in indicators],
            },
            _body(rng)[0],
        )

    # Projects: four, with varied statuses; most located inside the Kreis.
    for number, (project_kind, project_id) in enumerate(zip(kinds, project_ids, strict=True)):
        served = [goal for goal in goal_ids if goal in project_kind[2]] or [goal_ids[number % 2]]
        if number == 0 and first is not None and index % 4 == 1:
            served.append(f"{first.process}/{first.goals[0]}")  # serves a goal of the first process
            writer.stats.cross_references += 1
        meta = _project(rng, project_kind[1].format(place=place), served, area_id, network_id, kreis, number)
        writer.page(f"{pid}/projekte/{project_id}.md", meta, _body(rng)[0])

    # One dialogue call.
    call_format, call_name = rng.choice(CALL_FORMATS)
    call_meta = _call(rng, call_format, f"{call_name} {place}", place, kreis)
    call_meta.update({"goals": [goal_ids[0]], "projects": [project_ids[0]], "areas": [area_id]})
    writer.page(f"{pid}/beteiligung/{_slug(call_name)}-{_slug(place)}.md", call_meta, _body(rng)[0])

    # The area the process covers: one Kreis or kreisfreie Stadt, round robin.
    writer.page(
        f"{pid}/raeume/{area_id}.md",
        {
            "title": ("Landkreis " if kreis.is_landkreis else "Stadt ") + kreis.name,
            "summary": _sentence(rng),
            "kind": "landkreis" if kreis.is_landkreis else "gemeinde",
            "geometry": GEOMETRY_URI,
            "key": "ARS",
            "members": [kreis.ars],
            "attribution": ATTRIBUTION,
            "attribution_url": ATTRIBUTION_URL,
        },
        _body(rng)[0],
    )

    # One network.
    writer.page(
        f"{pid}/netzwerke/{network_id}.md",
        {
            "title": f"Netzwerk {network_theme} {place}",
            "summary": _sentence(rng),
            "purpose": _sentence(rng),
            "members": [
                {
                    "name": f"{rng.choice(NOUNS)} {_place_name(rng)}",
                    "kind": rng.choice(MEMBER_KINDS),
                    **({"role": rng.choice(("Sprecherin", "Geschäftsstelle", "Trägerin"))} if n == 0 else {}),
                }
                for n in range(rng.randint(3, 6))
            ],
            "contact": {"name": f"Netzwerk {place}", "email": f"netzwerk-{_slug(place)}@example.org"},
        },
        _body(rng)[0],
    )

    # One update; some report on a project of the previous process.
    update_projects = [project_ids[rng.randrange(4)]]
    if previous is not None and index % 6 == 2:
        update_projects.append(f"{previous.process}/{previous.projects[0]}")
        writer.stats.cross_references += 1
    writer.page(
        f"{pid}/aktuelles/zwischenbilanz-{_slug(place)}.md",
        {
            "title": f"Zwischenbilanz in {place}",
            "date": BUILD_DATE - timedelta(days=rng.randint(1, 300)),
            "summary": _sentence(rng),
            "goals": [goal_ids[1]],
            "projects": update_projects,
            "areas": [area_id],
        },
        _body(rng)[0],
    )
    return _ProcessIds(pid, goal_ids, project_ids)


def _indicator(
    rng: random.Random, ident: str, name: str, unit: str, better: str, start: float, target: float
) -> dict[str, Any]:
    spread = max(abs(target - start) * 0.15, 0.5)
    jitter = 1 + rng.uniform(-0.1, 0.1)
    start, target = start * jitter, target * jitter

    floor = 0.0 if min(start, target) >= 0 else -1e9  # counts and shares never go below zero

    def expected(year: int) -> float:
        return start + (target - start) * (year - 2024) / 6

    years = sorted(rng.sample(range(2020, 2027), rng.randint(2, 5)))
    return {
        "id": ident,
        "name": name,
        "unit": unit,
        "better": better,
        "source": rng.choice(("Statistisches Landesamt Rheinland-Pfalz", "Eigene Erhebung", "Kreisverwaltung")),
        "corridor": [
            {
                "year": year,
                "min": round(max(expected(year) - spread, floor), 1),
                "max": round(max(expected(year) + spread, floor + spread), 1),
            }
            for year in (2024, 2027, 2030)
        ],
        "values": [
            {"year": year, "value": round(max(expected(year) + rng.uniform(-2, 2) * spread, floor), 1)}
            for year in years
        ],
    }


def _project(
    rng: random.Random,
    title: str,
    goals: list[str],
    area_id: str,
    network_id: str,
    kreis: _Kreis,
    number: int,
) -> dict[str, Any]:
    status = rng.choice(STATUSES)
    meta: dict[str, Any] = {
        "title": title,
        "summary": _sentence(rng),
        "status": status,
        "goals": goals,
        "areas": [area_id],
    }
    if number % 2 == 0:
        meta["networks"] = [network_id]
    meta["lead"] = f"Ortsgemeinde {title.split()[-1]}"
    if status != "idea":
        start = BUILD_DATE + timedelta(days=rng.randint(-900, -60) if status != "planned" else rng.randint(30, 400))
        end = start + timedelta(days=rng.randint(300, 1200))
        if status == "done":
            end = min(end, BUILD_DATE - timedelta(days=rng.randint(5, 50)))
        meta["start"], meta["end"] = start, end
        progress = {"planned": 0, "done": 100}.get(status, rng.randrange(10, 95, 5))
        meta["progress"] = progress
        meta["funding"] = rng.choice(FUNDING)
        meta["budget"] = rng.randrange(20_000, 900_000, 5_000)
        middle = start + (end - start) / 2
        meta["milestones"] = [
            {"date": day, "title": _sentence(rng, 4, 8).rstrip("."), "done": day < BUILD_DATE and status != "dropped"}
            for day in (start + timedelta(days=30), middle, end)
        ]
        past = [day for day in (start + timedelta(days=45), middle) if day < BUILD_DATE]
        if past:
            meta["updates"] = [{"date": day, "text": _sentence(rng)} for day in past]
    else:
        meta["progress"] = 0
    if number != 3:
        lat, lon = _point_inside(rng, kreis)
        meta["location"] = {"lat": lat, "lon": lon, "address": f"Hauptstraße {rng.randint(1, 80)}, {title.split()[-1]}"}
    return meta


def _call(rng: random.Random, call_format: str, title: str, place: str, kreis: _Kreis) -> dict[str, Any]:
    day = BUILD_DATE + timedelta(days=rng.randint(-150, 150))
    meta: dict[str, Any] = {"title": title, "summary": _sentence(rng), "format": call_format}
    if call_format in ("survey", "online"):
        meta["start"], meta["end"] = day, day + timedelta(days=28)
        meta["deadline"] = day + timedelta(days=28)
        meta["online"] = f"https://beteiligung.example.org/{_slug(place)}"
    else:
        begin = datetime.combine(day, time(18 if call_format != "walk" else 10, 0))
        meta["start"] = begin.isoformat(timespec="minutes")
        meta["end"] = (begin + timedelta(hours=3)).isoformat(timespec="minutes")
        meta["deadline"] = day - timedelta(days=2)
        lat, lon = _point_inside(rng, kreis)
        meta["place"] = {
            "name": f"Dorfgemeinschaftshaus {place}",
            "address": f"Schulstraße {rng.randint(1, 40)}, {place}",
            "lat": lat,
            "lon": lon,
        }
        meta["registration"] = {"email": f"{_slug(place)}@example.org", "phone": "030 23125 101"}
    meta["accessibility"] = "Der Raum ist stufenlos erreichbar; eine barrierefreie Toilette ist vorhanden."
    meta["contact"] = {"name": f"Prozessmanagement {place}", "email": f"{_slug(place)}@example.org"}
    return meta


# Words and names ----------------------------------------------------------------------------------


def _sentence(rng: random.Random, low: int = 8, high: int = 16) -> str:
    words = [rng.choice(DETERMINERS)]
    if rng.random() < 0.6:
        words.append(rng.choice(ADJECTIVES))
    words += [rng.choice(NOUNS), rng.choice(VERBS)]
    while len(words) < rng.randint(low, high):
        roll = rng.random()
        if roll < 0.25:
            words += [rng.choice(PREPOSITIONS), rng.choice(DETERMINERS).lower(), rng.choice(NOUNS)]
        elif roll < 0.45:
            words += [rng.choice(ADJECTIVES), rng.choice(NOUNS)]
        elif roll < 0.6:
            words.append(rng.choice(ADVERBS))
        elif roll < 0.7 and "," not in words[-1]:
            words[-1] += ","
            words += [rng.choice(CONJUNCTIONS), rng.choice(DETERMINERS).lower(), rng.choice(NOUNS)]
        else:
            words.append(rng.choice(NOUNS))
    return " ".join(words).rstrip(",") + "."


def _body(rng: random.Random) -> tuple[str, int]:
    """A Markdown body of 150 to 400 words in paragraphs, sometimes with a heading or a list."""
    target = rng.randint(150, 400)
    blocks: list[str] = []
    words = 0
    while words < target:
        sentences: list[str] = []
        for _ in range(rng.randint(3, 6)):
            sentence = _sentence(rng)
            sentences.append(sentence)
            words += len(sentence.split())
            if words >= target:
                break
        blocks.append(" ".join(sentences))
        if len(blocks) == 1 and rng.random() < 0.5:
            blocks.append(f"## {rng.choice(HEADINGS)}")
        if len(blocks) == 3 and rng.random() < 0.3:
            items = [_sentence(rng, 4, 7) for _ in range(3)]
            words += sum(len(item.split()) for item in items)
            blocks.append("\n".join(f"- {item}" for item in items))
    return "\n\n".join(blocks) + "\n", words


def _place_name(rng: random.Random) -> str:
    prefix = rng.choice(PLACE_PREFIXES)
    stem = rng.choice(PLACE_STEMS)
    name = stem + rng.choice(PLACE_SUFFIXES)
    return (prefix + name) if prefix else name.capitalize()


def _weighted_kind(rng: random.Random) -> tuple[str, str]:
    ident, kind, _ = rng.choices(PROCESS_KINDS, weights=[weight for *_, weight in PROCESS_KINDS])[0]
    return ident, kind


def _slug(text: str) -> str:
    text = text.lower()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = "".join(char if char.isalnum() else "-" for char in text)
    return "-".join(part for part in slug.split("-") if part)


# Files --------------------------------------------------------------------------------------------


def _write_markdown(path: Path, meta: dict[str, Any], body: str) -> int:
    text = f"---\n{_yaml(meta)}---\n\n{body}"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def _dump_yaml(path: Path, data: dict[str, Any]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    encoded = _yaml(data).encode("utf-8")
    path.write_bytes(encoded)
    return len(encoded)


def _yaml(data: dict[str, Any]) -> str:
    # Flow style for the innermost lists and mappings, as editors write them: `goals: [a, b]`.
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000)


# Boundaries ---------------------------------------------------------------------------------------

Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class _Kreis:
    ars: str
    name: str
    is_landkreis: bool
    polygons: tuple[tuple[Ring, ...], ...]  # each: outer ring, then holes; points are (lon, lat)

    @property
    def largest(self) -> tuple[Ring, ...]:
        return max(self.polygons, key=lambda polygon: _box_area(polygon[0]))


@functools.cache
def _kreise() -> tuple[_Kreis, ...]:
    data = json.loads(KREISE_FILE.read_text(encoding="utf-8"))
    kreise: list[_Kreis] = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        raw = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        polygons = tuple(tuple([(float(x), float(y)) for x, y, *_ in ring] for ring in polygon) for polygon in raw)
        props = feature["properties"]
        kreise.append(_Kreis(props["ARS"], props["GEN"], props["BEZ"] == "Landkreis", polygons))
    return tuple(kreise)


def _point_inside(rng: random.Random, kreis: _Kreis) -> tuple[float, float]:
    """A (lat, lon) well inside the Kreis, so simplified boundaries still contain it."""
    polygon = kreis.largest
    xs = [x for x, _ in polygon[0]]
    ys = [y for _, y in polygon[0]]
    for margin in (0.01, 0.005, 0.002, 0.0):
        for _ in range(500):
            lon, lat = rng.uniform(min(xs), max(xs)), rng.uniform(min(ys), max(ys))
            probes = [(lon, lat)] + [(lon + dx, lat + dy) for dx, dy in _offsets(margin)]
            if all(_in_polygon(polygon, x, y) for x, y in probes):
                return round(lat, 5), round(lon, 5)
    raise RuntimeError(f"no point found inside {kreis.name}")


def _offsets(margin: float) -> Iterator[tuple[float, float]]:
    if margin:
        yield from ((margin, 0.0), (-margin, 0.0), (0.0, margin), (0.0, -margin))


def _in_polygon(polygon: tuple[Ring, ...], x: float, y: float) -> bool:
    return _in_ring(polygon[0], x, y) and not any(_in_ring(hole, x, y) for hole in polygon[1:])


def _in_ring(ring: Ring, x: float, y: float) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _box_area(ring: Ring) -> float:
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    return (max(xs) - min(xs)) * (max(ys) - min(ys))
