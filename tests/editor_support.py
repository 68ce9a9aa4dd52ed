"""The web editor in a real browser: the demo repository copied, built, and Decap's local backend.

`decap-server` (npm, run by the system's Node.js on 127.0.0.1 at a free port) reads and writes the
copied repository's files as GitHub would through the editor; the built site is served by the
tests on 127.0.0.1. Every request the browser makes is recorded by host.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from browser_support import CHROMIUM, LAUNCH_ARGS
from conftest import ROOT, run_build
from playwright.sync_api import Page, sync_playwright

from ikep_site.checks.server import serve_folder

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
SITE_PATH = "/kreisentwicklung/"


def copy_demo(target: Path) -> Path:
    """The demo's repository as an editor has it: mkdocs.yml, content/ and overrides/."""
    target.mkdir(parents=True)
    shutil.copyfile(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("content", "overrides"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def decap_server(repository: Path) -> Iterator[str]:
    """Decap's local backend on 127.0.0.1 for `repository`; yields its API address."""
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "MODE": "fs",
        "GIT_REPO_DIRECTORY": str(repository),
    }
    log = (repository.parent / "decap-server.log").open("w")
    process = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None:
                raise RuntimeError((repository.parent / "decap-server.log").read_text())
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/api/v1"
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def point_to_local_backend(site: Path, api: str) -> None:
    """The built configuration says `local_backend: true` (port 8081); the test's server has its own port."""
    config = site / "admin" / "config.yml"
    text = config.read_text(encoding="utf-8")
    assert "local_backend: true\n" in text
    config.write_text(text.replace("local_backend: true\n", f"local_backend:\n  url: {api}\n"), encoding="utf-8")


@dataclass
class EditorSession:
    page: Page
    base: str  # the site's address, ending in /
    hosts: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)

    def open(self, fragment: str = "") -> None:
        """A fresh load of the editor at `fragment` (Decap keeps a draft across changes of the hash alone)."""
        self.page.goto("about:blank")
        self.page.goto(f"{self.base}admin/{fragment}")
        login = self.page.get_by_role("button", name="Login")
        login.or_(self.page.get_by_text("Inhaltstypen")).or_(self.page.get_by_text("Zurück zu allen")).first.wait_for()
        if login.is_visible():
            login.click()

    def open_entry(self, collection: str, entry: str) -> None:
        self.open(f"#/collections/{collection}/entries/{entry}")
        title = self.page.get_by_label("Titel", exact=True).first
        title.wait_for()
        self.page.wait_for_function("element => element.value !== ''", arg=title.element_handle())

    def sign_in(self) -> None:
        self.open()
        self.page.get_by_text("Inhaltstypen").wait_for()

    def choose(self, label: str, option: str, *, search: str | None = None) -> None:
        """Pick `option` in the select or relation field `label` (typing `search` first, if given)."""
        control = self.page.get_by_label(label, exact=True)
        control.click()
        if search:
            control.type(search)
        self.page.get_by_text(option, exact=True).first.click()

    def write_body(self, text: str) -> None:
        """Type into the Markdown field (a contenteditable area, not a labelled input)."""
        self.page.locator(".cms-editor-raw [contenteditable=true]").click()
        self.page.keyboard.type(text)

    def publish(self) -> None:
        self.page.get_by_role("button", name="Veröffentlichen").click()
        self.page.get_by_text("Jetzt veröffentlichen").click()
        saved = self.page.get_by_text("Beitrag gespeichert")
        try:
            saved.wait_for(timeout=8000)
        except Exception:
            self.page.screenshot(path="/tmp/e2e/fail.png", full_page=True)
            raise
        saved.wait_for(state="hidden")  # so that the next save waits for its own notice


@contextmanager
def editor_session(site: Path, viewport: dict[str, int] | None = None) -> Iterator[EditorSession]:
    with serve_folder(site, SITE_PATH) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            context = browser.new_context(locale="de-DE", viewport=viewport or {"width": 1280, "height": 900})
            page = context.new_page()
            session = EditorSession(page, base)
            page.on("request", lambda request: session.hosts.add(re.sub(r"^\w+://([^/]+).*$", r"\1", request.url)))
            page.on("console", lambda message: message.type == "error" and session.errors.append(message.text))
            yield session
        finally:
            browser.close()


def build_site(repository: Path, target: Path) -> Path:
    build = run_build(repository, strict=True)
    assert build.returncode == 0, build.output
    shutil.move(str(build.site), target)
    return target
