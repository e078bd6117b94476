"""Repeated blocks of a site's HTML pages, marked by a stable class or id, become `html.prune`
selectors: a selector whose matches (as CSS) have the same text on most pages is chrome (a masthead, a
most-read box, a comment policy, a footer); one of whose elements differs per page (the article,
related links) is not, even when its other elements are constant (a class on both the dateline
row and the story row)."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import html

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


@dataclass(frozen=True)
class Marked:
    """What learning keeps of one element with a stable id or class: enough to tell which
    selectors match it and with what text, without keeping the page's tree (1,000 parsed pages
    would hold a gigabyte)."""

    tag: str
    id: str
    classes: frozenset[str]
    key: str  # `selector_of` the element
    text: str  # `fingerprint` of its text
    ancestors: tuple[int, ...]  # indices of the marked elements it lies inside


def page_marks(root: html.HtmlElement) -> list[Marked]:
    """The marked elements of a page, in document order."""
    marks: list[Marked] = []
    index: dict[html.HtmlElement, int] = {}
    for element in root.iter():
        key = selector_of(element)
        if key is None or not isinstance(element.tag, str):  # no selector made for the page can match it
            continue  # (a comment's or processing instruction's tag is not a str; selector_of skips them too)
        ancestors = tuple(index[a] for a in element.iterancestors() if a in index)
        index[element] = len(marks)
        classes = frozenset((element.get("class") or "").split())
        text = fingerprint(" ".join(element.text_content().split()))
        marks.append(Marked(element.tag, element.get("id") or "", classes, key, text, ancestors))
    return marks


def fingerprint(text: str) -> str:
    """A text's first 80 characters and a digest of all of it: equal for equal texts, "" for none."""
    return f"{text[:80]}\0{hashlib.blake2b(text.encode(), digest_size=12).hexdigest()}" if text else ""


def repeated_blocks(pages: Sequence[list[Marked]], *, min_pages: int, min_share: float) -> list[Block]:
    """Selectors whose elements have the same non-empty texts on enough pages; outermost only."""
    texts: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for marks in pages:
        seen: dict[str, list[str]] = defaultdict(list)
        for mark in marks:
            seen[mark.key].append(mark.text)
        for selector, found_here in seen.items():
            texts[selector].append(tuple(found_here))
    found = []
    for selector, values in texts.items():
        common = max(sorted(set(values)), key=values.count)  # (sorted: the same in every process)
        count = values.count(common)
        enough = any(common) and count >= max(min_pages, 2) and count >= min_share * len(pages)
        if enough and _matches(selector, pages).count(common) == count:
            example = next(text for text in common if text).split("\0")[0]
            found.append(Block(selector, count, count / len(pages), example))
    return _outermost(found, pages)


def _matches(selector: str, pages: Sequence[list[Marked]]) -> list[tuple[str, ...]]:
    """Per page, the texts of what the selector matches as CSS: `div.text-copy` also matches a
    `div.text-copy.body` (the article, say), which the element's own key does not show."""
    return [tuple(mark.text for mark in marks if _css_match(selector, mark)) for marks in pages]


def _css_match(selector: str, mark: Marked) -> bool:
    """Whether a `selector_of` selector (`tag#id` or `tag.class.class`) matches the element as CSS."""
    if "#" in selector:
        tag, _, wanted = selector.partition("#")
        return mark.tag == tag and mark.id == wanted
    tag, *classes = selector.split(".")
    return mark.tag == tag and mark.classes.issuperset(classes)


def _outermost(blocks: list[Block], pages: Sequence[list[Marked]]) -> list[Block]:
    """Drop a block that sits inside another proposed block on a page that has both."""
    chosen = {b.selector for b in blocks}
    inner = {
        mark.key
        for marks in pages
        for mark in marks
        if mark.key in chosen and any(marks[a].key in chosen for a in mark.ancestors)
    }
    return sorted((b for b in blocks if b.selector not in inner), key=lambda b: b.selector)
