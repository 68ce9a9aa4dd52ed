"""A helper process that renders while the build goes on, on the machine's second core.

MkDocs builds on one core. Once the content is loaded, most of what the plugin does is rendering
pages and listings from the model, which MkDocs does not need until it assembles the pages. A
forked child has the model and the renderer already (nothing to pickle on the way in), renders
every job it is given and sends the HTML back through a pipe; the build process picks the
results up whenever it passes by, without a thread and without ever waiting on a full pipe.

The same machinery serves a second helper, forked once every page is complete, whose jobs are
writing pages (plugin.py): its answers are what it logged while writing them.

Whatever the child cannot deliver — it failed on a job, it died, it was never started (no
`fork` on this system) — the build process renders itself, so the site is the same either way.
Only `mkdocs build` uses it: `mkdocs serve` runs threads, which do not survive a fork, and
rebuilds there reuse what the last build rendered anyway.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import pickle
import select
import signal
import struct
import sys
import threading
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, Final

Job = tuple[Hashable, Any]  # (key, what the runner needs besides the key); both picklable
Runner = Callable[[Hashable, Any], str]

_END: Final = ("ikep-worker-end", None)  # after the last job
_HEADER: Final = struct.Struct(">I")  # length of the pickled frame that follows
_PIPE_BYTES: Final = 1 << 20  # fewer stalls of the child on a busy build process
_BATCH_BYTES: Final = 256 * 1024  # results sent together, so there are few frames to unpickle
_F_SETPIPE_SZ: Final = 1031  # Linux; fcntl exports it from Python 3.10 on, but not everywhere


def release_memory() -> None:
    """Hand the heap's free pages back to the system (glibc's malloc_trim); elsewhere nothing.

    After a fork, a page of memory is shared until one of the processes writes to it. A helper
    that drops what it does not need, and gives the pages back, keeps the two processes' sum
    close to the build's own memory.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass


def can_fork() -> bool:
    """A fork shares the loaded model copy-on-write; elsewhere the build renders alone."""
    return sys.platform == "linux" and hasattr(os, "fork")


def _alone() -> bool:
    # Another thread (`mkdocs serve --clean` has its server) may hold a lock at the moment of
    # the fork, which the child would then wait for forever.
    return threading.active_count() == 1


class Worker:
    """The build process's side: submit jobs, pick up results, finish."""

    def __init__(self, pid: int, jobs: int, results: int) -> None:
        self.pid = pid
        self._jobs = jobs  # write end, non-blocking
        self._results = results  # read end, non-blocking
        self._outgoing = bytearray()  # jobs the pipe did not take yet
        self._incoming = _Frames()
        self._done: dict[Hashable, str | None] = {}
        self._open = True  # results may still come
        self._ended = False  # the end mark is on its way: no more jobs
        self._reaped = False
        self.failed = False  # the child died or broke the protocol: nothing more will come

    @classmethod
    def start(cls, runner: Runner, jobs: Iterable[Job], *, prepare: Callable[[], None] | None = None) -> Worker | None:
        """Fork a child that starts on `jobs` at once; None where that is not possible.

        `prepare` runs in the child before its first job: what only the child should change.
        """
        if not (can_fork() and _alone()):
            return None
        first = list(jobs)
        jobs_read, jobs_write = os.pipe()
        results_read, results_write = os.pipe()
        for descriptor in (jobs_write, results_write):
            _widen(descriptor)
        # Buffered output would otherwise be written twice, once by each process.
        sys.stdout.flush()
        sys.stderr.flush()
        # The build's garbage collections would write to every object it shares with the child,
        # and so copy the memory page it sits on: what exists now is left alone until the end.
        gc.freeze()
        try:
            pid = os.fork()
        except OSError:
            gc.unfreeze()
            for descriptor in (jobs_read, jobs_write, results_read, results_write):
                os.close(descriptor)
            return None
        if pid == 0:  # the child: never returns into the build
            code = 1
            try:
                os.close(jobs_write)
                os.close(results_read)
                if prepare is not None:
                    prepare()
                _child(runner, first, jobs_read, results_write)
                code = 0
            finally:
                os._exit(code)
        os.close(jobs_read)
        os.close(results_write)
        os.set_blocking(jobs_write, False)
        os.set_blocking(results_read, False)
        return cls(pid, jobs_write, results_read)

    def submit(self, key: Hashable, payload: Any) -> None:
        if self._open and not self._ended:
            self._outgoing += _frame((key, payload))
            self._send()

    def poll(self) -> None:
        """Take the results that have arrived and pass on waiting jobs; never blocks."""
        if self._open:
            self._send()
            self._receive()

    def waiting(self, key: Hashable) -> bool:
        """True while the answer for `key` may still come."""
        return self._open and key not in self._done

    def take(self, key: Hashable) -> str | None:
        """The child's HTML for `key`; None when it has none (failed, died): render it here."""
        return self._done.pop(key, None)

    def no_more_jobs(self) -> None:
        """Tell the child that the jobs it has are all: it ends (and frees its memory) when done."""
        if self._open and not self._ended:
            self._ended = True
            self._outgoing += _frame(_END)
            self._send()

    def finish(self) -> None:
        """Wait until the child has answered every job and has ended."""
        self.no_more_jobs()
        while self._open:
            wanted_write = [self._jobs] if self._outgoing else []
            readable, writable, _ = select.select([self._results], wanted_write, [])
            if writable:
                self._send()
            if readable:
                self._receive()
        self.close()

    def close(self) -> None:
        """Let go of the child; whatever it has not delivered yet is rendered here."""
        if self._open:  # still working: it is not needed any more
            self._open = False
            os.close(self._results)
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
        if not self._reaped:
            self._reaped = True
            os.close(self._jobs)  # the child ends once it sees the pipe closed
            self._reap()
            gc.unfreeze()

    def _send(self) -> None:
        if not self._outgoing:
            return
        try:
            written = os.write(self._jobs, self._outgoing)
        except BlockingIOError:
            return
        except BrokenPipeError:
            self._outgoing.clear()
            return
        del self._outgoing[:written]

    def _receive(self) -> None:
        while True:
            try:
                chunk = os.read(self._results, _PIPE_BYTES)
            except BlockingIOError:
                return
            if not chunk:  # the child closed its end: finished, or died
                self._open = False
                os.close(self._results)
                self.failed |= self._incoming.pending
                return
            try:
                for batch in self._incoming.feed(chunk):
                    self._done.update(batch)
            except (pickle.UnpicklingError, EOFError, ValueError):
                self.failed = True
                self.close()
                return

    def _reap(self) -> None:
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            return
        if os.waitstatus_to_exitcode(status) != 0:
            self.failed = True


