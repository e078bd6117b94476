"""What a text dump still says about each line: its length, its words and stopwords, how it
ends, whether it is a written-out link or handle, whether the page repeats it, and whether it is
a list item or a table row (the structure a scraper leaves: `- `, `• `, `1. `, `|` cells)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.maintext.stopwords import guess_language, stoplist
from cleaner.text_blocks import LIST_ITEM, table_rows

_WORD = re.compile(r"\w+")
_LINK = re.compile(r"https?://|www\.|\S@\S|(?:^|\s)@\w|\.(?:com|org|net)\b", re.IGNORECASE)
WIDE = re.compile(r"[\u2e80-\U0002ffff]")  # CJK and other scripts written without spaces
SENTENCE_END = tuple('.!?…:;"”’»)。！？')


@dataclass(slots=True)  # not frozen: made once per line of every page, and frozen init costs twice
class Line:
    """One non-blank line of the page and what can be measured on it alone."""

    text: str
    width: int  # characters, a wide (CJK) character counting as three
    words: int  # whitespace-separated words
    tokens: int  # \w+ tokens
    stopwords: float  # share of tokens that are stopwords of the page's language
    ends_sentence: bool
    link: bool  # a written-out URL, email address or @handle
    repeated: bool  # the same text stands on another line of the page
    listed: bool = False  # a list item or a table row (two or more `|`-separated cells)


def measure(texts: Sequence[str], prose_from: int) -> list[Line]:
    """Features of each line; stopword shares only for lines of `prose_from` characters or more
    (shorter ones are judged by their context, and counting costs)."""
    tokens = [_WORD.findall(text.lower()) for text in texts]
    language = guess_language(tokens)
    stops = stoplist(language) if language else None
    counts = Counter(texts)
    lines = []
    for text, words in zip(texts, tokens, strict=True):
        width = len(text) if text.isascii() else len(text) + 2 * len(WIDE.findall(text))
        ends = text.endswith(SENTENCE_END)
        if stops is None:
            share = 1.0 if ends else 0.0  # no language: a sentence end stands in for stopwords
        elif width >= prose_from and words:
            share = sum(map(stops.__contains__, words)) / len(words)
        else:
            share = 0.0
        link = _LINK.search(text) is not None
        listed = LIST_ITEM.match(text) is not None
        lines.append(Line(text, width, len(text.split()), len(words), share, ends, link, counts[text] > 1, listed))
    for n in table_rows(texts):
        lines[n].listed = True
    return lines
