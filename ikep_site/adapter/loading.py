"""The editors' content, read by the core's loader from the files MkDocs found.

What the loader leaves out (a page it refused) is taken out of the build, so it is never
published half right.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files

from ..cache import BuildCache
from ..content.loader import Loader, LoadResult, process_folders
from ..content.plugin_options import PluginOptions
from ..model import Kind
from .config import build_date
from .files import editor_files
from .reporting import log_report


def load_content(
    files: Files, docs_dir: Path, options: PluginOptions, display_prefix: str, cache: BuildCache | None
) -> tuple[LoadResult, dict[Kind, str]]:
    """The loaded site and the folders of its kinds; every problem of options and content is logged."""
    pages = [file.src_uri for file in files.documentation_pages()]
    folders, folder_report = options.folders_for(process_folders(docs_dir, pages))
    loader = Loader(docs_dir, folders=folders, display_prefix=display_prefix, cache=cache, today=build_date(options))
    result = loader.load(
        pages,
        all_files=[file.src_uri for file in editor_files(files, docs_dir)],
        process=options.process,
        operator=options.operator,
    )
    result.report.extend(options.report)
    result.report.extend(folder_report)
    log_report(result.report)
    # An indicator's value file is published as the indicator's CSV and in the open data, as read.
    for src_uri in sorted(result.left_out | result.value_files):
        file = files.get_file_from_path(src_uri)
        if file is not None:
            files.remove(file)
    return result, folders
