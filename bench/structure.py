"""Structure of the Markdown: headings, list items, table cells, links, quotes and code against the truth.

Set: ``../shared/bench/wcxb-dev/`` (591 pages; the truth's ``markdown`` is the article as Markdown;
the one page without it is left out). Pages are read and decoded by ``bench.realworld.load_set``.

Tools in the same run:
- ``cleaner``: ``cleaner.clean(html, url=url, markdown=True)``, its ``Result.markdown``; the row is
  left out (with a note) while ``cleaner.clean`` takes no ``markdown`` keyword. Its plain ``text``
  is scored too, beside the Markdown's stripped text (target: not lower);
- ``trafilatura``: ``trafilatura.extract(html, output_format="markdown", include_formatting=True,
  include_links=True, include_tables=True, url=url)``;
- ``html2text``: the whole page, ``body_width=0`` (no wrapping), ``baseurl=url``,
  ``ignore_images=True`` (images are not scored; their data URLs only cost time).

Both the truth and every output are parsed by markdown-it-py (CommonMark with GFM tables and
strikethrough) into typed blocks:
- heading: its inline text, with its level;
- list item: the text of the item's own paragraphs (a nested list's items are blocks of their
  own), with its depth (1 = top level); an item with no text of its own (only a sub-list) is none;
- table cell: each header and body cell's text, empty cells left out;
- link: ``(text, href)``, the href resolved against the page URL (scheme and host lowercased,
  trailing ``/`` dropped); a link without an href keeps ``""`` there; a link whose text is empty
  (an image link) is left out;
- quote: each paragraph, heading or item text inside a blockquote (a quote of two paragraphs is
  two blocks, so splitting or merging blockquotes costs nothing);
- code: each non-empty line of a fenced or indented code block (white space collapsed): lines are
  code's units, so a tool that splits or merges code blocks or drops blank lines inside them (as
  trafilatura does) is not punished, and a line counts whatever block it sits in.
Inline text is the text, inline code and inline HTML (as written: the truth writes placeholders
like ``<ESCAPE>`` unescaped) of the span; line breaks become spaces; images (alt text) are dropped.
A link's text is part of its heading's, cell's or item's text, and the link is a link block too.

Matching: block texts are normalised (NFKC, typographic quotes and dashes made plain, casefolded,
white space collapsed, punctuation and symbols stripped at both ends) and matched as multisets
within a page, by kind; a block that normalises to nothing is none. TP/FP/FN are summed
over pages (pooled) for precision, recall and F1. Headings' level agreement is the share of
matched headings that can be paired with a truth heading of the same text and the same level;
list items' depth agreement likewise (printed below the table).

Text: the Markdown with its markup stripped (every block's inline text, code and HTML blocks'
content, a line each) scored against the truth's ``text`` with ``bench/aeb_metric.py``'s 4-gram
shingle F1 (per page P/R averaged over pages, as ``bench/realworld.py`` scores text). As a check of
the stripping, the truth's own Markdown stripped the same way is scored against its ``text``.

Anchors' per-page Markdown is cached (``--cache``, keyed by tool, tool version and page id, with
``bench.realworld``'s cache helpers), so ``--only cleaner`` scores their rows from the cache
(marked "(cached)", no time).

Against the figures of issue 14 for trafilatura's Markdown (headings F1 0.78, levels 99.7%, list
items 0.56 with P 0.47, table cells 0.77, links 0.73, quotes 0.03, code 0.29), this scorer gives
on the full set headings 0.778 (levels 99.9%), list items 0.580 (P 0.483), links 0.721, quotes
0.028, code 0.311: near. Table cells are the exception: 0.582 (P 0.909, R 0.428). On 33 pages
trafilatura writes tables whose first row is of ``<td>`` cells (no ``<th>``) as ``| a | b |`` rows without the
``|---|`` delimiter row, which GFM (and so any Markdown renderer) reads as a paragraph of pipes,
not a table; read as tables, those rows would give 0.789, the issue's figure. The strict reading
is the score (it is what a Markdown consumer gets); the lenient one is printed below the table
(rows ``| ... |`` only, split on unescaped ``|``, for that note alone). The quote and dash
normalisation matters: without it list items score 0.515, since the truth often writes ``'`` and
``-`` where the page (and the tools) have ``’`` and ``—``.

Notes on the truth Markdown:
- the page title is seldom a ``#`` heading (73 level-1 headings in 590 pages) while both anchors
  keep the article's ``<h1>``, which costs heading precision;
- on 25 pages (157 lines) a paragraph follows a list item on the very next line, so CommonMark
  reads it (and on dev_2218 even a table) as a lazy continuation of the item: those items do not
  match anyone's items;
- some lists are written as bare lines without markers (dev_0267, dev_0375), so a tool's list
  there is all false positives; some headings are bold paragraphs (``**Why Earn ...?**``);
- some code is not fenced (dev_0435 indents terminal output; dev_2789 writes XML as raw HTML
  blocks, which CommonMark reads as HTML, not code: text only), and inside some fenced code the
  ``#`` comment markers are gone (dev_0426);
- a few links have an empty href (``[text]()``: 5) or a relative one (77), resolved as above;
- dev_4893 has no ``markdown`` (and no ``text``): left out.

Run from the repository root: ``python -m bench.structure [--only TOOL ...] [--limit N]
[--dump FILE] [--cache DIR]``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import inspect
import json
import logging
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import cleaner
from bench.aeb_metric import aggregate, page_counts, tokenize
from bench.realworld import CACHE_DIR as REALWORLD_CACHE
from bench.realworld import Output, Page, Tool, code_version, load_cache, load_set, run_tool, save_cache

SET = "wcxb-dev"
CACHE_DIR = REALWORLD_CACHE.with_name("structure")
KINDS = ("heading", "item", "cell", "link", "quote", "code")


# ---------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Block:
    """One typed block: its kind, its raw text, and its level (heading) or depth (list item)."""

    kind: str
    text: str
    level: int | None = None
    href: str | None = None


@dataclass
class Parsed:
    """A Markdown document as typed blocks and as plain text."""

    blocks: list[Block] = field(default_factory=list)
    plain: str = ""

    def of(self, kind: str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]


@functools.cache
def _parser():
    """CommonMark with GFM tables and strikethrough."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def inline_text(children: Iterable) -> tuple[str, list[tuple[str, str | None]]]:
    """The visible text of an inline token's children, and its links as (text, href)."""
    parts: list[str] = []
    links: list[tuple[str, str | None]] = []
    open_links: list[tuple[int, str | None]] = []  # (index in parts where the link text starts, href)
    for tok in children:
        if tok.type in ("text", "code_inline", "html_inline"):
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif tok.type == "link_open":
            open_links.append((len(parts), tok.attrs.get("href")))
        elif tok.type == "link_close" and open_links:
            start, href = open_links.pop()
            links.append(("".join(parts[start:]), href))
    return "".join(parts), links


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def pipe_cells(source: str) -> list[str]:
    """A paragraph of ``| a | b |`` rows only (a table without its delimiter row, which GFM reads as a
    paragraph): its cells, for the note on such rows; any other paragraph: none."""
    lines = source.splitlines()
    if not lines or not all(_PIPE_ROW.match(line) for line in lines):
        return []
    cells = (cell for line in lines for cell in re.split(r"(?<!\\)\|", line.strip()[1:-1]))
    return [cell for cell in cells if normalise(cell)]


