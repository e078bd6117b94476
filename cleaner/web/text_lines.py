"""Where the page's elements and an extracted text meet, for what puts lost parts back (headings,
lists, lead) and what reads bylines: a page element's line in the text, matched by its first
words (the extractor may have trimmed the rest), and the element a text node belongs to."""

from __future__ import annotations

from typing import Any

from lxml import html

from cleaner.page_markup import line_key

KEY_WORDS = 8  # a line is found by its first words


def text_key(text: str) -> str:
    """The text as lines are compared: `line_key`, case folded."""
    return line_key(text).casefold()


def line_start(text: str) -> str:
    """The first `KEY_WORDS` words of the text's key: how a line is looked up."""
    return key_start(text_key(text))


def key_start(key: str) -> str:
    """`line_start` of a text whose `text_key` is `key`."""
    return " ".join(key.split()[:KEY_WORDS])


def opening(element: html.HtmlElement, words: int = KEY_WORDS) -> str:
    """The element's first words, a few more than `words` (an element may hold a whole article:
    its text is not read to the end), white space collapsed."""
    pieces: list[str] = []
    for piece in element.itertext():
        pieces.append(piece)
        if len("".join(pieces).split()) > words:
            break
    return " ".join("".join(pieces).split())


def element_sibling(element: html.HtmlElement, *, previous: bool = False) -> html.HtmlElement | None:
    """The element sibling after (or before) `element`, comments and processing instructions skipped."""
    sibling = element.getprevious() if previous else element.getnext()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getprevious() if previous else sibling.getnext()
    return sibling


def text_holder(text: Any) -> html.HtmlElement | None:
    """The element a text node found by XPath (an lxml smart string) is the text or tail text of."""
    element: html.HtmlElement | None = text.getparent()
    return element.getparent() if element is not None and text.is_tail else element
