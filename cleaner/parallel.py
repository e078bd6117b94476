"""Clean a stream of pages in worker processes that a page cannot outlast: records out in input
order, no page lost.

Each page is cleaned in a worker process that the parent watches. A page over its time limit is
stopped whatever it is doing: inside Python the worker's own alarm ends it, and a worker still
busy a grace period later (stuck in C code: lxml, a regex engine) is killed and replaced, the
page a `timeout` record. A worker has a memory limit; a page that needs more is a `too-large`
record. A worker that dies (a crash in a C library, the out-of-memory killer) takes no other page
with it: its page is tried once more in a fresh worker, and only a page that kills its worker
again becomes a `worker-died` record.

Where processes cannot be forked (or `jobs` is 0), pages are cleaned in this process, where the
time limit holds for Python code only (SIGALRM).
"""

from __future__ import annotations

import ctypes
import itertools
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from typing import Any

from cleaner.engine import OUT_OF_MEMORY, clean_or_fail
from cleaner.language import load_detector
from cleaner.limits import Limits
from cleaner.page import Page
from cleaner.pages import RawPage
from cleaner.profiles import Rulebook, load_rulebook
from cleaner.result import Result

IN_FLIGHT = 8  # records read ahead per worker: enough to keep every core busy, memory bounded
GRACE = 1.0  # seconds past the time limit before a worker stuck in C code is killed

Item = Page | RawPage | Result


def default_jobs() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def clean_all(
    items: Iterable[Item],
    rulebook: Rulebook,
    *,
    rule_dirs: Sequence[str] = (),
    profile: str | None = None,
    limits: Limits = Limits(),
    jobs: int = 1,
    markdown: bool = False,
    comments: bool = False,
) -> Iterator[Result]:
    """Each page cleaned (error records pass through), in input order, in up to `jobs` watched
    worker processes (never more than there are pages); `markdown` and `comments` as in `cleaner.clean`."""
    stream = iter(items)
    head = list(itertools.islice(stream, max(jobs, 1)))
    if jobs < 1 or not head or "fork" not in multiprocessing.get_all_start_methods():
        for item in itertools.chain(head, stream):
            yield (
                item
                if isinstance(item, Result)
                else clean_or_fail(
                    item, rulebook, profile=profile, timeout=limits.timeout, markdown=markdown, comments=comments
                )
            )
        return
    settings = WorkerSettings(tuple(rule_dirs), profile, limits, rulebook, markdown, comments)
    with WorkerPool(min(jobs, len(head)), settings, "fork") as pool:
        yield from pool.run(itertools.chain(head, stream))


@dataclass(frozen=True)
class WorkerSettings:
    """What a worker needs: the profiles (inherited when forked, else loaded from `rule_dirs`),
    the profile to force, the limits, whether records carry Markdown and reader comments."""

    rule_dirs: tuple[str, ...]
    profile: str | None
    limits: Limits
    rulebook: Rulebook | None = field(default=None, compare=False)
    markdown: bool = False
    comments: bool = False


@dataclass
class _Task:
    seq: int
    item: Page | RawPage
    tries: int = 0


