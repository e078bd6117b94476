"""Find what recurs across a site's pages in stable places, and propose rules for it.

A line (or a line shape: the same text but for numbers, dates, emails, names after "By") that
stands on at least `min_pages` pages and a `min_share` of them is chrome, unless it is prose
inside the article: each page's article is its stretch richest in sentence-like lines that no
other page has, and a sentence found inside that stretch on more than a quarter of its pages is
article text that merely repeats (a recurring quote), never a rule, unless it stands on nearly
every page (a newsletter pitch in the article's flow is the site's, not the article's). The
recurring lines that fence the article on most pages (the last before it, the first after it)
become a cut-head and a cut-tail, so that what varies beyond them (teasers, related links) goes
with the chrome.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from cleaner.learn.shapes import pattern_of, shape

EDGE = 12  # non-blank lines from either end that count as the page's head or tail
SENTENCE_WORDS = 8  # a page's own line this long that ends like a sentence is article text
INSIDE_SHARE = 0.25  # a recurring line inside the article on more of its pages is article text
EVERY_PAGE = 0.9  # prose on this share of pages is the site's (a newsletter pitch), even inside the article
RECURRING_COST = 20  # a recurring line outweighs a long own sentence: a headline above the byline is not article
FENCED_BEYOND = 0.05  # own words between the fences but outside the article, per article word, at most
FENCE_SHARE = 0.6  # a fence is the article's nearest recurring neighbour on at least this share of pages


@dataclass
class Sighting:
    page: int
    index: int  # among the page's non-blank lines
    size: int  # the page's number of non-blank lines
    text: str


@dataclass
class Proposal:
    """One proposed rule and its evidence."""

    kind: str  # drop-line, cut-tail, cut-head
    scope: str
    window: int
    text: str | None  # the literal line, when it never varies
    pattern: str | None  # else the generalised pattern
    pages: int
    share: float
    examples: list[str] = field(default_factory=list)
    where: str = ""
    template: str = ""


def propose(pages: Sequence[Sequence[str]], *, min_pages: int = 3, min_share: float = 0.5) -> list[Proposal]:
    """Rules for the lines that recur across `pages` (each a list of non-blank lines)."""
    min_pages = max(min_pages, 2)  # nothing seen on one page only is ever proposed
    shaped = [[shape(text) for text in lines] for lines in pages]
    sightings = _sightings(pages, shaped)
    recurring = {t for t, seen in sightings.items() if len(seen) >= min_pages and len(seen) >= min_share * len(pages)}
    articles = [_article_span(lines, shapes, recurring) for lines, shapes in zip(pages, shaped, strict=True)]
    proposals = []
    for template in recurring:
        seen = sightings[template]
        inside = sum(articles[s.page][0] < s.index < articles[s.page][1] for s in seen)
        if inside > INSIDE_SHARE * len(seen) and _sentence(seen[0].text) and len(seen) < EVERY_PAGE * len(pages):
            continue
        proposals.append(_proposal(template, seen, _scope(seen), len(seen), len(seen) / len(pages)))
    return _markers(sorted(proposals, key=lambda p: p.window), shaped, articles, recurring)


def fenced_cleanly(pages: Sequence[Sequence[str]], proposals: Sequence[Proposal]) -> bool:
    """Whether the cuts leave the article alone on the site's pages: both fences found, and
    between them little of the pages' own text beyond the article (a sources list, a teaser
    block inside the fences would need the generic main-text stage still)."""
    head = next((p.template for p in proposals if p.kind == "cut-head"), None)
    tail = next((p.template for p in proposals if p.kind == "cut-tail"), None)
    if head is None or tail is None:
        return False
    recurring = {p.template for p in proposals}
    ratios = []
    for lines in pages:
        shapes = [shape(text) for text in lines]
        if head not in shapes or tail not in shapes:
            continue
        first, last = _article_span(lines, shapes, recurring)
        inside = range(len(shapes) - 1 - shapes[::-1].index(head) + 1, shapes.index(tail))
        own = [i for i in inside if shapes[i] not in recurring]
        article = sum(len(lines[i].split()) for i in own if first <= i <= last)
        beyond = sum(len(lines[i].split()) for i in own if not first <= i <= last)
        ratios.append(beyond / article if article else 1.0)
    return len(ratios) >= 2 and sorted(ratios)[len(ratios) // 2] <= FENCED_BEYOND


def _article_span(lines: Sequence[str], shapes: Sequence[str], recurring: set[str]) -> tuple[int, int]:
    """The page's article: the stretch of lines that is richest in prose of the page's own
    (sentence-like lines no other page has), net of the site's recurring lines and short lines
    between them ((-1, -1): none). A maximum-sum run, so that a teaser sentence stranded among
    the chrome does not stretch the article over that chrome."""
    best, best_span, total, start = 0, (-1, -1), 0, 0
    for index, (text, template) in enumerate(zip(lines, shapes, strict=True)):
        if template in recurring:
            gain = -RECURRING_COST
        elif _sentence(text):
            gain = len(text.split())
        else:
            gain = -1
        if total <= 0:
            total, start = 0, index
        total += gain
        if total > best:
            best, best_span = total, (start, index)
    return best_span


def _sightings(pages: Sequence[Sequence[str]], shaped: Sequence[Sequence[str]]) -> dict[str, list[Sighting]]:
    found: dict[str, list[Sighting]] = defaultdict(list)
    for number, (lines, shapes) in enumerate(zip(pages, shaped, strict=True)):
        seen_here = set()
        for index, (text, template) in enumerate(zip(lines, shapes, strict=True)):
            if template not in seen_here:
                seen_here.add(template)
                found[template].append(Sighting(number, index, len(lines), text))
    return found


def _scope(seen: list[Sighting]) -> str:
    if all(s.index < EDGE for s in seen):
        return "head"
    if all(s.size - s.index <= EDGE for s in seen):
        return "tail"
    return "anywhere"


def _sentence(text: str) -> bool:
    return len(text.split()) >= SENTENCE_WORDS and text.rstrip().endswith((".", "!", "?", "\u201d", '"', "\u2019"))


def _proposal(template: str, seen: list[Sighting], scope: str, count: int, share: float) -> Proposal:
    variants = sorted({s.text for s in seen})
    window = {"head": max(s.index for s in seen) + 3, "tail": max(s.size - s.index for s in seen) + 2}.get(scope, 10)
    where = {
        "head": f"head, within the first {window - 2} lines",
        "tail": f"tail, within the last {window - 2} lines",
    }.get(scope, "anywhere on the page")
    literal = len(variants) == 1
    return Proposal(
        kind="drop-line",
        scope=scope,
        window=window,
        text=variants[0] if literal else None,
        pattern=None if literal else pattern_of(template),
        pages=count,
        share=share,
        examples=variants[:1] + variants[-1:] if not literal else variants[:1],
        where=where,
        template=template,
    )


def _markers(
    proposals: list[Proposal], shaped: Sequence[Sequence[str]], articles: list[tuple[int, int]], recurring: set[str]
) -> list[Proposal]:
    """The article's fences: the recurring line that stands last before the article on most
    pages becomes a cut-head, the first after it a cut-tail (each once per page, and always on
    its side of the article), so that what varies beyond them (teasers, related links) goes too."""
    fences = []
    for kind in ("cut-head", "cut-tail"):
        marker = _fence(shaped, articles, recurring, before=kind == "cut-head")
        proposal = next((p for p in proposals if p.template == marker and p.kind == "drop-line"), None)
        if proposal is not None:
            fences.append(_fenced(proposal, kind, shaped, articles))
    return fences + [p for p in proposals if all(p.template != f.template for f in fences)]


def _fence(
    shaped: Sequence[Sequence[str]], articles: list[tuple[int, int]], recurring: set[str], *, before: bool
) -> str | None:
    """The shape that is the nearest recurring line on one side of the article on most pages
    (and never twice on a page, nor on the other side of the article)."""
    votes: Counter[str] = Counter()
    disqualified: set[str] = set()
    for shapes, (first, last) in zip(shaped, articles, strict=True):
        if first < 0:
            continue
        side = range(first - 1, -1, -1) if before else range(last + 1, len(shapes))
        nearest = next((shapes[i] for i in side if shapes[i] in recurring), None)
        if nearest is not None:
            votes[nearest] += 1
        counts = Counter(shapes)
        for index, template in enumerate(shapes):
            if counts[template] > 1 or (index > first if before else index < last):
                disqualified.add(template)
    spans = sum(first >= 0 for first, _ in articles)
    good = [t for t, n in votes.items() if n >= FENCE_SHARE * spans and t not in disqualified]
    return max(good, key=lambda t: votes[t]) if good else None


def _fenced(proposal: Proposal, kind: str, shaped: Sequence[Sequence[str]], articles) -> Proposal:
    """The proposal as a cut: scoped to the head or tail stretch it was seen in, with slack."""
    seen = []
    for shapes, (first, _) in zip(shaped, articles, strict=True):
        if proposal.template in shapes and first >= 0:
            at = shapes.index(proposal.template)
            seen.append(at + 1 if kind == "cut-head" else len(shapes) - at)
    reach = max(seen)
    window = reach + max(5, reach // 2)
    scope = "head" if kind == "cut-head" else "tail"
    where = f"the last line before the article on its pages, within the first {reach} lines"
    if kind == "cut-tail":
        where = f"the first line after the article on its pages, within the last {reach} lines"
    return replace(proposal, kind=kind, scope=scope, window=window, where=where)


def rule_id(proposal: Proposal, taken: set[str]) -> str:
    """`learned-copyright-example-media`: from the line's first words, unique in the profile."""
    readable = re.sub("\x00([A-Z]+)\x00", lambda m: f" {m.group(1).lower()} ", proposal.template or proposal.text or "")
    words = re.findall(r"[a-z0-9]+", readable.lower())[:4] or ["line"]
    base = "learned-" + "-".join(words)
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name
