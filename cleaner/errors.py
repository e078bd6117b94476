"""The two ways cleaning can fail: a bad profile (stops the run) and a bad page (one error record)."""

from __future__ import annotations

#: Every `error.kind` an error record can carry, and what it means: one list, for the README and for scripts.
ERROR_KINDS = {
    "read": "the input could not be read (missing, unreadable, not a regular file, a damaged or truncated dump)",
    "json": "a JSON Lines line that is no JSON object, nests too deeply, or holds a page field of the wrong type",
    "no-content": "a JSON Lines record with none of the page fields",
    "too-large": "a page over the size limit (--max-size), or one that needs more memory than allowed (--max-memory)",
    "empty": "a page with no text",
    "binary": "content that is no text (NUL or control bytes)",
    "decode": "a page that no encoding decodes",
    "parse": "HTML that cannot be parsed",
    "too-deep": "a page nested too deeply to be read",
    "timeout": "a page slower than the time limit (--timeout); its worker is stopped if it must be",
    "worker-died": "a page that killed the worker process cleaning it, twice",
    "internal": "a bug: the message says what failed; please report it",
}


class CleanerError(Exception):
    """Base of every error this package raises on purpose."""


class ProfileError(CleanerError):
    """A profile that cannot be used; names the file, the line and the key path.

    Raised before any page is cleaned, so a bad profile never fails halfway through a dump.
    """

    def __init__(self, message: str, *, file: str = "", line: int | None = None, key: str = ""):
        self.file, self.line, self.key, self.detail = file, line, key, message
        where = file + (f":{line}" if line else "")
        prefix = ": ".join(part for part in (where, key) if part)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class PageError(CleanerError):
    """A page that cannot be cleaned; becomes an error record, the batch goes on.

    `kind` is a short stable word for scripts, one of `ERROR_KINDS`.
    """

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)
