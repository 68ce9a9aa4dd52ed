"""ProperDocs, the maintained fork of MkDocs 1.x, builds our sites as MkDocs does: quietly, and strictly.

ProperDocs installs beside mkdocs (its own package `properdocs`; while it runs, `import mkdocs.…` is
redirected to it) and counts warnings for `--strict` on its `properdocs` logger, so a content error must
reach that logger and not only MkDocs' `mkdocs` logger.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GOAL, ROOT, project, write_site

from ikep_site.cli import main
from ikep_site.log import log, log_beneath

# What ProperDocs itself says on a good build; anything else in its output is noise for an editor.
PROPERDOCS_OWN = (
    "INFO    -  Cleaning site directory",
    "INFO    -  Building documentation to directory: ",
    "INFO    -  Documentation built in ",
)
STATUS_PROBLEM = "content/projekte/x.md:4: status: 'laufend' ist nicht erlaubt. Möglich sind: idea, planned"
# A program that builds with ProperDocs' Python API instead of its command line. It imports the
# redirection of `mkdocs.*` as the command does (Material and our plugin are written against mkdocs), and
# shows the log its own way, but has none of the command's extra handling of the old `mkdocs` logger:
# only what reaches the `properdocs` logger counts for `strict` here.
THROUGH_THE_API = textwrap.dedent(
    """
    import logging
    import sys

    import properdocs.replacement
    from properdocs.commands.build import build
    from properdocs.config import load_config
    from properdocs.exceptions import Abort

    logging.basicConfig(format="%(levelname)s %(message)s")
    try:
        build(load_config(sys.argv[1], strict=True, site_dir=sys.argv[2]))
    except Abort as error:
        print("aborted:", error)
        sys.exit(1)
    print("built")
    """
)


def properdocs() -> str:
    beside = Path(sys.executable).parent / "properdocs"
    found = str(beside) if beside.is_file() else shutil.which("properdocs")
    assert found, "properdocs is missing: pip install -e '.[test]'"
    return found


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, timeout=300)


def output(done: subprocess.CompletedProcess[str]) -> str:
    return done.stdout + done.stderr


def test_the_demo_builds_strictly_and_quietly(tmp_path: Path) -> None:
    done = run([properdocs(), "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "site")], ROOT)
    assert done.returncode == 0, output(done)
    noise = [line for line in output(done).splitlines() if line.strip() and not line.startswith(PROPERDOCS_OWN)]
    assert noise == [], "\n".join(noise)
    assert (tmp_path / "site" / "projekte" / "index.html").is_file()


def bad_site(root: Path) -> Path:
    return write_site(root, {"ziele/ortskerne-beleben.md": GOAL, "projekte/x.md": project("X", status="laufend")})


def test_a_content_error_fails_a_strict_build_and_is_shown_with_file_and_line(tmp_path: Path) -> None:
    root = bad_site(tmp_path)
    done = run([properdocs(), "build", "--strict", "-f", "mkdocs.yml", "-d", str(root / "site")], root)
    assert done.returncode == 1, output(done)
    assert f"WARNING -  {STATUS_PROBLEM}" in output(done)
    assert "Aborted with 1 warnings in strict mode!" in output(done)
    assert "Traceback" not in output(done)


def test_a_content_error_fails_a_strict_build_through_the_python_api(tmp_path: Path) -> None:
    root = bad_site(tmp_path / "site-source")
    script = tmp_path / "build.py"
    script.write_text(THROUGH_THE_API, encoding="utf-8")
    done = run([sys.executable, str(script), "mkdocs.yml", str(tmp_path / "site")], root)
    assert done.returncode == 1, output(done)
    assert "aborted: Aborted with 1 warnings in strict mode!" in output(done)
    assert f"WARNING {STATUS_PROBLEM}" in output(done)


def test_ikep_check_and_properdocs_read_properdocs_yml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = bad_site(tmp_path)
    (root / "mkdocs.yml").rename(root / "properdocs.yml")
    monkeypatch.chdir(root)
    checked = CliRunner().invoke(main, ["check"])
    assert checked.exit_code == 1, checked.output
    assert checked.output.startswith(STATUS_PROBLEM), checked.output
    built = run([properdocs(), "build", "--strict", "-d", str(root / "site")], root)  # finds properdocs.yml itself
    assert built.returncode == 1, output(built)
    assert f"WARNING -  {STATUS_PROBLEM}" in output(built)


# The logger beneath a build tool's logger -----------------------------------------------------------


class Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture
def host() -> Iterator[tuple[logging.Logger, Kept]]:
    """A build tool's logger that keeps what reaches its handler; `log` is put back afterwards."""
    tool = logging.getLogger("test_properdocs_tool")
    tool.propagate = False
    kept = Kept()
    tool.addHandler(kept)
    parent, level = log.parent, log.level
    try:
        yield logging.getLogger("test_properdocs_tool.plugins.ikep"), kept
    finally:
        tool.removeHandler(kept)
        log.parent = parent
        log.setLevel(level)


def test_what_is_logged_reaches_the_tool_at_the_tool_s_level(host: tuple[logging.Logger, Kept]) -> None:
    plugin_logger, kept = host
    tool = logging.getLogger("test_properdocs_tool")
    tool.setLevel(logging.INFO)
    assert not log.isEnabledFor(logging.INFO)  # as the standard library has it: warnings only
    assert log_beneath(plugin_logger) is log
    log.debug("nicht gezeigt")
    log.info("gezeigt")
    tool.setLevel(logging.DEBUG)  # as `-v` sets it
    log.debug("jetzt gezeigt")
    assert kept.messages == ["gezeigt", "jetzt gezeigt"]
