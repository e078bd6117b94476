"""Is this page HTML? By what its first bytes look like, whatever the file is called."""

from __future__ import annotations

import re

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|script)[\s>/]", re.IGNORECASE)
_ANY_TAG = re.compile(rb"</?[a-zA-Z][a-zA-Z0-9]*[\s>/]")
_LEADING = re.compile(rb"^(?:\xef\xbb\xbf|\s|<!--.*?-->|<\?xml[^>]*>)*", re.DOTALL)
# A text dump may quote a stray tag (an embed code the scraper kept); a page is built of them.
MIN_TAGS_INSIDE_TEXT = 8
# A page may open with a long <style> block or a server's warning ("<br />\n<b>Warning</b>: …")
# before its document: when its start is a tag, its document tags are looked for this far.
_DOCUMENT = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
DOCUMENT_WINDOW = 256 * 1024
_DOCUMENT_TEXT = re.compile(_DOCUMENT.pattern.decode(), re.IGNORECASE)


def looks_like_html(data: bytes | str) -> bool:
    """True when the page opens with HTML markup, when its start is dense with tags, or when it
    opens with a tag and its document's tags follow (after a long <style> block, say).

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
    if _MARKUP.search(head) is not None and len(_ANY_TAG.findall(head)) >= MIN_TAGS_INSIDE_TEXT:
        return True
    return _ANY_TAG.match(head, start) is not None and _document_tag(data[:DOCUMENT_WINDOW])


def _document_tag(window: bytes | str) -> bool:
    """Whether `window` holds an <html>, <head>, <body> or doctype tag (NULs dropped, as from the
    head: UTF-16 without a BOM)."""
    if isinstance(window, str):
        return _DOCUMENT_TEXT.search(window) is not None
    return _DOCUMENT.search(window.replace(b"\x00", b"")) is not None
