"""HTML bytes to text: BOM, then strict UTF-8, then the declared charset, then detection.

UTF-8 that decodes strictly wins over a declaration, because declarations lie more often than
valid UTF-8 happens by chance; a declared charset that fails to decode is passed over, and
detection then reads only the text between the tags, which markup would otherwise dilute.
"""

from __future__ import annotations

import codecs
import re

from bs4.dammit import EncodingDetector
from charset_normalizer import from_bytes

from cleaner.decoding import decode as decode_text
from cleaner.errors import PageError

_TAG = re.compile(rb"<(?:script|style)\b.*?</(?:script|style)\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE)


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
    return _detected(data)


def _detected(data: bytes) -> str:
    """Where single-byte code pages tie, windows-1252 wins: the web's most common legacy one."""
    text_only = _TAG.sub(b" ", data)
    matches = list(from_bytes(text_only)) if text_only.strip() else []
    if not matches:
        return decode_text(data)
    tied = [m.encoding for m in matches if m.chaos == matches[0].chaos]
    encoding = "cp1252" if "cp1252" in tied else matches[0].encoding
    return data.decode(encoding, errors="replace")
