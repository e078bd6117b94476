"""Host names: the URL part that picks a site's profile and names a learned profile's file."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_HOST_NAME = re.compile(r"(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+")


def is_host_name(text: str) -> bool:
    """Whether `text` is a DNS host name with a dot (`news.example.com`), fit to name a profile
    file: not `..`, `::1` or `a b.com`."""
    return _HOST_NAME.fullmatch(text) is not None


def host_of(url: str | None) -> str:
    """The URL's host name, lower case; "" when there is none or the URL does not parse
    (`http://[::1/x`): a bad URL costs the page its site profile, never the page."""
    try:
        return (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return ""
