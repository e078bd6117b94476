"""Is this page HTML? By what its first bytes look like, whatever the file is called."""

from __future__ import annotations

import re

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|script)[\s>/]", re.IGNORECASE)
_ANY_TAG = re.compile(rb"</?[a-zA-Z][a-zA-Z0-9]*[\s>/]")
_LEADING = re.compile(rb"^(?:\xef\xbb\xbf|\s|<!--.*?-->|<\?xml[^>]*>)*", re.DOTALL)
# A text dump may quote a stray tag (an embed code the scraper kept); a page is built of them.
MIN_TAGS_INSIDE_TEXT = 8


def looks_like_html(data: bytes | str) -> bool:
    """True when the page opens with HTML markup, or when its start is dense with tags.

    One leaked ``<script src=…>`` line in a scraped text dump does not make it HTML.
    """
    head = data[:4096]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    head = head.replace(b"\x00", b"")
    leading = _LEADING.match(head)  # matches at least the empty string
    start = leading.end() if leading else 0
    if head.startswith(b"<", start) and _MARKUP.search(head) is not None:
        return True
    return _MARKUP.search(head) is not None and len(_ANY_TAG.findall(head)) >= MIN_TAGS_INSIDE_TEXT
