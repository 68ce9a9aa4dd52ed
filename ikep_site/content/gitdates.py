"""When each content file last changed, from Git: the "last updated" date editors need not write.

One `git log` over the content folder, newest commit first; the first date seen for a file is its
last change. Without Git, outside a repository, or when Git fails, there are simply no dates.
Builds on GitHub Actions must check out with `fetch-depth: 0`: a shallow clone knows only its
newest commit and would date every file to it.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

TIMEOUT_SECONDS = 60


def last_changed(docs_dir: Path) -> dict[str, date]:
    """Date of the last commit touching each file, keyed by path relative to `docs_dir`."""
    try:
        top = _git(docs_dir, "rev-parse", "--show-toplevel").strip()
        log = _git(docs_dir, "log", "--format=#%cs", "--name-only", "--no-renames", "--", ".")
    except (OSError, subprocess.SubprocessError):
        return {}
    docs = docs_dir.resolve()
    dates: dict[str, date] = {}
    current: date | None = None
    for line in log.splitlines():
        if line.startswith("#"):
            try:
                current = date.fromisoformat(line[1:])
            except ValueError:
                current = None
            continue
        if not line or current is None:
            continue
        path = (Path(top) / line).resolve()
        if path.is_relative_to(docs):
            dates.setdefault(path.relative_to(docs).as_posix(), current)
    return dates


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=True)
    return done.stdout
