"""Placeholders editors put into pages: `<!-- ikep:projects status=in_progress -->`.

They are HTML comments, so Markdown leaves them alone; we look for them in the rendered HTML,
where a placeholder shown inside a code block has been escaped and is no longer found. Every
comment that starts with `ikep` is a candidate (`candidates`): a well-formed one is a
placeholder, a malformed one (unclosed, upper case, `ikep projects`) is an editor's mistake that
must be reported, never left out silently. Malformed ones are found in the Markdown source
(`in_source`), which the plugin and `ikep check` both read; code there is masked first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from .content.schema import did_you_mean
from .kinds import FLAG, NUMBER, OptionKind, placeholder_options
from .messages import MESSAGES
from .model import Kind, Process

# A comment beginning with the word ikep, in any case (not `ikepfoo`).
_CANDIDATE: Final = re.compile(r"<!--\s*ikep(?![a-z0-9])", re.I)
_OPEN: Final = "<!--"
_CLOSE: Final = "-->"
# The inside of a well-formed placeholder: `ikep:name`, then options.
_WELL_FORMED: Final = re.compile(r"ikep:([a-z_-]+)(?:\s+(.*))?", re.S)
# A placeholder written a little differently: other case, a space or another mark instead of
# the colon, spaces around it.
_NEAR: Final = re.compile(r"ikep\s*[:;.,_\s-]\s*([A-Za-z_-]+)(?:\s+(.*))?", re.S | re.I)

# The options of the placeholders named after an entity kind come from the registry of kinds
# (kinds.py), and so do the option value kinds (NUMBER, FLAG, OptionKind).
OPTIONS: Final[dict[str, dict[str, OptionKind]]] = {
    **placeholder_options(),
    "map": {"area": Kind.AREA},
    "process": {},
    "processes": {"limit": NUMBER},
    "now": {},  # what is happening now: phase, next calls, contact
}
REQUIRED: Final = {"map": ("area",)}


@dataclass(frozen=True)
class Placeholder:
    name: str
    options: dict[str, str] = field(default_factory=dict)
    flags: frozenset[str] = frozenset()
    text: str = ""  # the comment as written, to find its line in the source


@dataclass(frozen=True)
class Candidate:
    """A comment starting with `ikep`: a placeholder, or a mistake in German (`problem`)."""

    start: int
    end: int
    text: str
    placeholder: Placeholder | None = None
    problem: str | None = None
    warning_only: bool = False  # plausibly meant as a placeholder, plausibly an ordinary comment


def candidates(text: str) -> Iterator[Candidate]:
    """Every comment in `text` (HTML or Markdown) that begins with `ikep`, in order."""
    position, close = 0, 0
    while (match := _CANDIDATE.search(text, position)) is not None:
        start = match.start()
        if 0 <= close < match.end():  # else still the next one (or there is none): no new search,
            close = text.find(_CLOSE, match.end())  # so many unclosed ones stay linear
        reopen = text.find(_OPEN, match.end())
        if close < 0 or 0 <= reopen < close:
            # Unclosed: Markdown swallows everything up to the next comment's end, or prints it.
            line_end = text.find("\n", start)
            shown = text[start : line_end if line_end >= 0 else len(text)].rstrip()
            yield Candidate(
                start, start + len(shown), shown, problem=MESSAGES["placeholder_unclosed"].format(text=shown)
            )
            position = match.end()
            continue
        end = close + len(_CLOSE)
        candidate = _judge(start, end, text[start:end], text[match.start() + len(_OPEN) : close].strip())
        if candidate is not None:
            yield candidate
        position = end


def find(html: str) -> Iterator[tuple[Candidate, Placeholder]]:
    """The well-formed placeholders of `html`, with where they are."""
    for candidate in candidates(html):
        if candidate.placeholder is not None:
            yield candidate, candidate.placeholder


def in_source(markdown: str) -> Iterator[tuple[int, Candidate]]:
    """The candidates of a page's Markdown with their lines; not in front matter or code."""
    masked = mask_code(markdown)
    line, counted = 1, 0
    for candidate in candidates(masked):
        line += masked.count("\n", counted, candidate.start)  # onwards from the last one: linear
        counted = candidate.start
        yield line, candidate


def source_lines(found: list[tuple[int, Candidate]], texts: list[str]) -> list[int | None]:
    """The line of each placeholder found in the HTML (`texts`, in page order) in the Markdown.

    The n-th placeholder with a text on the page is the n-th one with that text in the Markdown
    outside code (an earlier example in a code block is not it); None if the Markdown does not
    have it (another plugin put it in).
    """
    lines_of: dict[str, list[int]] = {}
    for line, candidate in found:
        lines_of.setdefault(candidate.text, []).append(line)
    seen: dict[str, int] = {}
    result: list[int | None] = []
    for text in texts:
        number = seen.get(text, 0)
        seen[text] = number + 1
        lines = lines_of.get(text, [])
        result.append(lines[number] if number < len(lines) else None)
    return result


