"""The title: the heading the article stands under.

A naive dump of a web page starts with the page's <title> ("Headline - Site"); the headline
that repeats it further down is the title and marks where the article begins. Failing that,
the title is the heading-like line (a few words, no sentence end) just before the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.maintext.features import Line

_WORD = re.compile(r"\w+")
REPEAT_WINDOW = 80  # lines after the first where the repeated headline may stand
REPEAT_SHARE = 0.8  # share of the headline's words the first line must contain
HEADING_REACH = 3  # lines before the article where its heading may stand
HEADING_WIDTH = 300


def repeated_title(texts: Sequence[str]) -> int | None:
    """The first line (after the first) whose words nearly all come from the first line."""
    if not texts:
        return None
    first = set(_WORD.findall(texts[0].lower()))
    if len(first) < 3:
        return None
    for i in range(1, min(len(texts), REPEAT_WINDOW)):
        words = set(_WORD.findall(texts[i].lower()))
        if len(words) >= 3 and len(words & first) >= REPEAT_SHARE * len(words):
            return i
    return None


def heading_before(lines: Sequence[Line], start: int) -> int | None:
    """The nearest heading-like line among the few before line `start`."""
    for i in range(start - 1, max(start - 1 - HEADING_REACH, -1), -1):
        if is_heading(lines[i]):
            return i
    return None


def is_heading(line: Line) -> bool:
    """A few words that do not end like a sentence, and no link."""
    many_words = line.words >= 3 or (line.width >= 15 and not line.text.isascii())
    return many_words and not line.ends_sentence and not line.link and line.width <= HEADING_WIDTH
