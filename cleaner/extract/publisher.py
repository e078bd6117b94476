"""Publisher names from the lines that carry them: copyright notices and datelines."""

from __future__ import annotations

import html
import re

_PREFIX = re.compile(r"^(?:copyright\b\s*|©\s*|\(c\)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?", re.IGNORECASE)
_CUT = re.compile(
    r"\.\s|\s[|•–—-]\s|\ball rights reserved\b|\balle rechte\b|\btous droits\b|\btodos los derechos\b", re.IGNORECASE
)
_SUFFIX = re.compile(
    r"[,\s]+(?:LLC|L\.L\.C|Inc|Ltd|Limited|Co|Corp|GmbH|AG|S\.A|SA|S\.L|SL|SARL|S\.p\.A|SpA|SRL|B\.V|BV|N\.V|plc|LP)\.?$",
    re.IGNORECASE,
)
# What a site-name field holds when it names no publisher: a page's own words, a country.
_NOT_A_PUBLISHER = frozenset(
    {"hosted", "home", "homepage", "index", "news", "blog", "website", "menu", "search", "login"}
)
_MIN_LETTERS = 3  # "U.S" is a place, "BBC" a publisher
_YEARS = re.compile(r"^(?:\d{4}\s*(?:[-–]\s*\d{4})?\s*,?\s*)+|\s*,?\s*\b\d{4}$")


def clean_publisher(raw: str) -> str | None:
    """`Copyright © 2023 The Washington Times, LLC. Click here…` -> `The Washington Times`."""
    text = _CUT.split(_PREFIX.sub("", " ".join(html.unescape(raw).split())), maxsplit=1)[0]
    text = _YEARS.sub("", text.strip())
    for _ in range(2):
        text = _SUFFIX.sub("", text.strip(" .,;:"))
    words = text.split()
    if not words or len(words) > 8 or not words[0][0].isupper():
        return None
    if sum(ch.isalpha() for ch in text) < _MIN_LETTERS or text.casefold() in _NOT_A_PUBLISHER:
        return None
    return text
