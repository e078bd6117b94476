"""Clean a stream of pages on several cores, records out in input order.

Each worker process loads the profiles once (its initializer), then cleans pages it is sent;
`Pool.imap` hands results back in input order. Small inputs never start a pool: the first
`POOL_AFTER` pages are looked at first, and fewer than that are cleaned in this process.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence

from cleaner.engine import clean_or_fail
from cleaner.page import Page
from cleaner.profiles import Rulebook, load_rulebook
from cleaner.result import Result

POOL_AFTER = 32  # pages: below this, starting processes costs more than it saves
CHUNK = 8  # pages sent to a worker at a time

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
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(jobs, initializer=_start, initargs=(tuple(rule_dirs), profile, timeout)) as pool:
        yield from pool.imap(_clean_one, itertools.chain(head, stream), chunksize=CHUNK)


def _start(rule_dirs: tuple[str, ...], profile: str | None, timeout: float | None) -> None:
    _worker.update(rulebook=load_rulebook(rule_dirs), profile=profile, timeout=timeout)


def _clean_one(item: Page | Result) -> Result:
    if isinstance(item, Result):
        return item
    return clean_or_fail(item, _worker["rulebook"], profile=_worker["profile"], timeout=_worker["timeout"])  # type: ignore[arg-type]
