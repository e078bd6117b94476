"""How sure a record's text is the page's article, from 0 to 1, so that a pipeline can send its
doubtful pages elsewhere (a human, another extractor) instead of trusting every record alike.

The main sign is agreement between two independent readers: the share of the kept text's word
4-grams that a second reader also read as the page's main content (Resiliparse, the yardstick of
`cleaner.web.extraction`). A record whose text the second reader did not see as content is likely
a menu, a teaser list or a caption. Resiliparse keeps chrome as well as the article, so a second
reader that read fewer words than were kept has missed the article (a comment box, a heading) and
its disagreement says nothing: it is not asked then. The sign is multiplied by the route (an
answer that needed a second opinion, because the first looked like a teaser, is less sure) and by
a length sign (a record of a few words is less surely the article). Where there is no second
reader to ask (a text dump, a profile's `html.body`, or one that read nothing or less), the sign is
the share of the kept words that stand on prose-like lines. Words of scripts written without
spaces count a character each.

Measured by bench/realworld.py as the Spearman correlation with each page's text F1 on aeb,
wcxb-dev and trafilatura-eval: 0.282, 0.444, 0.149 (pooled 0.254) asking the second reader
whatever it read; 0.281, 0.454, 0.157 (pooled 0.260) as above. Checking as well the order of the
kept text in the page's whole text (a text stitched from separate parts of the page is less sure)
lifted them to about 0.37, 0.50, 0.17 (0.28), but cost 6-8% of an HTML page's time (a second
Resiliparse reading and its 4-grams), more than the speed target leaves: not taken.
"""

from __future__ import annotations

import math
import re

SHINGLE = 4  # words per shingle
FULL_LENGTH = 50  # kept words from which the length sign is 1
PROSE_WORDS = 10  # a text dump's line of this many words counts as prose
OPINIONS = (1.0, 0.85, 0.7)  # by the opinions the text took (cleaner.web.extraction.Extraction.opinion)
# a word, or one character of a script written without spaces (CJK, Thai), which \w+ would run together
_WORD = re.compile(
    r"[\u0e00-\u0e7f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]|[^\W\u0e00-\u0e7f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]+"
)


def confidence(kept: str, second_reader: str | None, opinion: int = 0) -> float:
    """The record's confidence, rounded to two decimals; 0 for an empty text.

    `second_reader` is another extractor's main text of the page; where there is none (a text
    dump, a profile's `html.body`) or it read fewer words than were kept, the prose-line share of
    `kept` stands in for agreement. `opinion` counts the second opinions the text needed."""
    words = _WORD.findall(kept.casefold())
    if not words:
        return 0.0
    theirs = _WORD.findall(second_reader.casefold()) if second_reader else []
    agreement = _contained(words, theirs) if len(theirs) >= len(words) else _prose_share(kept)
    length = math.sqrt(min(1.0, len(words) / FULL_LENGTH))
    return round(agreement * length * OPINIONS[min(opinion, len(OPINIONS) - 1)], 2)


def _contained(words: list[str], other: list[str]) -> float:
    """Share of the word 4-grams of `words` that `other` holds too."""
    ours = _shingles(words)
    return len(ours & _shingles(other)) / len(ours) if ours else 0.0


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return set(zip(*(words[i:] for i in range(SHINGLE)), strict=False))  # the shorter tails end it


def _prose_share(kept: str) -> float:
    counts = [len(_WORD.findall(line)) for line in kept.splitlines()]
    total = sum(counts)
    return sum(n for n in counts if n >= PROSE_WORDS) / total if total else 0.0