def _judge(start: int, end: int, text: str, inside: str) -> Candidate | None:
    well_formed = _WELL_FORMED.fullmatch(inside)
    if well_formed is not None:
        return _parsed(start, end, text, well_formed.group(1), well_formed.group(2) or "")
    near = _NEAR.fullmatch(inside)
    if near is None:
        return None  # `<!-- ikep -->` or `<!-- ikep: -->` and the like: an ordinary comment
    name, options = near.group(1), near.group(2) or ""
    meant = "<!-- ikep:" + name.lower() + (" " + " ".join(options.split()) if options else "") + " -->"
    if _WELL_FORMED.fullmatch(inside.lower()) is not None and inside[:5].lower() == "ikep:":
        return Candidate(start, end, text, problem=MESSAGES["placeholder_case"].format(text=meant, written=text))
    if name.lower() not in OPTIONS and not did_you_mean(name.lower(), list(OPTIONS)):
        return None  # `<!-- ikep Redaktion: … -->`: a note, not a placeholder
    return Candidate(
        start, end, text, problem=MESSAGES["placeholder_typo"].format(text=meant, written=text), warning_only=True
    )


def _parsed(start: int, end: int, text: str, name: str, written_options: str) -> Candidate:
    options: dict[str, str] = {}
    flags: set[str] = set()
    for token in written_options.split():
        if "=" in token:
            key, _, value = token.partition("=")
            options[key] = value.strip("\"'")
        else:
            flags.add(token)
    return Candidate(start, end, text, Placeholder(name, options, frozenset(flags), text))


# Markdown code, where a placeholder is shown, not used ----------------------------------------

_FENCE_OPEN: Final = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
_INLINE_CODE: Final = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
# Lines whose body continues indented: list items, admonitions, content tabs, footnotes.
_CONTAINER: Final = re.compile(r"^\s{0,3}(?:[-*+]\s|\d+[.)]\s|!!!|\?\?\?|===|\[\^[^\]]+\]:)")
_FRONT_MATTER_FENCE: Final = "---"


def mask_code(text: str) -> str:
    """The text with front matter and code (fenced, indented, inline) blanked out, lines kept."""
    lines = text.split("\n")
    masked: list[str] = []
    fence: str | None = None
    in_front_matter = bool(lines) and lines[0].rstrip() == _FRONT_MATTER_FENCE
    indented_code = container = False
    blank_before = True
    for index, line in enumerate(lines):
        if in_front_matter:
            if index > 0 and line.rstrip() in (_FRONT_MATTER_FENCE, "..."):
                in_front_matter = False
            masked.append("")
            continue
        opening = _FENCE_OPEN.match(line)
        if fence is not None:
            closing = opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence)
            if closing and not line.strip().lstrip(">").strip().strip(fence[0]):
                fence = None
            masked.append("")
            continue
        if opening:
            fence = opening.group(1)
            masked.append("")
            continue
        blank = not line.strip()
        indented = line.startswith(("    ", "\t"))
        if not blank and not indented:
            container = bool(_CONTAINER.match(line)) or (container and not blank_before)
        # Indented code needs a blank line before it, outside anything whose body is indented.
        indented_code = indented and not blank and (indented_code or (blank_before and not container))
        masked.append("" if indented_code else _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line))
        blank_before = blank
    return "\n".join(masked)


def problems(placeholder: Placeholder, process: Process) -> list[str]:
    """What is wrong with a placeholder, in German; empty when it can be filled."""
    name = placeholder.name
    if name not in OPTIONS:
        known = ", ".join(OPTIONS)
        return [MESSAGES["unknown_placeholder"].format(name=name, known=known) + did_you_mean(name, list(OPTIONS))]
    allowed = OPTIONS[name]
    found: list[str] = []
    for option in sorted(placeholder.flags):
        if allowed.get(option) != FLAG:
            found.append(_unknown_option(name, option, allowed))
    for option, value in sorted(placeholder.options.items()):
        kind = allowed.get(option)
        if kind is None or kind == FLAG:
            found.append(_unknown_option(name, option, allowed))
            continue
        if not value:
            found.append(MESSAGES["placeholder_empty_value"].format(name=name, option=option))
            continue
        choices = _choices(kind, process)
        if choices is not None and value not in choices:
            hint = did_you_mean(value, choices) or MESSAGES["unknown_ref_known"].format(known=", ".join(choices[:12]))
            found.append(MESSAGES["bad_placeholder_value"].format(name=name, option=option, value=value, hint=hint))
        elif kind == NUMBER and not (value.isdigit() and int(value) > 0):
            found.append(MESSAGES["bad_placeholder_value"].format(name=name, option=option, value=value, hint=""))
    for option in REQUIRED.get(name, ()):
        if option not in placeholder.options:
            found.append(MESSAGES["placeholder_needs"].format(name=name, option=option))
    return found


def _unknown_option(name: str, option: str, allowed: dict[str, OptionKind]) -> str:
    known = ", ".join(allowed) or "–"
    return MESSAGES["unknown_placeholder_option"].format(name=name, option=option, known=known) + did_you_mean(
        option, list(allowed)
    )


def _choices(kind: OptionKind, process: Process) -> list[str] | None:
    if isinstance(kind, Kind):
        # On a page of a portal's process, editors write the process-local id.
        prefix = f"{process.id}/" if process.id else ""
        return sorted(key[len(prefix) :] for key in process.entities(kind))
    if isinstance(kind, tuple):
        return list(kind)
    return None
