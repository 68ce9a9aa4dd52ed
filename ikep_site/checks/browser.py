"""Which Chromium or Chrome `ikep audit` drives: the editor's choice, else one found on the machine.

Never downloaded: `playwright install` would fetch a browser from the internet; Debian's chromium
and the google-chrome of GitHub's runners are already there.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Final

ENVIRONMENT: Final = "IKEP_BROWSER"
# Looked up on PATH in this order: Debian's chromium (/usr/bin/chromium), the older name of Ubuntu's
# package, then Google's builds (GitHub's ubuntu runners have google-chrome).
CANDIDATES: Final = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class BrowserNotFound(Exception):
    """No browser on the machine, or the one asked for is not there; args[0] the path asked for, if any."""


def find_browser(chosen: Path | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The browser to drive: `--browser`, else IKEP_BROWSER, else the first one found."""
    environ = os.environ if environ is None else environ
    asked = chosen or (Path(environ[ENVIRONMENT]) if environ.get(ENVIRONMENT) else None)
    if asked is not None:
        found = shutil.which(str(asked))  # a path, or a name looked up on PATH
        if found is None:
            raise BrowserNotFound(str(asked))
        return Path(found)
    path = environ.get("PATH", os.defpath)
    for name in CANDIDATES:
        found = shutil.which(name, path=path)
        if found is not None:
            return Path(found)
    raise BrowserNotFound()
