"""Find what recurs across a site's pages in stable places, and propose rules for it.

A line (or a line shape: the same text but for numbers, dates, emails, names after "By") that
stands on at least `min_pages` pages and a `min_share` of them is chrome, unless it is prose
inside the article: each page's article is its stretch richest in sentence-like lines that no
other page has, and a sentence found inside that stretch on more than a quarter of its pages is
article text that merely repeats (a recurring quote), never a rule, unless it stands on nearly
every page (a newsletter pitch in the article's flow is the site's, not the article's). The
recurring lines that fence the article on most pages (the last before it, the first after it)
become a cut-head and a cut-tail, so that what varies beyond them (teasers, related links) goes
with the chrome. A fence is never a line that stands between two of a page's own paragraphs (an
advertisement after the first paragraph): a cut there would take that paragraph with the chrome.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from cleaner.learn.shapes import pattern_of, shape, unique_name
from cleaner.maintext.features import WIDE as _WIDE
from cleaner.profiles.schema import LINES_WITHIN

EDGE = LINES_WITHIN  # non-blank lines from either end that count as the page's head or tail (match.lines' default)
SENTENCE_WORDS = 8  # a page's own line this long that ends like a sentence is article text
INSIDE_SHARE = 0.25  # a recurring line inside the article on more of its pages is article text
EVERY_PAGE = 0.9  # prose on this share of pages is the site's (a newsletter pitch), even inside the article
RECURRING_COST = 10  # what a recurring line costs a stretch: more than a lone sentence-like headline brings
ALONE_WEIGHT = 0.5  # an own sentence with no own sentence beside it (a headline, a standfirst) counts half
FENCED_BEYOND = 0.05  # own words between the fences but outside the article, per article word, at most
SENTENCE_END = (".", "!", "?", "\u201d", '"', "\u2019", "\u3002", "\uff01", "\uff1f")  # 。！？ too
FENCE_SHARE = 0.6  # a fence is the article's nearest recurring neighbour on at least this share of pages
WRONG_SIDE = 0.2  # ...and on the wrong side of the article, or right beyond own prose, on at most this share

PRECISION_BAR = 0.9  # share of the words a rule removes on held pages that must lie outside their article
HELD_PAGES = 10  # pages held out in turn (spread over the site's) to measure each rule's precision

MIN_PAGES = 3  # pages a line must stand on to become a rule (and a site needs, to be learned inside clean)
MIN_SHARE = 0.5  # share of the site's pages a line must stand on


@dataclass
class Sighting:
    page: int
    index: int  # among the page's non-blank lines: the first on the page
    size: int  # the page's number of non-blank lines
    text: str
    texts: set[str] = field(default_factory=set)  # all its lines on the page ("May (12)", "May (15)")


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
    precision: float | None = None  # on held pages: share of its words outside their article (None: not measured)
    held: int = 0  # held pages it was measured on


def propose(
    pages: Sequence[Sequence[str]], *, min_pages: int = MIN_PAGES, min_share: float = MIN_SHARE
) -> list[Proposal]:
    """Rules for the lines that recur across `pages` (each a list of non-blank lines)."""
    min_pages = max(min_pages, 2)  # nothing seen on one page only is ever proposed
    shaped = [[shape(text) for text in lines] for lines in pages]
    sightings = _sightings(pages, shaped)
    recurring = {t for t, seen in sightings.items() if len(seen) >= min_pages and len(seen) >= min_share * len(pages)}
    articles = [_article_span(lines, shapes, recurring) for lines, shapes in zip(pages, shaped, strict=True)]
    proposals = []
    for template in sorted(recurring):  # (a set: its order would differ from process to process)
        seen = sightings[template]
        inside = sum(articles[s.page][0] < s.index < articles[s.page][1] for s in seen)
        scope = _scope(seen)
        prose = _sentence(seen[0].text) and len(seen) < EVERY_PAGE * len(pages)
        if prose and (inside > INSIDE_SHARE * len(seen) or scope == "anywhere"):
            continue  # article text that repeats (a quote), unless it keeps to the page's head or tail
        proposals.append(_proposal(template, seen, scope, len(seen), len(seen) / len(pages)))
    return _markers(sorted(proposals, key=lambda p: p.window), pages, shaped, articles, recurring)


def fenced_cleanly(pages: Sequence[Sequence[str]], proposals: Sequence[Proposal]) -> bool:
    """Whether the cuts leave the article alone on the site's pages: both fences found on every
    page (a fence some pages lack, a section's "more stories" line, would leave the chrome past it
    on the pages without it once main-text is off), and between them little of the pages' own text
    beyond the article (a sources list, a teaser block inside the fences would need the generic
    main-text stage still)."""
    head = next((p.template for p in proposals if p.kind == "cut-head"), None)
    tail = next((p.template for p in proposals if p.kind == "cut-tail"), None)
    if head is None or tail is None:
        return False
    recurring = {p.template for p in proposals}
    ratios = []
    for lines in pages:
        shapes = [shape(text) for text in lines]
        if head not in shapes or tail not in shapes:
            return False
        first, last = _article_span(lines, shapes, recurring)
        inside = range(len(shapes) - 1 - shapes[::-1].index(head) + 1, shapes.index(tail))
        own = [i for i in inside if shapes[i] not in recurring]
        article = sum(_words(lines[i]) for i in own if first <= i <= last)
        beyond = sum(_words(lines[i]) for i in own if not first <= i <= last)
        ratios.append(beyond / article if article else 1.0)
    return len(ratios) >= 2 and sorted(ratios)[len(ratios) // 2] <= FENCED_BEYOND


def _article_span(lines: Sequence[str], shapes: Sequence[str], recurring: set[str]) -> tuple[int, int]:
    """The page's article: the stretch of lines that is richest in prose of the page's own
    (sentence-like lines no other page has), net of the site's recurring lines and short lines
    between them ((-1, -1): none). A maximum-sum run, so that a teaser sentence stranded among
    the chrome does not stretch the article over that chrome; a sentence with no other beside it
    (a headline, a standfirst) counts half, so that it does not join the article over a byline."""
    own = [template not in recurring and _sentence(text) for text, template in zip(lines, shapes, strict=True)]
    best, best_span, total, start = 0.0, (-1, -1), 0.0, 0
    for index, (text, template) in enumerate(zip(lines, shapes, strict=True)):
        gain: float
        if template in recurring:
            gain = -RECURRING_COST
        elif own[index]:
            beside = (index > 0 and own[index - 1]) or (index + 1 < len(own) and own[index + 1])
            gain = _words(text) * (1.0 if beside else ALONE_WEIGHT)
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
        here: dict[str, Sighting] = {}
        for index, (text, template) in enumerate(zip(lines, shapes, strict=True)):
            if template in here:
                here[template].texts.add(text)
            else:
                here[template] = Sighting(number, index, len(lines), text, {text})
        for template, sighting in here.items():
            found[template].append(sighting)
    return found


def _scope(seen: list[Sighting]) -> str:
    if all(s.index < EDGE for s in seen):
        return "head"
    if all(s.size - s.index <= EDGE for s in seen):
        return "tail"
    return "anywhere"


def _sentence(text: str) -> bool:
    return _words(text) >= SENTENCE_WORDS and text.rstrip().endswith(SENTENCE_END)


def _words(text: str) -> int:
    """Words, with scripts written without spaces (Chinese, Japanese) counted at two characters a word."""
    return len(text.split()) + len(_WIDE.findall(text)) // 2


def _proposal(template: str, seen: list[Sighting], scope: str, count: int, share: float) -> Proposal:
    variants = sorted(set().union(*(s.texts for s in seen)))
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
    proposals: list[Proposal],
    pages: Sequence[Sequence[str]],
    shaped: Sequence[Sequence[str]],
    articles: list[tuple[int, int]],
    recurring: set[str],
) -> list[Proposal]:
    """The article's fences: the recurring line that stands last before the article on most
    pages becomes a cut-head, the first after it a cut-tail (each keeping to its side of the
    article), so that what varies beyond them (teasers, related links) goes too."""
    fences = []
    for kind in ("cut-head", "cut-tail"):
        marker = _fence(pages, shaped, articles, recurring, before=kind == "cut-head")
        proposal = next((p for p in proposals if p.template == marker and p.kind == "drop-line"), None)
        if proposal is not None:
            fences.append(_fenced(proposal, kind, shaped, articles))
    return fences + [p for p in proposals if all(p.template != f.template for f in fences)]


def _fence(
    pages: Sequence[Sequence[str]],
    shaped: Sequence[Sequence[str]],
    articles: list[tuple[int, int]],
    recurring: set[str],
    *,
    before: bool,
) -> str | None:
    """The shape that is the nearest fit recurring line on one side of the article on most pages;
    fit: on nearly every page wholly on its side of the article and not right beyond prose of the
    page's own (an advertisement after an article's first paragraph stands between two
    paragraphs; a fence stands among the chrome). It may stand twice on its side (share buttons
    above a headline and above the article): a cut-head cuts at the last, a cut-tail at the first."""
    wrong_side: Counter[str] = Counter()
    for lines, shapes, (first, last) in zip(pages, shaped, articles, strict=True):
        if first >= 0:
            wrong_side.update(
                {
                    template
                    for index, template in enumerate(shapes)
                    if (index > first if before else index < last)
                    or _beyond_prose(lines, shapes, recurring, index, before)
                }
            )
    spans = sum(first >= 0 for first, _ in articles)
    fit = {t for t in recurring if wrong_side[t] <= WRONG_SIDE * spans}
    votes: Counter[str] = Counter()
    for shapes, (first, last) in zip(shaped, articles, strict=True):
        side = range(first - 1, -1, -1) if before else range(last + 1, len(shapes))
        nearest = next((shapes[i] for i in side if shapes[i] in fit), None) if first >= 0 else None
        if nearest is not None:  # past recurring lines that stand on both sides (an author's name)
            votes[nearest] += 1
    good = [t for t, n in votes.items() if n >= FENCE_SHARE * spans]
    return max(good, key=lambda t: votes[t]) if good else None


def _beyond_prose(lines: Sequence[str], shapes: Sequence[str], recurring: set[str], index: int, before: bool) -> bool:
    """Whether the line next to `index` on the side away from the article is prose of the page's own."""
    beyond = index - 1 if before else index + 1
    return 0 <= beyond < len(lines) and shapes[beyond] not in recurring and _sentence(lines[beyond])


