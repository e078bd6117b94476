"""Find what recurs across a site's pages in stable places, and propose rules for it.

A line (or a line shape: the same text but for numbers, dates, emails, names after "By") that
stands on at least `min_pages` pages and a `min_share` of them is chrome, unless it stands
inside the article: each page's article is the span from its first to its last sentence-like
line that no other page has, and a line found inside that span on more than a quarter of its
pages is article text that merely repeats (a recurring quote), never a rule. A constant line
after the article followed on most pages by short, varying lines (related links, teasers)
becomes a cut-tail marker; a constant line before it preceded by such lines, a cut-head marker.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from cleaner.learn.shapes import pattern_of, shape

EDGE = 12  # non-blank lines from either end that count as the page's head or tail
SENTENCE_WORDS = 8  # a page's own line this long that ends like a sentence is article text
INSIDE_SHARE = 0.25  # a recurring line inside the article on more of its pages is article text
LIST_WORDS = 10  # lines shorter than this on average, after a marker, are a link list


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
    sightings = _sightings(pages)
    recurring = {t for t, seen in sightings.items() if len(seen) >= min_pages and len(seen) >= min_share * len(pages)}
    articles = [_article_span(lines, recurring) for lines in pages]
    proposals = []
    for template in recurring:
        seen = sightings[template]
        inside = sum(articles[s.page][0] < s.index < articles[s.page][1] for s in seen)
        if inside > INSIDE_SHARE * len(seen):
            continue
        proposals.append(_proposal(template, seen, _scope(seen), len(seen), len(seen) / len(pages)))
    return _markers(sorted(proposals, key=lambda p: p.window), pages, sightings)


def _article_span(lines: Sequence[str], recurring: set[str]) -> tuple[int, int]:
    """From the page's first to its last sentence-like line of its own ((-1, -1): none)."""
    own = [i for i, text in enumerate(lines) if shape(text) not in recurring and _sentence(text)]
    return (own[0], own[-1]) if own else (-1, -1)


def _sightings(pages: Sequence[Sequence[str]]) -> dict[str, list[Sighting]]:
    found: dict[str, list[Sighting]] = defaultdict(list)
    for number, lines in enumerate(pages):
        seen_here = set()
        for index, text in enumerate(lines):
            template = shape(text)
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


def _markers(proposals: list[Proposal], pages: Sequence[Sequence[str]], sightings) -> list[Proposal]:
    """Turn the earliest constant tail line followed by link lists into a cut-tail (and the
    latest constant head line preceded by them into a cut-head); rules it covers go."""
    for kind, scope in (("cut-tail", "tail"), ("cut-head", "head")):
        candidates = [p for p in proposals if p.kind == "drop-line" and p.scope == scope and p.text]
        for proposal in sorted(candidates, key=lambda p: -p.window):
            seen = sightings[shape(proposal.text)]
            if _lists_beyond(seen, pages, after=kind == "cut-tail"):
                proposal.kind = kind
                covered = [p for p in proposals if p is not proposal and p.scope == scope and _beyond(p, proposal)]
                proposals = [p for p in proposals if p not in covered]
                break
    return proposals


def _lists_beyond(seen: list[Sighting], pages: Sequence[Sequence[str]], *, after: bool) -> bool:
    """On most of its pages, what stands past the marker is short lines (and there is some)."""
    good = 0
    for s in seen:
        lines = pages[s.page][s.index + 1 :] if after else pages[s.page][: s.index]
        if lines and sum(len(line.split()) for line in lines) / len(lines) < LIST_WORDS:
            good += 1
    return good >= 0.8 * len(seen)


def _beyond(other: Proposal, marker: Proposal) -> bool:
    """`other` stands nearer the page's edge than the marker (so the cut covers it): a window
    counts from the edge for head and tail alike."""
    return other.window < marker.window


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
