"""Lists the extractor lost between paragraphs it kept.

When trafilatura finds no article container it falls back to collecting the page's paragraphs,
and the lists between them are lost: "The plan covers:" is kept, its items are not, and the text
runs on with the paragraph after the list. A list of the page (`<ul>`, `<ol>`, two items or more,
no list, picture or caption in it, little of its text in links) whose element before it is a line
the text holds is put back after that line as list items, where the element after the list is
the text's very next line (the list stood between two kept lines of one run of text) or where
that line introduces it (a sentence ending in a colon). A list before a menu, a teaser or
anything the text does not hold stays out, as does a list the text already holds an item of.

It runs only where the extractor's result holds no list at all (`web.extraction`), as a result
that kept lists chose which to keep. Measured with bench/realworld.py (text F1; aeb, wcxb-dev,
trafilatura-eval): 0.9762, 0.9429, 0.9343 before; 0.9762, 0.9454, 0.9347 after (precision
0.9695, 0.9372 -> 0.9377, 0.9307 -> 0.9308; 19 pages better, none worse). Between two kept lines
only: 0.9762, 0.9448, 0.9347. On every result, lists or not: no page better, one worse.
"""

from __future__ import annotations

from lxml import html

from cleaner.page_markup import words_of
from cleaner.web.text_lines import element_sibling, key_start, line_start, opening, text_key

INTRODUCTION_WORDS = 6  # a kept line of this many words ending in a colon introduces the list after it
MIN_ITEMS = 2  # a list of one item is a line, not a list
LINKED_SHARE = 0.3  # a list whose link text is more than this share of its text is a link list
_NOT_IN_A_TEXT_LIST = ("ul", "ol", "figure", "figcaption", "img", "picture", "video", "iframe")


def restore_lists(root: html.HtmlElement, text: str, *, markdown: bool = False) -> str:
    """`text` (one block per line) with the page's lost lists back between the lines they stood
    between, an item a line (`- item`, as the extractor writes list items); with `markdown`, where
    blank lines part the blocks, set apart from the paragraph before them by a blank line."""
    lines = text.split("\n")
    text_lines: _Lines | None = None  # read once there is a list to place
    after: dict[int, list[str]] = {}
    for found in root.iter("ul", "ol"):
        before = _sibling(found, previous=True)
        if before is None:
            continue
        text_lines = text_lines or _Lines(lines)
        at = text_lines.place(before, _sibling(found, previous=False))  # first: most lists are menus far from the text
        if at is None or at in after:
            continue
        items = _items(found)
        if not items or any(text_key(item) in text_lines.present for item in items):
            continue
        after[at] = [""] * markdown + [f"- {item}" for item in items]
    if not after:
        return text
    out: list[str] = []
    for n, line in enumerate(lines):
        out.append(line)
        out.extend(after.get(n, ()))
    return "\n".join(out)


class _Lines:
    """The text's lines by their first words, and the lines that follow each (blank lines skipped)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        filled = [n for n, line in enumerate(lines) if line.strip()]
        self.next = dict(zip(filled, filled[1:], strict=False))  # a line's index -> the next non-blank line's
        keys = {n: text_key(lines[n]) for n in filled}
        self.by_start: dict[str, int] = {}
        for n, key in keys.items():
            self.by_start.setdefault(key_start(key), n)
        self.present = set(keys.values())

    def place(self, before: html.HtmlElement, following: html.HtmlElement | None) -> int | None:
        """The index of the line a list goes after: the line of the element before it, where the
        element after it is the very next line or that line introduces the list; else None."""
        at = self.by_start.get(line_start(opening(before)))
        if at is None:
            return None
        next_line = self.next.get(at)
        if (
            following is not None
            and next_line is not None
            and self.by_start.get(line_start(opening(following))) == next_line
        ):
            return at  # the list stood between two lines the text holds one after the other
        return at if _introduces(self.lines[at], before) else None


def _introduces(line: str, before: html.HtmlElement) -> bool:
    """The kept line is a sentence ending in a colon, and all of the element before the list."""
    if not line.rstrip().endswith(":") or len(line.split()) < INTRODUCTION_WORDS:
        return False
    return text_key(words_of(before)) == text_key(line)


def _items(found: html.HtmlElement) -> list[str]:
    """The list's items, their words a line each; none for a list too short, nesting another
    list, showing pictures (a gallery, its captions) or mostly link text."""
    if next(found.iterdescendants(*_NOT_IN_A_TEXT_LIST), None) is not None:
        return []
    items = [" ".join(words_of(item).split()) for item in found if item.tag == "li"]
    items = [item for item in items if text_key(item)]
    if len(items) < MIN_ITEMS:
        return []
    linked = sum(len(" ".join(words_of(link).split())) for link in found.iter("a"))
    if linked > LINKED_SHARE * sum(len(item) for item in items):
        return []
    return items


def _sibling(element: html.HtmlElement, *, previous: bool) -> html.HtmlElement | None:
    """The element sibling before (or after) it (`element_sibling`); None
    where there is none or it has no words."""
    sibling = element_sibling(element, previous=previous)
    if sibling is None or not text_key(opening(sibling)):
        return None
    return sibling
