"""Work of the plugin's own that can run beside MkDocs: one interface, a serial and a parallel way.

Only the PDF of the progress report goes here (render/reportpdf.py): it is made from HTML the
plugin rendered itself, and nothing MkDocs does depends on it until the build is written. On a
machine with a second core a forked process makes it while MkDocs renders the pages; otherwise
(or where fork is missing) it is made when asked for. Both give the same bytes.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Protocol


class Job(Protocol):
    def result(self) -> bytes:
        """The work's bytes; raises `JobFailed` with the reason where the work failed."""
        ...


class JobFailed(Exception):
    pass


@dataclass
class SerialJob:
    work: Callable[[], bytes]
    _done: bytes | None = field(default=None, init=False)

    def result(self) -> bytes:
        if self._done is None:
            try:
                self._done = self.work()
            except Exception as error:  # the reason goes to the editor, not a traceback
                raise JobFailed(str(error) or type(error).__name__) from error
        return self._done


def _run(work: Callable[[], bytes], sender: Connection) -> None:
    try:
        sender.send((True, work()))
    except Exception as error:
        sender.send((False, (str(error) or type(error).__name__, traceback.format_exc())))
    finally:
        sender.close()


@dataclass
class ForkedJob:
    """The work in a forked process from the start; `result` waits for it."""

    work: Callable[[], bytes]
    _done: bytes | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(self.work, sender), daemon=True)
        self._process.start()
        sender.close()

    def result(self) -> bytes:
        if self._done is None:
            try:
                ok, value = self._receiver.recv()
            except EOFError as error:
                raise JobFailed("Der Hilfsprozess hat sich unerwartet beendet.") from error
            finally:
                self._process.join()
                self._receiver.close()
            if not ok:
                raise JobFailed(value[0])
            self._done = value
        return self._done


def start(work: Callable[[], bytes]) -> Job:
    """`work` beside the build where a second core and fork are there, else when its result is asked for."""
    if (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods():
        return ForkedJob(work)
    return SerialJob(work)