def parse_blocks(markdown: str | None, base_url: str | None = None) -> Parsed:
    """Typed blocks and plain text of a Markdown document (see the module docstring for what counts)."""
    reader = _Reader(base_url)
    for tok in _parser().parse(markdown or ""):
        handler = getattr(reader, tok.type, None)
        if handler is not None:
            handler(tok)
    reader.out.plain = "\n".join(reader.plain)
    return reader.out


class _Reader:
    """One walk over markdown-it's token stream: a method per token type that matters."""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url
        self.out = Parsed()
        self.plain: list[str] = []
        self.lists = 0  # open lists
        self.quotes = 0  # open blockquotes
        self.items: list[list[str]] = []  # per open list item, its own paragraphs' text
        self.context: list[str] = []  # the open heading / paragraph / cell the next inline belongs to
        self.level = 0  # of the open heading

    def bullet_list_open(self, tok) -> None:
        self.lists += 1

    def bullet_list_close(self, tok) -> None:
        self.lists -= 1

    ordered_list_open, ordered_list_close = bullet_list_open, bullet_list_close

    def blockquote_open(self, tok) -> None:
        self.quotes += 1

    def blockquote_close(self, tok) -> None:
        self.quotes -= 1

    def list_item_open(self, tok) -> None:
        self.items.append([])

    def list_item_close(self, tok) -> None:
        text = " ".join(self.items.pop())
        if normalise(text):
            self.out.blocks.append(Block("item", text, self.lists))

    def heading_open(self, tok) -> None:
        self.level = int(tok.tag[1:])
        self.context.append("heading")

    def th_open(self, tok) -> None:
        self.context.append("cell")

    def paragraph_open(self, tok) -> None:
        self.context.append("paragraph")

    def heading_close(self, tok) -> None:
        self.context.pop()

    td_open = th_open
    th_close = td_close = paragraph_close = heading_close

    def fence(self, tok) -> None:
        self.plain.append(tok.content)
        for line in tok.content.splitlines():
            if normalise(line):
                self.out.blocks.append(Block("code", " ".join(line.split())))

    code_block = fence

    def html_block(self, tok) -> None:
        self.plain.append(tok.content)

    def inline(self, tok) -> None:
        """File one inline span under its block kind(s) and its links; a span of only punctuation,
        symbols or space is none."""
        where = self.context[-1] if self.context else "paragraph"
        text, links = inline_text(tok.children or [])
        self.plain.append(text)
        blocks = self.out.blocks
        if where == "heading" and normalise(text):
            blocks.append(Block("heading", text, self.level))
        elif where == "cell" and normalise(text):
            blocks.append(Block("cell", text))
        elif where == "paragraph":
            blocks.extend(Block("pipe-cell", cell) for cell in pipe_cells(tok.content))
            if self.items:
                self.items[-1].append(text)
        if self.quotes and normalise(text):
            blocks.append(Block("quote", text))
        for link_text, href in links:
            if normalise(link_text):
                blocks.append(Block("link", link_text, href=normalise_href(href, self.base_url)))


