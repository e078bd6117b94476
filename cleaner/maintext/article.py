"""The article: the one stretch of the page where prose outweighs everything else.

Each prose line weighs its length (capped, and less when it stands alone, as teasers and
comments do); every other line costs a fixed amount; the title, when found, weighs a bonus.
The article is the stretch with the largest total (a maximum-sum subarray), so a long run of
prose wins over scattered teasers, and menus between two texts keep them apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.maintext.classify import Kind, Verdict
from cleaner.maintext.features import Line
from cleaner.maintext.settings import Settings


def article_span(
    lines: Sequence[Line], verdicts: Sequence[Verdict], settings: Settings, title: int | None
) -> range:
    """Indices of the article's stretch (empty when the page has no prose)."""
    weights = _weights(lines, verdicts, settings, title)
    best, total, start, span = 0.0, 0.0, 0, range(0)
    for i, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best, span = total, range(start, i + 1)
    return span


def _weights(lines: Sequence[Line], verdicts: Sequence[Verdict], s: Settings, title: int | None) -> list[float]:
    prose = [v.kind is Kind.PROSE for v in verdicts]
    weights = []
    for i, line in enumerate(lines):
        if i == title:
            weights.append(float(s.title_bonus))
        elif prose[i]:
            alone = not (i > 0 and prose[i - 1]) and not (i + 1 < len(prose) and prose[i + 1])
            weights.append(min(line.width, s.weight_cap) * (s.isolated_weight if alone else 1.0))
        else:
            weights.append(-float(s.gap_cost))
    return weights
