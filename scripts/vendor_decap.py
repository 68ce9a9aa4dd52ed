"""Copy Decap CMS and js-yaml from their npm packages into ikep_site/vendor/ (run when a version changes).

The web editor at admin/ of every built site runs from these copies: no CDN, no npm at build time.
Only what the browser loads: the main script, the chunks it loads on demand (`<n>.decap-cms.js`),
the two WebAssembly files they fetch, and the licence notices. Source maps are left out (they are
for Decap's own developers, 30 MB), and so is the comment that points to them. js-yaml reads and
writes the front matter of the site's own file format in the editor (ikep_site/editor/ikep-editor.js).
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
YAML_TARGET = ROOT / "ikep_site" / "vendor" / "js-yaml"
YAML_PACKAGE = "js-yaml"
YAML_VERSION = "5.5.0"
SOURCE_MAP_COMMENT = re.compile(rb"\n//# sourceMappingURL=[^\n]*\s*$")


def unpacked(package: str, version: str, temp: str) -> Path:
    """The npm package's files (no install, no dependencies), in `temp`/package."""
    subprocess.run(
        ["npm", "pack", f"{package}@{version}", "--silent", "--pack-destination", temp],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (archive,) = Path(temp).glob("*.tgz")
    with tarfile.open(archive) as tar:
        tar.extractall(temp, filter="data")
    return Path(temp) / "package"


def vendor_yaml() -> None:
    with tempfile.TemporaryDirectory() as temp:
        package = unpacked(YAML_PACKAGE, YAML_VERSION, temp)
        if YAML_TARGET.exists():
            shutil.rmtree(YAML_TARGET)
        YAML_TARGET.mkdir(parents=True)
        script = SOURCE_MAP_COMMENT.sub(b"\n", (package / "dist" / "browser" / "js-yaml.umd.min.js").read_bytes())
        (YAML_TARGET / "js-yaml.min.js").write_bytes(script)
        shutil.copyfile(package / "LICENSE", YAML_TARGET / "LICENSE.txt")
    (YAML_TARGET / "VERSION").write_text(
        f"{YAML_PACKAGE} {YAML_VERSION} (npm package {YAML_PACKAGE}, MIT)\n", encoding="utf-8"
    )
    print(f"js-yaml {YAML_VERSION} copied to {YAML_TARGET.relative_to(ROOT)}")


def main() -> None:
    vendor_yaml()
    with tempfile.TemporaryDirectory() as temp:
        dist = unpacked(PACKAGE, VERSION, temp) / "dist"
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
