"""HTML bytes to text: BOM, then strict UTF-8, then the declared charset, then detection.

UTF-8 that decodes strictly wins over a declaration, because declarations lie more often than
valid UTF-8 happens by chance; a declared charset that fails to decode is passed over.
"""

from __future__ import annotations

import codecs

from bs4.dammit import EncodingDetector

from cleaner.decoding import decode as decode_text
from cleaner.errors import PageError


def decode_html(data: bytes) -> str:
    """The page's markup as text, or PageError (`empty`, `binary`, `decode`)."""
    if not data.strip():
        raise PageError("empty", "the page is empty")
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = EncodingDetector.find_declared_encoding(data, is_html=True, search_entire_document=False)
    if declared:
        try:
            codec = codecs.lookup(declared).name
            if codec not in ("utf-8", "ascii"):
                return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)
