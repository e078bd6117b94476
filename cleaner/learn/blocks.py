"""Repeated blocks of a site's HTML pages, marked by a stable class or id, become `html.prune`
selectors: an element of the same tag and class whose text is the same on most pages is chrome
(a masthead, a most-read box, a comment policy, a footer); one whose text differs per page
(the article, related links) is not."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import html

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
    if element.get("id") and not any(ch.isdigit() for ch in element.get("id")):
        return f"{element.tag}#{element.get('id')}"
    classes = [c for c in (element.get("class") or "").split() if not any(ch.isdigit() for ch in c)]
    return f"{element.tag}.{'.'.join(sorted(classes))}" if classes else None


def repeated_blocks(roots: Sequence[html.HtmlElement], *, min_pages: int, min_share: float) -> list[Block]:
    """Selectors whose element has the same non-empty text on enough pages; outermost only."""
    texts: dict[str, list[str]] = defaultdict(list)
    for root in roots:
        seen: dict[str, str] = {}
        for element in root.iter():
            selector = selector_of(element)
            if selector and selector not in seen:
                seen[selector] = " ".join(element.text_content().split())
        for selector, text in seen.items():
            texts[selector].append(text)
    found = []
    for selector, values in texts.items():
        common = max(set(values), key=values.count)
        count = values.count(common)
        if common and count >= max(min_pages, 2) and count >= min_share * len(roots):
            found.append(Block(selector, count, count / len(roots), common[:80]))
    return _outermost(found, roots)


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
