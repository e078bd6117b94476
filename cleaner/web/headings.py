"""Section headings the extractor lost between paragraphs it kept.

When trafilatura finds no article container it falls back to collecting the page's paragraphs,
and the section headings between them are lost (a long article then reads as one run of text).
A heading of the page (h2 to h6, a few words) whose next element is a paragraph of prose that
the extracted text holds as a line of its own is put back on the line before that paragraph.
Nothing else is added: a heading before a menu, a teaser or anything the text does not hold
stays out, and the title (h1) is a field, not text. The Markdown gets the same headings at the
page's level.

It runs only where the extractor's result holds no heading at all (`web.extraction`): a result
that kept headings chose which to keep. Measured with bench/realworld.py (text F1; aeb, wcxb-dev,
trafilatura-eval): 0.9761, 0.9398, 0.9289 before; 0.9761, 0.9416, 0.9293 after (precision
0.9695, 0.9356 -> 0.9367, 0.9219 -> 0.9214); on every page it was 0.9761, 0.9418, 0.9290 (precision
on trafilatura-eval 0.9208) at twice the cost (0.3 ms a page now).
"""

from __future__ import annotations

from lxml import html

from cleaner.page_markup import words_of
from cleaner.web.text_lines import KEY_WORDS, element_sibling, line_start, opening, text_key

MAX_HEADING_WORDS = 15  # a section heading is short
MIN_PARAGRAPH_WORDS = 8  # ...and is followed by prose


def restore_headings(root: html.HtmlElement, text: str, *, markdown: bool = False) -> str:
    """`text` (one block per line) with the page's lost section headings back before their
    paragraphs; with `markdown`, as Markdown headings of the page's level (`## …`)."""
    lines = text.split("\n")
    present: set[str] | None = None  # the text's short lines, read once there is a heading to test
    by_start: dict[str, int] = {}
    before: dict[int, str] = {}
    for heading in root.iter("h2", "h3", "h4", "h5", "h6"):
        words = " ".join(words_of(heading).split())  # a <br> parts words, as a reader sees them
        following = element_sibling(heading)
        if not words or len(words.split()) > MAX_HEADING_WORDS or following is None:
            continue
        paragraph = opening(following, max(MIN_PARAGRAPH_WORDS, KEY_WORDS))
        if len(paragraph.split()) < MIN_PARAGRAPH_WORDS:
            continue
        if present is None:
            present = {text_key(line) for line in lines if len(line.split()) <= MAX_HEADING_WORDS}
            for n, line in enumerate(lines):
                by_start.setdefault(line_start(line), n)
        at = by_start.get(line_start(paragraph))
        if at is None or at in before or text_key(words) in present:
            continue
        level = int(str(heading.tag)[1])  # h2 .. h6
        before[at] = f"{'#' * level} {words}" if markdown else words
        present.add(text_key(words))
    if not before:
        return text
    out: list[str] = []
    for n, line in enumerate(lines):
        if n in before:
            out.append(before[n])
        out.append(line)
    return "\n".join(out)
