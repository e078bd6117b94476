"""The two ways cleaning can fail: a bad profile (stops the run) and a bad page (one error record)."""

from __future__ import annotations


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

    `kind` is a short stable word for scripts (``binary``, ``empty``, ``decode``, ``read``).
    """

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)
