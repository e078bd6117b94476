"""Scorer of the ScrapingHub/Zyte article-extraction benchmark, reimplemented.

Follows the benchmark's own ``evaluate.py`` so that our figures can stand next to the
ones it publishes: ``\\w+`` tokens, 4-gram shingles compared as multisets, per-page
TP/FP/FN normalised to sum to 1 (so long pages weigh no more than short ones),
precision and recall averaged over pages, F1 from those two averages, bootstrap
standard deviations.
"""

from __future__ import annotations

import json
import random
import re
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

Counts = tuple[float, float, float]  # (tp, fp, fn), normalised to sum to 1 (or all 0)

_TOKEN_RE = re.compile(r"\w+")


def load_ground_truth(path: str | Path) -> dict[str, dict[str, str]]:
    """Read ``ground-truth.json``: ``{id: {"articleBody": ..., "url": ...}}``."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def tokenize(text: str | None) -> list[str]:
    """``\\w+`` runs: crude, but the benchmark's choice, and language-agnostic."""
    return _TOKEN_RE.findall(text or "")


def shingles(tokens: Sequence[str], n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of n-gram shingles; a text shorter than n gives one shorter shingle."""
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def page_counts(true: str | None, pred: str | None, n: int = 4) -> Counts:
    """TP/FP/FN of one page's shingles, normalised so every page weighs the same."""
    t, p = shingles(tokenize(true), n), shingles(tokenize(pred), n)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def aggregate(counts: Sequence[Counts], exact: Sequence[bool]) -> dict[str, float]:
    """Precision over pages that predicted something, recall over pages with a truth."""
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = statistics.fmean(exact) if exact else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy}


def _body(entry: str | Mapping[str, str] | None) -> str:
    if isinstance(entry, Mapping):
        return entry.get("articleBody") or ""
    return entry or ""


def score(
    predictions: Mapping[str, str | None],
    truth: Mapping[str, str | Mapping[str, str]],
    *,
    n_bootstrap: int = 1000,
    seed: int = 0,
) -> dict:
    """Score predicted article bodies against the truth, as the benchmark does.

    ``truth`` values may be ground-truth records or plain strings; a missing or
    ``None`` prediction counts as empty text. Besides the four metrics, returns
    ``<metric>_std`` (bootstrap over pages; the figure after "±" in the benchmark's
    tables) and ``pages``: each page's ``(tp, fp, fn)`` and exact-match flag, to look
    into where a score comes from. A fixed seed keeps the std stable between runs.
    """
    if set(predictions) - set(truth):
        raise ValueError("predictions for pages that have no ground truth")
    ids = sorted(truth)
    counts: list[Counts] = []
    exact: list[bool] = []
    for page_id in ids:
        true, pred = _body(truth[page_id]), predictions.get(page_id) or ""
        counts.append(page_counts(true, pred))
        exact.append(tokenize(true) == tokenize(pred))
    result: dict = aggregate(counts, exact)
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {k: [] for k in result}
    for _ in range(n_bootstrap):
        picks = [rng.randrange(len(ids)) for _ in ids]
        for key, value in aggregate([counts[i] for i in picks], [exact[i] for i in picks]).items():
            samples[key].append(value)
    for key, values in samples.items():
        result[f"{key}_std"] = statistics.stdev(values) if len(values) > 1 else 0.0
    result["pages"] = {i: (c, e) for i, c, e in zip(ids, counts, exact, strict=True)}
    return result
