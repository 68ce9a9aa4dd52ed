"""German stems for what citizens type: our few lines added to the theme's German stemmer file.

Material's search worker loads `lunr.de.min.js` from the site and ends every typed word with `*`,
for which lunr skips the stemmer; `assets/search/query-stems.js` stems such a word first. It is
appended to the file the theme itself copied into the site, so the theme's code stays the theme's
(no copy of it in this package to fall behind a Material update).
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from .assets import ASSETS_DIR

THEME_STEMMER: Final = Path("assets/javascripts/lunr/min/lunr.de.min.js")
QUERY_STEMS: Final = ASSETS_DIR / "search" / "query-stems.js"


def add_query_stems(site_dir: str) -> None:
    """Append once: a `--dirty` rebuild may keep the file of the build before."""
    target = Path(site_dir) / THEME_STEMMER
    if not target.is_file():  # another theme, or a search without lunr's languages
        return
    ours = QUERY_STEMS.read_bytes()
    served = target.read_bytes()
    if not served.endswith(ours):
        target.write_bytes(served.rstrip(b"\n") + b"\n" + ours)
