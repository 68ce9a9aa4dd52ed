"""The `ikep` command: check without building, new entries, new sites."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import GOAL, ROOT, project, run_build, write_site
from test_jsonschema import errors, front_matter

from ikep_site import placeholders
from ikep_site.cli import KIND_NAMES, main
from ikep_site.content.loader import DEFAULT_FOLDERS
from ikep_site.jsonschema import entity_schema
from ikep_site.messages import MESSAGES
from ikep_site.model import Kind


def ikep(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site made by `ikep init`, shared by the tests that only read it."""
    root = tmp_path_factory.mktemp("init") / "website"
    result = ikep("init", str(root))
    assert result.exit_code == 0, result.output
    return root


# ikep check --------------------------------------------------------------------------------------


def test_check_demo_finds_no_problem() -> None:
    result = ikep("check", str(ROOT))
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(MESSAGES["cli_no_problems"])
    assert MESSAGES["cli_no_problems"] == "Keine Probleme gefunden."


def test_check_reports_every_problem_with_file_and_line(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {
            "ziele/ortskerne-beleben.md": GOAL,
            "projekte/dorfladen.md": project("Dorfladen", status="laufend", goals="[ortskern]"),
            "index.md": "# Start\n\n<!-- ikep:projekte -->\n",
        },
    )
    result = ikep("check", str(root))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    prefix = f"{root.as_posix()}/content/"
    assert lines[:-1] == [
        f"{prefix}index.md:3: "
        + MESSAGES["unknown_placeholder"].format(name="projekte", known=", ".join(placeholders.OPTIONS))
        + " Meinten Sie projects?",
        f"{prefix}projekte/dorfladen.md:4: status: 'laufend' ist nicht erlaubt. Möglich sind: idea, planned, "
        "in_progress, done, paused, dropped. Meinten Sie in_progress?",
        f"{prefix}projekte/dorfladen.md:5: goals: Das Ziel 'ortskern' gibt es nicht. Vorhanden: ortskerne-beleben. "
        "Meinten Sie ortskerne-beleben?",
    ]
    assert lines[-1] == "3 Probleme in 2 Dateien"


def test_check_summary_in_the_singular(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"ziele/ortskerne-beleben.md": GOAL, "projekte/x.md": project("X", status="laufend")})
    result = ikep("check", str(root))
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == "1 Problem in 1 Datei"


def test_check_paths_are_relative_to_the_folder_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_site(tmp_path / "website", {"projekte/x.md": project("X")})
    monkeypatch.chdir(tmp_path)
    result = ikep("check", "website")
    assert result.output.startswith("website/content/projekte/x.md:5: goals: Das Ziel 'ortskerne-beleben'")
    monkeypatch.chdir(tmp_path / "website")
    result = ikep("check")
    assert result.output.startswith("content/projekte/x.md:5: goals:")


def test_placeholders_in_code_and_front_matter_are_not_checked(tmp_path: Path) -> None:
    page = """\
---
title: Seite
description: "<!-- ikep:front -->"
---

So schreibt man einen Platzhalter: `<!-- ikep:inline -->` oder ``<!-- ikep:double -->``.

```markdown
<!-- ikep:fenced -->
```

~~~~
<!-- ikep:tilde -->
```
<!-- ikep:still-inside -->
~~~~

!!! note

    ```
    <!-- ikep:in-admonition -->
    ```

<!-- ikep:goals -->

<!-- ikep:wrong -->
"""
    root = write_site(tmp_path, {"seite.md": page})
    result = ikep("check", str(root))
    assert result.exit_code == 1
    problems = result.output.strip().splitlines()[:-1]
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{root.as_posix()}/content/seite.md:26: Unbekannter Platzhalter ikep:wrong.")


def test_placeholder_options_are_checked_against_the_content(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {
            "ziele/ortskerne-beleben.md": GOAL,
            "index.md": "# Start\n\n<!-- ikep:projects goal=ortskerne-beleben -->\n\n<!-- ikep:map -->\n\n"
            "<!-- ikep:updates limit=drei -->\n",
        },
    )
    result = ikep("check", str(root))
    problems = [line.split(": ", 1)[1] for line in result.output.strip().splitlines()[:-1]]
    assert problems == [
        MESSAGES["placeholder_needs"].format(name="map", option="area"),
        MESSAGES["bad_placeholder_value"].format(name="updates", option="limit", value="drei", hint=""),
    ]


