"""Copy the editor guide of the demo (content/redaktion/) into the package, for `ikep init`.

The guide is written once, in the demo, where its examples are real entries (tests/test_guide_examples.py).
A new site gets it as part of the scaffold (ikep_site/scaffold/new-site/content/redaktion/), so the
package must hold the same files: this script mirrors the whole folder, new pages, images and
removals included, and tests/test_init.py fails until it has been run after the guide changed.

    python scripts/sync_guide.py
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "content" / "redaktion"
SHIPPED = ROOT / "ikep_site" / "scaffold" / "new-site" / "content" / "redaktion"


def files(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def mirror(source: Path, target: Path) -> list[str]:
    """Make `target` hold exactly the files of `source`; what changed, for the log."""
    changed = []
    wanted = files(source)
    for name in sorted(files(target) - wanted) if target.is_dir() else []:
        (target / name).unlink()
        changed.append(f"removed {name}")
    for name in sorted(wanted):
        source_file, target_file = source / name, target / name
        if target_file.is_file() and target_file.read_bytes() == source_file.read_bytes():
            continue
        target_file.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source_file, target_file)
        changed.append(f"copied {name}")
    for folder in sorted((path for path in target.rglob("*") if path.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=GUIDE, help="the guide (default: content/redaktion)")
    parser.add_argument("--target", type=Path, default=SHIPPED, help="its copy in the package")
    args = parser.parse_args()
    if not args.source.is_dir():
        print(f"no guide at {args.source}", file=sys.stderr)
        return 1
    for line in mirror(args.source, args.target):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
