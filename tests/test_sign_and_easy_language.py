"""BITV 2.0 § 4: the page in German Sign Language and the page in Leichte Sprache.

Every site gets `gebaerdensprache/`, linked in every footer: with the operator's video, its
captions and their text, or with a note whom to ask while the video is being made. The
Leichte Sprache page is generated from the site's data and is checked here against the
measurable rules of the Netzwerk Leichte Sprache.
"""

from __future__ import annotations

import re
import struct
from html.parser import HTMLParser
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest
from conftest import GOAL, OPERATOR, PROCESS, Build, project, run_build, write_site

from ikep_site import labels
from ikep_site.content.signlanguage import caption_texts, mp4_duration
from ikep_site.jsonschema import operator_schema

PROFILE = {
    **PROCESS,
    "name": "Kreisentwicklung <script>alert(1)</script> Musterkreis",
    "management": {"name": "Stabsstelle Kreisentwicklung", "email": "kreis@example.org", "phone": "030 23125 100"},
}
WORKSHOP = """---
title: Zukunftswerkstatt Ortskern
format: workshop
start: 2026-12-03T18:00
end: 2026-12-03T21:00
deadline: 2026-12-01
place: {name: Bürgerhaus Weilerbach, address: "Rummelstraße 15, 67685 Weilerbach"}
registration: {email: anmeldung@example.org}
---
"""
SURVEY = """---
title: Umfrage Mobilität
format: survey
start: 2026-11-02
end: 2026-12-20
online: https://umfrage.example.org/mobil
---
"""
PAST = """---
title: Dorfspaziergang im Oktober
format: walk
start: 2026-10-01T14:00
place: {name: Dorfplatz}
---
"""
FILES: dict[str, str | bytes] = {
    "ziele/ortskerne-beleben.md": GOAL,
    "projekte/dorfladen.md": project("Dorfladen Mehlbach"),
    "beteiligung/werkstatt.md": WORKSHOP,
    "beteiligung/umfrage.md": SURVEY,
    "beteiligung/spaziergang.md": PAST,
    "netzwerke/dorflaeden.md": "---\ntitle: Dorfläden\nmembers:\n  - {name: Ortsgemeinde Mehlbach}\n---\n",
}
CAPTIONS = """WEBVTT

NOTE Diese Zeile ist ein Kommentar.

1
00:00:00.000 --> 00:00:04.000
<v Sprecherin>Willkommen auf der Seite zur Kreisentwicklung.</v>

2
00:00:04.500 --> 00:00:09.000 align:start
Hier lesen Sie, was wir planen &amp; wie Sie mitmachen.
<i>Zweite Zeile</i>
"""


def mp4(seconds: int, timescale: int = 1000) -> bytes:
    """The smallest MP4 whose movie header states a length: ftyp, moov with mvhd, some media data."""
    ftyp = struct.pack(">I4s4sI4s", 20, b"ftyp", b"isom", 0x200, b"isom")
    mvhd_body = struct.pack(">B3xIIII", 0, 0, 0, timescale, seconds * timescale) + bytes(80)
    mvhd = struct.pack(">I4s", 8 + len(mvhd_body), b"mvhd") + mvhd_body
    moov = struct.pack(">I4s", 8 + len(mvhd), b"moov") + mvhd
    mdat = struct.pack(">I4s", 8 + 4096, b"mdat") + bytes(4096)
    return ftyp + mdat + moov  # the movie header after the media data, as many encoders write it


def with_video(video: str = "gebaerdensprache/erklaerung.mp4") -> dict[str, object]:
    return {"operator": {**OPERATOR, "sign_language_video": video}, "process": PROFILE}


