"""Lines in their context (jusText's context-sensitive step, adapted to text dumps).

A short line among short lines is a menu or a link list. Any other short line is kept when
prose stands on both sides (a subheading, a short paragraph), or on one side with the page's
edge on the other if it ends like a sentence. A near-prose line is kept unless chrome stands
on both sides. Neighbours are the nearest lines that are neither short nor near prose.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.maintext.classify import Kind, Verdict
from cleaner.maintext.features import Line
from cleaner.maintext.settings import Settings

EDGE = None  # the page's start or end, as a neighbour
_NEAR_KEPT = Verdict(Kind.PROSE, "near prose beside prose")


def revise(lines: Sequence[Line], verdicts: Sequence[Verdict], settings: Settings) -> list[Verdict]:
    """The verdicts with every short and near-prose line settled as prose or chrome."""
    kinds = [v.kind for v in verdicts]
    out = list(verdicts)
    runs = _short_runs(kinds)
    settled: dict[int, Verdict] = {}
    for i, kind in enumerate(kinds):
        if kind is Kind.SHORT:
            settled[i] = _settle_short(i, kinds, runs[i], lines[i], settings)
    for i, verdict in settled.items():
        out[i], kinds[i] = verdict, verdict.kind
    for i, kind in enumerate(kinds):
        if kind is Kind.NEAR:
            both_chrome = _neighbour(kinds, i, -1) is Kind.CHROME and _neighbour(kinds, i, 1) is Kind.CHROME
            out[i] = Verdict(Kind.CHROME, "near-prose line between chrome") if both_chrome else _NEAR_KEPT
            kinds[i] = out[i].kind
    return out


def _settle_short(i: int, kinds: list[Kind], run: int, line: Line, s: Settings) -> Verdict:
    if run > s.max_short_run:
        return Verdict(Kind.CHROME, f"one of {run} short lines in a row (menu or link list)")
    before, after = _neighbour(kinds, i, -1), _neighbour(kinds, i, 1)
    if before is Kind.PROSE and after is Kind.PROSE:
        return Verdict(Kind.PROSE, "short line between prose")
    if line.ends_sentence and {before, after} == {Kind.PROSE, EDGE}:
        return Verdict(Kind.PROSE, "short sentence at the page's edge")
    return Verdict(Kind.CHROME, "short line outside prose")


def _neighbour(kinds: Sequence[Kind], i: int, step: int) -> Kind | None:
    """The nearest prose or chrome line in direction `step`, or EDGE."""
    i += step
    while 0 <= i < len(kinds):
        if kinds[i] is Kind.PROSE or kinds[i] is Kind.CHROME:
            return kinds[i]
        i += step
    return EDGE


def _short_runs(kinds: Sequence[Kind]) -> list[int]:
    """For each line, the length of the run of short lines it stands in (0 if not short)."""
    runs = [0] * len(kinds)
    i = 0
    while i < len(kinds):
        j = i
        while j < len(kinds) and kinds[j] is Kind.SHORT:
            j += 1
        runs[i:j] = [j - i] * (j - i)
        i = max(j, i + 1)
    return runs
