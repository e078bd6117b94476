"""What the page's own markup says about the blocks of the extractor's Markdown.

trafilatura renders its result tree as Markdown, but its tree is not the page: its text path
never sees the links; a heading or list item whose text sits in a wrapper (`<h3><div><p>Costs`,
`<li><div><p>Steel`) comes out a plain paragraph; and a list item that holds a heading and a
paragraph (a card: `<li><h3>Steel</h3><p>For the deck …</p></li>`) comes out one line,
`- ### Steel For the deck …`, which every Markdown reader takes for one long heading. The page
knows better. Its markup is read once, by the words of each block (`line_key`, what a rendered
line says without its Markdown), and each rendered line is given what it shows:
- a paragraph whose words are those of a heading of the page becomes that heading (its level);
  one whose words are those of a list item becomes a list item;
- a list item whose words are in no list item of the page becomes a paragraph again (a definition
  list's terms and definitions, which trafilatura lists; a line of text opening with a sign);
- a heading run into the text after it is set apart from that text, where the page has a heading
  of exactly the words after the marker (the list item that only framed them is dropped);
- the link texts of a paragraph, list item or table cell become links (hrefs absolute).
Only the Markdown changes: the words, and so the text, stay as they are.

Measured with bench/structure.py on the 590 wcxb-dev pages (F1, links alone before): headings
0.808 -> 0.830, list items 0.578 -> 0.589 (trafilatura's Markdown: 0.778, 0.580), table cells,
links and the Markdown's text unchanged. Items gain less than they could: on 122 pages the truth
writes the page's lists as plain lines, which holds list precision under 0.5 for every tool.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

_WORD = re.compile(r"\w+")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s?|(?:[-*+]|\d+[.)])\s+)+")
_LINK = re.compile(r"\[([^\]]*)\]\((?:<[^>]*>|[^)\s]*)\)")
CELL_BORDER = re.compile(r"(?<!\\)\|")  # a pipe that is no escaped text: where a table row's cells meet
FENCE = re.compile(r"^(?:```|~~~)")  # a code block's opening or closing line
_MARKED = re.compile(r"^(?:#{1,6}\s|>|[-*+]\s|\d+[.)]\s|\|)")  # a line Markdown reads as more than a paragraph
_LIST_MARKER = re.compile(r"^(?:[-*+]|\d+[.)])(?:\s+|$)")
_ITEM = re.compile(r"^\s*(?:([-*+])|\d+([.)]))\s")  # a list item's marker (its sign), indented or not
_BLOCK_START = re.compile(r"^(?:[-*+>#|]|\d+[.)])")
_HEADING_MARKER = re.compile(r"(?:^|(?<=\s))(#{1,6})\s+")
_CLOSING = re.compile(r"[^\w\s]*")
_LONGEST_HEADING = 40  # words: a longer run after a marker is not looked up as a heading
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")  # the heading tags, by level
_BLOCKS = frozenset({"p", "li", *HEADINGS, "td", "th", "dd", "dt", "blockquote", "figcaption"})
# elements inside a line of text; any other (a `<br>`, a `<p>`) parts the words around it
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "label"}
    | {"mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}
)
_MARKDOWN_SIGNS = re.compile(r"[\\`*_{}\[\]()#+!|<>]")

Links = dict[str, list[tuple[str, str]]]  # a block's words (`line_key`) -> its links' (text, href), in order


def line_key(line: str) -> str:
    """What a line says, without its Markdown (block markers, link targets, escapes, inline code
    ticks and any other punctuation): its words, compared between renderings and with the page."""
    return " ".join(_WORD.findall(_PREFIX.sub("", _ESCAPED.sub(r"\1", _LINK.sub(r"\1", line.strip())))))


@dataclass(frozen=True)
class PageMarkup:
    """The page's blocks by their words: the links each holds, and which are headings (their
    level: the first such heading's) or list items (whether their list is ordered)."""

    links: Links
    headings: dict[str, int]
    items: dict[str, bool]
    listed: str = ""  # every list item's words, a line each: a rendered item that is in none is none
    definitions: frozenset[str] = frozenset()  # the terms and definitions of definition lists


def page_markup(root: Any, url: str | None) -> PageMarkup:
    """Read the page once: its links by the block that holds them (a paragraph, list item or
    cell of the article, in order), its headings and its list items, each by its words."""
    headings: dict[str, int] = {}
    items: dict[str, bool] = {}
    definitions: set[str] = set()
    for element in root.iter(*HEADINGS, "li", "dt", "dd"):
        key = line_key(words_of(element))
        if not key:
            continue
        if element.tag == "li":
            parent = element.getparent()
            items.setdefault(key, parent is not None and parent.tag == "ol")
        elif element.tag in ("dt", "dd"):
            definitions.add(key)
        else:
            headings.setdefault(key, int(element.tag[1]))
    listed = "\n".join(f" {key} " for key in items)
    return PageMarkup(_links(root, url), headings, items, listed, frozenset(definitions))


def words_of(element: Any) -> str:
    """The element's text as a reader sees it: words that a line break or a block parts are
    apart (`text_content` runs `deck<br>and` into one word)."""
    return "".join(_texts(element))


def _texts(element: Any) -> Iterator[str]:
    inline = element.tag in _INLINE
    if not inline:
        yield " "
    if isinstance(element.tag, str) and element.tag not in ("script", "style") and element.text:
        yield element.text
    for child in element:
        yield from _texts(child)
        if child.tail:
            yield child.tail
    if not inline:
        yield " "


