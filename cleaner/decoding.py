"""Bytes to text: UTF-8 (with or without BOM) first, then a detected encoding; binary is refused."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from cleaner.errors import PageError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL_SHARE = 0.05  # more control characters than this in decoded text means binary


def decode(data: bytes) -> str:
    """The page's text; PageError `empty`, `binary` or `decode` when there is none to be had."""
    if not data.strip():
        raise PageError("empty", "the page is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="strict"))
    if b"\x00" in data:
        raise PageError("binary", "the page holds NUL bytes: binary content, not text")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise PageError("decode", "no text encoding decodes this page")
    return _checked(str(best))


def _checked(text: str) -> str:
    if not text.strip():
        raise PageError("empty", "the page has no text")
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if control > _CONTROL_SHARE * len(text):
        raise PageError("binary", f"{control} control characters in {len(text)}: binary content, not text")
    return text
