"""Every example in the editor guide (content/redaktion/) is real and does what the guide says.

Examples are fenced code blocks preceded by a marker comment:

- `<!-- beispiel: projekt dorfladen-mehlbach -->`: a valid front matter for `projekte/dorfladen-mehlbach.md`
  (the id is optional); checked against the demo's content, it must produce no problem;
- `<!-- beispiel-fehler: projekt dorfladen-mehlbach -->`: an example with mistakes; the next ```text block is
  what the check reports, and it must be exactly that;
- `<!-- ausschnitt -->`: a part of a front matter, which must at least be readable YAML.

Kinds: the German folder words (`ziel`, `projekt`, …), `seite` for a Markdown page with placeholders and
`mkdocs` for an excerpt of mkdocs.yml.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from test_jsonschema import errors, front_matter

from ikep_site import placeholders
from ikep_site.cli import check_site, mask_code
from ikep_site.content.loader import DEFAULT_FOLDERS
from ikep_site.jsonschema import all_schemas, entity_schema
from ikep_site.model import Kind

GUIDE = ROOT / "content" / "redaktion"
KINDS = {
    "ziel": Kind.GOAL,
    "projekt": Kind.PROJECT,
    "beteiligung": Kind.CALL,
    "raum": Kind.AREA,
    "netzwerk": Kind.NETWORK,
    "meldung": Kind.UPDATE,
}
OTHER_KINDS = ("seite", "mkdocs")
MARKER = re.compile(r"^<!-- (beispiel|beispiel-fehler|ausschnitt)(?::\s*(\S+)(?:\s+(.+?))?)?\s*-->$")
FENCE = re.compile(r"^(`{3,}|~{3,})(\w*)\s*$")
# What an mkdocs.yml excerpt needs around it to be a whole configuration.
CONFIG_TAIL = """\
site_name: Beispiel
site_url: https://example.org/beispiel/
docs_dir: content
theme:
  name: material
  language: de
  font: false
"""


@dataclass
class Block:
    page: str
    line: int
    language: str
    text: str
    marker: str | None = None  # beispiel, beispiel-fehler, ausschnitt
    kind: str | None = None
    name: str | None = None


@dataclass
class Example:
    block: Block
    expected: list[str]  # for an error example: the lines of the report shown after it

    @property
    def id(self) -> str:
        return f"{self.block.page}:{self.block.line}-{self.block.kind}"


def blocks(path: Path) -> list[Block]:
    found: list[Block] = []
    lines = path.read_text(encoding="utf-8").split("\n")
    marker: re.Match[str] | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        opening = FENCE.match(line)
        if opening:
            end = next(i for i in range(index + 1, len(lines)) if lines[i].strip() == opening.group(1))
            block = Block(path.name, index + 1, opening.group(2), "\n".join(lines[index + 1 : end]) + "\n")
            if marker:
                block.marker, block.kind, block.name = marker.group(1), marker.group(2), marker.group(3)
            found.append(block)
            marker = None
            index = end + 1
            continue
        if MARKER.match(line.strip()):
            marker = MARKER.match(line.strip())
        elif line.strip():
            marker = None  # a marker belongs to the block right below it
        index += 1
    return found


def all_blocks() -> list[Block]:
    return [block for path in sorted(GUIDE.glob("*.md")) for block in blocks(path)]


def examples() -> list[Example]:
    found: list[Example] = []
    every = all_blocks()
    for position, block in enumerate(every):
        if block.marker not in ("beispiel", "beispiel-fehler"):
            continue
        expected: list[str] = []
        if block.marker == "beispiel-fehler":
            report = every[position + 1]
            assert report.language == "text" and report.page == block.page, f"{block.page}:{block.line}"
            expected = report.text.strip().splitlines()
        found.append(Example(block, expected))
    return found


def report_for(block: Block, tmp_path: Path) -> list[str]:
    """What `ikep check` says about the example, placed into a copy of the demo site."""
    root = tmp_path / "site"
    shutil.copytree(ROOT / "content", root / "content")
    if block.kind == "mkdocs":
        (root / "mkdocs.yml").write_text(block.text + CONFIG_TAIL, encoding="utf-8")
        shown = "mkdocs.yml"
    else:
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        if block.kind == "seite":
            relative = f"{block.name or 'beispielseite'}.md"
        else:
            assert block.kind in KINDS, block
            relative = f"{DEFAULT_FOLDERS[KINDS[block.kind]]}/{block.name or 'beispiel'}.md"
        target = root / "content" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(block.text, encoding="utf-8")
        shown = f"content/{relative}"
    return [str(d) for d in check_site(root).sorted() if d.path == shown]


EXAMPLES = examples()


def test_the_guide_has_examples_of_every_kind() -> None:
    valid = {example.block.kind for example in EXAMPLES if not example.expected}
    broken = {example.block.kind for example in EXAMPLES if example.expected}
    assert set(KINDS) | set(OTHER_KINDS) <= valid
    assert {"projekt", "ziel", "beteiligung", "raum", "seite", "mkdocs"} <= broken
    assert len(EXAMPLES) >= 25


def test_every_front_matter_in_the_guide_is_marked() -> None:
    """No example escapes these tests: each YAML block and each page with placeholders is marked."""
    for block in all_blocks():
        where = f"{block.page}:{block.line}"
        if block.language == "yaml":
            assert block.marker, f"{where}: YAML block without a marker"
        if block.language == "markdown" and "ikep:" in block.text:
            assert block.marker and block.kind == "seite", f"{where}: placeholders without a marker"
        if block.marker and block.marker != "ausschnitt":
            assert block.kind in KINDS or block.kind in OTHER_KINDS, f"{where}: unknown kind {block.kind}"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.id)
def test_example(example: Example, tmp_path: Path) -> None:
    assert report_for(example.block, tmp_path) == example.expected


@pytest.mark.parametrize(
    "example",
    [e for e in EXAMPLES if not e.expected and e.block.kind in KINDS],
    ids=lambda example: example.id,
)
def test_valid_examples_also_satisfy_the_json_schema(example: Example) -> None:
    kind = KINDS[example.block.kind or ""]
    assert errors(entity_schema(kind), front_matter(example.block.text)) == []


def test_excerpts_are_readable_yaml() -> None:
    excerpts = [block for block in all_blocks() if block.marker == "ausschnitt"]
    assert excerpts
    for block in excerpts:
        assert isinstance(yaml.safe_load(block.text), dict), f"{block.page}:{block.line}"


def test_no_live_placeholder_in_the_guide() -> None:
    """Placeholders shown in the guide sit in code, so the page shows them instead of filling them."""
    for path in sorted(GUIDE.glob("*.md")):
        masked = mask_code(path.read_text(encoding="utf-8"))
        assert [placeholder.text for _, placeholder in placeholders.find(masked)] == [], path.name


def test_the_guide_names_every_published_schema() -> None:
    text = (GUIDE / "pruefen.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(ikep-[a-z-]+\.schema\.json)`", text))
    assert named == set(all_schemas())
