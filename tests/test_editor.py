"""The web editor at admin/: generated from the specs, for editors only, off when the site says so."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import GOAL, Build, project, run_build, write_site
from test_portal import _portal

from ikep_site import labels
from ikep_site.content.schema import Choice, Field, ListOf, Record, Ref, Text
from ikep_site.content.specs import PROJECT
from ikep_site.editor.config import Repository, editor_config, repository
from ikep_site.editor.options import EditorOptions
from ikep_site.kinds import entity_specs
from ikep_site.model import Kind, Process, Site

GITHUB = {"repo_url": "https://github.com/kreis-muster/entwicklung", "edit_uri": "edit/live/website/content/"}


def admin_config(build: Build) -> dict[str, Any]:
    return yaml.safe_load((build.site / "admin" / "config.yml").read_text(encoding="utf-8"))


def walk(fields: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for field in fields:
        yield field
        yield from walk(field.get("fields", []))
        if "field" in field:
            yield from walk([field["field"]])


def collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(item for item in config["collections"] if item["name"] == name)


def by_name(fields: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(field for field in fields if field["name"] == name)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Build:
    files = {"ziele/ortskerne-beleben.md": GOAL, "projekte/dorfladen.md": project("Dorfladen")}
    root = write_site(tmp_path_factory.mktemp("editor-site"), files, extra_config=GITHUB)
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    return build


def test_every_site_has_the_editor_with_its_own_files(demo_build: Build) -> None:
    page = demo_build.page("admin/")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert '<html lang="de">' in page
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert "window.CMS_MANUAL_INIT = true" in page
    assert scripts == ["decap/decap-cms.js", "js-yaml/js-yaml.min.js", "ikep-editor.js"]
    assert (demo_build.site / "admin" / "ikep-editor.js").exists()
    assert (demo_build.site / "admin" / scripts[0]).stat().st_size > 1_000_000
    # The chunks Decap loads on demand are there too, beside the main script.
    assert len(list((demo_build.site / "admin" / "decap").glob("*.decap-cms.js"))) > 20
    config = admin_config(demo_build)
    assert config["locale"] == "de"
    assert config["backend"] == {"name": "github", "repo": "example/kreisentwicklung-kaiserslautern", "branch": "main"}


def test_repository_branch_and_content_folder_come_from_the_edit_links(small: Build) -> None:
    config = admin_config(small)
    assert config["backend"]["repo"] == "kreis-muster/entwicklung"
    assert config["backend"]["branch"] == "live"
    assert config["media_folder"] == "website/content/dokumente"
    assert config["public_folder"] == "dokumente"
    assert collection(config, "projects")["folder"] == "website/content/projekte"
    assert config["site_url"] == "https://example.org/test/"


def test_one_collection_per_kind_with_german_labels(small: Build) -> None:
    config = admin_config(small)
    assert [item["name"] for item in config["collections"]] == [kind.value for kind in Kind]
    for item in config["collections"]:
        plural, singular = labels.EDITOR_KIND[item["name"]]
        assert (item["label"], item["label_singular"]) == (plural, singular)
        assert item["create"] is True and item["format"] == "ikep-frontmatter" and item["extension"] == "md"
        assert item["fields"][-1]["name"] == "body" and item["fields"][-1]["modes"] == ["raw"]


def test_every_key_of_every_kind_is_in_its_form_required_as_the_loader_requires(small: Build) -> None:
    config = admin_config(small)
    for kind, spec in entity_specs().items():
        fields = collection(config, kind.value)["fields"]
        assert sorted(field["name"] for field in fields) == sorted([*spec.fields, "body"])
        for key, spec_field in spec.fields.items():
            assert by_name(fields, key)["required"] is spec_field.required, (kind, key)


def test_every_key_has_a_german_label() -> None:
    keys = set()

    def collect(record: Record) -> None:
        for key, spec_field in record.fields.items():
            keys.add(key)
            inner = spec_field.spec.item if isinstance(spec_field.spec, ListOf) else spec_field.spec
            if isinstance(inner, Record):
                collect(inner)

    for spec in entity_specs().values():
        collect(spec)
    assert sorted(keys - set(labels.EDITOR_FIELD)) == []


def test_choices_are_selects_with_a_german_label_for_every_value(small: Build) -> None:
    config = admin_config(small)
    selects = [field for item in config["collections"] for field in walk(item["fields"]) if field["widget"] == "select"]
    assert {field["name"] for field in selects} >= {"status", "format", "kind", "better"}
    for field in selects:
        for option in field["options"]:
            assert option["label"] != option["value"], (field["name"], option)
    status = by_name(collection(config, "projects")["fields"], "status")
    assert {"label": "In Umsetzung", "value": "in_progress"} in status["options"]


def test_references_are_relations_searched_by_title(small: Build) -> None:
    config = admin_config(small)
    goals = by_name(collection(config, "projects")["fields"], "goals")
    assert goals["widget"] == "relation" and goals["collection"] == "goals"
    assert goals["multiple"] is True and goals["min"] == 1
    assert goals["value_field"] == "{{slug}}" and goals["search_fields"] == ["title"]
    assert by_name(collection(config, "calls")["fields"], "areas")["collection"] == "areas"


def test_lists_objects_and_dates_get_their_widgets(small: Build) -> None:
    goal_fields = collection(admin_config(small), "goals")["fields"]
    indicators = by_name(goal_fields, "indicators")
    assert indicators["widget"] == "list" and indicators["label_singular"] == "Indikator"
    corridor = by_name(indicators["fields"], "corridor")
    assert corridor["widget"] == "list" and corridor["min"] == 2
    assert [field["widget"] for field in corridor["fields"]] == ["number", "number", "number"]
    assert by_name(corridor["fields"], "year")["value_type"] == "int"
    config = admin_config(small)
    project_fields = collection(config, "projects")["fields"]
    assert by_name(project_fields, "start")["format"] == "YYYY-MM-DD"
    assert by_name(project_fields, "start")["time_format"] is False
    assert by_name(collection(config, "calls")["fields"], "start")["format"] == "YYYY-MM-DDTHH:mm"
    location = by_name(project_fields, "location")
    assert location["widget"] == "object"
    # Required inside an optional object: not required in the form, or an empty location could not be saved.
    assert by_name(location["fields"], "lat")["required"] is False
    assert by_name(project_fields, "image")["widget"] == "image"


def test_new_ids_are_plain_ascii_and_empty_fields_are_left_out(small: Build) -> None:
    config = admin_config(small)
    assert config["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    assert all(item["slug"] == "{{fields.ikep_kennung}}" for item in config["collections"])


def test_a_key_added_to_the_specs_is_in_the_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(PROJECT.fields, "sponsor", Field(Text(), help="Wer das Projekt fördert"))
    monkeypatch.setitem(PROJECT.fields, "partners", Field(ListOf(Ref(Kind.NETWORK.value))))
    monkeypatch.setitem(PROJECT.fields, "scale", Field(Choice(("small", "large"), shown={"small": "klein"})))
    site = Site(processes={"": Process(id="", profile=None)})
    folders = {kind: kind.value for kind in Kind}
    made = editor_config(site, folders, Repository("a/b", "main", "content"), EditorOptions(), None)
    fields = collection(made, "projects")["fields"]
    assert by_name(fields, "sponsor") == {
        "name": "sponsor",
        "label": "sponsor",
        "widget": "string",
        "required": False,
        "hint": "Wer das Projekt fördert",
    }
    assert by_name(fields, "partners")["widget"] == "relation"
    assert by_name(fields, "partners")["collection"] == "networks"
    assert by_name(fields, "scale")["options"] == [
        {"label": "klein", "value": "small"},
        {"label": "large", "value": "large"},
    ]


def test_a_portal_has_a_collection_per_process_and_kind(tmp_path: Path) -> None:
    root = write_site(tmp_path / "portal", _portal(), plugin={"process": None}, extra_config=GITHUB)
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    config = admin_config(build)
    names = [item["name"] for item in config["collections"]]
    assert names == [f"{process}-{kind.value}" for process in ("katzweiler", "mehlbach") for kind in Kind]
    projects = collection(config, "mehlbach-projects")
    assert projects["folder"] == "website/content/mehlbach/projekte"
    assert projects["label"] == "Schlüsselprojekte – Zukunfts-Check Dorf Mehlbach"
    assert by_name(projects["fields"], "goals")["collection"] == "mehlbach-goals"


def test_not_for_citizens_no_link_no_sitemap_no_search(demo_build: Build) -> None:
    sitemap = (demo_build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/admin/" not in sitemap
    index = json.loads((demo_build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("admin")]
    linking = [
        path.relative_to(demo_build.site).as_posix()
        for path in demo_build.site.rglob("*.html")
        if "admin" not in path.relative_to(demo_build.site).parts
        and re.search(r'href="[^"]*admin/', path.read_text(encoding="utf-8"))
    ]
    assert linking == []


def test_the_editor_can_be_switched_off(tmp_path: Path) -> None:
    root = write_site(tmp_path / "off", {}, plugin={"editor": False}, extra_config=GITHUB)
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    assert not (build.site / "admin").exists()


def test_sign_in_goes_to_the_sites_authenticator(tmp_path: Path) -> None:
    editor = {"auth_url": "https://anmeldung.example.org/", "auth_endpoint": "/github/auth"}
    root = write_site(tmp_path / "auth", {}, plugin={"editor": editor}, extra_config=GITHUB)
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    backend = admin_config(build)["backend"]
    assert backend["base_url"] == "https://anmeldung.example.org"
    assert backend["auth_endpoint"] == "github/auth"


def test_a_wrong_editor_option_fails_the_strict_build_with_its_line(tmp_path: Path) -> None:
    root = write_site(tmp_path / "bad", {}, plugin={"editor": {"auth_url": "javascript:alert(1)"}}, extra_config=GITHUB)
    build = run_build(root, strict=True)
    assert build.returncode != 0
    assert re.search(r"mkdocs\.yml:\d+: .*editor.*auth_url", build.output), build.output
    assert "Traceback" not in build.output


def test_without_a_github_repository_the_page_says_what_to_set(tmp_path: Path) -> None:
    root = write_site(tmp_path / "norepo", {})
    build = run_build(root, strict=True)
    assert build.returncode == 0, build.output
    page = build.page("admin/")
    assert "repo_url" in page and "noindex" in page
    assert "decap-cms.js" not in page
    assert not (build.site / "admin" / "config.yml").exists()


def test_editor_written_names_are_escaped(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "escape", {}, extra_config={**GITHUB, "site_name": 'Kreis <script>alert(1)</script> & "Süd"'}
    )
    build = run_build(root)
    page = build.page("admin/")
    assert "<script>alert" not in page
    assert "Kreis &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Süd&quot;" in page


def test_repository_is_read_only_from_github_addresses() -> None:
    assert repository("https://github.com/a/b.git", None, "docs") == Repository("a/b", "main", "docs")
    assert repository("https://gitlab.com/a/b", "edit/main/content/", "content") is None
    assert repository(None, None, "content") is None