# ---------------------------------------------------------------- matching


def _is_edge(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PS"


_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "‐": "-"})


def normalise(text: str) -> str:
    """NFKC, typographic quotes and dashes made plain, casefolded, white space collapsed,
    punctuation and symbols stripped at both ends."""
    text = " ".join(unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY).casefold().split())
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return text[start:end]


def normalise_href(href: str | None, base_url: str | None) -> str:
    """The href resolved against the page URL, scheme and host lowercased, trailing ``/`` dropped."""
    href = (href or "").strip()
    if not href:
        return ""
    if base_url:
        with contextlib.suppress(ValueError):
            href = urljoin(base_url, href)
    try:
        parts = urlsplit(href)
    except ValueError:
        return href
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, parts.fragment))


def block_key(block: Block) -> str | tuple[str, str]:
    """What two blocks of a kind must share to match."""
    if block.kind == "link":
        return (normalise(block.text), block.href or "")
    return normalise(block.text)


@dataclass
class Counts:
    """TP/FP/FN of one kind (on a page or pooled), and matched pairs that agree on level or depth."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    same: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp, self.fp, self.fn, self.same = (
            self.tp + other.tp,
            self.fp + other.fp,
            self.fn + other.fn,
            self.same + other.same,
        )
        return self

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None

    @property
    def agreement(self) -> float | None:
        return self.same / self.tp if self.tp else None


def match(truth: list[Block], pred: list[Block]) -> Counts:
    """Multiset matching of one kind's blocks on one page; ``same``: matched pairs with equal level."""
    want = Counter(k for k in map(block_key, truth) if k)
    got = Counter(k for k in map(block_key, pred) if k)
    tp = sum((want & got).values())
    by_level_want = Counter((block_key(b), b.level) for b in truth if block_key(b))
    by_level_got = Counter((block_key(b), b.level) for b in pred if block_key(b))
    same = sum((by_level_want & by_level_got).values())
    return Counts(tp, sum(got.values()) - tp, sum(want.values()) - tp, same)


def score_page(truth: Parsed, pred: Parsed) -> dict[str, Counts]:
    """Per kind, the page's counts."""
    return {kind: match(truth.of(kind), pred.of(kind)) for kind in KINDS}


# ---------------------------------------------------------------- tools


@dataclass
class MarkdownOutput(Output):
    """A tool's Markdown in ``text``; for cleaner also its plain ``text`` in ``plain``."""

    plain: str | None = None


_RULES: list[cleaner.Rulebook] = []


def cleaner_has_markdown() -> bool:
    """Whether ``cleaner.clean`` takes ``markdown=``."""
    return "markdown" in inspect.signature(cleaner.clean).parameters


def run_cleaner(html: str, url: str | None) -> Output:
    """``cleaner.clean(..., markdown=True)`` with the bundled rulebook, loaded once."""
    if not _RULES:
        _RULES.append(cleaner.load_rulebook())
    result = cleaner.clean(html, url=url, rules=_RULES[0], markdown=True)
    if result.error:
        raise RuntimeError(f"{result.error.get('kind')}: {result.error.get('message')}")
    return MarkdownOutput(text=result.markdown or "", plain=result.text or "")


