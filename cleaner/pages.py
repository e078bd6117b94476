"""Raw content to a Page: HTML or text by what the content is, decoded, within the size limit."""

from __future__ import annotations

from urllib.parse import urlsplit

from cleaner.decoding import decode
from cleaner.errors import PageError
from cleaner.limits import Limits
from cleaner.page import Page
from cleaner.web.decode import decode_html
from cleaner.web.sniff import looks_like_html


def host_of(url: str | None) -> str:
    """The URL's host name, lower case; "" when there is none or the URL does not parse
    (`http://[::1/x`): a bad URL costs the page its site profile, never the page."""
    try:
        return (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return ""


def make_page(
    source: str,
    content: bytes | str,
    url: str | None = None,
    limits: Limits = Limits(),
    *,
    id: str | None = None,
    fetched: str | None = None,
    charset: str | None = None,
) -> Page:
    """A page from raw content: HTML when its markup says so (whatever the file is called), else text.

    `charset` is the encoding the transport named (a WARC record's HTTP Content-Type), if any.
    Raises PageError when the content is empty, binary, undecodable or over the size limit.
    """
    limits.check_size(len(content))
    try:
        if looks_like_html(content):
            markup = content if isinstance(content, str) else decode_html(content, charset)
            return Page(source=source, html=markup, url=url, id=id, fetched=fetched)
        text = content if isinstance(content, str) else decode(content)
    except (LookupError, UnicodeError) as exc:  # a codec the label names but Python lacks, and the like
        raise PageError("decode", f"the page cannot be decoded: {exc}") from None
    if not text.strip():
        raise PageError("empty", "the page is empty")
    return Page(source=source, text=text, url=url, id=id, fetched=fetched)
