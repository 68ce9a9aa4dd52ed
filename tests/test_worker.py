"""The background renderer: the same site with it and without it, whatever happens to it."""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, Build, run_build
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from ikep_site import plugin as ikep_plugin
from ikep_site.urls import page_url
from ikep_site.worker import Worker, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="the worker is a fork (Linux); elsewhere builds run alone")


# The worker on its own ----------------------------------------------------------------------------


def _echo(key: Hashable, payload: Any) -> str:
    if payload == "fail":
        raise ValueError(key)
    return f"<p>{key}:{payload}</p>" * 50


def test_every_job_comes_back_first_ones_and_later_ones() -> None:
    worker = Worker.start(_echo, [(("page", n), n) for n in range(300)])
    assert worker is not None
    for n in range(300, 600):
        worker.submit(("listing", n), n)
        worker.poll()
    worker.finish()
    assert not worker.failed
    for n in range(300):
        assert worker.take(("page", n)) == f"<p>('page', {n}):{n}</p>" * 50
    for n in range(300, 600):
        assert not worker.waiting(("listing", n))
        assert worker.take(("listing", n)) == f"<p>('listing', {n}):{n}</p>" * 50


def test_a_job_that_fails_comes_back_empty_and_the_rest_arrive() -> None:
    worker = Worker.start(_echo, [("a", 1), ("b", "fail"), ("c", 3)])
    assert worker is not None
    worker.finish()
    assert worker.take("a") and worker.take("c")
    assert worker.take("b") is None  # the build renders it itself and reports what is wrong
    assert not worker.waiting("b")


def _dies_on_the_third(key: Hashable, payload: Any) -> str:
    if key == 3:
        os._exit(7)
    return str(key)


def test_a_dying_worker_is_noticed_and_nothing_is_waited_for() -> None:
    worker = Worker.start(_dies_on_the_third, [(n, None) for n in range(10)])
    assert worker is not None
    worker.finish()
    assert worker.failed
    assert not any(worker.waiting(n) for n in range(10))
    # Results travel in batches: those before the death may or may not have been sent.
    assert all(worker.take(n) in (None, str(n)) for n in range(3))
    assert all(worker.take(n) is None for n in range(3, 10))


def _slow(key: Hashable, payload: Any) -> str:
    time.sleep(5)
    return ""


def test_closing_stops_a_busy_worker_at_once() -> None:
    worker = Worker.start(_slow, [(n, None) for n in range(100)])
    assert worker is not None
    started = time.monotonic()
    worker.close()
    assert time.monotonic() - started < 4  # not the 500 s its jobs would take
    assert not worker.waiting(0) and worker.take(0) is None
    with pytest.raises(ChildProcessError):
        os.waitpid(worker.pid, os.WNOHANG)  # reaped: no zombie left behind


_PREPARED: list[str] = []


def _prepared(key: Hashable, payload: Any) -> str:
    return ",".join(_PREPARED)


def test_prepare_runs_in_the_child_only_before_its_first_job() -> None:
    worker = Worker.start(_prepared, [("a", None)], prepare=lambda: _PREPARED.append("vorbereitet"))
    assert worker is not None
    worker.finish()
    assert worker.take("a") == "vorbereitet"
    assert _PREPARED == []  # the build process is left as it was


def test_a_child_told_there_are_no_more_jobs_ends_when_done() -> None:
    worker = Worker.start(_echo, [("a", 1), ("b", 2)])
    assert worker is not None
    worker.no_more_jobs()
    worker.submit("c", 3)  # too late: not sent
    deadline = time.monotonic() + 10
    while worker.waiting("c"):  # until the child closes its end: it has ended by itself
        assert time.monotonic() < deadline
        worker.poll()
        time.sleep(0.01)
    pid, _ = os.waitpid(worker.pid, 0)
    assert pid == worker.pid
    assert worker.take("a") and worker.take("b") and worker.take("c") is None
    worker.close()


# Whole sites --------------------------------------------------------------------------------------


def _demo_copy(root: Path, *, parallel: bool) -> Path:
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "ikep" in plugin:
            plugin["ikep"]["parallel"] = parallel
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def serial_demo(tmp_path_factory: pytest.TempPathFactory) -> Build:
    built = run_build(_demo_copy(tmp_path_factory.mktemp("serial"), parallel=False), strict=True)
    assert built.returncode == 0, built.output
    return built


