"""Files an editor put where the plugin does not read them as entries, and links leading out of content/.

An entry saved as `projekte/2024/dorfladen.md`, `Projekte/dorfladen.md` or `projekte/dorfladen.markdown`
would otherwise become an ordinary page whose front matter nobody reads: the project would be gone from
every listing without a word. A symbolic link inside content/ that leads elsewhere on the machine would
publish a file nobody meant to publish. Both are found here, for the build and for `ikep check` alike.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Final

from ..diagnostics import Report
from ..messages import MESSAGES
from ..model import Kind

# What MkDocs reads as Markdown (mkdocs.utils.markdown_extensions); entries must use `.md`.
MARKDOWN_SUFFIXES: Final = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
# Formats an editor may have written an entry in by mistake: published as files, never read.
TEXT_SUFFIXES: Final = (".txt", ".yml", ".yaml", ".doc", ".docx", ".odt", ".rtf")
# Pages with their own meaning in an entity folder.
OVERVIEW_NAMES: Final = ("index.md", "README.md")


def stray_files(
    src_uris: Iterable[str],
    folders: Mapping[Kind, str],
    processes: Iterable[str],
    report: Report,
    display_prefix: str = "",
) -> None:
    """Report every file below an entity folder (or one named like it) that is not read as an entry."""
    portal = set(processes)
    by_name = {folder: kind for kind, folder in folders.items()}
    by_lower = {folder.lower(): folder for folder in by_name}
    for src_uri in src_uris:
        parts = src_uri.split("/")
        prefix = ""
        if len(parts) > 2 and parts[0] in portal:
            prefix, parts = parts[0] + "/", parts[1:]
        if len(parts) < 2:
            continue
        folder, rest = parts[0], parts[1:]
        path = display_prefix + src_uri
        if folder not in by_name:
            expected = by_lower.get(folder.lower())
            if expected is not None:
                report.add(path, None, MESSAGES["stray_folder_case"].format(folder=folder, expected=expected))
            continue
        kind_folder = prefix + folder
        name = rest[-1]
        suffix = posixpath.splitext(name)[1]
        stem = posixpath.splitext(name)[0]
        if len(rest) > 1:
            if suffix.lower() in MARKDOWN_SUFFIXES:
                target = f"{kind_folder}/{stem}.md"
                report.add(path, None, MESSAGES["stray_subfolder"].format(folder=kind_folder, target=target))
            continue
        if suffix == ".md" or name in OVERVIEW_NAMES:
            continue
        if suffix.lower() in MARKDOWN_SUFFIXES:
            report.add(path, None, MESSAGES["stray_suffix"].format(name=name, target=f"{stem}.md"))
        elif suffix.lower() in TEXT_SUFFIXES:
            report.add(
                path, None, MESSAGES["stray_text_file"].format(name=name, target=f"{stem}.md"), warning_only=True
            )


def links_outside(docs_dir: Path, src_uris: Iterable[str], report: Report, display_prefix: str = "") -> set[str]:
    """The files that lead out of content/ (by a link to them or to a folder on their way), each reported.

    They must not be published. Each folder is resolved once; a file only when it is a link itself.
    """
    root = os.path.realpath(docs_dir)
    folders: dict[str, bool] = {}  # folder below content/ -> it stays inside
    refused: set[str] = set()
    for src_uri in src_uris:
        folder = posixpath.dirname(src_uri)
        inside = folders.get(folder)
        if inside is None:
            inside = folders[folder] = _inside(os.path.join(docs_dir, folder), root)
        path = os.path.join(docs_dir, src_uri)
        if not inside or (os.path.islink(path) and not _inside(path, root)):
            refused.add(src_uri)
            report.add(display_prefix + src_uri, None, MESSAGES["link_outside"])
    return refused


def _inside(path: str, root: str) -> bool:
    try:
        real = os.path.realpath(path, strict=True)
    except OSError:  # a dangling link or a loop of links
        return False
    return real == root or real.startswith(root + os.sep)