class _Worker:
    """One worker process, its end of the pipe, and the page it is cleaning."""

    def __init__(self, context: Any, settings: WorkerSettings) -> None:  # a multiprocessing context
        self.conn, child = context.Pipe()
        shipped = settings if context.get_start_method() == "fork" else replace(settings, rulebook=None)
        self.process = context.Process(target=_serve, args=(child, shipped), daemon=True)
        self.process.start()
        child.close()
        self.task: _Task | None = None
        self.deadline = float("inf")

    def give(self, task: _Task, timeout: float | None) -> None:
        self.task = task
        self.deadline = time.monotonic() + timeout + max(GRACE, timeout / 2) if timeout else float("inf")
        self.conn.send((task.seq, task.item))

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class WorkerPool:
    """Watched worker processes; `run` cleans a stream of pages with them. Reusable across
    streams (one pool per Ray actor); `start` is `fork` or `spawn`."""

    def __init__(self, jobs: int, settings: WorkerSettings, start: str = "fork") -> None:
        self.settings, self.context = settings, multiprocessing.get_context(start)
        if start == "fork":
            load_detector()  # once, shared by every worker forked from here (cleaner.language)
        self.workers = [_Worker(self.context, settings) for _ in range(max(jobs, 1))]

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self.workers:
            worker.stop(kill=worker.task is not None)
        self.workers = []

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        """Each item's record, in input order."""
        stream, todo = enumerate(items), deque[_Task]()
        done: dict[int, Result] = {}
        following, read_all = 0, False
        room = len(self.workers) * IN_FLIGHT
        while True:
            while not read_all and len(todo) + len(done) + self._busy() < room:
                numbered = next(stream, None)
                if numbered is None:
                    read_all = True
                    continue
                seq, item = numbered
                if isinstance(item, Result):
                    done[seq] = item
                else:
                    todo.append(_Task(seq, item))
            while following in done:
                yield done.pop(following)
                following += 1
            for worker in self.workers:
                if worker.task is None and todo:
                    self._give(worker, todo.popleft())
            if read_all and not todo and not self._busy():
                if done:
                    continue
                return
            self._collect(done, todo)

    def _busy(self) -> int:
        return sum(worker.task is not None for worker in self.workers)

    def _give(self, worker: _Worker, task: _Task) -> None:
        try:
            worker.give(task, self.settings.limits.timeout)
        except OSError:  # the worker died while idle: a fresh one takes the page
            self._replace(worker, kill=True).give(task, self.settings.limits.timeout)

    def _collect(self, done: dict[int, Result], todo: deque[_Task]) -> None:
        """Wait for a result, a worker's death or the nearest deadline; settle what happened."""
        busy = [w for w in self.workers if w.task is not None]
        if not busy:
            return
        nearest = min(w.deadline for w in busy)
        waiting = None if nearest == float("inf") else max(0.0, nearest - time.monotonic())
        wait([w.conn for w in busy] + [w.process.sentinel for w in busy], waiting)
        for worker in busy:
            task = worker.task
            assert task is not None  # (busy)
            if worker.conn.poll():
                try:
                    seq, result, spent = worker.conn.recv()
                except (EOFError, OSError):
                    self._died(worker, task, done, todo)
                    continue
                worker.task = None
                done[seq] = result
                if spent:  # it came near its memory limit: its heap may be left in pieces, its peak is used up
                    self._replace(worker, kill=False)
            elif not worker.process.is_alive():
                self._died(worker, task, done, todo)
            elif time.monotonic() > worker.deadline:
                self._replace(worker, kill=True)
                timeout = self.settings.limits.timeout or 0
                message = f"cleaning took longer than the limit of {timeout:g} s; its worker was stopped"
                done[task.seq] = _failed(task.item, "timeout", message)

    def _died(self, worker: _Worker, task: _Task, done: dict[int, Result], todo: deque[_Task]) -> None:
        self._replace(worker, kill=True)
        if task.tries:
            done[task.seq] = _failed(task.item, "worker-died", "the worker process died cleaning this page")
        else:  # perhaps not this page's fault (the out-of-memory killer chose it): once more
            todo.appendleft(_Task(task.seq, task.item, task.tries + 1))

    def _replace(self, worker: _Worker, *, kill: bool) -> _Worker:
        worker.stop(kill=kill)
        fresh = _Worker(self.context, self.settings)
        self.workers[self.workers.index(worker)] = fresh
        return fresh


def _failed(item: Page | RawPage, kind: str, message: str) -> Result:
    return Result.failed(item.source, kind, message, item.url, item.id)


def _serve(conn: Connection, settings: WorkerSettings) -> None:
    """A worker's life: clean each page the parent sends until it sends None."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    load_detector()  # inherited when forked; never charged to the first page's memory
    _limit_memory(settings.limits.max_memory)
    rulebook = settings.rulebook or load_rulebook(settings.rule_dirs)
    while (message := conn.recv()) is not None:
        seq, item = message
        result = _clean_one(item, rulebook, settings)
        conn.send((seq, result, _came_near_the_memory_limit(settings.limits.max_memory)))


def _clean_one(item: Page | RawPage, rulebook: Rulebook, settings: WorkerSettings) -> Result:
    result = clean_or_fail(
        item,
        rulebook,
        profile=settings.profile,
        timeout=settings.limits.timeout,
        markdown=settings.markdown,
        comments=settings.comments,
    )
    if result.error and result.error["kind"] == "internal" and _came_near_the_memory_limit(settings.limits.max_memory):
        # C libraries report a refused allocation their own way (lxml: "XPathEvalError: unknown error")
        message = f"cleaning the page needs more memory than allowed ({result.error['message']})"
        return _failed(item, OUT_OF_MEMORY, message)
    return result


_start_size: list[int] = []  # a worker's address space when its memory limit was set


def _limit_memory(budget: int | None) -> None:
    """Let the worker grow by `budget` bytes beyond what it holds now; past that an allocation
    fails (MemoryError: the page becomes a `too-large` record) instead of the machine swapping."""
    if not budget:
        return
    try:
        import resource

        size = _address_space("VmSize")
        resource.setrlimit(resource.RLIMIT_AS, (size + budget, resource.RLIM_INFINITY))
        _start_size.append(size)
    except (ImportError, OSError, ValueError):
        return  # not Linux: no limit rather than no cleaning


def _came_near_the_memory_limit(budget: int | None) -> bool:
    """Whether this worker's address space ever grew past half its budget (an allocation was
    likely refused); the worker tells the parent, which replaces it after that page, so the peak
    a worker sees is always that of the page it is cleaning."""
    try:
        return bool(budget and _start_size) and _address_space("VmPeak") - _start_size[0] > (budget or 0) / 2
    except (OSError, ValueError):
        return False


def _address_space(field: str) -> int:
    """`VmSize` or `VmPeak` of this process in bytes (Linux's /proc/self/status)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise ValueError(f"no {field} in /proc/self/status")


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
