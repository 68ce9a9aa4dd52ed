"""ikep-site as a municipality installs it: a built wheel in a fresh venv, not the editable checkout.

The rest of the suite runs against `pip install -e .`, which reads templates and assets straight from
the checkout and so cannot notice a file that the wheel leaves out. Here the wheel is built from a
copy of the working tree, installed with its dependencies into a new venv, and the demo is built by
that venv's `mkdocs` in a folder outside the checkout; every local address of every page must then
name a file of the built site. The line `ikep init` writes into requirements.txt is installed as
written, from a bare clone of this repository standing in for the public one.

Creating venvs and installing costs most of this module's time, so the wheel's venv is made once
for the module and every check reads from it.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from conftest import ROOT, Build

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
# What the demo consists of: its configuration, its content and its theme overrides.
DEMO_PARTS = ("mkdocs.yml", "content", "overrides")
# Installs fetch from the package index; a slow index must fail the test, not hang it.
INSTALL_TIMEOUT = 600
# Attributes whose value is an address the browser loads or follows.
URL_ATTRIBUTES = frozenset({"href", "src", "poster", "xlink:href"})
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
# Addresses that leave the site or carry their content themselves.
FOREIGN_SCHEMES = frozenset({"http", "https", "mailto", "tel", "data"})
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)""")