def test_the_demo_is_byte_identical_with_and_without_the_worker(tmp_path: Path, serial_demo: Build) -> None:
    parallel = run_build(_demo_copy(tmp_path, parallel=True), strict=True)
    assert parallel.returncode == 0, parallel.output
    assert "wird im Hintergrund erstellt" not in parallel.output
    assert "Page skipped" not in parallel.output  # the pages the helper wrote are not announced as empty
    serial, together = _files(serial_demo.site), _files(parallel.site)
    assert serial.keys() == together.keys()
    differing = [name for name in serial if serial[name] != together[name]]
    assert differing == []
    assert not any(b"wird im Hintergrund erstellt" in data for data in together.values())


def _build_in_process(root: Path) -> None:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    # As `mkdocs build` does; MkDocs keeps one plugin object per process, which an earlier
    # in-process `serve` test may have left with its cache.
    config.plugins.on_startup(command="build", dirty=False)
    build(config)


@pytest.mark.parametrize(
    "sabotage",
    [
        pytest.param(lambda key, payload: 1 / 0, id="every-job-fails"),
        pytest.param(lambda key, payload: os._exit(3), id="worker-dies"),
    ],
)
def test_what_the_worker_does_not_deliver_the_build_renders_itself(
    tmp_path: Path, serial_demo: Build, monkeypatch: pytest.MonkeyPatch, sabotage: Any
) -> None:
    started: list[Worker | None] = []
    original = Worker.start

    def start(runner: Any, jobs: Any, **options: Any) -> Worker | None:
        worker = original(sabotage, jobs, **options)
        started.append(worker)
        return worker

    monkeypatch.setattr(ikep_plugin.Worker, "start", start)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    root = _demo_copy(tmp_path, parallel=True)
    monkeypatch.chdir(root)
    _build_in_process(root)
    # Both helpers really ran: the one rendering the plugin's pages and the one writing pages.
    assert len(started) == 2 and all(worker is not None for worker in started)
    serial, rescued = _files(serial_demo.site), _files(root / "site")
    assert serial.keys() == rescued.keys()
    assert [name for name in serial if serial[name] != rescued[name]] == []


def test_the_helper_writes_its_share_and_what_it_logs_is_logged_once_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    jobs: list[list[Any]] = []
    original_start, original_build_page = Worker.start, ikep_plugin._build_page

    def start(runner: Any, given: Any, **options: Any) -> Worker | None:
        given = list(given)
        jobs.append([key for key, _ in given])
        return original_start(runner, given, **options)

    def noisy(page: Any, *args: Any, **kwargs: Any) -> None:
        logging.getLogger("mkdocs.plugins.test").warning("geschrieben: %s", page.file.src_uri)
        original_build_page(page, *args, **kwargs)

    monkeypatch.setattr(ikep_plugin.Worker, "start", start)
    monkeypatch.setattr(ikep_plugin, "_build_page", noisy)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    root = _demo_copy(tmp_path, parallel=True)
    monkeypatch.chdir(root)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    with caplog.at_level(logging.INFO), pytest.raises(Abort, match="warnings in strict mode"):
        build(config)
    written = [key[1] for key in jobs[1] if key[0] == "write"]
    logged = [record.getMessage() for record in caplog.records if record.getMessage().startswith("geschrieben: ")]
    html_pages = [path for path in (root / "site").rglob("*.html") if path.name != "404.html"]
    # The helper wrote more than half of the pages, each really on disk; what it logged while
    # writing them was logged here, each message once, and counted by --strict (the Abort above).
    assert len(written) > len(html_pages) / 2
    for uri in written:
        assert (root / "site" / page_url(uri, use_directory_urls=True) / "index.html").is_file()
    assert sorted(logged) == sorted(f"geschrieben: {uri}" for uri in written)
    assert not [record for record in caplog.records if "Page skipped" in record.getMessage()]


def test_no_page_writing_helper_beside_another_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A third plugin may collect something from every page, which the helper's copy would keep to itself."""
    jobs: list[list[Any]] = []
    original_start = Worker.start

    def start(runner: Any, given: Any, **options: Any) -> Worker | None:
        given = list(given)
        jobs.append([key for key, _ in given])
        return original_start(runner, given, **options)

    monkeypatch.setattr(ikep_plugin.Worker, "start", start)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    root = _demo_copy(tmp_path, parallel=True)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"].append("tags")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.chdir(root)
    _build_in_process(root)
    assert len(jobs) == 1 and all(key[0] != "write" for key in jobs[0])  # only the rendering helper
    assert (root / "site/projekte/radweg-lautertal/index.html").is_file()


def test_no_fork_while_other_threads_run() -> None:
    """`mkdocs serve` runs a server thread; a fork copies its locks in whatever state they are."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert Worker.start(_echo, [("a", 1)]) is None
    finally:
        stop.set()
        thread.join()
    worker = Worker.start(_echo, [("a", 1)])
    assert worker is not None
    worker.finish()
    assert worker.take("a")
