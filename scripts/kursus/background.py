"""Run a check on another CPU core while the build goes on, where that is safe; otherwise right away.

The course checks (quiz rules, markers, translations) take about a tenth of the build and only
report, so the plugin starts them here and collects what they found when a translated page needs
its status, and at the end of the build.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork_workers() -> bool:
    """More than one core for this process, and a system that forks (Linux, macOS)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return cores > 1 and "fork" in multiprocessing.get_all_start_methods()


def parallel_is_safe() -> bool:
    """A forked child starts at once and cheaply, but forking a process with several threads (as
    ``mkdocs serve`` has) can leave a lock held in the child: run such checks in-line instead."""
    return can_fork_workers() and threading.active_count() == 1


class Background(Generic[T]):
    """``Background(fn, *args).result()`` is ``fn(*args)``; exceptions are raised by ``result()``."""

    def __init__(self, fn: Callable[..., T], *args: object) -> None:
        self._call = (fn, args)
        self._executor: ProcessPoolExecutor | None = None
        self._future: Future[T] = Future()
        if parallel_is_safe():
            try:
                self._executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
                self._future = self._executor.submit(fn, *args)
                return
            except OSError:  # no process could be started (limits of the machine): do it here
                self.close()
                self._future = Future()
        self._run_here()

    def _run_here(self) -> None:
        fn, args = self._call
        try:
            self._future.set_result(fn(*args))
        except Exception as exc:  # handed to whoever asks for the result
            self._future.set_exception(exc)

    @property
    def in_parallel(self) -> bool:
        return self._executor is not None

    def result(self) -> T:
        try:
            return self._future.result()
        except BrokenProcessPool:  # the worker died (killed, out of memory): do the work here after all
            self.close()
            self._future = Future()
            self._run_here()
            return self._future.result()
        finally:
            self.close()

    def close(self) -> None:
        """Stop the worker if it is still running (a build that failed elsewhere)."""
        if self._executor is not None:
            self._future.cancel()
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
