"""Clean a stream of pages on several cores, records out in input order, no page lost.

Each worker process loads the profiles once (its initializer), then cleans the pages it is
sent; results are handed back in input order. A worker that dies (a crash in a C library, the
out-of-memory killer) takes no other page with it: the pages in flight are re-run one at a
time in a fresh pool, and only the one that kills its worker again becomes a `worker-died`
error record. Small inputs never start a pool: below `POOL_AFTER` pages, one process cleans.
"""

from __future__ import annotations

import ctypes
import itertools
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from cleaner.engine import clean_or_fail
from cleaner.page import Page
from cleaner.profiles import Rulebook, load_rulebook
from cleaner.result import Result

POOL_AFTER = 32  # pages: below this, starting processes costs more than it saves
IN_FLIGHT = 8  # pages queued per worker: enough to keep every core busy

_worker: dict[str, object] = {}  # per worker process: set once by _start, read by _clean_one


def default_jobs() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def clean_all(
    items: Iterable[Page | Result],
    rulebook: Rulebook,
    *,
    rule_dirs: Sequence[str] = (),
    profile: str | None = None,
    timeout: float | None = None,
    jobs: int = 1,
) -> Iterator[Result]:
    """Each page cleaned (error records pass through), in input order, on up to `jobs` processes."""
    stream = iter(items)
    head = list(itertools.islice(stream, POOL_AFTER))
    if jobs <= 1 or len(head) < POOL_AFTER:
        for item in itertools.chain(head, stream):
            yield item if isinstance(item, Result) else clean_or_fail(item, rulebook, profile=profile, timeout=timeout)
        return
    pool = _Pool(jobs, (tuple(rule_dirs), profile, timeout))
    try:
        yield from pool.run(itertools.chain(head, stream))
    finally:
        pool.close()


class _Pool:
    """A process pool that survives the death of its workers."""

    def __init__(self, jobs: int, settings: tuple) -> None:
        self.jobs, self.settings = jobs, settings
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        return ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_start, initargs=self.settings)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def run(self, items: Iterator[Page | Result]) -> Iterator[Result]:
        window: deque[tuple[Page | Result, Future[Result]]] = deque()
        for item in items:
            try:
                window.append((item, self.executor.submit(_clean_one, item)))
            except BrokenProcessPool:  # a worker died since the last result was collected
                pending = [*(page for page, _ in window), item]
                window.clear()
                yield from self._isolate(pending)
                continue
            if len(window) >= self.jobs * IN_FLIGHT:
                yield from self._settle(window, keep=self.jobs * IN_FLIGHT - 1)
        yield from self._settle(window, keep=0)

    def _settle(self, window: deque, keep: int) -> Iterator[Result]:
        """Yield finished results from the left until `keep` remain; recover from a dead worker."""
        while len(window) > keep:
            item, future = window[0]
            try:
                result = future.result()
            except BrokenProcessPool:
                pending = [page for page, _ in window]
                window.clear()
                yield from self._isolate(pending)
                return
            window.popleft()
            yield result

    def _isolate(self, pending: list[Page | Result]) -> Iterator[Result]:
        """Re-run the pages that were in flight when a worker died, one at a time."""
        for item in pending:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = self._new()
            try:
                yield self.executor.submit(_clean_one, item).result()
            except BrokenProcessPool:
                source = item.source
                yield Result.failed(
                    source, "worker-died", "the worker process died cleaning this page", item.url, item.id
                )
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._new()


def _start(rule_dirs: tuple[str, ...], profile: str | None, timeout: float | None) -> None:
    _die_with_parent()
    _worker.update(rulebook=load_rulebook(rule_dirs), profile=profile, timeout=timeout)


_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


def _die_with_parent() -> None:
    """A worker whose parent was killed (SIGKILL, SIGTERM, SIGHUP) is killed too, instead of
    living on and holding the caller's stderr open. Linux only; elsewhere a no-op."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the call: nobody would send the signal
        os._exit(1)


def _clean_one(item: Page | Result) -> Result:
    if isinstance(item, Result):
        return item
    rulebook = _worker["rulebook"]
    return clean_or_fail(item, rulebook, profile=_worker["profile"], timeout=_worker["timeout"])  # type: ignore[arg-type]
