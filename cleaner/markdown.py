"""The kept text as Markdown: headings, lists, tables and code blocks of the article kept as such.

The rules remove lines of plain text; the Markdown must lose exactly the blocks they removed. The
extractor renders its result both ways (trafilatura's text and its Markdown of the same result
tree), so each Markdown line is matched to the plain line it renders, in order, and kept when that
line was kept. Lines that only the Markdown has (a code fence) follow the block they frame. Where
there is no structured rendering (a text dump, a profile's `html.body`), the kept text is the
Markdown: one paragraph per block, as it is already written.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urljoin

from cleaner.lines import Lines
from cleaner.sweep import Swept, join_kept

_WORD = re.compile(r"\w+")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s?|(?:[-*+]|\d+[.)])\s+)+")
_LINK = re.compile(r"\[([^\]]*)\]\((?:<[^>]*>|[^)\s]*)\)")
_FENCE = re.compile(r"^(?:```|~~~)")
_DELIMITER_ROW = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
_PIPE = re.compile(r"(?<!\\)\|")


def render_markdown(lines: Lines, swept: Swept, structured: str | None) -> str:
    """The kept lines as Markdown; `structured` is the extractor's Markdown of `lines`, if any."""
    if not structured:
        return swept.text
    source = structured.splitlines()
    content = [i for i, line in enumerate(source) if line.strip() and not _FENCE.match(line.strip())]
    kept = set(swept.kept)
    plain = [_key(lines.texts[i]) for i in lines.nonblank]
    matcher = difflib.SequenceMatcher(None, [_key(source[i]) for i in content], plain, autojunk=False)
    keep: set[int] = set()
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        # both renderings come from one tree in one order: a run of lines that differ (a footnote
        # mark one of them spells out) but count the same is the same blocks, line for line
        if op == "equal" or (op == "replace" and a2 - a1 == b2 - b1):
            pairs = zip(range(a1, a2), range(b1, b2), strict=True)
            keep.update(content[a] for a, b in pairs if lines.nonblank[b] in kept)
    fences = _fences_of(source, keep)
    closing = set(sorted(fences)[1::2])  # a code block ends its paragraph
    return _with_table_heads(join_kept(source, sorted(keep | fences), apart=closing))


def _key(line: str) -> str:
    """What a line says, without its Markdown (block markers, link targets, escapes, inline code
    ticks and any other punctuation): its words, compared between the two renderings."""
    return " ".join(_WORD.findall(_PREFIX.sub("", _ESCAPED.sub(r"\1", _LINK.sub(r"\1", line.strip())))))


def _fences_of(source: list[str], keep: set[int]) -> set[int]:
    """The fence lines of every code block some of whose lines are kept."""
    fences = [i for i, line in enumerate(source) if _FENCE.match(line.strip())]
    found: set[int] = set()
    for opening, closing in zip(fences[::2], fences[1::2], strict=False):
        if any(opening < i < closing for i in keep):
            found |= {opening, closing}
    return found


def _with_table_heads(markdown: str) -> str:
    """Every table with a delimiter row under its first row: trafilatura draws one only under
    header cells (`<th>`), and rows without one are a paragraph of pipes to a Markdown reader."""
    lines = markdown.split("\n")
    out: list[str] = []
    in_code = False
    for n, line in enumerate(lines):
        out.append(line)
        in_code ^= bool(_FENCE.match(line))
        opens_a_table = not in_code and line.startswith("|") and (n == 0 or not lines[n - 1].startswith("|"))
        if opens_a_table and not (n + 1 < len(lines) and _DELIMITER_ROW.match(lines[n + 1])):
            out.append("|" + "---|" * max(1, len(_PIPE.findall(line.rstrip())) - 1))
    return "\n".join(out)


_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "blockquote", "figcaption"})
_MARKDOWN_SIGNS = re.compile(r"[\\`*_{}\[\]()#+!|<>]")


Links = dict[str, list[tuple[str, str]]]  # a block's words (`_key`) -> its links' (text, href), in order


def page_links(root: Any, url: str | None) -> Links:
    """The page's links by the text of the block that holds them (what `_key` makes of a
    rendered line): the links of the article's paragraphs, list items and cells, in order."""
    found: Links = {}
    for anchor in root.iter("a"):
        href, text = (anchor.get("href") or "").strip(), " ".join(anchor.text_content().split())
        if not text or not href or href.startswith(("#", "javascript:", "mailto:")) or _MARKDOWN_SIGNS.search(text):
            continue
        block = next((a for a in anchor.iterancestors() if a.tag in _BLOCKS), None)
        if block is not None:
            found.setdefault(_key(block.text_content()), []).append((text, urljoin(url, href) if url else href))
    return found


def with_links(markdown: str, links: Links) -> str:
    """Each line's link texts made Markdown links, where the line is a block that held them."""
    out = []
    for line in markdown.split("\n"):
        if line.startswith("|"):  # a table row: each cell is a block of its own
            out.append("|".join(_linked(cell, links.get(_key(cell), ())) for cell in _PIPE.split(line)))
        else:
            out.append(_linked(line, links.get(_key(line), ())))
    return "\n".join(out)


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