def _links(root: Any, url: str | None) -> Links:
    found: Links = {}
    for anchor in root.iter("a"):
        href, text = (anchor.get("href") or "").strip(), " ".join(anchor.text_content().split())
        if not text or not href or href.startswith(("#", "javascript:", "mailto:")) or _MARKDOWN_SIGNS.search(text):
            continue
        block = next((a for a in anchor.iterancestors() if a.tag in _BLOCKS), None)
        if block is not None:
            found.setdefault(line_key(words_of(block)), []).append((text, urljoin(url, href) if url else href))
    return found


def with_markup(markdown: str, markup: PageMarkup) -> str:
    """The Markdown with what the page shows (see the module docstring); a line cut in blocks, or
    a list item that is none, stands apart: a blank line between it and the lines around it."""
    lines = markdown.split("\n")
    out: list[str] = []
    in_code = False
    for n, line in enumerate(lines):
        fence = bool(FENCE.match(line.strip()))
        in_code ^= fence
        if in_code or fence:
            out.append(line)
            continue
        linked = _with_links(line, markup.links)
        blocks = _as_the_page_shows(linked, markup)
        apart = blocks != [linked] and not (len(blocks) == 1 and _MARKED.match(blocks[0]))
        if apart and out and out[-1].strip():
            out.append("")
        out.append("\n\n".join(blocks))
        if apart and n + 1 < len(lines) and lines[n + 1].strip():
            out.append("")
    return "\n".join(out)


def _with_links(line: str, links: Links) -> str:
    if line.startswith("|"):  # a table row: each cell is a block of its own
        return "|".join(_linked(cell, links.get(line_key(cell), ())) for cell in CELL_BORDER.split(line))
    return _linked(line, links.get(line_key(line), ()))


def _linked(line: str, links: Iterable[tuple[str, str]]) -> str:
    """The line with each link text, in order, made a link (a whole word or words, not a part)."""
    start = 0
    for text, href in links:
        found = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)").search(line, start)
        if found is None:
            continue
        at = found.start()
        link = f"[{text}](<{href}>)" if " " in href else f"[{text}]({href})"
        line = line[:at] + link + line[at + len(text) :]
        start = at + len(link)
    return line


def _as_the_page_shows(line: str, markup: PageMarkup) -> list[str]:
    """The line as one or more blocks: a paragraph marked as the page's heading or list item, or
    a heading that ran into the text after it set apart from that text."""
    if line.strip() and line[0] != " " and not _MARKED.match(line):  # an indented line belongs to the block above
        key = line_key(line)
        if key in markup.headings:
            return ["#" * markup.headings[key] + " " + line]
        if key in markup.items:
            return [("1. " if markup.items[key] else "- ") + line]
    item = _ITEM.match(line)
    if item and not _HEADING_MARKER.match(line, item.end()) and f" {line_key(line)} " not in markup.listed:
        return [_no_item(line, item, markup.definitions)]
    return _headings_apart(line, markup.headings) if "#" in line and not line.startswith("|") else [line]


def _no_item(line: str, item: re.Match[str], definitions: frozenset[str]) -> str:
    """A line Markdown reads as a list item that the page shows as none, as a paragraph: a term
    or definition that trafilatura listed loses its marker; text that opens with a sign of its
    own (a diff's `+`, a `- ` that no list drew) keeps it, escaped."""
    if item.group(1) != "+" and item.group(1) != "*" and line_key(line) in definitions:
        text = line[item.end() :].strip()
        return "\\" + text if _BLOCK_START.match(text) and not text[0].isdigit() else escape_number(text)
    return escape_number(line.strip()) if item.group(2) else "\\" + line.strip()


def escape_number(text: str) -> str:
    """`1. x` as text, not an ordered list item."""
    number = re.match(r"^\d+(?=[.)])", text)
    return text if number is None else f"{number.group()}\\{text[number.end() :]}"


def _headings_apart(line: str, headings: dict[str, int]) -> list[str]:
    """The line cut before and after each heading marker that opens one of the page's headings,
    unless that heading is the whole line; a list marker left with nothing of its own is dropped."""
    ends = _word_ends(line)
    pieces: list[str] = []
    start = 0
    for marker in _HEADING_MARKER.finditer(line):
        if marker.start() < start:
            continue
        before = line[start : marker.start()].strip()
        after = [e for e in ends if e > marker.end()][:_LONGEST_HEADING]
        end = next((e for e in reversed(after) if line_key(line[marker.end() : e]) in headings), None)
        whole = end is not None and not _LIST_MARKER.sub("", before) and not line[end:].strip()
        if end is None or whole:
            continue
        if _LIST_MARKER.sub("", before):
            pieces.append(before)
        pieces.append(marker.group(1) + " " + line[marker.end() : end])
        start = end
    rest = line[start:].strip()
    return pieces + [rest] if rest else pieces or [line]


def _word_ends(line: str) -> list[int]:
    """Where a block may end in the line: after a word and the punctuation that closes it, or
    after a link (never inside one)."""
    links = [m.span() for m in _LINK.finditer(line)]
    ends: list[int] = []
    for word in _WORD.finditer(line):
        end = next((b for a, b in links if a < word.end() < b), word.end())
        closing = _CLOSING.match(line, end)
        assert closing is not None  # `[^\w\s]*` matches anywhere, if only the empty string
        end = closing.end()
        if not ends or end > ends[-1]:
            ends.append(end)
    return ends
