"""Is this page HTML? By name first, then by what its first bytes look like."""

from __future__ import annotations

import re

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|script)[\s>/]", re.IGNORECASE)


def looks_like_html(data: bytes | str) -> bool:
    """True when the start of the page holds HTML markup (a doctype or a common tag)."""
    head = data[:4096]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    return _MARKUP.search(head.replace(b"\x00", b"")) is not None
