"""Raw content to a Page: HTML or text by what the content is, decoded, within the size limit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from cleaner.decoding import decode
from cleaner.errors import PageError
from cleaner.limits import Limits
from cleaner.page import Page
from cleaner.web.decode import decode_html
from cleaner.web.sniff import looks_like_html


@dataclass(frozen=True)
class RawPage:
    """A page as read, not yet decoded: decoding runs where the page is cleaned, within its
    time limit (a worker process), so a page that is slow to decode stalls nobody else."""

    source: str
    content: bytes | str
    url: str | None = None
    id: str | None = None
    fetched: str | None = None
    charset: str | None = None  # the encoding the transport named (a WARC record's HTTP Content-Type)
    http_status: int | None = None  # a WARC response's HTTP status

    def decode(self) -> Page:
        """The page: HTML when its markup says so (whatever the file is called), else text.

        Raises PageError when the content is empty, binary or undecodable."""
        content = self.content
        try:
            if looks_like_html(content):
                markup = content if isinstance(content, str) else decode_html(content, self.charset)
                return self._page(html=markup)
            text = content if isinstance(content, str) else decode(content)
        except (LookupError, UnicodeError) as exc:  # a codec the label names but Python lacks, and the like
            raise PageError("decode", f"the page cannot be decoded: {exc}") from None
        if not text.strip():
            raise PageError("empty", "the page is empty")
        return self._page(text=text)

    def _page(self, **content: str) -> Page:
        """The page with `content` (its text or its HTML) and what the dump said of it, passed through."""
        return Page(
            source=self.source, url=self.url, id=self.id, fetched=self.fetched, http_status=self.http_status, **content
        )


def raw_page(
    source: str,
    content: bytes | str,
    url: str | None = None,
    limits: Limits = Limits(),
    *,
    id: str | None = None,
    fetched: str | None = None,
    charset: str | None = None,
    http_status: int | None = None,
) -> RawPage:
    """Raw content as a page to decode later; raises PageError `too-large` over the size limit."""
    limits.check_size(len(content))
    return RawPage(source, content, url, id, fetched, charset, http_status)


def read_within(stream: BinaryIO, limits: Limits) -> bytes:
    """All of `stream`, when it holds no more than the size limit; raises PageError `too-large`
    after reading one byte past it. A stream whose size is not known beforehand (standard input,
    a device such as /dev/zero, a pipe, a gzip member as it inflates) may be endless: it is never
    read further, nor drained."""
    if not limits.max_bytes:
        return stream.read()
    data = stream.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise PageError("too-large", f"the page is over the limit of {limits.max_bytes:,} bytes")
    return data
