"""Every published path has exactly one owner.

Generated files are collected here with what they come from, so that two of them at one address
(a call named `kalender` beside the calendar of all calls, two villages' indicator tables) are
reported with both sources instead of one silently replacing the other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field

from .messages import MESSAGES


@dataclass(frozen=True)
class Owner:
    """What a published path comes from: a message key, the entry's file if any, and details."""

    what: str  # key in MESSAGES, e.g. "owner_call_calendar"
    src_uri: str | None = None  # the editor's file it is made from, relative to content/
    details: tuple[tuple[str, str], ...] = ()

    def describe(self, display_prefix: str = "") -> str:
        path = display_prefix + self.src_uri if self.src_uri is not None else ""
        return MESSAGES[self.what].format(path=path, **dict(self.details))


@dataclass(frozen=True)
class Collision:
    uri: str
    first: Owner
    second: Owner

    def message(self, display_prefix: str = "") -> str:
        return MESSAGES["output_collision"].format(
            uri=self.uri, first=self.first.describe(display_prefix), second=self.second.describe(display_prefix)
        )

    @property
    def src_uri(self) -> str | None:
        """The editor's file to report it at: the one an editor can rename."""
        return self.second.src_uri or self.first.src_uri


@dataclass
class Outputs(MutableMapping[str, "str | bytes"]):
    """Generated files by site path; a second file for a taken path is kept out and recorded."""

    files: dict[str, str | bytes] = field(default_factory=dict)
    owners: dict[str, Owner] = field(default_factory=dict)
    collisions: list[Collision] = field(default_factory=list)

    def put(self, uri: str, content: str | bytes, owner: Owner) -> None:
        if uri in self.files:
            self.collisions.append(Collision(uri, self.owners[uri], owner))
            return
        self.files[uri] = content
        self.owners[uri] = owner

    def put_all(self, made: Mapping[str, str | bytes], owner_of: Callable[[str], Owner]) -> None:
        for uri, content in made.items():
            self.put(uri, content, owner_of(uri))

    # A read-mostly mapping of path -> content, as callers used the plain dict before.
    def __getitem__(self, uri: str) -> str | bytes:
        return self.files[uri]

    def __setitem__(self, uri: str, content: str | bytes) -> None:
        raise TypeError("use put() with the file's owner")

    def __delitem__(self, uri: str) -> None:
        del self.files[uri]
        del self.owners[uri]

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)


def shared_addresses(published: Iterable[tuple[str, Owner]]) -> list[Collision]:
    """Every address (path in the built site) that two files would be written to."""
    first: dict[str, Owner] = {}
    found: list[Collision] = []
    for address, owner in published:
        if address in first:
            found.append(Collision(address, first[address], owner))
        else:
            first[address] = owner
    return found
