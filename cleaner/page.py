"""A page as read from a dump: where it came from and its content, not yet cleaned."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One input page. `text` is decoded; `url` is known for some inputs only."""

    source: str
    text: str
    url: str | None = None