def run_trafilatura(html: str, url: str | None) -> Output:
    """trafilatura's Markdown, formatting, links and tables on."""
    import trafilatura

    markdown = trafilatura.extract(
        html,
        output_format="markdown",
        include_formatting=True,
        include_links=True,
        include_tables=True,
        url=url,
    )
    return Output(text=markdown or "")


def run_html2text(html: str, url: str | None) -> Output:
    """html2text of the whole page, unwrapped, images left out."""
    import html2text

    converter = html2text.HTML2Text(baseurl=url or "")
    converter.body_width = 0
    converter.ignore_images = True
    return Output(text=converter.handle(html))


TOOLS = (
    Tool("cleaner", run_cleaner, (), ("cleaner",)),
    Tool("trafilatura", run_trafilatura, (), ("trafilatura",)),
    Tool("html2text", run_html2text, (), ("html2text",)),
)


# ---------------------------------------------------------------- one run


@dataclass
class Row:
    """A tool's scores on the set."""

    tool: Tool
    outputs: dict[str, Output]
    cached: bool
    pooled: dict[str, Counts] = field(default_factory=dict)
    pages: dict[str, dict[str, Counts]] = field(default_factory=dict)
    text: dict = field(default_factory=dict)
    text_pages: dict[str, dict] = field(default_factory=dict)
    plain_text: dict | None = None  # cleaner: its plain ``text`` F1
    pipe_pages: int = 0  # pages with pipe rows that are no GFM table
    pipe_cells: Counts = field(default_factory=lambda: Counts())  # cells, those rows read as a table

    @property
    def seconds(self) -> float:
        return sum(out.seconds for out in self.outputs.values())

    @property
    def failures(self) -> list[str]:
        return [page_id for page_id, out in self.outputs.items() if out.error]


def text_f1(pages: list[Page], texts: dict[str, str]) -> tuple[dict, dict[str, dict]]:
    """The 4-gram shingle scores of the texts against the truth ``text`` (pages without it skipped)."""
    all_counts, all_exact, per_page = [], [], {}
    for page in pages:
        if "text" not in page.truth:
            continue
        true, pred = page.truth["text"], texts[page.id]
        counts = page_counts(true, pred)
        all_counts.append(counts)
        all_exact.append(tokenize(true) == tokenize(pred))
        per_page[page.id] = aggregate([counts], [all_exact[-1]])
    return aggregate(all_counts, all_exact), per_page


def score_row(row: Row, pages: list[Page], truths: dict[str, Parsed]) -> None:
    """Fill the row's pooled and per-page structure counts and its text scores."""
    row.pooled = {kind: Counts() for kind in KINDS}
    stripped: dict[str, str] = {}
    for page in pages:
        parsed = parse_blocks(row.outputs[page.id].text, page.url)
        stripped[page.id] = parsed.plain
        row.pages[page.id] = score_page(truths[page.id], parsed)
        for kind in KINDS:
            row.pooled[kind] += row.pages[page.id][kind]
        pipes = parsed.of("pipe-cell")
        row.pipe_pages += bool(pipes)
        row.pipe_cells += match(truths[page.id].of("cell"), parsed.of("cell") + pipes)
    row.text, row.text_pages = text_f1(pages, stripped)
    plains = {page_id: getattr(out, "plain", None) for page_id, out in row.outputs.items()}
    if all(p is not None for p in plains.values()):
        row.plain_text = text_f1(pages, {k: v or "" for k, v in plains.items()})[0]


def evaluate(pages: list[Page], run: set[str], cache) -> list[Row]:
    """Run (or load from the cache) every tool and score it."""
    truths = {page.id: parse_blocks(page.truth["markdown"], page.url) for page in pages}
    ids = [page.id for page in pages]
    rows = []
    for tool in TOOLS:
        if tool.name == "cleaner":
            if tool.name not in run:
                continue  # never cached: it is the code under change
            if not cleaner_has_markdown():
                print("note: cleaner.clean takes no markdown= yet; cleaner row left out", file=sys.stderr)
                continue
        if tool.name in run:
            print(f"  running {tool.name} on {len(pages)} pages", file=sys.stderr, flush=True)
            outputs, cached = run_tool(tool, pages), False
            if tool.name != "cleaner":
                save_cache(cache, tool, SET, outputs)
        else:
            outputs, cached = load_cache(cache, tool, SET, ids), True
            if outputs is None:
                print(f"note: no cached {tool.name}@{tool.version()} for these pages; row left out", file=sys.stderr)
                continue
        row = Row(tool, outputs, cached)
        score_row(row, pages, truths)
        rows.append(row)
    return rows


