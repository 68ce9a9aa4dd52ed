"""Placeholders editors put into pages: `<!-- ikep:projects status=in_progress -->`.

They are HTML comments, so Markdown leaves them alone; we look for them in the rendered HTML,
where a placeholder shown inside a code block has been escaped and is no longer found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from .content.schema import did_you_mean
from .messages import MESSAGES
from .model import PROJECT_STATUSES, Kind, Process

PATTERN: Final = re.compile(r"<!--\s*ikep:([A-Za-z_-]*)((?:(?!-->).)*?)\s*-->", re.S)

# Option value kinds: a reference to an entity kind, an allowed set, or a positive number.
NUMBER: Final = "number"
FLAG: Final = "flag"
OptionKind = Kind | tuple[str, ...] | str

OPTIONS: Final[dict[str, dict[str, OptionKind]]] = {
    "goals": {"field": "text"},
    "projects": {
        "status": PROJECT_STATUSES,
        "goal": Kind.GOAL,
        "area": Kind.AREA,
        "network": Kind.NETWORK,
        "limit": NUMBER,
    },
    "calls": {"upcoming": FLAG, "past": FLAG, "all": FLAG, "area": Kind.AREA, "limit": NUMBER},
    "areas": {},
    "networks": {},
    "updates": {"limit": NUMBER, "goal": Kind.GOAL, "project": Kind.PROJECT, "area": Kind.AREA},
    "map": {"area": Kind.AREA},
    "process": {},
    "processes": {"limit": NUMBER},
}
REQUIRED: Final = {"map": ("area",)}


@dataclass(frozen=True)
class Placeholder:
    name: str
    options: dict[str, str] = field(default_factory=dict)
    flags: frozenset[str] = frozenset()
    text: str = ""  # the comment as written, to find its line in the source


def find(html: str) -> Iterator[tuple[re.Match[str], Placeholder]]:
    for match in PATTERN.finditer(html):
        options: dict[str, str] = {}
        flags: set[str] = set()
        for token in match.group(2).split():
            if "=" in token:
                key, _, value = token.partition("=")
                options[key] = value.strip("\"'")
            else:
                flags.add(token)
        yield match, Placeholder(match.group(1), options, frozenset(flags), match.group(0))


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
