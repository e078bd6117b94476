"""How sure a record's text is the page's article, from 0 to 1, so that a pipeline can send its
doubtful pages elsewhere (a human, another extractor) instead of trusting every record alike.

The main sign is agreement between two independent readers: the share of the kept text's word
4-grams that a second reader also read as the page's main content (Resiliparse, the yardstick of
`cleaner.web.extraction`). A record whose text the second reader did not see as content is likely
a menu, a teaser list or a caption. It is multiplied by the square root of how whole a stretch of
the second reader's text the kept text is: the share the shared 4-grams make of the second
reader's 4-grams from the first of them to the last. The kept text should be one stretch of the
page's content; where it skipped part of it, it lost a paragraph or was stitched together from
parts far apart (a teaser list, an article with a related-stories box); the root, as the second
reader's stretch holds in-article chrome (captions, share bars) the first rightly dropped. A fifth
of the agreement rides on the share of kept words on prose-like lines (headlines, menus, bylines
and link labels are short lines). Resiliparse keeps chrome as well as the article, so a second
reader that read fewer words than were kept has missed the article (a comment box, a heading) and
its disagreement says nothing: it is not asked then. The sign is multiplied by the route (an
answer that needed a second opinion, because the first looked like a teaser, is less sure) and by
a length sign (a record of a few words is less surely the article). Where there is no second
reader to ask (a text dump, a profile's `html.body`, or one that read nothing or less), the sign is
the prose-line share alone. Words of scripts written without spaces count a character each. The
score keeps three decimals, as ties say nothing of order: the bench pages at 1.0 went from 691 of
1,761 to 107.

Measured by bench/realworld.py as the Spearman correlation with each page's text F1 on aeb,
wcxb-dev and trafilatura-eval: 0.282, 0.444, 0.149 (pooled 0.254) asking the second reader
whatever it read; 0.281, 0.458, 0.150 (pooled 0.258) asking it only where it read as many words
as were kept; 0.343, 0.521, 0.205 (pooled 0.300) with the stretch, the prose-line fifth and three
decimals (about 0.1 ms more per HTML page). Apart, with three decimals (0.289, 0.461, 0.149
without either): the stretch alone 0.291, 0.522, 0.203 (its plain share, not the root: 0.278,
0.529, 0.206); the prose-line fifth alone 0.376, 0.442, 0.155, lifting aeb and lowering wcxb-dev,
whose pages are not all articles. With the stretch, a tenth on the prose lines gave 0.328, 0.528,
0.208; three tenths 0.350, 0.511, 0.201; two fifths 0.356, 0.497, 0.199.

Tried and not taken: the share of the second reader's whole text the kept text holds (its recall:
every weight lowered all three sets, the second reader's chrome counting as missed), the share of
lines ending a sentence (aeb up, wcxb-dev down), a short or chrome-like last line, the second
reader's long prose lines the kept text lacks, and a lower confidence where the second reader
read less (all lowered at least one set). Checking the order of the kept text in the page's whole
text (a second Resiliparse reading without main-content extraction) lifted them to about 0.37,
0.50, 0.17 (0.28), but cost 6-8% of an HTML page's time: not taken.
"""

from __future__ import annotations

import math
import re
from itertools import chain

SHINGLE = 4  # words per shingle
FULL_LENGTH = 50  # kept words from which the length sign is 1
PROSE_WORDS = 10  # a line of this many words counts as prose
PROSE_WEIGHT = 0.2  # the share of a second reader's agreement that rides on the prose-line share
OPINIONS = (1.0, 0.85, 0.7)  # by the opinions the text took (cleaner.web.extraction.Extraction.opinion)
# a word, or one character of a script written without spaces (CJK, Thai), which \w+ would run together
_WORD = re.compile(
    r"[\u0e00-\u0e7f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]|[^\W\u0e00-\u0e7f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]+"
)


def confidence(kept: str, second_reader: str | None, opinion: int = 0) -> float:
    """The record's confidence, rounded to three decimals; 0 for an empty text.

    `second_reader` is another extractor's main text of the page; where there is none (a text
    dump, a profile's `html.body`) or it read fewer words than were kept, the prose-line share of
    `kept` stands in for agreement. `opinion` counts the second opinions the text needed."""
    lines = [_WORD.findall(line) for line in kept.casefold().splitlines()]
    words = list(chain.from_iterable(lines))
    if not words:
        return 0.0
    prose = sum(len(line) for line in lines if len(line) >= PROSE_WORDS) / len(words)
    theirs = _WORD.findall(second_reader.casefold()) if second_reader else []
    if len(theirs) >= len(words):
        agreement = _agreement(words, theirs) * (1 - PROSE_WEIGHT + PROSE_WEIGHT * prose)
    else:
        agreement = prose
    length = math.sqrt(min(1.0, len(words) / FULL_LENGTH))
    return round(agreement * length * OPINIONS[min(opinion, len(OPINIONS) - 1)], 3)


def _agreement(words: list[str], other: list[str]) -> float:
    """Share of the word 4-grams of `words` that `other` holds too, times the square root of the
    share those make of the 4-grams of the stretch of `other` from the first to the last of them:
    a text that skipped part of the stretch it came from lost a paragraph, or was stitched
    together from parts of the page far apart."""
    ours = set(_shingles(words))
    sequence = _shingles(other)
    first = dict(zip(reversed(sequence), range(len(sequence) - 1, -1, -1), strict=True))  # a 4-gram's first place
    places = [place for place in map(first.get, ours) if place is not None]
    if not places:
        return 0.0
    stretch = set(sequence[min(places) : max(places) + 1])
    return len(places) / len(ours) * math.sqrt(len(places) / len(stretch))


def _shingles(words: list[str]) -> list[tuple[str, ...]]:
    """The word 4-grams of `words` in order (the words themselves, for fewer than four)."""
    if len(words) < SHINGLE:
        return [tuple(words)] if words else []
    return list(zip(*(words[i:] for i in range(SHINGLE)), strict=False))  # the shorter tails end it
