"""Copy axe-core from the npm package into ikep_site/vendor/axe-core (run after `npm ci`).

`ikep audit` injects this copy into every page it checks, so the audit needs neither npm nor the
internet on a municipality's machine or runner. Only what the audit uses: the minified script,
the German texts of the rules and both licences (axe.min.js bundles third-party code).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "axe-core"
TARGET = ROOT / "ikep_site" / "vendor" / "axe-core"
FILES = ["axe.min.js", "LICENSE", "LICENSE-3RD-PARTY.txt", "locales/de.json"]


def main() -> None:
    version = json.loads((SOURCE / "package.json").read_text(encoding="utf-8"))["version"]
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    for name in FILES:
        shutil.copyfile(SOURCE / name, TARGET / Path(name).name)
    (TARGET / "VERSION").write_text(f"axe-core {version} (npm package axe-core, MPL-2.0)\n", encoding="utf-8")
    print(f"axe-core {version} copied to {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
