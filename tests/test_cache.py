"""Live editing: a rebuild after editing one entity redoes the work for that entity only."""

from __future__ import annotations

import gc
import json
from pathlib import Path

from conftest import GEMEINDE_AREA, GEOAREAS, GOAL, project, write_site
from mkdocs.commands.build import build
from mkdocs.config import load_config

from ikep_site.plugin import IkepPlugin


def test_rebuild_after_one_edit_reuses_everything_else(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"ziele/ortskerne-beleben.md": GOAL}
    for number in range(60):
        files[f"projekte/p-{number:02d}.md"] = project(f"Projekt {number:02d}")
    root = write_site(tmp_path, files)
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["ikep"]
    assert isinstance(plugin, IkepPlugin) and plugin.cache is not None

    gc.unfreeze()
    build(config)
    # Every entity parsed once; its page and the 9 other generated pages (legal pages, Leichte
    # Sprache and Gebärdensprache, profile, open data, progress report, widgets) rendered once.
    assert (len(plugin.cache.parsed), plugin.cache.pages.misses) == (61, 70)
    # What outlives the first build (the modules' code, the cache) is left alone by the garbage
    # collector from now on, instead of being walked again in every rebuild.
    assert gc.get_freeze_count() > 0

    edited = root / "content/projekte/p-07.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Projekt 07", "Projekt 07 (neu)"), encoding="utf-8")
    plugin.cache.pages.hits = plugin.cache.pages.misses = plugin.cache.parsed.hits = 0
    build(config)
    # Of the entity pages, the edited project and its goal (which lists it) are rendered again; of
    # a single process's other pages all 9, because they may show anything of the process.
    assert plugin.cache.pages.misses == 2 + 9, (plugin.cache.pages.hits, plugin.cache.pages.misses)
    assert plugin.cache.pages.hits == 59
    assert plugin.cache.parsed.hits == 60  # only the edited file was parsed again
    assert "Projekt 07 (neu)" in (tmp_path / "site/projekte/p-07/index.html").read_text(encoding="utf-8")
    # Open data and the feed show every title: made again.
    assert "Projekt 07 (neu)" in (tmp_path / "site/daten/projekte.csv").read_text(encoding="utf-8-sig")
    assert "Projekt 07 (neu)" in (tmp_path / "site/ziele/ortskerne-beleben/index.html").read_text(encoding="utf-8")

    # A new value of the goal's indicator reaches the indicator's table, kept until now.
    table = tmp_path / "site/ziele/ortskerne-beleben/leerstand.csv"
    assert "6,9" not in table.read_text(encoding="utf-8-sig")
    goal = root / "content/ziele/ortskerne-beleben.md"
    goal.write_text(
        goal.read_text(encoding="utf-8").replace("{year: 2024, value: 7.1}", "{year: 2025, value: 6.9}"),
        encoding="utf-8",
    )
    build(config)
    assert "2025;6,9" in table.read_text(encoding="utf-8-sig")


