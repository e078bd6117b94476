"""Repeated blocks of a site's HTML pages, marked by a stable class or id, become `html.prune`
selectors: a selector whose matches (as CSS) have the same text on most pages is chrome (a masthead, a
most-read box, a comment policy, a footer); one of whose elements differs per page (the article,
related links) is not, even when its other elements are constant (a class on both the dateline
row and the story row)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import html
from lxml.cssselect import CSSSelector

_IDENTIFIER = re.compile(r"-?[_a-zA-Z][_a-zA-Z-]*")
SKIP = frozenset({"html", "head", "body", "main", "article", "script", "style", "template"})


@dataclass(frozen=True)
class Block:
    selector: str
    pages: int
    share: float
    example: str


def selector_of(element: html.HtmlElement) -> str | None:
    """`aside.popular`, `div#sidebar`: the element's tag and its stable marks, or None."""
    if not isinstance(element.tag, str) or element.tag in SKIP:
        return None
    if _stable(element.get("id") or ""):
        return f"{element.tag}#{element.get('id')}"
    classes = [c for c in (element.get("class") or "").split() if _stable(c)]
    return f"{element.tag}.{'.'.join(sorted(classes))}" if classes else None


def _stable(name: str) -> bool:
    """A plain CSS identifier without digits (digits mark generated names: `post-4471`)."""
    return _IDENTIFIER.fullmatch(name) is not None


def repeated_blocks(roots: Sequence[html.HtmlElement], *, min_pages: int, min_share: float) -> list[Block]:
    """Selectors whose elements have the same non-empty texts on enough pages; outermost only."""
    texts: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for root in roots:
        seen: dict[str, list[str]] = defaultdict(list)
        for element in root.iter():
            selector = selector_of(element)
            if selector:
                seen[selector].append(" ".join(element.text_content().split()))
        for selector, found_here in seen.items():
            texts[selector].append(tuple(found_here))
    found = []
    for selector, values in texts.items():
        common = max(set(values), key=values.count)
        count = values.count(common)
        enough = any(common) and count >= max(min_pages, 2) and count >= min_share * len(roots)
        if enough and _matches(selector, roots).count(common) == count:
            example = next(text for text in common if text)
            found.append(Block(selector, count, count / len(roots), example[:80]))
    return _outermost(found, roots)


def _matches(selector: str, roots: Sequence[html.HtmlElement]) -> list[tuple[str, ...]]:
    """Per page, the texts of what the selector matches as CSS: `div.text-copy` also matches a
    `div.text-copy.body` (the article, say), which the element's own key does not show."""
    css = CSSSelector(selector)
    return [tuple(" ".join(e.text_content().split()) for e in css(root)) for root in roots]


def _outermost(blocks: list[Block], roots: Sequence[html.HtmlElement]) -> list[Block]:
    """Drop a block that sits inside another proposed block on the first page that has both."""
    chosen = {b.selector for b in blocks}
    inner = set()
    for root in roots:
        for element in root.iter():
            selector = selector_of(element)
            if selector in chosen and any(selector_of(a) in chosen for a in element.iterancestors()):
                inner.add(selector)
    return sorted((b for b in blocks if b.selector not in inner), key=lambda b: b.selector)
