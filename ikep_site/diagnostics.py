"""Problems found in the content, reported as `path:line: message`."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str  # as the editor knows it, e.g. "content/projekte/dorfladen.md"
    line: int | None
    message: str
    warning_only: bool = False  # the entity is still shown (e.g. a dropped reference)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class Report:
    """Collects every problem of one build, so editors see all of them at once."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, path: str, line: int | None, message: str, *, warning_only: bool = False) -> None:
        self.items.append(Diagnostic(path, line, message, warning_only))

    def extend(self, other: Report) -> None:
        self.items.extend(other.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items), key=lambda d: (d.path, d.line or 0, d.message))

    def __len__(self) -> int:
        return len(self.items)
