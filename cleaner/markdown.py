"""The kept text as Markdown: headings, lists, tables and code blocks of the article kept as such.

The rules remove lines of plain text; the Markdown must lose exactly the blocks they removed. The
extractor renders its result both ways (trafilatura's text and its Markdown of the same result
tree, given what the page's own markup shows by `cleaner.page_markup`), so each Markdown line is
matched to the plain line it renders, in order, and kept when that line was kept; a line the
Markdown cut in two (a heading set apart from the text it ran into) goes with the line it was cut
from. Lines that only the Markdown has (a code fence) follow the block they frame. Where
there is no structured rendering (a text dump, a profile's `html.body`), the kept text is the
Markdown: one paragraph per block, as it is already written.
"""

from __future__ import annotations

import difflib
import re

from cleaner.lines import Lines
from cleaner.page_markup import CELL_BORDER, FENCE, line_key
from cleaner.sweep import Swept, join_kept

_DELIMITER_ROW = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+\s*$")


def render_markdown(lines: Lines, swept: Swept, structured: str | None) -> str:
    """The kept lines as Markdown; `structured` is the extractor's Markdown of `lines`, if any."""
    if not structured:
        return swept.text
    source = structured.splitlines()
    content = [i for i, line in enumerate(source) if line.strip() and not FENCE.match(line.strip())]
    kept = set(swept.kept)
    plain = [line_key(lines.texts[i]) for i in lines.nonblank]
    rendered = [line_key(source[i]) for i in content]
    matcher = difflib.SequenceMatcher(None, rendered, plain, autojunk=False)
    keep: set[int] = set()
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op in ("equal", "replace"):
            for a, renders in _renders(rendered[a1:a2], plain[b1:b2]):
                if renders and all(lines.nonblank[b1 + b] in kept for b in renders):
                    keep.add(content[a1 + a])
    fences = _fences_of(source, keep)
    closing = set(sorted(fences)[1::2])  # a code block ends its paragraph
    return _with_table_heads(join_kept(source, sorted(keep | fences), apart=closing))


def _renders(markdown: list[str], plain: list[str]) -> list[tuple[int, list[int]]]:
    """Which plain lines each Markdown line of a run renders (by their words, `line_key`), where
    the two runs are the same blocks. Both renderings come from one tree in one order: a run of
    lines that differ (a footnote mark one of them spells out) but count the same is the same
    blocks, line for line; runs that say the same words are the same blocks cut differently (a
    heading set apart from the text it ran into); other runs render nothing of each other."""
    if len(markdown) == len(plain):
        return [(n, [n]) for n in range(len(markdown))]
    if " ".join(filter(None, markdown)) != " ".join(filter(None, plain)):
        return []
    starts, at = [], 0  # the first word of each plain line, counted over the run
    for key in plain:
        starts.append(at)
        at += len(key.split())
    out, at = [], 0
    for n, key in enumerate(markdown):
        end = at + max(1, len(key.split()))  # a line without words goes with the line at its place
        out.append((n, [b for b, first in enumerate(starts) if first < end and first + len(plain[b].split()) > at]))
        at += len(key.split())
    return out


def _fences_of(source: list[str], keep: set[int]) -> set[int]:
    """The fence lines of every code block some of whose lines are kept."""
    fences = [i for i, line in enumerate(source) if FENCE.match(line.strip())]
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
        in_code ^= bool(FENCE.match(line))
        opens_a_table = not in_code and line.startswith("|") and (n == 0 or not lines[n - 1].startswith("|"))
        if opens_a_table and not (n + 1 < len(lines) and _DELIMITER_ROW.match(lines[n + 1])):
            out.append("|" + "---|" * max(1, len(CELL_BORDER.findall(line.rstrip())) - 1))
    return "\n".join(out)
