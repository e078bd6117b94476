"""The article's lead (standfirst, teaser, deck) that the extractor lost.

A news or blog page often sets its lead apart from the body: a `<p class="lead">` or a subtitle
in the article's `<header>`, a teaser box above the first paragraph. trafilatura's precision mode
takes such a header for chrome and starts the text with the body's first paragraph. The page
itself says which text is its lead: the description it gives search engines and social sites
(`<meta name="description">`, `og:description`, `twitter:description`) is that very text, or its
opening words. Where the text does not hold the description's opening, the smallest element of
the page's body that holds it is the lead when it is no more than a paragraph (a few times the
description's length, no heading in it) and stands before the text's first paragraph in the page:
its words are put back as a line of their own before that paragraph. A description found nowhere
but the `<head>`, one that opens the body's first paragraph (the text holds it already), a teaser
of another story further down the page and a heading are left alone, and so is a lead of one
sentence: a deck or a tagline, which article-text conventions leave out, where a lead of two
sentences or more is the article's first paragraph set apart.

Measured with bench/realworld.py (text F1; aeb, wcxb-dev, trafilatura-eval): 0.9762, 0.9454,
0.9347 before; 0.9762, 0.9453, 0.9392 after (trafilatura-eval recall 0.9387 -> 0.9471, precision
0.9308 -> 0.9314; wcxb-dev precision 0.9377 -> 0.9375): 23 pages better, 8 worse (7 on
wcxb-dev, 1 on aeb, by 0.002-0.018, whose truths leave the lead out). Leads of one sentence
too: 0.9757, 0.9452, 0.9410 (aeb precision 0.9695 -> 0.9687). About 0.2 ms a page.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree, html

from cleaner.page_markup import HEADINGS, words_of
from cleaner.web.text_lines import text_holder

MIN_SENTENCES = 2  # a lead is a paragraph of this many sentences; one sentence is a deck or a tagline
SENTENCE_WORDS = 4  # ... each of this many words or more, ending in a full stop, "!" or "?" (no ellipsis)
MIN_LEAD_WORDS = 8  # a shorter description is a title or a slogan, not a lead
MATCH_WORDS = 12  # the description's opening words looked up in the page (its last word may be cut)
FIRST_WORDS = 4  # ... of which the longest finds the text nodes the lead may open with
MOST_NODES = 20  # text nodes tried
TRIES = 3  # texts after the lead tried for the first paragraph
LEAD_SHARE = 3.0  # a lead holds at most this many times the words of the description's opening looked up
MIN_PARAGRAPH_WORDS = 6  # the text's first line of this many words is its first paragraph
CLIMB = 4  # elements above the found text node where the lead's element may be

_SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”“’»«)]))\s+")
_SENTENCE_END = re.compile(r"(?<![.…])[.!?][\"'”“’»«)]*$")
_DESCRIPTIONS = etree.XPath(  # run on the <head>: a search of the whole page costs more than the rest
    "meta[@name='description' or @property='og:description' or @name='twitter:description'"
    " or @property='twitter:description']/@content"
)
_TEXT_WITH = etree.XPath("/html/body/descendant::text()[contains(., $word)][not(ancestor::script or ancestor::style)]")
_NEXT_WITH = etree.XPath("following::text()[contains(., $word)][1]")  # libxml2 stops at the first


def restore_lead(root: html.HtmlElement, text: str, *, markdown: bool = False) -> str:
    """`text` (one block per line) with the page's lost lead as a line before its first paragraph
    (see the module docstring); with `markdown`, set apart from it by a blank line."""
    opening = _description_opening(root)
    if opening is None or _words(opening) in _words(text):
        return text
    lines = text.split("\n")
    at = next((n for n, line in enumerate(lines) if len(line.split()) >= MIN_PARAGRAPH_WORDS), None)
    if at is None:
        return text
    lead = _lead_element(root, opening)
    if lead is None or not _paragraph_follows(lead, lines[at]):
        return text
    words = " ".join(words_of(lead).split())
    if _sentences(words) < MIN_SENTENCES or " ".join(words.split()[:MATCH_WORDS]) in _words(text):
        return text  # the text holds the lead, its opening told otherwise than the description's
    return "\n".join([*lines[:at], words, *[""] * markdown, *lines[at:]])


def _description_opening(root: html.HtmlElement) -> str | None:
    """The opening words of the page's longest description (`MATCH_WORDS`, the last one of a cut
    description left out); None where it has fewer than `MIN_LEAD_WORDS` words, or is whole and
    of fewer than `MIN_SENTENCES` sentences (a deck's: the lead is looked for only where it may be
    a paragraph)."""
    head = root.find("head")
    descriptions = [" ".join(str(found).split()) for found in _DESCRIPTIONS(head)] if head is not None else []
    longest = max(descriptions, key=len, default="")
    words = longest.rstrip(".…").split()
    if len(words) < MIN_LEAD_WORDS or (_SENTENCE_END.search(longest) and _sentences(longest) < MIN_SENTENCES):
        return None
    return " ".join(words[: min(MATCH_WORDS, len(words) - 1)])


def _lead_element(root: html.HtmlElement, opening: str) -> html.HtmlElement | None:
    """The smallest element of the body that holds the description's opening and no more than a
    lead's words, with no heading in it; None where the page has none."""
    most = LEAD_SHARE * len(opening.split())
    for found in _text_nodes(root, opening):
        element = text_holder(found)
        for _ in range(CLIMB):
            if element is None or element.tag in ("body", "html"):
                break
            if len(element.text_content().split()) > most:  # words run together at a <br>: at most this many
                break
            if opening in _words(words_of(element)):
                inside = element.iter(*HEADINGS)
                return None if element.tag in HEADINGS or next(inside, None) is not None else element
            element = element.getparent()
    return None


def _paragraph_follows(lead: html.HtmlElement, line: str) -> bool:
    """The line's paragraph comes after the lead in the page: of the first texts after the lead
    that hold the line's longest opening word (`TRIES`: a caption may come first; each search
    stops at the first it finds), one holds its first words."""
    first = " ".join(line.split()[:FIRST_WORDS])
    word = max(first.split(), key=len)
    after: html.HtmlElement | None = lead
    for _ in range(TRIES):
        found = _NEXT_WITH(after, word=word) if after is not None else []
        if not found:
            return False
        if first in " ".join(str(found[0]).split()):
            return True
        if found[0].is_tail:
            return False  # a search from its element would find it again
        after = found[0].getparent()
    return False


def _text_nodes(root: html.HtmlElement, words: str) -> list[Any]:
    """The body's first text nodes (`MOST_NODES`) holding the longest of the first words."""
    word = max(words.split()[:FIRST_WORDS], key=len)
    return list(_TEXT_WITH(root, word=word))[:MOST_NODES]


def _sentences(text: str) -> int:
    """The text's sentences of `SENTENCE_WORDS` words or more: a list of names ("Phones. Laptops.
    Watches.") or a teaser trailing off ("… and more ...") counts none."""
    return sum(
        1 for part in _SENTENCE_BREAK.split(text) if len(part.split()) >= SENTENCE_WORDS and _SENTENCE_END.search(part)
    )


def _words(text: str) -> str:
    return " ".join(text.split())
