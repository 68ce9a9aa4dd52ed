"""Copy Decap CMS from its npm package into ikep_site/vendor/decap (run when the version changes).

The web editor at admin/ of every built site runs from these copies: no CDN, no npm at build time.
Only what the browser loads: the main script, the chunks it loads on demand (`<n>.decap-cms.js`),
the two WebAssembly files they fetch, and the licence notices. Source maps are left out (they are
for Decap's own developers, 30 MB), and so is the comment that points to them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "ikep_site" / "vendor" / "decap"
PACKAGE = "decap-cms"
VERSION = "3.16.3"
SOURCE_MAP_COMMENT = re.compile(rb"\n//# sourceMappingURL=[^\n]*\s*$")


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        subprocess.run(
            ["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent", "--pack-destination", temp],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (archive,) = Path(temp).glob("*.tgz")
        with tarfile.open(archive) as tar:
            tar.extractall(temp, filter="data")
        dist = Path(temp) / "package" / "dist"
        if TARGET.exists():
            shutil.rmtree(TARGET)
        TARGET.mkdir(parents=True)
        wanted = [dist / "decap-cms.js", *sorted(dist.glob("*.decap-cms.js")), *sorted(dist.glob("*.wasm"))]
        for source in wanted:
            data = source.read_bytes()
            if source.suffix == ".js":
                data = SOURCE_MAP_COMMENT.sub(b"\n", data)
            (TARGET / source.name).write_bytes(data)
        shutil.copyfile(dist / "decap-cms.js.LICENSE.txt", TARGET / "LICENSE.txt")
    (TARGET / "VERSION").write_text(f"{PACKAGE} {VERSION} (npm package {PACKAGE}, MIT)\n", encoding="utf-8")
    print(f"Decap CMS {VERSION} copied to {TARGET.relative_to(ROOT)} ({len(wanted)} files)")


if __name__ == "__main__":
    main()