def _fenced(
    proposal: Proposal, kind: str, shaped: Sequence[Sequence[str]], articles: Sequence[tuple[int, int]]
) -> Proposal:
    """The proposal as a cut: scoped to the head or tail stretch it was seen in, with slack."""
    seen = []
    for shapes, (first, _) in zip(shaped, articles, strict=True):
        if proposal.template in shapes and first >= 0:
            if kind == "cut-head":  # the cut is at the last in its scope
                seen.append(len(shapes) - shapes[::-1].index(proposal.template))
            else:  # and a cut-tail at the first
                seen.append(len(shapes) - shapes.index(proposal.template))
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
    return unique_name("learned-" + "-".join(words), taken)


def held_pages(count: int) -> list[int]:
    """The pages held out in turn to measure the rules: at most `HELD_PAGES`, spread evenly."""
    step = max(1, count / HELD_PAGES)
    return sorted({int(n * step) for n in range(min(count, HELD_PAGES))})


def measured(
    pages: Sequence[Sequence[str]],
    proposals: list[Proposal],
    generic: dict[int, frozenset[int]],
    *,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
) -> list[Proposal]:
    """The proposals with their precision, leave-one-out inside the site: for each held page (the
    keys of `generic`, each with the lines the generic path removes from it), each rule as learned
    from the other pages (as it stands, when they give no such rule: a fence they put elsewhere)
    is applied to it, and what each removes is judged against the held
    page's article as the other pages show it (its stretch of own prose, and prose right beside
    it). A rule whose removed words lie in that article, unless the generic path removes them
    anyway or the site prints them on nearly every page (a pitch), below `PRECISION_BAR` is
    dropped; the others are ranked, the fences first, then by precision and share."""
    if len(pages) <= max(min_pages, 2):
        return proposals  # too few pages to learn without one of them
    shaped = [[shape(text) for text in lines] for lines in pages]
    counts = Counter(t for shapes in shaped for t in set(shapes))
    removed: Counter[tuple[str, str]] = Counter()
    taken: Counter[tuple[str, str]] = Counter()
    held: Counter[tuple[str, str]] = Counter()
    for i, generic_removed in generic.items():
        others = [lines for n, lines in enumerate(pages) if n != i]
        lines, shapes = pages[i], shaped[i]
        here = set(shapes)
        seen = {t: counts[t] - (t in here) for t in counts}  # pages of the others each shape stands on
        recurring = {t for t, n in seen.items() if n >= max(min_pages, 2) and n >= min_share * len(others)}
        site = {t for t, n in seen.items() if n >= EVERY_PAGE * len(others)}
        article = _article_zone(lines, shapes, recurring)
        alone = {(p.kind, p.template): p for p in propose(others, min_pages=min_pages, min_share=min_share)}
        for proposal in proposals:  # as learned without the page, else as it stands (it takes its place)
            key = (proposal.kind, proposal.template)
            rule = alone.get(key, proposal)
            held[key] += 1
            for index in _applied(rule, lines, shapes):
                words = _words(lines[index])
                removed[key] += words
                if index in article and index not in generic_removed and shapes[index] not in site:
                    taken[key] += words
    kept = []
    for proposal in proposals:
        key = (proposal.kind, proposal.template)
        if held[key]:
            proposal = replace(
                proposal, held=held[key], precision=1 - taken[key] / removed[key] if removed[key] else 1.0
            )
        if proposal.precision is None or proposal.precision >= PRECISION_BAR:
            kept.append(proposal)
    fences = [p for p in kept if p.kind != "drop-line"]
    rest = sorted((p for p in kept if p.kind == "drop-line"), key=lambda p: (-(p.precision or 0), -p.share, p.window))
    return fences + rest


