"""Each line on its own (jusText's context-free step): prose, near prose, short, or chrome.

A line is chrome when it has no words, carries a copyright sign, is a link or handle written
out, repeats another line, or has too few stopwords for prose. Short lines, and lines with no
sentence end, are left to their context; long lines rich in stopwords are prose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from cleaner.maintext.features import Line
from cleaner.maintext.settings import Settings


class Kind(Enum):
    PROSE = "prose"
    NEAR = "near prose"
    SHORT = "short"
    CHROME = "chrome"


@dataclass(frozen=True)
class Verdict:
    """A line's class and, for what is not prose, why."""

    kind: Kind
    reason: str


_LISTED = Verdict(Kind.SHORT, "list item or table row outside prose")


def classify(lines: Sequence[Line], settings: Settings) -> list[Verdict]:
    """Each line's verdict; a list item or table row that is not prose on its own is left to its
    context like a short line (its words are often few, its stopwords fewer)."""
    out = []
    for line in lines:
        verdict = _classify(line, settings)
        if line.listed and verdict.kind is not Kind.PROSE and verdict.reason in _CONTEXT_DECIDES:
            verdict = _LISTED
        out.append(verdict)
    return out


_CONTEXT_DECIDES = frozenset({"short line", "no sentence end", "near prose", "few stopwords", "no words"})


def _classify(line: Line, s: Settings) -> Verdict:
    if line.tokens == 0:
        return Verdict(Kind.CHROME, "no words")
    if "©" in line.text:
        return Verdict(Kind.CHROME, "copyright sign")
    if line.link and line.words < s.link_words:
        return Verdict(Kind.CHROME, "link or handle written out")
    if line.repeated and line.width < s.length_high:
        return Verdict(Kind.CHROME, "line repeated on the page")
    if line.width < s.length_low:
        return Verdict(Kind.SHORT, "short line")
    if not line.ends_sentence and line.width < s.length_high:
        return Verdict(Kind.SHORT, "no sentence end")
    if line.stopwords >= s.stopwords_high and (
        line.width >= s.length_high or (line.ends_sentence and line.words >= s.prose_words)
    ):
        return Verdict(Kind.PROSE, "prose")
    if line.stopwords >= s.stopwords_low:
        return Verdict(Kind.NEAR, "near prose")
    return Verdict(Kind.CHROME, "few stopwords")
