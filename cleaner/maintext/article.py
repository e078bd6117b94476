"""The article: the one stretch of the page where prose outweighs everything else.

Each prose line weighs its length (capped, and less when it stands alone, as teasers and
comments do); a list or table between paragraphs weighs nothing; every other line costs a fixed
amount; the title, when found, weighs a bonus.
The article is the stretch with the largest total (a maximum-sum subarray), so a long run of
prose wins over scattered teasers, and menus between two texts keep them apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.maintext.classify import Kind, Verdict
from cleaner.maintext.context import LIST_KEPT
from cleaner.maintext.features import Line
from cleaner.maintext.settings import Settings


def article_span(
    lines: Sequence[Line],
    verdicts: Sequence[Verdict],
    settings: Settings,
    title: int | None,
    alone: Sequence[Verdict],
) -> range:
    """Indices of the article's stretch (empty when the page has no prose). `verdicts` are the
    lines in context, `alone` each line on its own (which prose stands by other prose). A title
    whose stretch holds no prose anchors no article (a headline repeated above a list of teasers):
    the stretch is sought again without it, and taken if it holds a full paragraph."""
    span = _best_run(_weights(lines, verdicts, settings, title, alone))
    if title is None or any(verdicts[i].kind is Kind.PROSE for i in span):
        return span
    again = _best_run(_weights(lines, verdicts, settings, None, alone))
    full = any(verdicts[i].kind is Kind.PROSE and lines[i].width >= settings.length_high for i in again)
    return again if full else span


def _best_run(weights: Sequence[float]) -> range:
    """The run of consecutive weights with the largest sum (a maximum-sum subarray)."""
    best, total, start, span = 0.0, 0.0, 0, range(0)
    for i, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best, span = total, range(start, i + 1)
    return span


def _weights(
    lines: Sequence[Line], verdicts: Sequence[Verdict], s: Settings, title: int | None, alone: Sequence[Verdict]
) -> list[float]:
    prose = [v.kind is Kind.PROSE for v in verdicts]
    wordy = [v.kind is Kind.PROSE or v.kind is Kind.NEAR for v in alone]  # prose-like on its own
    weights = []
    for i, line in enumerate(lines):
        if i == title:
            weights.append(float(s.title_bonus))
        elif verdicts[i] is LIST_KEPT:
            weights.append(0.0)  # it does not part the paragraphs around it, nor make an article alone
        elif prose[i]:
            lone = not (i > 0 and wordy[i - 1]) and not (i + 1 < len(wordy) and wordy[i + 1])
            weights.append(min(line.width, s.weight_cap) * (s.isolated_weight if lone else 1.0))
        else:
            weights.append(-float(s.gap_cost))
    return weights