def option_line(root: Path) -> int:
    """The line of sign_language_video in the written mkdocs.yml."""
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if "sign_language_video:" in line)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A site without a video."""
    root = write_site(tmp_path_factory.mktemp("plain"), FILES, plugin={"process": PROFILE})
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Build:
    files = {
        **FILES,
        "gebaerdensprache/erklaerung.mp4": mp4(125),
        "gebaerdensprache/erklaerung.vtt": CAPTIONS,
    }
    root = write_site(tmp_path_factory.mktemp("video"), files, plugin=with_video())
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build


# --- Reading the article -------------------------------------------------------------------------


class _Article(HTMLParser):
    """The text of the page's <article>: each piece with whether it is a heading or a defined term."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.heading = 0
        self.dfn = 0
        self.hidden = 0
        self.pieces: list[tuple[str, bool, bool]] = []  # (text, in a heading, in a <dfn>)
        self.lines: list[str] = [""]
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if tag in ("h1", "h2", "h3"):
            self.heading += 1
        if tag == "dfn":
            self.dfn += 1
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")
        if tag in ("br", "p", "li", "h1", "h2", "h3", "ul"):
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if not self.depth:
            return
        if tag in ("h1", "h2", "h3"):
            self.heading -= 1
        if tag == "dfn":
            self.dfn -= 1
        if tag in ("p", "li", "h1", "h2", "h3"):
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.pieces.append((data, self.heading > 0, self.dfn > 0))
            self.lines[-1] += data

    @property
    def text(self) -> str:
        return " ".join(" ".join(piece for piece, _, _ in self.pieces).split())


def article(html: str) -> _Article:
    parser = _Article()
    parser.feed(html)
    return parser


def _normal(text: str) -> str:
    return text.replace("-", "").replace("\u00ad", "").lower()


# The hard words of the page (and the kind of the process, as the editor wrote it).
HARD_WORDS = (
    "schlüsselprojekt",
    "entwicklungskorridor",
    "beteiligung",
    "indikator",
    "phase",
    "barrierefrei",
    "gebärdensprache",
    "schlichtungsstelle",
    "netzwerk",
)
ABBREVIATIONS = re.compile(r"\b(z\.\s?B\.|bzw\.|ggf\.|usw\.|d\.\s?h\.|ca\.|u\.\s?a\.|evtl\.|inkl\.|Nr\.|etc\.)")


def first_use_is_defined(page: _Article, word: str) -> bool:
    """Whether the first time `word` occurs outside headings, it is the word a <dfn> explains."""
    for text, heading, defined in page.pieces:
        if heading:
            continue  # a heading names its section, whose first sentence explains the word
        if _normal(word) in _normal(text):
            return defined
    raise AssertionError(f"{word!r} does not occur on the page")


# --- The page in Gebärdensprache -------------------------------------------------------------------


def test_every_page_links_the_sign_language_page_in_its_footer(plain: Build) -> None:
    # admin/ is the editors' web editor, not a page of the site.
    pages = sorted(path for path in plain.site.rglob("index.html") if "admin" not in path.parts)
    assert len(pages) > 10
    for path in pages:
        footer = re.search(r'<ul class="ikep-legal-links".*?</ul>', path.read_text(encoding="utf-8"), re.S)
        assert footer is not None, path
        assert ">Gebärdensprache</a>" in footer.group(0), path


def test_without_a_video_the_page_says_it_is_being_prepared_and_whom_to_ask(plain: Build) -> None:
    page = plain.page("gebaerdensprache/")
    assert "<video" not in page
    assert labels.LABELS["sign_pending"] in page
    assert 'href="mailto:barrierefreiheit@example.org"' in page
    assert 'href="../leichte-sprache/"' in page
    # Reached through the footer, not one more tab in the navigation.
    assert 'class="md-tabs__link">Gebärdensprache' not in plain.page("")


def test_without_a_video_the_accessibility_statement_lists_it_as_missing(plain: Build) -> None:
    statement = plain.page("barrierefreiheit/")
    limits = statement[statement.index('id="nicht-barrierefrei"') :]
    limits = limits[: limits.index("</ul>")]
    assert labels.LABELS["a11y_limit_sign_language"] in limits
    assert 'href="../gebaerdensprache/"' in limits


