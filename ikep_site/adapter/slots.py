"""A page's placeholders in its HTML: where each is (its slot), and the slot filled with its listing.

A faulty placeholder is reported with its line in the page's Markdown and left out of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import placeholders
from ..cache import BuildCache
from ..diagnostics import Report
from ..placeholders import Placeholder
from ..render.html import HtmlRenderer
from .renderer import listing
from .reporting import log_report

# A page that may hold a placeholder, well-formed or not (an unclosed one is escaped: `&lt;!--`).
_MENTIONS_IKEP = re.compile("ikep", re.I)


@dataclass(frozen=True)
class _Slot:
    start: int
    end: int
    number: int  # of the placeholder on its page
    placeholder: Placeholder | None  # None: faulty, reported, left out
    heading_level: int


def fill_placeholders(
    html: str, src_uri: str, renderer: HtmlRenderer, cache: BuildCache | None, *, docs_dir: Path, display_prefix: str
) -> str:
    """The page's HTML with its placeholders filled; `docs_dir` and `display_prefix` find its Markdown."""
    slots = _placeholder_slots(html, src_uri, renderer, docs_dir, display_prefix)
    return _filled(html, src_uri, slots, renderer, cache) if slots else html


def _filled(html: str, src_uri: str, slots: list[_Slot], renderer: HtmlRenderer, cache: BuildCache | None) -> str:
    """`html` with each slot's listing."""
    parts: list[str] = []
    position = 0
    for slot in slots:
        parts.append(html[position : slot.start])
        if slot.placeholder is not None:
            parts.append(listing(renderer, cache, slot.placeholder, src_uri, slot.number, slot.heading_level))
        position = slot.end
    parts.append(html[position:])
    return "".join(parts)


def _placeholder_slots(
    html: str, src_uri: str, renderer: HtmlRenderer, docs_dir: Path, display_prefix: str
) -> list[_Slot]:
    """Where a page's placeholders are and what each lists; a faulty one is reported and dropped.

    Malformed ones (unclosed, upper case, …) are no placeholders in the HTML: they are found,
    like the lines of all of them, in the page's Markdown, as `ikep check` finds them.
    """
    if _MENTIONS_IKEP.search(html) is None:
        return []  # most pages: no need to read the Markdown again
    found = list(placeholders.find(html))
    in_source = list(placeholders.in_source(_source_text(docs_dir / src_uri)))
    report = Report()
    display = display_prefix + src_uri
    for line, candidate in in_source:
        if candidate.problem is not None:
            report.add(display, line, candidate.problem, warning_only=candidate.warning_only)
    lines = placeholders.source_lines(in_source, [candidate.text for candidate, _ in found])
    slots: list[_Slot] = []
    for number, ((candidate, placeholder), source_line) in enumerate(zip(found, lines, strict=True)):
        problems = placeholders.problems(placeholder, renderer.scope_of(src_uri))
        if problems:
            for problem in problems:
                report.add(display, source_line, problem)
            slots.append(_Slot(candidate.start, candidate.end, number, None, 0))
            continue
        level = _next_heading_level(html, candidate.start)
        slots.append(_Slot(candidate.start, candidate.end, number, placeholder, level))
    log_report(report)
    return slots


def _source_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _next_heading_level(html: str, position: int) -> int:
    """The heading level a listing at `position` should use, so headings never skip a level."""
    levels = re.findall(r"<h([1-6])[\s>]", html[:position])
    return min(int(levels[-1]) + 1, 6) if levels else 2