def test_check_reads_mkdocs_yml_with_env_and_python_tags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_site(tmp_path, {"inhalte/ziele/ortskerne-beleben.md": GOAL})
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"][1]["ikep"]["folders"] = {"goals": "wirkungsziele"}
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    text = text.replace("docs_dir: content", "docs_dir: !ENV [IKEP_TEST_DOCS, content]")
    text += (
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
        "extra:\n  analytics: !ENV ANALYTICS_KEY\n  custom: !unknown-tag {a: 1}\n"
    )
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    (root / "content/wirkungsziele").mkdir()
    (root / "content/projekte").mkdir()
    (root / "content/wirkungsziele/ortskerne-beleben.md").write_text(GOAL.lstrip("\n"), encoding="utf-8")
    (root / "content/projekte/x.md").write_text(project("X"), encoding="utf-8")
    monkeypatch.delenv("IKEP_TEST_DOCS", raising=False)
    assert ikep("check", str(root)).exit_code == 0
    # The environment chooses another content folder, where the project's goal is missing.
    (root / "inhalte/projekte").mkdir(parents=True)
    (root / "inhalte/projekte/x.md").write_text(project("X"), encoding="utf-8")
    result = ikep("check", str(root), env={"IKEP_TEST_DOCS": "inhalte"})
    assert result.exit_code == 1
    assert f"{root.as_posix()}/inhalte/projekte/x.md:5: goals: Das Ziel" in result.output


def test_check_reports_site_options(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {},
        plugin={"operator": None, "process": {"name": "Prozess", "phases": [{"name": "A", "start": "2024-13-01"}]}},
        extra_config={"theme": {"name": "material", "language": "de"}},
    )
    result = ikep("check", str(root))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    config = f"{root.as_posix()}/mkdocs.yml"
    assert any(line.startswith(f"{config}: Die Angaben zum Betreiber") for line in lines), lines
    assert any(line.startswith(f"{config}:") and "theme.font" in line for line in lines), lines
    assert any("process.phases.start: '2024-13-01' ist kein gültiges Datum" in line for line in lines), lines
    assert f"{config}: {MESSAGES['site_url_missing']}" not in lines
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(text.replace("site_url: https://example.org/test/\n", ""), encoding="utf-8")
    assert f"{config}: {MESSAGES['site_url_missing']}" in ikep("check", str(root)).output.splitlines()