def test_areas_are_kept_until_their_boundary_file_changes(tmp_path: Path) -> None:
    shapes = json.loads(GEOAREAS["geodaten/kl-ortsgemeinden.geojson"])
    first = dict(shapes["features"][0]["properties"])
    area = f"""---
title: Eine Gemeinde
kind: gemeinde
geometry: geodaten/gemeinden.geojson
key: AGS
members: ["{first["AGS"]}"]
---
"""
    files: dict[str, str | bytes] = {
        "ziele/ortskerne-beleben.md": GOAL,
        "raeume/gemeinde.md": area,
        "geodaten/gemeinden.geojson": json.dumps(shapes),
    }
    root = write_site(tmp_path, files)
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["ikep"]
    assert isinstance(plugin, IkepPlugin) and plugin.cache is not None
    page = tmp_path / "site/raeume/gemeinde/index.html"

    build(config)
    assert first["GEN"] in page.read_text(encoding="utf-8")
    # The boundary file as the maps load it, published once for the site.
    (published,) = (tmp_path / "site/assets/ikep/geo").glob("gemeinden-*.geojson")
    assert first["GEN"] in published.read_text(encoding="utf-8")

    plugin.cache.parsed.hits = 0
    build(config)
    assert plugin.cache.parsed.hits == 2  # goal and area: the boundary file is unchanged
    assert first["GEN"] in page.read_text(encoding="utf-8")  # and its shapes are still on the map

    shapes["features"][0]["properties"]["GEN"] = "Umbenannt"
    (root / "content/geodaten/gemeinden.geojson").write_text(json.dumps(shapes), encoding="utf-8")
    plugin.cache.parsed.hits = 0
    build(config)
    assert plugin.cache.parsed.hits == 1  # only the goal: the area's boundary file changed
    html = page.read_text(encoding="utf-8")
    assert "Umbenannt" in html and first["GEN"] not in html
    shapes_now = published.read_text(encoding="utf-8")
    assert "Umbenannt" in shapes_now and first["GEN"] not in shapes_now


PORTAL_PROFILE = "name: Zukunfts-Check Dorf {name}\nkind: Zukunfts-Check Dorf\n"