# ---------------------------------------------------------------- printing


def _cell(value: float | None, width: int = 6) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:>{width}.3f}"


def _pct(value: float | None, width: int = 7) -> str:
    return f"{'-':>{width}}" if value is None else f"{100 * value:>{width - 1}.1f}%"


def _prf(c: Counts) -> str:
    return _cell(c.precision) + _cell(c.recall) + _cell(c.f1)


HEADER = (
    f"{'':<22}{'headings':^25}{'list items':^18}{'table cells':^18}{'links':^18}"
    f"{'quotes':>7}{'code':>7}{'text':>7}{'':>8}\n"
    f"{'tool':<22}{'P':>6}{'R':>6}{'F1':>6}{'level':>7}"
    + f"{'P':>6}{'R':>6}{'F1':>6}" * 3
    + f"{'F1':>7}" * 3
    + f"{'s/page':>8}"
)


def print_table(pages: list[Page], truths_count: dict[str, int], rows: list[Row]) -> None:
    """The tool x kind table, then notes: truth counts, depth agreement, cleaner's text F1s, failures."""
    print(f"\n== {SET}: {len(pages)} pages with truth Markdown; pooled P/R/F1 of blocks; text: 4-gram shingle F1")
    print(HEADER)
    for row in rows:
        p = row.pooled
        label = row.tool.name + (" (cached)" if row.cached else "")
        secs = f"{'-':>8}" if row.cached else f"{row.seconds / len(pages):>8.4f}"
        print(
            f"{label:<22}{_prf(p['heading'])}{_pct(p['heading'].agreement)}{_prf(p['item'])}{_prf(p['cell'])}"
            f"{_prf(p['link'])}{_cell(p['quote'].f1, 7)}{_cell(p['code'].f1, 7)}{_cell(row.text.get('f1'), 7)}{secs}"
        )
    print("truth blocks: " + ", ".join(f"{kind} {n}" for kind, n in truths_count.items()))
    for row in rows:
        print(f"  {row.tool.name}: list items at the truth's depth {_pct(row.pooled['item'].agreement, 0)} of matched")
        if row.pipe_pages:
            print(
                f"  {row.tool.name}: rows of | cells | without a delimiter row (a paragraph to GFM) on {row.pipe_pages}"
                f" pages; read as tables, table cells P/R/F1 would be{_prf(row.pipe_cells)}"
            )
        if row.plain_text is not None:
            print(
                f"  {row.tool.name}: text F1 of its plain text {row.plain_text['f1']:.3f}, "
                f"of its Markdown stripped {row.text['f1']:.3f} (target: not lower)"
            )
        if row.failures:
            first = row.outputs[row.failures[0]].error
            print(f"  {row.tool.name} failed on {len(row.failures)} pages, e.g. {row.failures[0]}: {first}")


def dump_rows(handle, pages: list[Page], rows: list[Row]) -> None:
    """One JSON line per page per tool: counts per kind, text scores, time, error."""
    for row in rows:
        for page in pages:
            out, counts = row.outputs[page.id], row.pages[page.id]
            record = {
                "id": page.id,
                "tool": row.tool.name,
                "cached": row.cached,
                **{kind: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "same": c.same} for kind, c in counts.items()},
                "text": row.text_pages.get(page.id),
                "chars": len(out.text),
                "seconds": out.seconds,
                "error": out.error,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="TOOL", choices=[t.name for t in TOOLS], help="tools to run")
    parser.add_argument("--limit", type=int, help="the first N pages, by id")
    parser.add_argument("--dump", type=argparse.FileType("w", encoding="utf-8"), help="JSON Lines: a row per page")
    parser.add_argument("--cache", type=Path, default=CACHE_DIR, help="anchors' per-page Markdown")
    args = parser.parse_args(argv)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    started = time.perf_counter()
    print(f"cleaner at {code_version()}", flush=True)
    pages = [p for p in load_set(SET, args.limit) if p.truth.get("markdown")]
    rows = evaluate(pages, set(args.only or [t.name for t in TOOLS]), args.cache)
    truth = {p.id: parse_blocks(p.truth["markdown"], p.url) for p in pages}
    counts = {kind: sum(len(t.of(kind)) for t in truth.values()) for kind in KINDS}
    print_table(pages, counts, rows)
    check = text_f1(pages, {page_id: t.plain for page_id, t in truth.items()})[0]
    print(f"  check: the truth's Markdown stripped vs its text: F1 {check['f1']:.3f}")
    if args.dump:
        with args.dump as handle:
            dump_rows(handle, pages, rows)
    print(f"\nrun time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
