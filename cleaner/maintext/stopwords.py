"""Stopword lists for about 100 languages, from jusText's maintained stoplists, and a cheap
guess of a page's language: the list that covers most of the words of its longest lines.

Everything is loaded on first use and kept for the process (the lists never change).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache
from itertools import chain, repeat

SAMPLE_WORDS = 250  # words from the longest lines: enough to tell languages apart
MIN_SHARE = 0.1  # below this no list fits (e.g. Chinese or Japanese, written without spaces)


@cache
def _index() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """Language names, and for each stopword the numbers of the languages that list it."""
    import justext  # here, not at import: only pages that run the stage pay for it

    names = tuple(sorted(justext.get_stoplists()))
    index: dict[str, list[int]] = {}
    for n, name in enumerate(names):
        for word in justext.get_stoplist(name):
            index.setdefault(word.lower(), []).append(n)
    return names, {word: tuple(langs) for word, langs in index.items()}


@cache
def stoplist(language: str) -> frozenset[str]:
    """The lower-cased stopwords of `language` (a jusText name such as `English`)."""
    import justext

    return frozenset(word.lower() for word in justext.get_stoplist(language))


def guess_language(words_per_line: Sequence[Sequence[str]]) -> str | None:
    """The language whose stoplist covers most words of the longest lines, or None if none fits."""
    sample: list[str] = []
    for words in sorted(words_per_line, key=len, reverse=True):
        sample.extend(words)
        if len(sample) >= SAMPLE_WORDS:
            break
    names, index = _index()
    counts = Counter(chain.from_iterable(map(index.get, sample, repeat(()))))
    if not counts:
        return None
    best, hits = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return names[best] if hits >= MIN_SHARE * len(sample) else None
