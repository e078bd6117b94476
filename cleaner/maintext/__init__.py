"""The generic main-text stage: in a text dump of a page, find the article and mark the rest.

It runs after a profile's rules, on the lines they kept, when the profile enables it
(`main-text: {enabled: true}`; `_generic` does). Stages, each in its own module:

1. `features`: what each line still carries (length, stopwords of the page's language,
   sentence end, links and handles written out, repetition);
2. `classify`: each line alone: prose, near prose, short, or chrome;
3. `context`: short and near-prose lines settled by their neighbours;
4. `title`: the headline that repeats the page's first line, if any;
5. `article`: the stretch where prose outweighs the rest;
6. here: an Edit for every line outside the article or not prose, with the reason, and a
   `title` capture for the heading the article stands under (kept in the text).

A page with no prose at all is left as the rules left it.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.edits import Edit
from cleaner.lines import Lines
from cleaner.maintext.article import article_span
from cleaner.maintext.classify import Kind, classify
from cleaner.maintext.context import revise
from cleaner.maintext.features import measure
from cleaner.maintext.settings import OPTIONS, Settings
from cleaner.maintext.title import heading_before, repeated_title

__all__ = ["OPTIONS", "RULE_ID", "Settings", "main_text_edits"]

RULE_ID = "generic/main-text"


def main_text_edits(settings: Settings, profile: str, lines: Lines, edits: Sequence[Edit]) -> list[Edit]:
    """Edits under RULE_ID, stamped with `profile`, for the lines the rules' `edits` kept that are
    not the article; none unless `settings.enabled`."""
    if not settings.enabled:
        return []
    removed = {i for edit in edits if not edit.keep for i in range(edit.start, edit.end + 1)}
    kept = [i for i in lines.nonblank if i not in removed]
    if not kept:
        return []
    texts = [lines.texts[i] for i in kept]
    features = measure(texts, settings.length_low)
    alone = classify(features, settings)
    verdicts = revise(features, alone, settings)
    if not any(v.kind is Kind.PROSE for v in verdicts):
        return []
    repeated = repeated_title(texts)
    span = article_span(features, verdicts, settings, repeated, alone)
    title = repeated if repeated in span else heading_before(features, span.start)
    edits = []
    for n, i in enumerate(kept):
        if n == title:
            keep = n != repeated or settings.keep_repeated_title
            reason = None if keep else "the title (the page's first line repeats it)"
            edits.append(Edit(RULE_ID, profile, i, i, captures={"title": texts[n]}, keep=keep, reason=reason))
        elif n not in span:
            where = "before" if n < span.start else "after"
            edits.append(Edit(RULE_ID, profile, i, i, reason=f"{where} the article"))
        elif verdicts[n].kind is not Kind.PROSE:
            edits.append(Edit(RULE_ID, profile, i, i, reason=verdicts[n].reason))
    return edits
