"""HTML bytes to text: BOM, then UTF-8, then the declared charset, then detection.

UTF-8 that decodes (strictly, or all but a stray byte or two) wins over a declaration, because
declarations lie more often than valid UTF-8 happens by chance. Then the charset the server sent
(a WARC record's Content-Type) and the one the page declares, read as browsers read them
(`iso-8859-1` is windows-1252, see `cleaner.decoding`); a declared charset that fails to decode is
passed over, and detection then reads only the text between the tags, which markup would dilute.
"""

from __future__ import annotations

import codecs
import re

from bs4.dammit import EncodingDetector

from cleaner.decoding import decode as decode_text
from cleaner.decoding import decode_detected, decode_labelled, escaped_7bit, mostly_utf8, utf16_without_bom
from cleaner.errors import PageError
from cleaner.web.rawtext import without_raw_text

# Linear on any input: `[^<>]*` never rescans past the next '<' (a lone '<' cannot make it quadratic).
_TAG = re.compile(rb"<[^<>]*>")


def decode_html(data: bytes, charset: str | None = None) -> str:
    """The page's markup as text, or PageError (`empty`, `binary`, `decode`).

    `charset` is what the transport said (an HTTP Content-Type), tried before the page's own.
    """
    if not data.strip():
        raise PageError("empty", "the page is empty")
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data)
    for special in (utf16_without_bom, escaped_7bit):
        if (text := special(data)) is not None:
            return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if (text := mostly_utf8(data)) is not None:
        return text
    declared = EncodingDetector.find_declared_encoding(data, is_html=True, search_entire_document=False)
    for label in (charset, declared):
        if label and (text := decode_labelled(data, label)) is not None:
            return text
    sample = text_between_tags(data)
    return decode_detected(data, sample if sample.strip() else data)


def text_between_tags(data: bytes) -> bytes:
    """The bytes a reader sees: tags, scripts and styles replaced by spaces; linear time."""
    return _TAG.sub(b" ", without_raw_text(data))
