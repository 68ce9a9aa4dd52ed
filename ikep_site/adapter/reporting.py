"""How problems reach the editor: on the build tool's logger, each with its file as the editor names it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from ..diagnostics import Report
from ..log import log_beneath
from ..outputs import Collision

# Beneath the running tool's plugin logger: `mkdocs.plugins.ikep`, or `properdocs.plugins.ikep`.
log = log_beneath(get_plugin_logger("ikep").logger)


def display_prefix(docs_dir: Path, config_dir: Path) -> str:
    """What goes before a content file's path in a message: its folder as seen from mkdocs.yml."""
    try:
        return docs_dir.resolve().relative_to(config_dir.resolve()).as_posix() + "/"
    except ValueError:
        return docs_dir.as_posix().rstrip("/") + "/"


def log_report(report: Report) -> None:
    for diagnostic in report.sorted():
        log.warning(str(diagnostic))


def log_collisions(collisions: list[Collision], prefix: str, config_name: str) -> None:
    """Two outputs at one address, each reported at the file that asked for it (or mkdocs.yml)."""
    for collision in collisions:
        path = prefix + collision.src_uri if collision.src_uri else config_name
        log.warning("%s: %s", path, collision.message(prefix))
