"""How sure a record's text is the page's article, from 0 to 1, so that a pipeline can send its
doubtful pages elsewhere (a human, another extractor) instead of trusting every record alike.

The main sign is agreement between two independent readers: the share of the kept text's word
4-grams that a second reader also read as the page's main content (Resiliparse, the yardstick of
`cleaner.web.extraction`). A record whose text the second reader did not see as content is likely
a menu, a teaser list or a caption. It is multiplied by the route (an answer that needed a second
opinion, because the first looked like a teaser, is less sure) and by a length sign (a record of
a few words is less surely the article). A text dump has no second reader: its sign is the share
of the kept words that stand on prose-like lines.

Measured by bench/realworld.py as the Spearman correlation with each page's text F1.
"""

from __future__ import annotations

import re

SHINGLE = 4  # words per shingle
FULL_LENGTH = 50  # kept words from which the length sign is 1
PROSE_WORDS = 10  # a text dump's line of this many words counts as prose
ROUTE = {"trafilatura-balanced": 0.85, "readability": 0.7}  # any other route: 1
_WORD = re.compile(r"\w+")


def confidence(kept: str, second_reader: str | None, route: str | None = None) -> float:
    """The record's confidence, rounded to two decimals; 0 for an empty text.

    `second_reader` is another extractor's main text of the page (None for a text dump: then the
    prose-line share of `kept` stands in for agreement)."""
    words = _WORD.findall(kept.casefold())
    if not words:
        return 0.0
    if second_reader is None:
        agreement = _prose_share(kept)
    else:
        agreement = _contained(words, _WORD.findall(second_reader.casefold()))
    length = min(1.0, len(words) / FULL_LENGTH) ** 0.5
    return round(agreement * length * ROUTE.get(route or "", 1.0), 2)


def _contained(words: list[str], other: list[str]) -> float:
    """Share of the word 4-grams of `words` that `other` holds too."""
    ours = _shingles(words)
    return len(ours & _shingles(other)) / len(ours) if ours else 0.0


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return set(zip(*(words[i:] for i in range(SHINGLE)), strict=False))  # the shorter tails end it


def _prose_share(kept: str) -> float:
    counts = [len(line.split()) for line in kept.splitlines()]
    total = sum(counts)
    return sum(n for n in counts if n >= PROSE_WORDS) / total if total else 0.0
