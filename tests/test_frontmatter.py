"""Front matter composed without work it does not need: the scan before composing, alias checks."""

from __future__ import annotations

from typing import Any

import pytest


def _counting_scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import yaml

    scanned: list[str] = []
    scan = yaml.scan

    def counting(stream: str, Loader: Any) -> Any:  # PyYAML calls it with this keyword
        scanned.append(stream)
        return scan(stream, Loader=Loader)

    monkeypatch.setattr(yaml, "scan", counting)
    return scanned


def test_shallow_front_matter_with_ampersands_and_aliases_is_not_scanned_before_composing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An `&` in a text ("Kultur & Freizeit") or an alias as dump tools write them sent every such
    file through YAML's scanner before it was composed; a third of the benchmark's files."""
    from yaml.nodes import MappingNode

    from ikep_site.content import frontmatter
    from ikep_site.diagnostics import Report

    scanned = _counting_scans(monkeypatch)
    report = Report()
    texts = [
        "title: Kultur & Freizeit\nlead: Sterne * und Punkte\n",
        "start: &id001 2026-05-22\nmilestones:\n- {date: *id001, title: Start, done: true}\n",
    ]
    nodes = [frontmatter.compose(text, "x.md", report, first_line=2) for text in texts]
    assert all(isinstance(node, MappingNode) for node in nodes)
    assert report.items == []
    assert scanned == []


def test_a_large_front_matter_with_a_star_but_no_alias_is_not_taken_for_multiplied_aliases() -> None:
    """Without scanning, a `*` only may be an alias: a tree that shares no node holds none."""
    from ikep_site.content import frontmatter
    from ikep_site.diagnostics import Report

    items = "".join(f"- Punkt {number} *\n" for number in range(frontmatter.MAX_EXPANDED + 10))
    report = Report()
    node = frontmatter.compose("title: Viele Punkte\nlist:\n" + items, "x.md", report, first_line=2)
    assert node is not None and node is not False, report.items
    assert report.items == []
