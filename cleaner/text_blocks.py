"""The structure a text dump still shows, as Markdown: its list items, tables and section headings.

A scraper that flattened a page to text leaves list items as lines opened by `- `, `• ` or `1. `,
tables as runs of lines of `|`-separated cells, and section headings as short lines without a
closing stop that stand between paragraphs (or opened by `#`, when the dump was Markdown-ish).
They become Markdown list items, table rows and headings; every other line is a paragraph. The
result is the `structured` rendering of a text dump's `Document`: `cleaner.markdown` aligns it
with the kept lines exactly as it aligns an HTML page's, so what the rules removed stays out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from cleaner.document import Document
from cleaner.lines import Lines
from cleaner.page_markup import CELL_BORDER, escape_number

HEADING_MAX_WORDS = 12  # a section heading is a short line
PARAGRAPH_MIN_WORDS = 15  # ...between two lines of prose at least this long, each ending a sentence
SECTION_LEVEL = 2  # a heading told by its shape is a section of the article (the title is level 1)

_ATX = re.compile(r"^(#{1,6})\s+(?=\S)")
# a list item as a dump writes it: a bullet sign, or a number (group 1) and a stop, then the item
LIST_ITEM = re.compile(r"^(?:[-*+•·▪◦‣–—]|(\d{1,3})[.)])\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?…:;,\"'”»)]$")
_WORD = re.compile(r"\w+")
_LIST_NUMBER = re.compile(r"^\d{1,9}[.)](?:\s|$)")  # as CommonMark reads an ordered item
_BLOCK_SIGN = re.compile(r"^(?:[-*+>](?:\s|$)|#{1,6}(?:\s|$)|[-=*_]{3,}\s*$)")


def text_document(lines: Lines, url: str | None) -> Document:
    """A text dump made ready for the rules: its lines, and their Markdown when it is asked for."""
    return Document(lines, url, structured=lambda: text_markdown(lines))


def text_markdown(lines: Lines) -> str:
    """The dump's non-blank lines as Markdown blocks: list items and table rows of one list or
    table on adjacent lines, every other block apart."""
    out: list[str] = []
    previous = ""
    for kind, text in _blocks(lines.nonblank_texts()):
        if out:
            out.append("\n" if kind == previous and kind in ("item", "row") else "\n\n")
        out.append(text)
        if kind == "row" and previous != "row":  # the delimiter row that makes the rows a table
            out.append("\n|" + "---|" * text.count(" | ") + "---|")
        previous = kind
    return "".join(out)


def _blocks(texts: list[str]) -> Iterator[tuple[str, str]]:
    """(kind, Markdown) of each line: `heading`, `item`, `row` or `paragraph`."""
    rows = table_rows(texts)
    for n, text in enumerate(texts):
        if n in rows:
            yield "row", "| " + " | ".join(rows[n]) + " |"
        elif found := _ATX.match(text):
            yield "heading", text
        elif found := LIST_ITEM.match(text):
            yield "item", (f"{found.group(1)}. " if found.group(1) else "- ") + text[found.end() :]
        elif _is_heading(texts, n):
            yield "heading", "#" * SECTION_LEVEL + " " + text
        else:
            yield "paragraph", _escaped(text)


def table_rows(texts: Sequence[str]) -> dict[int, list[str]]:
    """The cells of each line in a run of at least two lines that split into the same number
    (two or more) of `|`-separated cells: a table the scraper kept as text."""
    cells = [_cells(text) for text in texts]
    rows: dict[int, list[str]] = {}
    start = 0
    for n in range(1, len(texts) + 1):
        if n < len(texts) and len(cells[n]) >= 2 and len(cells[n]) == len(cells[start]):
            continue
        if n - start >= 2 and len(cells[start]) >= 2:
            rows.update((i, cells[i]) for i in range(start, n))
        start = n
    return rows


def _cells(text: str) -> list[str]:
    if "|" not in text:
        return []
    parts = [part.strip() for part in CELL_BORDER.split(text.strip())]
    if parts and not parts[0]:  # a row drawn with outer borders: `| a | b |`
        parts = parts[1:]
    if parts and not parts[-1]:
        parts = parts[:-1]
    return parts


def _is_heading(texts: list[str], n: int) -> bool:
    """A short line that ends no sentence, opens with a capital or a digit, and stands between
    two paragraphs of prose."""
    text = texts[n]
    if not 0 < n < len(texts) - 1 or _SENTENCE_END.search(text) or not (text[0].isupper() or text[0].isdigit()):
        return False
    return len(_WORD.findall(text)) <= HEADING_MAX_WORDS and _is_prose(texts[n - 1]) and _is_prose(texts[n + 1])


def _is_prose(text: str) -> bool:
    return len(_WORD.findall(text)) >= PARAGRAPH_MIN_WORDS and bool(_SENTENCE_END.search(text))


def _escaped(text: str) -> str:
    """A paragraph kept a paragraph where a Markdown reader would take it for another block (a
    year followed by a stop opens an ordered list; a lone `-`, `#`, `>` or a rule of dashes)."""
    if _LIST_NUMBER.match(text):
        return escape_number(text)
    return "\\" + text if _BLOCK_SIGN.match(text) else text