@dataclass(frozen=True)
class Venv:
    root: Path

    @property
    def bin(self) -> Path:
        return self.root / ("Scripts" if os.name == "nt" else "bin")

    def env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        """The environment a user has after activating this venv: nothing of the checkout's venv."""
        env = {
            key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")
        }
        env.update(VIRTUAL_ENV=str(self.root), PATH=f"{self.bin}{os.pathsep}{env.get('PATH', '')}")
        env["NO_MKDOCS_2_WARNING"] = "1"
        env.update(extra or {})
        return env

    def pip(
        self, *args: str | Path, cwd: Path, extra_env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """pip, installing into this venv: the checkout's pip, pointed at the venv's Python."""
        command = [sys.executable, "-m", "pip", "--python", str(self.bin / "python"), *map(str, args)]
        return subprocess.run(
            command, capture_output=True, text=True, cwd=cwd, env=self.env(extra_env), timeout=INSTALL_TIMEOUT
        )

    def run(
        self, program: str, *args: str | Path, cwd: Path, extra_env: dict[str, str] | None = None, timeout: int = 300
    ) -> subprocess.CompletedProcess[str]:
        """One of the venv's programs (python, mkdocs, ikep), run as a user of the venv runs it."""
        command = [str(self.bin / program), *map(str, args)]
        return subprocess.run(
            command, capture_output=True, text=True, cwd=cwd, env=self.env(extra_env), timeout=timeout, check=False
        )


@dataclass(frozen=True)
class Installed:
    wheel: Path
    wheelhouse: Path
    source_files: frozenset[str]
    venv: Venv
    demo: Build
    work: Path


def checked(done: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert done.returncode == 0, f"{' '.join(done.args)}\n{done.stdout}{done.stderr}"
    return done


def new_venv(root: Path) -> Venv:
    """A venv as `python -m venv` makes it, but without a pip of its own: Venv.pip installs into it.

    Bootstrapping pip into every venv would cost more time than anything else this module checks.
    """
    command = [sys.executable, "-m", "venv", "--without-pip", str(root)]
    checked(subprocess.run(command, capture_output=True, text=True, timeout=300))
    return Venv(root)


def offline(wheelhouse: Path) -> tuple[str | Path, ...]:
    """pip's options to install from the wheelhouse only: every venv gets the same, known packages."""
    return ("--no-index", "--find-links", wheelhouse)


def working_tree_files() -> list[str]:
    """The files a fresh clone with the current, uncommitted work would have (Git's own view)."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode("utf-8")
    return sorted(name for name in listed.split("\0") if name and (ROOT / name).is_file())


def copy_files(names: list[str], source: Path, target: Path) -> None:
    for name in names:
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, destination)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("wheel")
    # Built from a copy: a build in the checkout would write build/ and egg-info beside others' work,
    # and a stale egg-info there could add files to the wheel that its configuration does not.
    source = work / "source"
    names = working_tree_files()
    copy_files(names, ROOT, source)
    wheels = work / "wheels"
    checked(
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(source)],
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
        )
    )
    [wheel] = wheels.glob("ikep_site-*.whl")
    # The dependencies, resolved once from the package index as pip is configured here, and what
    # building ikep-site from source needs; each venv then installs from this wheelhouse.
    wheelhouse = work / "wheelhouse"
    requires = PYPROJECT["build-system"]["requires"]
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "-w", str(wheelhouse), str(wheel), *requires]
    checked(subprocess.run(command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT))
    venv = new_venv(work / "venv")
    checked(venv.pip("install", "--quiet", *offline(wheelhouse), wheel, cwd=work))
    demo = work / "demo"
    demo.mkdir()
    for part in DEMO_PARTS:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, demo / part)
        else:
            shutil.copy2(ROOT / part, demo / part)
    built = venv.run("mkdocs", "build", "--strict", "-d", demo / "site", cwd=demo)
    return Installed(
        wheel=wheel,
        wheelhouse=wheelhouse,
        source_files=frozenset(names),
        venv=venv,
        demo=Build(built.returncode, built.stdout + built.stderr, demo / "site"),
        work=work,
    )


# The wheel --------------------------------------------------------------------------------------------


def test_wheel_holds_every_file_of_the_package(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        shipped = {name for name in wheel.namelist() if name.startswith("ikep_site/")}
    expected = {name for name in installed.source_files if name.startswith("ikep_site/")}
    assert not expected - shipped, "missing from the wheel:\n" + "\n".join(sorted(expected - shipped))
    assert not shipped - expected, "in the wheel, not in the package:\n" + "\n".join(sorted(shipped - expected))


def test_venv_runs_the_installed_package_not_the_checkout(installed: Installed) -> None:
    done = checked(
        installed.venv.run(
            "python",
            "-c",
            "import ikep_site, mkdocs; print(ikep_site.__file__); print(mkdocs.__file__)",
            cwd=installed.work,
        )
    )
    for location in done.stdout.split():
        assert Path(location).resolve().is_relative_to(installed.venv.root.resolve()), location


# The demo, built by the installed package ----------------------------------------------------------------


def test_demo_builds_strictly_from_the_wheel(installed: Installed) -> None:
    assert installed.demo.returncode == 0, installed.demo.output
    assert (installed.demo.site / "index.html").is_file()


class _Addresses(HTMLParser):
    """Every address in a page's tags: href, src and the like, and each candidate of a srcset."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in URL_ATTRIBUTES:
                self.found.append((f"<{tag} {name}>", value))
            elif name in SRCSET_ATTRIBUTES:
                for candidate in value.split(","):
                    if candidate.strip():
                        self.found.append((f"<{tag} {name}>", candidate.split()[0]))

    handle_startendtag = handle_starttag


def css_addresses(text: str) -> Iterator[tuple[str, str]]:
    for match in CSS_URL.finditer(text):
        yield "url()", next(group for group in match.groups() if group is not None)


def site_path(site_url: str) -> str:
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def page_url(site: Path, file: Path, base: str) -> str:
    """The address a built file is served at: directory URLs for index.html."""
    relative = file.relative_to(site).as_posix()
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return base + relative


def unresolved(address: str, page: str, site: Path, site_url: str, base: str) -> str | None:
    """Why a local address names no file of the site, or None if it does (or is not local)."""
    address = address.strip()
    if not address or address.startswith("#"):
        return None
    if address.startswith(site_url):
        address = base + address[len(site_url) :]
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        return None if parts.scheme in FOREIGN_SCHEMES else "address of a scheme that is not allowed"
    path = unquote(urlsplit(urljoin(page, address)).path)
    if not path.startswith(base):
        return f"outside the site's path {base}"
    target = site / PurePosixPath(path[len(base) :])
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return None if target.is_file() else f"no file {target.relative_to(site).as_posix()}"


class _UntaggedLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data, whatever tags it uses: only site_url is read."""


_UntaggedLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def test_every_local_address_of_the_demo_names_a_built_file(installed: Installed) -> None:
    assert installed.demo.returncode == 0, installed.demo.output
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_UntaggedLoader)
    site_url = str(config["site_url"])
    base = site_path(site_url)
    site = installed.demo.site
    broken: set[str] = set()
    checked_count = 0
    for file in sorted(site.rglob("*")):
        if file.suffix == ".html":
            parser = _Addresses()
            parser.feed(file.read_text(encoding="utf-8"))
            addresses: list[tuple[str, str]] = parser.found
        elif file.suffix == ".css":
            addresses = list(css_addresses(file.read_text(encoding="utf-8")))
        else:
            continue
        page = page_url(site, file, base)
        for where, address in addresses:
            checked_count += 1
            problem = unresolved(address, page, site, site_url, base)
            if problem:
                broken.add(f"{file.relative_to(site).as_posix()}: {where} {address!r}: {problem}")
    assert checked_count > 1000, "the demo's pages hold far fewer addresses than expected"
    assert not broken, f"{len(broken)} addresses name no file of the site:\n" + "\n".join(sorted(broken))


# ikep init: a new site from the wheel ----------------------------------------------------------------------


def test_init_site_builds_strictly_from_the_wheel_with_its_guide(installed: Installed, tmp_path: Path) -> None:
    name, kind, operator = 'Kreisentwicklung "Lautertal": 2035', "Zukunfts-Check Dorf", "Verbandsgemeinde Lautertal"
    made = installed.venv.run(
        "ikep", "init", "website", "--name", name, "--kind", kind, "--operator", operator, cwd=tmp_path
    )
    checked(made)
    root = tmp_path / "website"
    built = checked(installed.venv.run("mkdocs", "build", "--strict", cwd=root))
    assert "WARNING" not in built.stdout + built.stderr
    site = root / "site"
    process = (site / "prozess" / "index.html").read_text(encoding="utf-8")
    assert name in html.unescape(process)
    assert kind in process
    assert operator in (site / "impressum" / "index.html").read_text(encoding="utf-8")
    # The editor guide comes with the package: every page of the demo's guide is built in the new site.
    guide = sorted(
        path.relative_to(ROOT / "content").with_suffix("") for path in (ROOT / "content/redaktion").glob("*.md")
    )
    assert guide
    for page in guide:
        folder = page.parent if page.name == "index" else page
        assert (site / folder / "index.html").is_file(), folder


# ikep init: the requirement a new site installs -----------------------------------------------------------


def requirement_line(requirements: Path) -> str:
    lines = [line.strip() for line in requirements.read_text(encoding="utf-8").splitlines()]
    [line] = [line for line in lines if line and not line.startswith("#")]
    return line


def repository() -> str:
    urls: dict[str, Any] = PROJECT.get("urls", {})
    assert "Repository" in urls, "pyproject.toml names no [project.urls] Repository"
    return str(urls["Repository"])


def git(*args: str | Path) -> str:
    done = subprocess.run(["git", *map(str, args)], capture_output=True, text=True, timeout=120, check=False)
    return checked(done).stdout.strip()


def test_init_requirement_installs_as_written(installed: Installed, tmp_path: Path) -> None:
    checked(installed.venv.run("ikep", "init", "website", cwd=tmp_path))
    line = requirement_line(tmp_path / "website" / "requirements.txt")
    tag = f"v{PROJECT['version']}"
    assert line == f"ikep-site @ git+{repository()}@{tag}"

    # The public repository, played by a bare clone of this one with the release tag; git finds it
    # through insteadOf, set in the environment so that no configuration on the machine changes.
    public = tmp_path / "ikep-site.git"
    git("clone", "--bare", "--quiet", ROOT, public)
    git("-C", public, "tag", "--force", tag, "HEAD")
    commit = git("-C", public, "rev-parse", f"{tag}^{{commit}}")
    redirect = {
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": f"url.{public.as_uri()}.insteadOf",
        "GIT_CONFIG_VALUE_0": repository(),
    }
    user = new_venv(tmp_path / "venv")
    requirements = tmp_path / "website" / "requirements.txt"
    offline_options = offline(installed.wheelhouse)
    checked(user.pip("install", "--quiet", *offline_options, "-r", requirements, cwd=tmp_path, extra_env=redirect))
    done = checked(
        user.run(
            "python",
            "-c",
            "import importlib.metadata as m, ikep_site, pathlib; d = m.distribution('ikep-site');"
            "print(d.read_text('direct_url.json'));"
            "print((pathlib.Path(ikep_site.__file__).parent / 'assets/leaflet/leaflet.js').is_file())",
            cwd=tmp_path,
        )
    )
    origin_text, has_leaflet = done.stdout.splitlines()
    origin = json.loads(origin_text)
    assert origin["url"] == repository()
    assert origin["vcs_info"]["commit_id"] == commit
    assert has_leaflet == "True"

    # Installed from the public repository, ikep init pins the very commit it came from.
    checked(user.run("ikep", "init", "again", cwd=tmp_path, extra_env=redirect))
    assert requirement_line(tmp_path / "again" / "requirements.txt") == f"ikep-site @ git+{repository()}@{commit}"
