"""Bytes to text: UTF-8 (with or without BOM) first, then a detected encoding; binary is refused.

Legacy encodings are decoded the way browsers do (the WHATWG Encoding Standard): a label is
looked up by `webencodings`, so `iso-8859-1`, `latin1` and `ascii` mean windows-1252, and the
five bytes windows-1252 leaves undefined decode to the C1 controls instead of failing. Detection
answers only encodings that real pages use: charset_normalizer alone takes a windows-1252 dump
for a DOS code page (© as ę, Muñoz as Mu˝oz), as they decode the same bytes as cleanly.
"""

from __future__ import annotations

import codecs

import webencodings
from charset_normalizer import from_bytes

from cleaner.errors import PageError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL_SHARE = 0.05  # more control characters than this in decoded text means binary
# The legacy encodings of the WHATWG Encoding Standard that pages still use, as Python codecs: all
# detection may answer (a declared label may name any WHATWG encoding).
WEB_ENCODINGS = (
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
    "iso8859_2",
    "iso8859_4",
    "iso8859_5",
    "iso8859_7",
    "iso8859_8",
    "iso8859_13",
    "iso8859_15",
    "koi8_r",
    "koi8_u",
    "cp866",
    "cp874",
    "mac_cyrillic",
    "gb18030",
    "big5",
    "euc_jp",
    "iso2022_jp",
    "shift_jis",
    "cp932",
    "euc_kr",
    "cp949",
)
# Where several encodings decode the bytes equally cleanly, the web's most common legacy one wins.
_PREFERRED = "cp1252"
_CHAOS_TIE = 0.01
_C1_FALLBACK = "cleaner-c1"
_MOSTLY_UTF8 = 0.9  # share of the non-ASCII characters that decode as UTF-8


def _c1_controls(error: UnicodeError) -> tuple[str, int]:
    """The WHATWG mapping of a byte a single-byte code page leaves undefined: the same code point."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return chr(error.object[error.start]), error.start + 1


codecs.register_error(_C1_FALLBACK, _c1_controls)


def decode(data: bytes) -> str:
    """The page's text; PageError `empty`, `binary` or `decode` when there is none to be had."""
    if not data.strip():
        raise PageError("empty", "the page is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="strict"))
    if (wide := utf16_without_bom(data)) is not None:
        return _checked(wide)
    if b"\x00" in data:
        raise PageError("binary", "the page holds NUL bytes: binary content, not text")
    if (shifted := escaped_7bit(data)) is not None:
        return _checked(shifted)
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _checked(mostly_utf8(data) or decode_detected(data))


def mostly_utf8(data: bytes) -> str | None:
    """`data` as UTF-8 when nearly all its non-ASCII bytes form valid UTF-8 (a page pasted
    together from parts, with a stray legacy byte or a cut sequence): the few bad ones replaced.
    Legacy text almost never forms a valid multi-byte sequence, so it is not taken for this."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return text if good >= _MOSTLY_UTF8 * (good + bad) and good > bad else None


def decode_labelled(data: bytes, label: str) -> str | None:
    """`data` in the encoding a declaration names (a WHATWG label), or None when the label is
    unknown or names UTF-8 (the caller already tried it) or the bytes do not decode."""
    encoding = webencodings.lookup(label.strip())
    if encoding is None or encoding.name in ("utf-8", "utf-16le", "utf-16be", "replacement"):
        return None
    try:
        return decode_as(data, encoding.codec_info.name)
    except (UnicodeDecodeError, LookupError):  # a lying declaration; x-user-defined, which Python lacks
        return None


def decode_as(data: bytes, codec: str) -> str:
    """`data` in `codec`: a windows-125x code page maps the bytes it leaves undefined to the C1
    controls (as browsers do); any other codec decodes strictly (raises UnicodeDecodeError), so
    that a multi-byte declaration that lies loses to detection."""
    single_byte = codecs.lookup(codec).name.startswith("cp125")
    return data.decode(codec, errors=_C1_FALLBACK if single_byte else "strict")


def detect_encoding(sample: bytes) -> str | None:
    """The web encoding that decodes `sample` most cleanly; windows-1252 where several tie."""
    matches = list(from_bytes(sample, cp_isolation=list(WEB_ENCODINGS))) if sample.strip() else []
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least + _CHAOS_TIE]
    best_coherence = max(m.coherence for m in tied)
    if any(m.encoding == _PREFERRED and m.coherence >= best_coherence for m in tied):
        return _PREFERRED
    return max(tied, key=lambda m: m.coherence).encoding


def decode_detected(data: bytes, sample: bytes | None = None) -> str:
    """`data` in the encoding detected on `sample` (default: all of it); where none fits cleanly,
    windows-1252, as a browser falls back to (every byte decodes; the binary check still applies)."""
    encoding = detect_encoding(data if sample is None else sample) or _PREFERRED
    try:
        return decode_as(data, encoding)
    except UnicodeDecodeError:  # detected on a sample: a stray byte elsewhere is replaced
        return data.decode(encoding, errors="replace")


def escaped_7bit(data: bytes) -> str | None:
    """ISO-2022-JP text: 7-bit, so valid UTF-8 too, but full of ESC shifts between character sets."""
    if b"\x1b" in data and (b"\x1b$B" in data or b"\x1b$@" in data or b"\x1b(J" in data):  # ESC is rare: one scan
        try:
            return data.decode("iso2022_jp")
        except UnicodeDecodeError:
            return None
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without its BOM: mostly ASCII, so every other byte is NUL."""
    head = data[:2048]
    if len(head) < 64:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) < 0.4 * len(head) / 2 or min(even, odd) > 0.05 * len(head) / 2:
        return None
    try:
        return data.decode("utf-16-be" if even > odd else "utf-16-le")
    except UnicodeDecodeError:
        return None


def _checked(text: str) -> str:
    if not text.strip():
        raise PageError("empty", "the page has no text")
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if control > _CONTROL_SHARE * len(text):
        raise PageError("binary", f"{control} control characters in {len(text)}: binary content, not text")
    return text
