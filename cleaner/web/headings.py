"""Section headings the extractor lost between paragraphs it kept.

When trafilatura finds no article container it falls back to collecting the page's paragraphs,
and the section headings between them are lost (a long article then reads as one run of text).
A heading of the page (h2 to h6, a few words) whose next element is a paragraph of prose that
the extracted text holds as a line of its own is put back on the line before that paragraph.
Nothing else is added: a heading before a menu, a teaser or anything the text does not hold
stays out, and the title (h1) is a field, not text. The Markdown gets the same headings at the
page's level.

Measured with bench/realworld.py (text F1; aeb, wcxb-dev, trafilatura-eval): 0.9761, 0.9398,
0.9289 before; 0.9761, 0.9418, 0.9290 after (precision 0.9695, 0.9356 -> 0.9367, 0.9219 ->
0.9208). bench/structure.py: headings F1 0.830 -> 0.849, the Markdown's text 0.940 -> 0.942.
"""

from __future__ import annotations

import re

from lxml import html

MAX_HEADING_WORDS = 15  # a section heading is short
MIN_PARAGRAPH_WORDS = 8  # ...and is followed by prose
_KEY_WORDS = 8  # the paragraph is found by its first words
_WORD = re.compile(r"\w+")


def restore_headings(root: html.HtmlElement, text: str, *, markdown: bool = False) -> str:
    """`text` (one block per line) with the page's lost section headings back before their
    paragraphs; with `markdown`, as Markdown headings of the page's level (`## …`)."""
    lines = text.split("\n")
    present = {_key(line) for line in lines}
    by_start: dict[str, int] = {}
    for n, line in enumerate(lines):
        by_start.setdefault(_start(line), n)
    before: dict[int, str] = {}
    for heading in root.iter("h2", "h3", "h4", "h5", "h6"):
        words = " ".join(heading.text_content().split())
        if not words or len(words.split()) > MAX_HEADING_WORDS or _key(words) in present:
            continue
        following = _next_element(heading)
        if following is None:
            continue
        paragraph = " ".join(following.text_content().split())
        if len(paragraph.split()) < MIN_PARAGRAPH_WORDS:
            continue
        at = by_start.get(_start(paragraph))
        if at is not None and at not in before and (at == 0 or _key(lines[at - 1]) != _key(words)):
            level = int(str(heading.tag)[1])  # h2 .. h6
            before[at] = f"{'#' * level} {words}" if markdown else words
            present.add(_key(words))
    if not before:
        return text
    out: list[str] = []
    for n, line in enumerate(lines):
        if n in before:
            out.append(before[n])
        out.append(line)
    return "\n".join(out)


def _next_element(element: html.HtmlElement) -> html.HtmlElement | None:
    following = element.getnext()
    while following is not None and not isinstance(following.tag, str):  # comments, processing instructions
        following = following.getnext()
    return following


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _start(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold())[:_KEY_WORDS])
