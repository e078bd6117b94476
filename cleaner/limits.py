"""Per-page limits, so one pathological page becomes an error record instead of a stalled batch."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from cleaner.errors import PageError

DEFAULT_TIMEOUT = 10.0  # seconds per page
DEFAULT_MAX_BYTES = 10_000_000
DEFAULT_MAX_MEMORY = 4_000_000_000  # bytes a worker may grow by while cleaning one page


@dataclass(frozen=True)
class Limits:
    """`timeout` seconds and `max_bytes` of content per page, `max_memory` bytes a worker process
    may grow by (the command line's workers only); 0 or None turns a limit off."""

    timeout: float | None = DEFAULT_TIMEOUT
    max_bytes: int | None = DEFAULT_MAX_BYTES
    max_memory: int | None = DEFAULT_MAX_MEMORY

    def check_size(self, size: int) -> None:
        if self.max_bytes and size > self.max_bytes:
            raise PageError("too-large", f"the page has {size:,} bytes, more than the limit of {self.max_bytes:,}")


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise PageError `timeout` in the block after `seconds` of wall time.

    Uses SIGALRM, so it applies in the main thread of a process (the CLI, each worker of a
    pool); elsewhere the block runs unlimited rather than failing.
    """
    main_thread = threading.current_thread() is threading.main_thread()
    if not seconds or not hasattr(signal, "setitimer") or not main_thread:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise PageError("timeout", f"cleaning took longer than the limit of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    # The alarm repeats: an exception raised while Python runs a finaliser or a weakref
    # callback is swallowed ("Exception ignored in ..."), so it must come again.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
