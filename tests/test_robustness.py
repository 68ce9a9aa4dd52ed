"""No input crashes or hangs a build; errors name the right line; placeholders are never dropped.

Each build case writes the bad input into a small site in tmp_path, runs the real
`mkdocs build --strict` and asserts the German message with file and line, the failed build and
no traceback. The subprocess timeout is a safety net that fails the test, not a measurement.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import math
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import GEMEINDE_AREA, GOAL, write_site

from ikep_site import geometry, placeholders
from ikep_site.cli import check_site
from ikep_site.content import frontmatter
from ikep_site.diagnostics import Report

SAFETY_NET_SECONDS = 120  # a build of these small sites takes seconds; minutes mean it hangs
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
BASE: dict[str, str | bytes] = {"ziele/ortskerne-beleben.md": GOAL}


@dataclass
class Built:
    returncode: int
    output: str
    site: Path


def build(root: Path, *, strict: bool = True) -> Built:
    site = root / ("site-strict" if strict else "site-plain")
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    if strict:
        command.append("--strict")
    done = subprocess.run(
        command, capture_output=True, text=True, env=ENV, cwd=root, timeout=SAFETY_NET_SECONDS, check=False
    )
    return Built(done.returncode, done.stdout + done.stderr, site)


def assert_reported(built: Built, path: str, line: int, words: str) -> None:
    prefix = f"content/{path}:{line}: "
    assert any(prefix in text and words in text for text in built.output.splitlines()), (
        f"no '{prefix}…{words}…' in:\n{built.output}"
    )


def assert_failed_cleanly(built: Built) -> None:
    assert built.returncode != 0, built.output
    assert "Traceback" not in built.output, built.output


def fm(*lines: str, body: str = "Beschreibung.") -> str:
    """A file with front matter; `lines[0]` is on file line 2."""
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"


def laughs(levels: int = 9) -> str:
    """YAML aliases that expand to 9**levels values ("billion laughs")."""
    names = [f"l{level}" for level in range(levels)]
    lines = ["l0: &l0 [x,x,x,x,x,x,x,x,x]"]
    lines += [f"{name}: &{name} [{','.join(['*' + before] * 9)}]" for before, name in itertools.pairwise(names)]
    return "\n".join(lines)


# Front matter: nesting, aliases, characters YAML refuses ----------------------------------------


def test_deeply_nested_front_matter_is_an_error_at_its_line(tmp_path: Path) -> None:
    text = fm("title: Dorfladen", "status: idea", "extra: " + "[" * 10_000)
    built = build(write_site(tmp_path, {**BASE, "projekte/dorfladen.md": text}))
    assert_failed_cleanly(built)
    assert_reported(built, "projekte/dorfladen.md", 4, "zu tief verschachtelt")


def test_billion_laughs_are_refused(tmp_path: Path) -> None:
    text = fm("title: Dorfladen", "status: idea", laughs())
    built = build(write_site(tmp_path, {**BASE, "projekte/dorfladen.md": text}))
    assert_failed_cleanly(built)
    assert_reported(built, "projekte/dorfladen.md", 5, "vervielfachen die Angaben auf mehr als 10.000 Werte")


def test_aliases_as_dump_tools_write_them_are_read(tmp_path: Path) -> None:
    """PyYAML's and js-yaml's dump write an anchor and an alias for a value that appears twice."""
    text = fm(
        "title: Dorfladen",
        "status: in_progress",
        "goals: [ortskerne-beleben]",
        "milestones:",
        "- &id001 {date: 2025-01-01, title: Start, done: true}",
        "updates:",
        "- {date: 2025-01-01, text: Start}",
        "location: &ort {lat: 49.5, lon: 7.8}",
    )
    built = build(write_site(tmp_path, {**BASE, "projekte/dorfladen.md": text}))
    assert built.returncode == 0, built.output


def test_character_yaml_refuses_is_reported_at_its_line(tmp_path: Path) -> None:
    """U+FFFF passes the check for invisible characters, and YAML's reader refuses it."""
    text = fm("title: Dorfladen", "status: idea", "goals: [ortskerne-beleben]", "lead: Verein\uffff")
    built = build(write_site(tmp_path, {**BASE, "projekte/dorfladen.md": text}))
    assert_failed_cleanly(built)
    assert_reported(built, "projekte/dorfladen.md", 5, "Das Zeichen U+FFFF ist in YAML nicht erlaubt")