def test_in_a_portal_an_edit_renders_again_only_its_own_and_linked_processes(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"index.md": "# Portal\n\n<!-- ikep:processes -->\n"}
    villages = ("mehlbach", "katzweiler", "otterbach", "sulzbach")
    for village in villages:
        files[f"{village}/prozess.yml"] = PORTAL_PROFILE.format(name=village.title())
        files[f"{village}/ziele/ortskerne-beleben.md"] = GOAL.replace("Ortskerne beleben", f"Ortskern {village}")
        for number in range(3):
            files[f"{village}/projekte/p-{number}.md"] = project(f"Projekt {number} in {village.title()}")
    files.update(GEOAREAS)
    for village, ags in (("mehlbach", "07335025"), ("katzweiler", "07335017")):
        files[f"{village}/raeume/gemeinde.md"] = GEMEINDE_AREA.format(name=village.title(), ags=ags)
    # Katzweiler serves a goal of Mehlbach too: an edit in Mehlbach may change Katzweiler's listings.
    files["katzweiler/projekte/p-0.md"] = project(
        "Projekt 0 in Katzweiler", goals="[ortskerne-beleben, mehlbach/ortskerne-beleben]"
    )
    root = write_site(tmp_path, files, plugin={"process": None})
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["ikep"]
    assert isinstance(plugin, IkepPlugin) and plugin.cache is not None
    build(config)
    assert len(plugin.cache.listings) > 4 * 3  # each process's home page and overviews list its entries
    first_versions = {version for version, _ in plugin.cache.listings.values()}

    # Mehlbach's goal, served by a project of Katzweiler.
    edited = root / "content/mehlbach/ziele/ortskerne-beleben.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Ortskern mehlbach", "Ortsmitte"), encoding="utf-8")
    cache = plugin.cache
    cache.pages.hits = cache.pages.misses = cache.listings.hits = cache.listings.misses = 0
    build(config)

    def renewed(process: str) -> set[str]:
        return {uri for uri, _ in cache.listings if uri.startswith(f"{process}/")} & made_again

    made_again = {uri for (uri, _), (version, _) in cache.listings.items() if version not in first_versions}
    assert renewed("otterbach") == set() and renewed("sulzbach") == set()
    assert renewed("mehlbach") and renewed("katzweiler")  # the edited process and the one linked to the goal
    assert "index.md" in made_again  # the portal's list of all processes may show anything
    unrelated = [uri for uri, _ in cache.listings if uri.split("/")[0] in ("otterbach", "sulzbach")]
    assert cache.listings.hits == len(unrelated) > 0  # every listing of the unrelated processes was reused
    site = tmp_path / "site"
    assert "Ortsmitte" in (site / "mehlbach/ziele/index.html").read_text(encoding="utf-8")
    assert "Ortsmitte" in (site / "katzweiler/projekte/p-0/index.html").read_text(encoding="utf-8")
    assert "Ortskern otterbach" in (site / "otterbach/ziele/index.html").read_text(encoding="utf-8")

    # An edit that no other process shows: only its own process and the site-wide lists.
    cache.listings.hits = cache.listings.misses = 0
    first_versions = {version for version, _ in cache.listings.values()}
    edited = root / "content/mehlbach/projekte/p-1.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Projekt 1 in", "Projekt eins in"), encoding="utf-8")
    build(config)
    made_again = {uri for (uri, _), (version, _) in cache.listings.items() if version not in first_versions}
    assert {uri.split("/")[0] for uri in made_again} - {"index.md", "ziele", "projekte", "beteiligung"} == {"mehlbach"}
    assert "Projekt eins in Mehlbach" in (site / "mehlbach/projekte/index.html").read_text(encoding="utf-8")

    # Rewording a project's text changes its own page only: no listing shows the text.
    cache.pages.hits = cache.pages.misses = cache.listings.hits = cache.listings.misses = 0
    open_data = cache.published["open data"]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEin neuer Absatz.\n", encoding="utf-8")
    build(config)
    assert (cache.pages.misses, cache.listings.misses) == (1, 0), (cache.pages.misses, cache.listings.misses)
    assert cache.published["open data"] is open_data  # nor open data
    assert "Ein neuer Absatz." in (site / "mehlbach/projekte/p-1/index.html").read_text(encoding="utf-8")

    # After all these edits, what the kept parts were put together into is what a fresh build makes.
    fresh = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "fresh"))
    build(fresh)
    published = ["feed.xml", *(f"daten/{path.name}" for path in (site / "daten").iterdir())]
    for name in published:
        assert (site / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name
    assert "Ortsmitte" in (site / "daten/ziele.csv").read_text(encoding="utf-8-sig")
    assert "Gemeinde Katzweiler" in (site / "daten/raeume.geojson").read_text(encoding="utf-8")


def test_an_edited_template_override_reaches_the_kept_pages(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {"ziele/ortskerne-beleben.md": GOAL, "projekte/laden.md": project("Dorfladen")},
        extra_config={"theme": {"name": "material", "language": "de", "font": False, "custom_dir": "overrides"}},
    )
    override = root / "overrides/ikep/project.html"
    override.parent.mkdir(parents=True)
    override.write_text("<p>Fassung eins: {{ entity.title }}</p>\n", encoding="utf-8")
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    page = tmp_path / "site/projekte/laden/index.html"
    assert "Fassung eins: Dorfladen" in page.read_text(encoding="utf-8")

    # What `mkdocs serve` does when a watched template changes: build again with the same plugin.
    override.write_text("<p>Fassung zwei: {{ entity.title }}</p>\n", encoding="utf-8")
    build(config)
    assert "Fassung zwei: Dorfladen" in page.read_text(encoding="utf-8")


def test_an_edited_process_profile_reaches_its_pages(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"index.md": "# Portal\n\n<!-- ikep:processes -->\n"}
    for village in ("mehlbach", "katzweiler"):
        files[f"{village}/prozess.yml"] = PORTAL_PROFILE.format(name=village.title())
        files[f"{village}/ziele/ortskerne-beleben.md"] = GOAL
    root = write_site(tmp_path, files, plugin={"process": None})
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    profile = root / "content/mehlbach/prozess.yml"
    profile.write_text(PORTAL_PROFILE.format(name="Mehlbach-Nord"), encoding="utf-8")
    build(config)
    assert "Zukunfts-Check Dorf Mehlbach-Nord" in (tmp_path / "site/mehlbach/index.html").read_text(encoding="utf-8")
    assert "Zukunfts-Check Dorf Mehlbach-Nord" in (tmp_path / "site/index.html").read_text(encoding="utf-8")