def test_the_video_is_shown_with_captions_download_and_transcript(video: Build) -> None:
    page = video.page("gebaerdensprache/")
    assert re.search(r'<video controls preload="metadata" src="erklaerung.mp4"', page)
    assert '<track kind="captions" srclang="de" label="Deutsch" src="erklaerung.vtt" default>' in page
    # BITV 2.0, Anlage 2: the film as a download, with its size and its duration.
    assert '<a href="erklaerung.mp4" download>' in page
    assert "MP4-Datei, 5 KB, Dauer 2 Minuten 5 Sekunden" in page
    transcript = page[page.index('class="ikep-sign-transcript"') :]
    assert "<p>Willkommen auf der Seite zur Kreisentwicklung.</p>" in transcript
    # Markup of a cue is left out, its entities read as the characters they stand for (escaped once).
    assert "<p>Hier lesen Sie, was wir planen &amp; wie Sie mitmachen. Zweite Zeile</p>" in transcript
    assert "Diese Zeile ist ein Kommentar" not in page
    assert labels.LABELS["sign_pending"] not in page
    assert (video.site / "gebaerdensprache" / "erklaerung.mp4").is_file()
    assert (video.site / "gebaerdensprache" / "erklaerung.vtt").is_file()


def test_with_a_video_the_statement_and_the_easy_page_say_it_is_there(video: Build) -> None:
    assert labels.LABELS["a11y_limit_sign_language"] not in video.page("barrierefreiheit/")
    easy = article(video.page("leichte-sprache/")).text
    assert labels.LABELS["easy_sign_video"].split("\n")[0] in easy
    assert labels.LABELS["easy_a11y_sign_missing"] not in easy


@pytest.mark.parametrize(
    ("value", "files", "expected"),
    [
        ("gebaerdensprache/fehlt.mp4", {}, "Die Datei 'gebaerdensprache/fehlt.mp4' gibt es im Ordner content/ nicht"),
        (
            "gebaerdensprache/erklaerung.mp4",
            {"gebaerdensprache/erklaerung.mp4": mp4(60)},
            "'gebaerdensprache/erklaerung.vtt' fehlt",
        ),
        ("../geheim/video.mp4", {}, "ist kein Pfad einer Datei im Ordner content/"),
        ("gebaerdensprache/erklaerung.avi", {}, "ist keine MP4-Datei"),
        (
            "gebaerdensprache/erklaerung.mp4",
            {"gebaerdensprache/erklaerung.mp4": b"kein Video", "gebaerdensprache/erklaerung.vtt": CAPTIONS},
            "ist kein lesbares MP4-Video",
        ),
    ],
)
def test_a_missing_or_wrong_video_fails_the_strict_build_at_its_line(
    tmp_path: Path, value: str, files: dict[str, str | bytes], expected: str
) -> None:
    root = write_site(tmp_path, {**FILES, **files}, plugin=with_video(value))
    build = run_build(root, strict=True)
    assert build.returncode != 0
    assert f"mkdocs.yml:{option_line(root)}: " in build.output
    assert expected in build.output
    assert "Traceback" not in build.output


def test_captions_that_are_no_webvtt_are_named_with_their_file(tmp_path: Path) -> None:
    files = {
        **FILES,
        "gebaerdensprache/erklaerung.mp4": mp4(30),
        "gebaerdensprache/erklaerung.vtt": "1\n00:00:00.000 --> 00:00:02.000\nHallo\n",
    }
    root = write_site(tmp_path, files, plugin=with_video())
    strict = run_build(root, strict=True)
    assert strict.returncode != 0
    assert "content/gebaerdensprache/erklaerung.vtt:1: " in strict.output
    assert "beginnt nicht mit der Zeile WEBVTT" in strict.output
    # Without --strict the build goes on, and the page does not show the video as if it were fine.
    loose = run_build(root)
    assert loose.returncode == 0, loose.output
    page = loose.page("gebaerdensprache/")
    assert "<video" not in page
    assert labels.LABELS["sign_pending"] in page


