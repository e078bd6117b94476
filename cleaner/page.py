"""A page as read from a dump: where it came from and its content, not yet cleaned."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One input page, decoded: a text dump (`text`) or an HTML page (`html`).

    `url` is known for some inputs only (HTML pages may declare their own).
    """

    source: str
    text: str = ""
    url: str | None = None
    html: str | None = None
    id: str | None = None  # the record's own id in a dump (JSON Lines, WARC), passed through
    fetched: str | None = None  # when the crawler fetched the page (a WARC record's date), passed through
    http_status: int | None = None  # the HTTP status of a WARC response, passed through
