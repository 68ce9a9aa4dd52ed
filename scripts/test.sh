#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine, then run it.
#   Debian: chromium (driven by Playwright through executable_path; never `playwright install`),
#           git, python3-venv and Pango (for WeasyPrint's PDF) where missing
#   PyPI:   the package with its test extras, in .venv
#   npm:    axe-core and the Nu HTML Checker (vnu-jar, run on the system Java)
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1

# From Debian, where missing: chromium for the browser tests; git and venv (with ensurepip) because
# tests/test_wheel.py makes fresh venvs and pip installs ikep init's requirement from a Git URL.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium chromium-driver fonts-liberation)
command -v git >/dev/null 2>&1 || missing+=(git)
# Pango for WeasyPrint, which makes the progress report's PDF (render/reportpdf.py).
ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
python3 -c "import venv, ensurepip" >/dev/null 2>&1 || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  as_root=""
  [ "$(id -u)" = 0 ] || as_root="sudo"
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python3 -m venv .venv
. .venv/bin/activate
pip install -q --disable-pip-version-check -e ".[test]"
# --ignore-scripts: vnu-jar's install script would fetch a Java runtime; the system Java runs it.
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

pytest "$@"
