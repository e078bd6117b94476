"""Lines in their context (jusText's context-sensitive step, adapted to text dumps).

A short line among short lines is a menu or a link list. Any other short line is kept when
prose stands on both sides (a subheading, a short paragraph), or on one side with the page's
edge on the other if it ends like a sentence. A near-prose line is kept unless chrome stands
on both sides. Neighbours are the nearest lines that are neither short nor near prose.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cleaner.maintext.classify import Kind, Verdict
from cleaner.maintext.features import Line
from cleaner.maintext.settings import Settings
from cleaner.text_blocks import LIST_ITEM

EDGE = None  # the page's start or end, as a neighbour
_NEAR_KEPT = Verdict(Kind.PROSE, "near prose beside prose")
LIST_KEPT = Verdict(Kind.PROSE, "list or table between paragraphs")
LIST_ITEM_WORDS = 3  # words a list's items have on average: a menu's have one or two


def revise(lines: Sequence[Line], verdicts: Sequence[Verdict], settings: Settings) -> list[Verdict]:
    """The verdicts with every short and near-prose line settled as prose or chrome."""
    kinds = [v.kind for v in verdicts]
    out = list(verdicts)
    runs = _short_runs(kinds)
    settled: dict[int, Verdict] = dict.fromkeys(_lists_in_prose(lines, kinds), LIST_KEPT)
    for i, kind in enumerate(kinds):
        if kind is Kind.SHORT and i not in settled:
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


def _lists_in_prose(lines: Sequence[Line], kinds: Sequence[Kind]) -> Iterator[int]:
    """The lines of each run of short lines that is mostly a list or a table (with the headings
    between its parts) and stands between two paragraphs of prose: the article's own list. A
    menu's items have fewer words; a list after the article's last paragraph is not kept here."""
    i = 0
    while i < len(kinds):
        if kinds[i] is not Kind.SHORT:
            i += 1
            continue
        j = i
        while j < len(kinds) and kinds[j] is Kind.SHORT:
            j += 1
        between = _neighbour(kinds, i, -1) is Kind.PROSE and _neighbour(kinds, j - 1, 1) is Kind.PROSE
        if between and _mostly_a_list([lines[n] for n in range(i, j)]):
            yield from range(i, j)
        i = j


def _mostly_a_list(run: Sequence[Line]) -> bool:
    """Two lines in three or more are list items or table rows (a menu's items alternate with
    their blurbs), and the items are more than a menu's one or two words."""
    listed = [line for line in run if line.listed]
    items = [line for line in listed if LIST_ITEM.match(line.text)]
    wordy = sum(line.tokens for line in items) >= LIST_ITEM_WORDS * len(items)
    return bool(listed) and 3 * len(listed) >= 2 * len(run) and wordy


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