def test_a_portal_has_one_sign_language_page(tmp_path: Path) -> None:
    profile = "name: Zukunfts-Check Dorf {name}\nkind: Zukunfts-Check Dorf\n"
    files: dict[str, str | bytes] = {
        "mehlbach/prozess.yml": profile.format(name="Mehlbach"),
        "mehlbach/ziele/ortskerne-beleben.md": GOAL,
        "mehlbach/projekte/laden.md": project("Dorfladen Mehlbach"),
        "katzweiler/prozess.yml": profile.format(name="Katzweiler"),
        "katzweiler/ziele/ortskerne-beleben.md": GOAL,
        "katzweiler/projekte/laden.md": project("Dorfladen Katzweiler"),
    }
    root = write_site(tmp_path, files, plugin={"process": None})
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    pages = sorted(
        path.relative_to(build.site).as_posix()
        for path in build.site.rglob("index.html")
        if "gebaerdensprache" in path.relative_to(build.site).parts
    )
    assert pages == ["gebaerdensprache/index.html"]
    assert 'href="../../../gebaerdensprache/"' in build.page("mehlbach/projekte/laden/")
    easy = article(build.page("leichte-sprache/")).text
    assert "Zukunfts-Check Dorf Mehlbach" in easy
    assert "Zukunfts-Check Dorf Katzweiler" in easy


# --- The page in Leichte Sprache -----------------------------------------------------------------


def test_easy_language_page_has_every_item_of_bitv_section_4(plain: Build) -> None:
    html = plain.page("leichte-sprache/")
    # Content, what is happening now, taking part, whom to ask, navigation, further pages, the statement.
    for anchor in ("inhalt", "jetzt", "mitmachen", "hilfe", "navigation", "weitere", "barrierefreiheit"):
        assert f'<h2 id="{anchor}">' in html, anchor
    page = article(html)
    assert "../barrierefreiheit/" in page.hrefs
    assert "../gebaerdensprache/" in page.hrefs
    assert "../beteiligung/" in page.hrefs
    text = page.text
    assert labels.LABELS["easy_navigation_phone"].split("\n")[0] in text
    assert labels.LABELS["easy_a11y_partly"] in text
    assert labels.LABELS["easy_a11y_sign_missing"] in text


def test_easy_language_page_says_what_is_happening_now(plain: Build) -> None:
    html = plain.page("leichte-sprache/")
    text = article(html).text
    assert "Jetzt ist diese Phase: Umsetzung." in text
    assert "Die Phase dauert bis zum 31. Dezember 2029." in text
    # The next calls, with the date written out, the time as people say it, and the place.
    assert "Wann: Donnerstag, 3. Dezember 2026, von 18 Uhr bis 21 Uhr" in text
    assert "Wo: Bürgerhaus Weilerbach, Rummelstraße 15, 67685 Weilerbach" in text
    assert "Bitte melden Sie sich bis zum 1. Dezember 2026 an." in text
    assert "Wann: vom 2. November 2026 bis zum 20. Dezember 2026" in text
    assert 'href="https://umfrage.example.org/mobil"' in html
    assert "03.12.2026" not in text
    # A call that is over stays in the list for the reader's browser, but hidden.
    past = re.search(r"<li data-ikep-call( hidden)?>\s*<p><strong><a [^>]*>Dorfspaziergang", html)
    assert past is not None and past.group(1) == " hidden"


def test_easy_language_page_names_whom_to_ask_with_links(plain: Build) -> None:
    page = article(plain.page("leichte-sprache/"))
    assert "mailto:kreis@example.org" in page.hrefs
    assert "tel:03023125100" in page.hrefs
    assert "mailto:barrierefreiheit@example.org" in page.hrefs
    assert "Stabsstelle Kreisentwicklung" in page.text


def test_every_hard_word_is_explained_where_it_first_occurs(plain: Build) -> None:
    page = article(plain.page("leichte-sprache/"))
    for word in (*HARD_WORDS, str(PROCESS["kind"])):
        assert first_use_is_defined(page, word), word