def test_check_without_the_plugin_or_without_mkdocs_yml(tmp_path: Path) -> None:
    result = ikep("check", str(tmp_path))
    assert result.exit_code == 2
    assert "keine mkdocs.yml" in result.output
    (tmp_path / "mkdocs.yml").write_text("site_name: X\ntheme: {name: material, font: false}\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    result = ikep("check", str(tmp_path))
    assert result.exit_code == 1
    assert MESSAGES["cli_plugin_missing"] in result.output


def test_check_without_the_content_folder(tmp_path: Path) -> None:
    root = write_site(tmp_path, {})
    shutil.rmtree(root / "content")
    result = ikep("check", str(root))
    assert result.exit_code == 1
    assert MESSAGES["cli_docs_dir_missing"].format(dir="content") in result.output


def test_check_broken_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nplugins:\n  - ikep:\n    process: [\n", encoding="utf-8")
    result = ikep("check", str(tmp_path))
    assert result.exit_code == 1
    assert result.output.startswith(f"{tmp_path.as_posix()}/mkdocs.yml:")
    assert "mkdocs.yml ist nicht lesbar" in result.output
    assert "Traceback" not in result.output


def test_check_github_format_annotates_lines_and_writes_a_summary(tmp_path: Path) -> None:
    files = {"ziele/ortskerne-beleben.md": GOAL, "projekte/x.md": project("X", status="a,b")}
    root = write_site(tmp_path / "site", files)
    summary = tmp_path / "summary.md"
    result = ikep("check", str(root), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    annotation = next(line for line in result.output.splitlines() if line.startswith("::error "))
    path = f"{root.as_posix()}/content/projekte/x.md".replace(":", "%3A").replace(",", "%2C")
    assert annotation.startswith(f"::error file={path},line=4::status: 'a,b' ist nicht erlaubt.")
    written = summary.read_text(encoding="utf-8")
    assert "### Prüfung der Inhalte" in written and "1 Problem in 1 Datei" in written
    assert "status: 'a,b' ist nicht erlaubt" in written


def test_check_is_the_installed_ikep_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ikep_site.cli", "check", str(ROOT)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == "Keine Probleme gefunden.\n"


# ikep init ---------------------------------------------------------------------------------------


def test_init_creates_a_site_that_checks_and_builds_strictly(new_site: Path) -> None:
    for name in (
        "mkdocs.yml",
        "README.md",
        "requirements.txt",
        ".gitignore",
        ".github/workflows/pages.yml",
        "content/index.md",
        "content/geodaten/landkreis-kaiserslautern.geojson",
        "content/geodaten/README.txt",
    ):
        assert (new_site / name).is_file(), name
    for kind, folder in DEFAULT_FOLDERS.items():
        examples = list((new_site / "content" / folder).glob("*.md"))
        assert len(examples) == 1, (kind, examples)
        assert errors(entity_schema(kind), front_matter(examples[0].read_text(encoding="utf-8"))) == []
    assert not list(new_site.rglob("*.tmpl"))
    assert "$" not in (new_site / "content/beteiligung/zukunftswerkstatt.md").read_text(encoding="utf-8")
    assert "ikep-site" in (new_site / "requirements.txt").read_text(encoding="utf-8")
    assert "GeoBasis-DE / BKG" in (new_site / "content/geodaten/README.txt").read_text(encoding="utf-8")
    assert "<!-- ikep:" in (new_site / "content/index.md").read_text(encoding="utf-8")
    assert ikep("check", str(new_site)).exit_code == 0

    build = run_build(new_site, strict=True)
    assert build.returncode == 0, build.output
    assert "Zukunftswerkstatt Ortsmitte" in build.page("")
    assert "Dorfladen mit Café" in build.page("projekte/dorfladen/")


def test_init_config_is_what_the_contract_asks(new_site: Path) -> None:
    config = yaml.safe_load((new_site / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["name"] == "material"
    assert config["theme"]["language"] == "de"
    assert config["theme"]["font"] is False
    assert config["theme"]["palette"]
    assert config["plugins"][0] == {"search": {"lang": "de", "pipeline": ["stemmer", "stopWordFilter", "trimmer"]}}
    options = config["plugins"][1]["ikep"]
    assert options["process"]["area"] == "prozessgebiet"
    assert "example.org" in options["operator"]["email"]


def test_init_ships_the_repository_workflow(new_site: Path) -> None:
    shipped = (new_site / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    assert shipped == (ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8")


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notiz.txt").write_text("x", encoding="utf-8")
    result = ikep("init", str(tmp_path))
    assert result.exit_code == 1
    assert MESSAGES["cli_dir_not_empty"].format(dir=tmp_path.as_posix()) in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notiz.txt"]
    empty = tmp_path / "leer"
    empty.mkdir()
    assert ikep("init", str(empty)).exit_code == 0


# Where the package came from, as pip records it (PEP 610); None: installed from an index.
WHEEL_ORIGIN = '{"url": "file:///home/redaktion/ikep_site-0.1.0-py3-none-any.whl", "archive_info": {}}'
FOLDER_ORIGIN = '{"url": "file:///home/redaktion/ikep-site", "dir_info": {"editable": true}}'
COMMIT = "a" * 40
GIT_ORIGIN = json.dumps(
    {"url": "https://github.com/ikep-site/ikep-site", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}
)
ARCHIVE_ORIGIN = '{"url": "https://example.org/ikep-site-0.1.0.tar.gz", "archive_info": {"hash": "sha256=00"}}'


def fake_install(tmp_path: Path, origin: str | None) -> metadata.Distribution:
    """ikep-site's metadata as an install writes it, with the project's own [project.urls]."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    info = tmp_path / f"ikep_site-{project['version']}.dist-info"
    info.mkdir()
    lines = ["Metadata-Version: 2.1", "Name: ikep-site", f"Version: {project['version']}"]
    lines += [f"Project-URL: {label}, {url}" for label, url in project.get("urls", {}).items()]
    (info / "METADATA").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if origin is not None:
        (info / "direct_url.json").write_text(origin, encoding="utf-8")
    return metadata.PathDistribution(info)


@pytest.mark.parametrize(
    ("origin", "expected"),
    [
        # Not on PyPI: whatever was installed locally, a new site installs the release's tag.
        (WHEEL_ORIGIN, "ikep-site @ git+https://github.com/ikep-site/ikep-site@v0.1.0"),
        (FOLDER_ORIGIN, "ikep-site @ git+https://github.com/ikep-site/ikep-site@v0.1.0"),
        (None, "ikep-site @ git+https://github.com/ikep-site/ikep-site@v0.1.0"),
        ("{not json", "ikep-site @ git+https://github.com/ikep-site/ikep-site@v0.1.0"),
        # Installed from a public source: exactly that source again.
        (GIT_ORIGIN, f"ikep-site @ git+https://github.com/ikep-site/ikep-site@{COMMIT}"),
        (ARCHIVE_ORIGIN, "ikep-site @ https://example.org/ikep-site-0.1.0.tar.gz"),
    ],
    ids=["wheel", "local-folder", "index", "unreadable-origin", "public-git", "public-archive"],
)
def test_init_requirement_installs_where_the_package_came_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, origin: str | None, expected: str
) -> None:
    installed = fake_install(tmp_path, origin)
    real = metadata.distribution
    monkeypatch.setattr(metadata, "distribution", lambda name: installed if name == "ikep-site" else real(name))
    result = ikep("init", str(tmp_path / "website"))
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "website" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == [expected]


# ikep new ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["goal", "project", "call", "area", "network", "update"])
def test_new_writes_a_valid_commented_entry(tmp_path: Path, kind: str) -> None:
    root = tmp_path / "website"
    assert ikep("init", str(root)).exit_code == 0
    result = ikep("new", kind, "Größe & Weiß: Übung", "--dir", str(root))
    assert result.exit_code == 0, result.output
    entity_kind = KIND_NAMES[kind]
    target = root / "content" / DEFAULT_FOLDERS[entity_kind] / "groesse-weiss-uebung.md"
    assert target.is_file()
    text = target.read_text(encoding="utf-8")
    assert 'title: "Größe & Weiß: Übung"' in text
    assert text.count("#") > 8  # every field explained
    assert errors(entity_schema(entity_kind), front_matter(text)) == []
    assert f"{root.as_posix()}/content/{DEFAULT_FOLDERS[entity_kind]}/groesse-weiss-uebung.md" in result.output
    check = ikep("check", str(root))
    assert check.exit_code == 0, check.output


def test_new_project_takes_an_existing_goal(new_site: Path, tmp_path: Path) -> None:
    root = tmp_path / "website"
    assert ikep("init", str(root)).exit_code == 0
    result = ikep("new", "projekt", "Bürgerbus", "--dir", str(root))
    assert result.exit_code == 0, result.output
    text = (root / "content/projekte/buergerbus.md").read_text(encoding="utf-8")
    assert "goals: [ortsmitten-beleben]" in text
    assert "ortsmitten-beleben" in result.output


def test_new_project_without_any_goal_is_refused(tmp_path: Path) -> None:
    root = write_site(tmp_path, {})
    result = ikep("new", "project", "Dorfladen", "--dir", str(root))
    assert result.exit_code == 1
    assert "ikep new goal" in result.output
    assert not (root / "content/projekte").exists()


def test_new_never_overwrites(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"ziele/ortskerne-beleben.md": GOAL})
    before = (root / "content/ziele/ortskerne-beleben.md").read_text(encoding="utf-8")
    result = ikep("new", "goal", "Ortskerne beleben", "--dir", str(root))
    assert result.exit_code == 1
    assert "gibt es schon" in result.output
    assert (root / "content/ziele/ortskerne-beleben.md").read_text(encoding="utf-8") == before


def test_new_follows_the_folder_options(tmp_path: Path) -> None:
    root = write_site(tmp_path, {}, plugin={"folders": {"updates": "neuigkeiten"}})
    result = ikep("new", "meldung", "Erste Meldung", "--dir", str(root))
    assert result.exit_code == 0, result.output
    assert (root / "content/neuigkeiten/erste-meldung.md").is_file()
    assert ikep("check", str(root)).exit_code == 0


def test_new_needs_a_title_and_a_known_kind(tmp_path: Path) -> None:
    root = write_site(tmp_path, {})
    assert ikep("new", "goal", "  ", "--dir", str(root)).exit_code == 1
    assert ikep("new", "termin", "Werkstatt", "--dir", str(root)).exit_code == 2
    assert set(KIND_NAMES.values()) == set(Kind)