@pytest.mark.parametrize("loader", [yaml.SafeLoader, yaml.CSafeLoader], ids=["python", "libyaml"])
@pytest.mark.parametrize(
    ("yaml_text", "line", "words"),
    [
        ("a: 1\nb: " + "[" * 10_000 + "\n", 3, "zu tief verschachtelt"),
        ("a: 1\nb: " + "{a: " * 10_000 + "\n", 3, "zu tief verschachtelt"),
        ("a:\n" + "".join("  " * depth + "- \n" for depth in range(2000)), 23, "zu tief verschachtelt"),
        ("a:\n" + "".join(" " * depth + "k:\n" for depth in range(1, 30)), 22, "zu tief verschachtelt"),
        (laughs() + "\n", 3, "vervielfachen die Angaben"),
        ("a: 1\nb: *nirgends\n", 3, "Ein Sternchen * am Anfang eines Wertes"),
        ("a: 1\nb: 2\nc: a\x00b\n", 4, "Das Zeichen U+0000"),
        ("a: 1\nb: 2\nc: a\x1bb\n", 4, "Das Zeichen U+001B"),
    ],
    ids=["brackets", "braces", "indentation", "one-space-indentation", "laughs", "alias", "nul", "escape"],
)
def test_compose_refuses_with_the_line(
    yaml_text: str, line: int, words: str, loader: type[yaml.SafeLoader], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(frontmatter, "LOADER", loader)
    report = Report()
    started = time.monotonic()
    assert frontmatter.compose(yaml_text, "x.md", report, first_line=2) is False
    assert time.monotonic() - started < SAFETY_NET_SECONDS
    (problem,) = report.items
    assert problem.line == line and words in problem.message, problem


def test_nesting_within_the_limit_is_fine() -> None:
    report = Report()
    depth = frontmatter.MAX_DEPTH - 1
    node = frontmatter.compose("a: " + "[" * depth + "]" * depth + "\n", "x.md", report, first_line=2)
    assert node is not None and node is not False and report.items == []


# Invisible characters and files that are not text ------------------------------------------------


def test_invisible_characters_are_errors_with_line(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        **BASE,
        "projekte/escape.md": fm("title: Dorfladen\x1b[31m", "status: idea"),
        "projekte/richtung.md": fm("title: Rufbus", "summary: Fahrt nach \u202eLautern", "status: idea"),
        "seite.md": "# Seite\n\nText.\n\nZeile\u0085mit NEL.\n",
    }
    built = build(write_site(tmp_path, files))
    assert_failed_cleanly(built)
    assert_reported(built, "projekte/escape.md", 2, "U+001B, Steuerzeichen")
    assert_reported(built, "projekte/richtung.md", 3, "U+202E, Zeichen für die Schreibrichtung")
    assert_reported(built, "seite.md", 5, "U+0085, Steuerzeichen")
    plain = build(tmp_path, strict=False)
    assert plain.returncode == 0 and "Traceback" not in plain.output, plain.output
    assert not (plain.site / "seite" / "index.html").exists()  # not published with it
    assert not (plain.site / "projekte" / "escape" / "index.html").exists()
    assert (plain.site / "ziele" / "ortskerne-beleben" / "index.html").is_file()


def test_decode_names_every_line_with_invisible_characters() -> None:
    report = Report()
    assert frontmatter.decode("a\n\u2066b\nc\u200fd\u2028\n".encode(), "x.md", report) is None
    (problem,) = report.items
    assert (
        problem.line == 2
        and "Spalte 1" in problem.message
        and "Weitere solche Zeichen: 2 (in Zeile 3)" in (problem.message)
    )


def test_soft_hyphen_and_joiner_stay_allowed() -> None:
    report = Report()
    assert frontmatter.decode("Dorf\u00adladen 👩\u200d🌾\tTab\n".encode(), "x.md", report) is not None
    assert report.items == []


def test_binary_files_named_md_are_reported(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {**BASE, "bild.md": PNG, "projekte/bild.md": PNG, "aktuelles/nul.md": b"\x00" * 64}
    built = build(write_site(tmp_path, files))
    assert_failed_cleanly(built)
    for path in files:
        if path != "ziele/ortskerne-beleben.md":
            assert_reported(built, path, 1, "keine Textdatei")
    plain = build(tmp_path, strict=False)
    assert plain.returncode == 0 and "Traceback" not in plain.output, plain.output
    assert (plain.site / "index.html").is_file()
    assert not (plain.site / "bild" / "index.html").exists()


# Boundary files -----------------------------------------------------------------------------------


def boundary(ring: list[list[float]], ags: str = "07335003") -> str:
    feature = {"type": "Feature", "properties": {"AGS": ags, "GEN": "Testgemeinde"}}
    feature["geometry"] = {"type": "Polygon", "coordinates": [ring]}
    return json.dumps({"type": "FeatureCollection", "features": [feature]})


def area_using(file: str) -> str:
    return GEMEINDE_AREA.format(name="Test", ags="07335003").replace("kl-ortsgemeinden.geojson", file)


def test_deeply_nested_geojson_is_an_error(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        **BASE,
        "geodaten/tief.geojson": '{"type": "FeatureCollection", "features": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "raeume/test.md": area_using("tief.geojson"),
    }
    built = build(write_site(tmp_path, files))
    assert_failed_cleanly(built)
    assert_reported(built, "raeume/test.md", 4, "tiefer verschachtelt")


def test_outline_of_200k_vertices_builds(tmp_path: Path) -> None:
    count = 200_000
    ring = [
        [
            round(7.6 + 0.05 * math.cos(2 * math.pi * i / count), 7),
            round(49.4 + 0.03 * math.sin(2 * math.pi * i / count), 7),
        ]
        for i in range(count)
    ]
    files: dict[str, str | bytes] = {
        **BASE,
        "geodaten/fein.geojson": boundary([*ring, ring[0]]),
        "raeume/test.md": area_using("fein.geojson"),
    }
    built = build(write_site(tmp_path, files))
    assert built.returncode == 0, built.output
    page = (built.site / "raeume" / "test" / "index.html").read_text(encoding="utf-8")
    assert "Testgemeinde" in page


def test_too_many_vertices_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(geometry, "MAX_VERTICES", 100)
    ring = [[7.0 + i / 1000, 49.0 + (i % 2) / 1000] for i in range(150)]
    with pytest.raises(geometry.GeometryError) as error:
        geometry.read_feature_collection(boundary([*ring, [7.0, 49.1], ring[0]]).encode())
    assert error.value.message_key == "geometry_too_many_vertices"


# Placeholders -------------------------------------------------------------------------------------

PAGE = """\
# Seite

So sieht ein Platzhalter aus:

```
<!-- ikep:projects status=laufend -->
```

`<!-- ikep:projects status=laufend -->` ist nur ein Beispiel.

    <!-- ikep:projects status=laufend -->

<!-- ikep:projects status=laufend -->

<!-- IKEP:projects -->

<!-- Ikep:Goals -->

<!-- ikep projects -->

<!-- ikep:projects status= -->

<!--ikep:goals-->

<!-- ikep:projects status=done

Text danach.
"""
# (line, words) the build and `ikep check` report for PAGE
PAGE_PROBLEMS = [
    (13, "status=laufend ist nicht möglich"),
    (15, "Platzhalter werden klein geschrieben: <!-- ikep:projects -->"),
    (17, "Platzhalter werden klein geschrieben: <!-- ikep:goals -->"),
    (19, "Ist <!-- ikep projects --> als Platzhalter gemeint? Dann bitte so: <!-- ikep:projects -->"),
    (21, "Bei status= fehlt der Wert"),
    (25, "<!-- ikep:projects status=done wird nicht mit --> geschlossen"),
]


def test_placeholder_problems_name_their_own_lines(tmp_path: Path) -> None:
    root = write_site(tmp_path, {**BASE, "seite.md": PAGE})
    built = build(root)
    assert_failed_cleanly(built)
    for line, words in PAGE_PROBLEMS:
        assert_reported(built, "seite.md", line, words)
    reported = [text for text in built.output.splitlines() if "content/seite.md" in text]
    assert len(reported) == len(PAGE_PROBLEMS), reported
    plain = build(root, strict=False)
    page = (plain.site / "seite" / "index.html").read_text(encoding="utf-8")
    assert "Ortskerne beleben" in page  # <!--ikep:goals--> without spaces is filled


def test_ikep_check_names_the_same_lines(tmp_path: Path) -> None:
    root = write_site(tmp_path, {**BASE, "seite.md": PAGE})
    found = sorted((item.line, item.message) for item in check_site(root).items if item.path == "content/seite.md")
    assert [line for line, _ in found] == [line for line, _ in PAGE_PROBLEMS]
    for (_, message), (_, words) in zip(found, PAGE_PROBLEMS, strict=True):
        assert words in message


def test_candidates_tell_placeholders_from_mistakes() -> None:
    text = "<!-- ikep:map area=x --> <!-- IKEP:map --> <!-- ikep Redaktion: prüfen --> <!-- ikepfoo --> <!-- ikep:map"
    found = list(placeholders.candidates(text))
    assert [(c.placeholder is not None, c.problem is not None) for c in found] == [
        (True, False),
        (False, True),
        (False, True),
    ]
    assert found[0].placeholder == placeholders.Placeholder(
        "map", {"area": "x"}, frozenset(), "<!-- ikep:map area=x -->"
    )


def test_an_unclosed_placeholder_does_not_swallow_the_next_one() -> None:
    found = list(placeholders.candidates("<!-- ikep:goals\n\nText\n\n<!-- ikep:projects -->"))
    assert found[0].problem is not None and "nicht mit --> geschlossen" in found[0].problem
    assert found[1].placeholder is not None and found[1].placeholder.name == "projects"


def test_source_lines_skip_examples_in_code() -> None:
    markdown = "```\n<!-- ikep:goals -->\n```\n\n    <!-- ikep:goals -->\n\n<!-- ikep:goals -->\n<!-- ikep:goals -->\n"
    found = list(placeholders.in_source(markdown))
    assert placeholders.source_lines(found, ["<!-- ikep:goals -->"] * 3) == [7, 8, None]


# Serve --------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serving(root: Path, port: int, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    with log.open("wb") as out:
        server = subprocess.Popen(command, cwd=root, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        try:
            yield server
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def status_of(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # our own server on 127.0.0.1
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except (urllib.error.URLError, OSError):
        return None


def wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.5)
    return False


def test_serve_reports_bad_input_and_keeps_serving(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", dict(BASE))
    port, log = free_port(), tmp_path / "serve.log"
    base = f"http://127.0.0.1:{port}/test/"  # the path of site_url in write_site
    good = base + "ziele/ortskerne-beleben/"
    with serving(root, port, log) as server:
        assert wait_for(lambda: status_of(good) == 200, SAFETY_NET_SECONDS), log.read_text(errors="replace")
        (root / "content" / "bild.md").write_bytes(PNG)
        (root / "content" / "projekte").mkdir()
        (root / "content" / "projekte" / "tief.md").write_text(
            fm("title: Tief", "status: idea", "x: " + "[" * 10_000), encoding="utf-8"
        )

        def rebuilt() -> bool:
            text = log.read_text(encoding="utf-8", errors="replace")
            return "content/projekte/tief.md:4:" in text and "content/bild.md:1:" in text

        assert wait_for(rebuilt, SAFETY_NET_SECONDS), log.read_text(errors="replace")
        time.sleep(1)  # the rebuild has reported; let it finish serving
        assert server.poll() is None, log.read_text(errors="replace")
        assert status_of(good) == 200
        assert status_of(base) == 200
    output = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in output, output
    assert "keine Textdatei" in output and "zu tief verschachtelt" in output