class _Frames:
    """Length-prefixed pickles, taken apart as bytes arrive."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    @property
    def pending(self) -> bool:
        return bool(self._buffer)

    def feed(self, chunk: bytes) -> Iterator[Any]:
        self._buffer += chunk
        while len(self._buffer) >= _HEADER.size:
            (length,) = _HEADER.unpack_from(self._buffer)
            end = _HEADER.size + length
            if len(self._buffer) < end:
                return
            # The data come from our own child over a private pipe; nobody else can write to it.
            value = pickle.loads(bytes(self._buffer[_HEADER.size : end]))
            del self._buffer[:end]
            yield value


def _frame(value: Any) -> bytes:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def _widen(descriptor: int) -> None:
    try:
        import fcntl

        fcntl.fcntl(descriptor, _F_SETPIPE_SZ, _PIPE_BYTES)
    except (ImportError, OSError):
        pass  # the default 64 KB pipe works too, with more waiting


def _child(runner: Runner, first: list[Job], jobs_read: int, results_write: int) -> None:
    # What the child inherited is never garbage: the collector need not walk it (and so copy
    # every memory page it touches).
    gc.freeze()
    queue: deque[Job] = deque(first)
    incoming = _Frames()
    ended = False
    batch: list[tuple[Hashable, str | None]] = []
    size = 0
    os.set_blocking(jobs_read, False)
    while True:
        ended = _read_jobs(jobs_read, incoming, queue) or ended
        if not queue:
            _write(results_write, batch)
            batch, size = [], 0
            if ended:
                break
            select.select([jobs_read], [], [])
            continue
        key, payload = queue.popleft()
        try:
            html: str | None = runner(key, payload)
        except Exception:  # the build process renders it again and reports what goes wrong
            html = None
        batch.append((key, html))
        size += len(html or "")
        if size >= _BATCH_BYTES:
            _write(results_write, batch)
            batch, size = [], 0
    os.close(results_write)


def _read_jobs(descriptor: int, incoming: _Frames, queue: deque[Job]) -> bool:
    """Move the jobs that have arrived into `queue`; True once the end mark came."""
    ended = False
    while True:
        try:
            chunk = os.read(descriptor, _PIPE_BYTES)
        except BlockingIOError:
            return ended
        if not chunk:  # the build process went away
            return True
        for job in incoming.feed(chunk):
            if job == _END:
                ended = True
            else:
                queue.append(job)


def _write(descriptor: int, batch: list[tuple[Hashable, str | None]]) -> None:
    if not batch:
        return
    data = memoryview(_frame(batch))
    os.set_blocking(descriptor, True)  # the build process drains it when it passes by
    while data:
        written = os.write(descriptor, data)
        data = data[written:]
