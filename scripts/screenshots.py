"""Regenerate the README's screenshots: build the demo, serve it on 127.0.0.1, photograph it.

python scripts/screenshots.py
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import serve  # noqa: E402
from screenshots import take_screenshots  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=ROOT, check=True)
        with serve(site) as base_url:
            for path in asyncio.run(take_screenshots(base_url, ROOT / "docs" / "screenshots")):
                print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
