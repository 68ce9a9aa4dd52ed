"""Copy Leaflet from the npm package into ikep_site/assets/leaflet (run after `npm ci`).

Only what the maps use: the script, the stylesheet, the marker images and the licence. The
copies are committed, so a site never loads Leaflet from a CDN and needs no npm at build time.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "leaflet"
TARGET = ROOT / "ikep_site" / "assets" / "leaflet"
FILES = ["dist/leaflet.js", "dist/leaflet.css", "LICENSE"]
IMAGES = ["marker-icon.png", "marker-icon-2x.png", "marker-shadow.png", "layers.png", "layers-2x.png"]


def main() -> None:
    version = json.loads((SOURCE / "package.json").read_text(encoding="utf-8"))["version"]
    if TARGET.exists():
        shutil.rmtree(TARGET)
    (TARGET / "images").mkdir(parents=True)
    for name in FILES:
        shutil.copyfile(SOURCE / name, TARGET / Path(name).name)
    for name in IMAGES:
        shutil.copyfile(SOURCE / "dist" / "images" / name, TARGET / "images" / name)
    (TARGET / "VERSION").write_text(f"leaflet {version} (npm package leaflet, BSD-2-Clause)\n", encoding="utf-8")
    print(f"Leaflet {version} copied to {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
