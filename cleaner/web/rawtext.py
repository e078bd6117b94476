"""Scripts and styles out of raw markup, in linear time, before there is a tree to do it on.

A lazy regex (`<script.*?</script>`) rescans to the end for every unclosed `<script`, which is
quadratic on a hostile page; this walks the opening and closing tags once.
"""

from __future__ import annotations

import re
from typing import AnyStr

_PATTERN = r"<(/?)(script|style)\b[^<>]*>"
_RAW_TEXT = re.compile(_PATTERN, re.IGNORECASE)
_RAW_BYTES = re.compile(_PATTERN.encode(), re.IGNORECASE)


def without_raw_text(markup: AnyStr) -> AnyStr:
    """`markup` with every script and style element (an unclosed one runs to the end) cut out."""
    pieces: list[AnyStr] = []
    start, inside = 0, None
    pattern = _RAW_TEXT if isinstance(markup, str) else _RAW_BYTES
    for match in pattern.finditer(markup):
        closing, name = match.group(1), match.group(2).lower()
        if inside is None and not closing:
            pieces.append(markup[start : match.start()])
            inside = name
        elif inside == name and closing:
            start, inside = match.end(), None
    if inside is None:
        pieces.append(markup[start:])
    return markup[:0].join(pieces)