def test_easy_language_page_has_no_abbreviations_and_short_lines(plain: Build) -> None:
    page = article(plain.page("leichte-sprache/"))
    assert not ABBREVIATIONS.search(page.text)
    # One statement per line; the longest lines are the ones holding an editor's title or place.
    ours = [line for line in page.lines if line.strip() and "Weilerbach" not in line]
    assert max(len(line.split()) for line in ours) <= 15


def test_editor_text_on_the_easy_page_is_escaped(plain: Build, tmp_path: Path) -> None:
    html = plain.page("leichte-sprache/")
    assert "<script>alert(1)</script>" not in html
    assert "Kreisentwicklung &lt;script&gt;alert(1)&lt;/script&gt; Musterkreis" in html
    profile = {**PROFILE, "name": "Plan", "kind": '<img src=x onerror="alert(1)">Konzept'}
    root = write_site(tmp_path, {}, plugin={"process": profile})
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    easy = build.page("leichte-sprache/")
    assert "<img src=x" not in easy
    assert "<dfn>&lt;img src=x onerror=&#34;alert(1)&#34;&gt;Konzept</dfn>" in easy


# --- The rules of the Netzwerk Leichte Sprache, on every text of the page -------------------------

EASY = {key: text for key, text in labels.LABELS.items() if key.startswith("easy_")}


def _sentences(text: str) -> list[str]:
    return [part for line in text.split("\n") for part in re.split(r"(?<=[.!?:])\s+", line) if part.strip()]


@pytest.mark.parametrize("key", sorted(EASY))
def test_easy_labels_follow_the_measurable_rules(key: str) -> None:
    text = EASY[key]
    for sentence in _sentences(text):
        assert len(sentence.split()) <= 12, sentence  # short sentences
    assert not ABBREVIATIONS.search(text)  # no abbreviations
    words = set(re.findall(r"\w+", text.lower()))
    assert not words & {"nicht", "kein", "keine", "keinen", "nie"}, text  # positive statements
    assert not words & {"wird", "werden", "wurde", "wurden", "worden"}, text  # active voice
    assert not words & {"würde", "würden", "hätte", "könnte", "sollte", "müsste"}, text  # no subjunctive
    assert not words & {"des", "eines", "dessen", "deren"}, text  # no genitive
    assert not words & {"zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"}, text  # digits
    assert "?" not in text and ";" not in text, text  # statements, one per sentence
    assert "du" not in words and "dich" not in words, text  # the reader is "Sie"


# --- Reading the video and its captions -----------------------------------------------------------


def test_caption_texts() -> None:
    assert caption_texts(CAPTIONS) == (
        "Willkommen auf der Seite zur Kreisentwicklung.",
        "Hier lesen Sie, was wir planen & wie Sie mitmachen. Zweite Zeile",
    )
    assert caption_texts("\ufeffWEBVTT - Titel\r\n\r\n00:01.000 --> 00:02.000\r\nHallo\r\n") == ("Hallo",)
    assert caption_texts("WEBVTT\n\nNOTE nur ein Kommentar\n") == ()
    assert caption_texts("Hallo\n") is None


def test_mp4_duration(tmp_path: Path) -> None:
    path = tmp_path / "video.mp4"
    path.write_bytes(mp4(125, timescale=600))
    assert mp4_duration(path) == 125
    path.write_bytes(b"\x00\x00\x00\x08moov")  # a movie box without a header
    assert mp4_duration(path) is None
    path.write_bytes(b"\xff\xff\xff\xffmoov" + bytes(4))  # a box longer than the file
    assert mp4_duration(path) is None


def test_the_operator_schema_takes_a_video_path_and_nothing_else() -> None:
    schema = operator_schema()
    base = dict(OPERATOR)

    def valid(path: str) -> bool:
        return bool(jsonschema.Draft202012Validator(schema).is_valid({**base, "sign_language_video": path}))

    assert valid("gebaerdensprache/erklaerung.mp4")
    assert valid("Erklaerung.MP4")
    for wrong in ("../video.mp4", "/srv/video.mp4", "https://example.org/v.mp4", "a\\b.mp4", "video.avi"):
        assert not valid(wrong), wrong
