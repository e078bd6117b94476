"""What cleaning a page yields: the clean record, or an error record that says why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Result:
    """One output record. `error` is set instead of the fields when the page could not be cleaned."""

    source: str
    url: str | None = None
    profile: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    email: str | None = None
    publisher: str | None = None
    date: str | None = None
    language: str | None = None  # ISO 639-1 code of the kept text's language, None if unsure (cleaner.language)
    text: str = ""
    markdown: str | None = None  # the kept text as Markdown, only when asked for (cleaner.markdown)
    comments: str | None = None  # an HTML page's reader comments, only when asked for ("" if none)
    confidence: float | None = None  # 0-1: how sure `text` is the article (cleaner.confidence)
    trace: dict[str, Any] = field(default_factory=dict)
    error: dict[str, str] | None = None
    id: str | None = None  # the input record's id, when the dump gave one
    fetched: str | None = None  # the crawl date of a WARC record (not the publication date)
    http_status: int | None = None  # the HTTP status of a WARC response (always 2xx: others are skipped)

    @property
    def author(self) -> str | None:
        return self.authors[0] if self.authors else None

    @property
    def ok(self) -> bool:
        return self.error is None

    @classmethod
    def failed(cls, source: str, kind: str, message: str, url: str | None = None, id: str | None = None) -> Result:
        return cls(source=source, url=url, error={"kind": kind, "message": message}, id=id)

    def to_dict(self) -> dict[str, Any]:
        """The JSON record, keys in a fixed order."""
        head: dict[str, Any] = {
            "source": self.source,
            **({"id": self.id} if self.id is not None else {}),
            "url": self.url,
        }
        if self.fetched is not None:
            head["fetched"] = self.fetched
        if self.http_status is not None:
            head["http_status"] = self.http_status
        if self.error is not None:
            return {**head, "error": dict(self.error)}
        return {
            **head,
            "profile": self.profile,
            "title": self.title,
            "author": self.author,
            "authors": list(self.authors),
            "email": self.email,
            "publisher": self.publisher,
            "date": self.date,
            "language": self.language,
            "text": self.text,
            **({"markdown": self.markdown} if self.markdown is not None else {}),
            **({"comments": self.comments} if self.comments is not None else {}),
            "confidence": self.confidence,
            "trace": self.trace,
        }