def _article_zone(lines: Sequence[str], shapes: Sequence[str], recurring: set[str]) -> set[int]:
    """The page's article as its site's other pages show it: its stretch of own prose, with the
    sentence-like lines right beside it (a credit paragraph that closes the article)."""
    first, last = _article_span(lines, shapes, recurring)
    if first < 0:
        return set()
    while first > 0 and _sentence(lines[first - 1]):
        first -= 1
    while last + 1 < len(lines) and _sentence(lines[last + 1]):
        last += 1
    return {i for i in range(first, last + 1) if _sentence(lines[i])}


def _applied(rule: Proposal, lines: Sequence[str], shapes: Sequence[str]) -> list[int]:
    """The lines (indices) the rule would remove from a page: its matches in its scope, or what a
    cut takes (up to the last marker of a cut-head, from the first of a cut-tail)."""
    size = len(lines)
    scope = {"head": range(min(rule.window, size)), "tail": range(max(0, size - rule.window), size)}
    found = [
        i
        for i in scope.get(rule.scope, range(size))
        if (lines[i] == rule.text if rule.text is not None else shapes[i] == rule.template)
    ]
    if not found:
        return []
    if rule.kind == "cut-head":
        return list(range(found[-1] + 1))
    if rule.kind == "cut-tail":
        return list(range(found[0], size))
    return found
