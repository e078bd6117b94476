"""Real-world pages: cleaner beside its anchors on three benchmark sets, text and metadata, in one run.

Sets (../shared/bench/, see each README): ``aeb`` (181 news articles, truth: article text),
``wcxb-dev`` (591 articles of all kinds, truth: text, title, author, date) and
``trafilatura-eval`` (990 pages, truth: snippets that must / must not be in the text, title,
author, date). Tools: ``cleaner`` (generic rulebook), ``trafilatura`` (``bare_extraction`` with
metadata, default settings), ``trafilatura-precision`` (``favor_precision=True``),
``readability-lxml`` (summary to text with html-text, ``short_title``) and ``resiliparse``
(``extract_plain_text(main_content=True)``, title from its parsed tree).

Every page is gunzipped and decoded once with ``cleaner.web.decode.decode_html`` before any
clock starts; all tools get that same ``str``. A tool call that raises gives empty output and
is counted as a failure (so is a cleaner Result with ``error`` set).

Metrics:
- text on ``aeb`` and ``wcxb-dev``: the 4-gram shingle P/R/F1 of ``bench/aeb_metric.py``
  (wcxb: against truth ``text``; its one page without ``text`` is left out of text scores);
- text on ``trafilatura-eval``: the set's snippet metric, matched as trafilatura's own evaluation
  does it (adbar/trafilatura ``tests/eval_common.py``: ``count_item``/``norm``): every run of
  white space in both the snippet and the output becomes one space and both are stripped, then a
  plain, case-sensitive substring test; no output counts every ``with`` snippet as FN and every
  ``without`` as TN. TP/FP/FN/TN are summed over all snippets of all pages; per-page F1 (for
  collapsed pages) is 2TP / (2TP + FP + FN) of that page;
- collapsed pages: the tool's page F1 < 0.5 while another tool in the table scores > 0.8;
- author / date / title accuracy on the pages whose truth has the key (``null`` = the page has
  none: answering nothing is right there; "none" columns = that share alone). Authors: sets of
  name tokens (NFKD accents stripped, casefolded, punctuation to spaces, the words by, von, par,
  por, de, and, und, et, y dropped); dates: the same YYYY-MM-DD day (the first Y-M-D in the
  string, so ``2022-01.26`` in the truth still reads); titles: equal after that normalisation;
- time: seconds per page of the tool call alone, one process. For cleaner, the ratio to
  trafilatura's ``bare_extraction`` (text and metadata) and to ``trafilatura.extract`` (text only,
  timed in an extra pass over the same pages whenever the ``trafilatura`` row runs).

Anchors' per-page outputs are cached (``--cache``, keyed by tool, tool version, set, page id), so
``--only cleaner`` still scores their rows (marked "(cached)"), collapsed pages and deltas.

Run from the repository root: ``python -m bench.realworld [--only NAME ...] [--sets NAME ...]
[--limit N] [--dump FILE] [--cache DIR]``.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import logging
import math
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path

import cleaner
from bench.aeb_metric import aggregate, page_counts, tokenize
from cleaner.errors import PageError
from cleaner.web.decode import decode_html

BENCH_DIR = Path(__file__).resolve().parents[2] / "shared" / "bench"
SETS = ("aeb", "wcxb-dev", "trafilatura-eval")
SNIPPET_SETS = {"trafilatura-eval"}
CACHE_DIR = Path(__file__).with_name(".cache") / "realworld"
FIELDS = ("author", "date", "title")
COLLAPSE_BELOW, OTHER_ABOVE = 0.5, 0.8


# ---------------------------------------------------------------- pages


@dataclass
class Page:
    """One page of a set: its decoded markup and its truth (only the keys the set annotates)."""

    set: str
    id: str
    url: str | None
    html: str
    truth: dict


def load_set(name: str, limit: int | None = None) -> list[Page]:
    """The set's pages sorted by id (the first ``limit``), decoded once."""
    folder = BENCH_DIR / name
    if name == "aeb":
        truths = {
            k: {"text": v["articleBody"], "url": v.get("url")}
            for k, v in _read_json(folder / "ground-truth.json").items()
        }
    else:
        truths = {p.stem: _read_json(p) for p in (folder / "truth").glob("*.json")}
    ids = sorted(truths)[:limit] if limit else sorted(truths)
    pages = []
    for page_id in ids:
        raw = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        truth = truths[page_id]
        pages.append(Page(name, page_id, truth.get("url"), _decode(raw, f"{name}/{page_id}"), truth))
    return pages


def _decode(raw: bytes, label: str) -> str:
    """``decode_html``; a page it refuses is read as UTF-8 with replacements (and said so)."""
    try:
        return decode_html(raw)
    except PageError as exc:
        print(f"  {label}: decode_html refused it ({exc}); read as UTF-8 with replacements", file=sys.stderr)
        return raw.decode("utf-8", errors="replace")


def code_version() -> str:
    """The repository commit the cleaner rows come from, and whether cleaner/ or rules/ differ from it."""
    repo = Path(__file__).resolve().parents[1]
    try:
        head = subprocess.run(["git", "-C", repo, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        dirty = subprocess.run(
            ["git", "-C", repo, "status", "--porcelain", "cleaner", "rules"], capture_output=True, text=True
        )
    except OSError:
        return "unknown"
    return head.stdout.strip() + (" + uncommitted changes in cleaner/ or rules/" if dirty.stdout.strip() else "")


def _read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- tools


@dataclass
class Output:
    """What a tool gave on one page; ``None`` in a metadata field the tool does not give."""

    text: str = ""
    authors: list[str] | None = None
    date: str | None = None
    title: str | None = None
    confidence: float | None = None
    seconds: float = 0.0
    error: str | None = None


_RULES: list[cleaner.Rulebook] = []


def run_cleaner(html: str, url: str | None) -> Output:
    """``cleaner.clean`` with the bundled rulebook, loaded once."""
    if not _RULES:
        _RULES.append(cleaner.load_rulebook())
    result = cleaner.clean(html, url=url, rules=_RULES[0])
    if result.error:
        raise RuntimeError(f"{result.error.get('kind')}: {result.error.get('message')}")
    return Output(
        text=result.text,
        authors=list(result.authors),
        date=result.date,
        title=result.title,
        confidence=getattr(result, "confidence", None),
    )


def _trafilatura(html: str, url: str | None, **options) -> Output:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, **options)
    if doc is None:
        return Output(authors=[])
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return Output(text=doc.text or "", authors=authors, date=doc.date, title=doc.title)


def run_trafilatura(html: str, url: str | None) -> Output:
    """trafilatura's defaults, text and metadata in one call."""
    return _trafilatura(html, url)


def run_trafilatura_precision(html: str, url: str | None) -> Output:
    """trafilatura with ``favor_precision=True``."""
    return _trafilatura(html, url, favor_precision=True)


def run_trafilatura_extract(html: str, url: str | None) -> str:
    """trafilatura's text-only call: timed, not scored."""
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def run_readability(html: str, url: str | None) -> Output:
    """readability-lxml's summary as text (html-text), and its short title."""
    import html_text
    from readability import Document

    doc = Document(html)
    return Output(text=html_text.extract_text(doc.summary(html_partial=True)), title=doc.short_title())


def run_resiliparse(html: str, url: str | None) -> Output:
    """resiliparse main-content text; the title from the same parsed tree."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse(html)
    return Output(text=extract_plain_text(tree, main_content=True), title=tree.title or None)


@dataclass(frozen=True)
class Tool:
    """A row of the tables: how to run it, the metadata it gives, the packages its version names."""

    name: str
    run: Callable[[str, str | None], Output]
    fields: tuple[str, ...]
    packages: tuple[str, ...]

    def version(self) -> str:
        return "+".join(f"{p}-{version(p)}" for p in self.packages)


TOOLS = (
    Tool("cleaner", run_cleaner, FIELDS, ("cleaner",)),
    Tool("trafilatura", run_trafilatura, FIELDS, ("trafilatura",)),
    Tool("trafilatura-precision", run_trafilatura_precision, FIELDS, ("trafilatura",)),
    Tool("readability-lxml", run_readability, ("title",), ("readability-lxml", "html-text")),
    Tool("resiliparse", run_resiliparse, ("title",), ("resiliparse",)),
)


def timed_call(run: Callable[[str, str | None], Output], page: Page) -> Output:
    """One tool call, timed; an exception gives empty output with the error recorded."""
    start = time.perf_counter()
    try:
        out = run(page.html, page.url)
    except Exception as exc:  # any failure of a tool on a page is data, not a crash
        out = Output(error=f"{type(exc).__name__}: {exc}"[:300])
    out.seconds = time.perf_counter() - start
    return out


def run_tool(tool: Tool, pages: list[Page]) -> dict[str, Output]:
    """The tool on every page (one untimed warm-up call first, for imports and caches)."""
    timed_call(tool.run, pages[0])
    return {page.id: timed_call(tool.run, page) for page in pages}


def time_extract_only(pages: list[Page]) -> float:
    """Total seconds of ``trafilatura.extract`` (text only) over the pages."""
    run_trafilatura_extract(pages[0].html, pages[0].url)
    total = 0.0
    for page in pages:
        start = time.perf_counter()
        with contextlib.suppress(Exception):  # timed only; the scored row already counts failures
            run_trafilatura_extract(page.html, page.url)
        total += time.perf_counter() - start
    return total


# ---------------------------------------------------------------- cache


def cache_file(cache: Path, tool: Tool, set_name: str) -> Path:
    """Where a tool's outputs on a set are kept, by tool name and version."""
    return cache / f"{tool.name}@{tool.version()}" / f"{set_name}.json"


def save_cache(cache: Path, tool: Tool, set_name: str, outputs: dict[str, Output]) -> None:
    """Store (merge into) the tool's cached outputs on the set."""
    path = cache_file(cache, tool, set_name)
    stored = _read_json(path) if path.exists() else {}
    stored.update({page_id: asdict(out) for page_id, out in outputs.items()})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")


def load_cache(cache: Path, tool: Tool, set_name: str, ids: list[str]) -> dict[str, Output] | None:
    """The cached outputs for exactly these pages, or None if any is missing."""
    path = cache_file(cache, tool, set_name)
    stored = _read_json(path) if path.exists() else {}
    if any(page_id not in stored for page_id in ids):
        return None
    return {page_id: Output(**stored[page_id]) for page_id in ids}


# ---------------------------------------------------------------- text metrics


def _norm_ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def snippet_counts(truth: dict, text: str) -> tuple[int, int, int, int]:
    """(TP, FP, FN, TN) of one page's with/without snippets, as trafilatura's evaluation counts."""
    output = _norm_ws(text) if text else None
    tp = sum(1 for s in truth["with"] if output is not None and _norm_ws(s) in output)
    fp = sum(1 for s in truth["without"] if output is not None and _norm_ws(s) in output)
    return tp, fp, len(truth["with"]) - tp, len(truth["without"]) - fp


def snippet_scores(tp: int, fp: int, fn: int, tn: int) -> dict[str, float]:
    """Precision, recall, F1 and accuracy of summed snippet counts (0 on an empty denominator)."""
    return {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
        "accuracy": (tp + tn) / (tp + fp + fn + tn) if tp + fp + fn + tn else 0.0,
    }


def text_scores(set_name: str, pages: list[Page], outputs: dict[str, Output]) -> tuple[dict, dict[str, dict]]:
    """The set's text scores and each scored page's own P/R/F1 (pages without truth text skipped)."""
    per_page: dict[str, dict] = {}
    if set_name in SNIPPET_SETS:
        totals = [0, 0, 0, 0]
        for page in pages:
            counts = snippet_counts(page.truth, outputs[page.id].text)
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
            per_page[page.id] = snippet_scores(*counts)
        return snippet_scores(*totals), per_page
    all_counts, all_exact = [], []
    for page in pages:
        if "text" not in page.truth:
            continue
        true, pred = page.truth["text"], outputs[page.id].text
        counts, exact = page_counts(true, pred), tokenize(true) == tokenize(pred)
        all_counts.append(counts)
        all_exact.append(exact)
        per_page[page.id] = aggregate([counts], [exact])
    return aggregate(all_counts, all_exact), per_page


def collapsed(per_page: dict[str, dict[str, dict]]) -> dict[str, list[str]]:
    """Per tool, the pages it gets below 0.5 F1 while some other tool gets above 0.8."""
    found: dict[str, list[str]] = {tool: [] for tool in per_page}
    for tool, pages in per_page.items():
        for page_id, scores in pages.items():
            others = (per_page[t][page_id]["f1"] for t in per_page if t != tool and page_id in per_page[t])
            if scores["f1"] < COLLAPSE_BELOW and any(f1 > OTHER_ABOVE for f1 in others):
                found[tool].append(page_id)
    return found


# ---------------------------------------------------------------- metadata metrics

_DROP_WORDS = frozenset({"by", "von", "par", "por", "de", "and", "und", "et", "y"})


def _fold(text: str) -> str:
    """Accents stripped, casefolded, punctuation to spaces, white space collapsed."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]|_", " ", plain.casefold()).split())


def author_key(authors: str | Iterable[str] | None) -> frozenset[str]:
    """The set of name tokens, prefixes and separators dropped (empty: no author)."""
    names = [authors] if isinstance(authors, str) else list(authors or [])
    return frozenset(w for name in names for w in _fold(name).split() if w not in _DROP_WORDS)


def date_key(date: str | None) -> str | None:
    """The first year-month-day in the string as YYYY-MM-DD, '?' if it has none, None if empty."""
    if not date or not date.strip():
        return None
    match = re.search(r"(\d{4})\D(\d{1,2})\D(\d{1,2})", date)
    return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}" if match else "?"


def title_key(title: str | None) -> str | None:
    """The title normalised for comparison (None: no title)."""
    return (_fold(title) or None) if title else None


def field_keys(name: str, truth_value, out: Output) -> tuple:
    """(truth key, predicted key) of one metadata field, comparable with ``==``."""
    if name == "author":
        return author_key(truth_value) or None, author_key(out.authors) or None
    if name == "date":
        return date_key(truth_value), date_key(out.date)
    return title_key(truth_value), title_key(out.title)


def predicted(name: str, out: Output):
    """The raw predicted value of a metadata field, for the dump."""
    return {"author": out.authors, "date": out.date, "title": out.title}[name]


def metadata_checks(
    tool: Tool, pages: list[Page], outputs: dict[str, Output]
) -> dict[str, dict[str, tuple[bool, bool]]]:
    """Per field, per annotated page: (right, truth is null)."""
    checks: dict[str, dict[str, tuple[bool, bool]]] = {}
    for name in tool.fields:
        checks[name] = {}
        for page in pages:
            if name not in page.truth:
                continue
            want, got = field_keys(name, page.truth[name], outputs[page.id])
            checks[name][page.id] = (want == got, want is None)
    return checks


# ---------------------------------------------------------------- one set


@dataclass
class Row:
    """A tool's results on one set."""

    tool: Tool
    outputs: dict[str, Output]
    cached: bool
    text: dict = field(default_factory=dict)
    pages: dict[str, dict] = field(default_factory=dict)
    meta: dict[str, dict[str, tuple[bool, bool]]] = field(default_factory=dict)
    collapsed: list[str] = field(default_factory=list)

    @property
    def failures(self) -> list[str]:
        return [page_id for page_id, out in self.outputs.items() if out.error]

    @property
    def empty(self) -> int:
        return sum(1 for out in self.outputs.values() if not out.error and not out.text.strip())

    @property
    def seconds(self) -> float:
        return sum(out.seconds for out in self.outputs.values())


def evaluate_set(
    set_name: str, pages: list[Page], tools: list[Tool], run: set[str], cache: Path
) -> tuple[list[Row], float | None]:
    """Run (or load from cache) every tool on the set and score it; also trafilatura.extract's time."""
    rows: list[Row] = []
    extract_seconds = None
    ids = [page.id for page in pages]
    for tool in tools:
        if tool.name == "cleaner" and tool.name not in run:
            continue  # never cached: it is the code under change
        if tool.name in run:
            print(f"  {set_name}: running {tool.name} on {len(pages)} pages", file=sys.stderr, flush=True)
            outputs, cached = run_tool(tool, pages), False
            if tool.name != "cleaner":
                save_cache(cache, tool, set_name, outputs)
            if tool.name == "trafilatura":
                extract_seconds = time_extract_only(pages)
        else:
            outputs, cached = load_cache(cache, tool, set_name, ids), True
            if outputs is None:
                print(
                    f"  {set_name}: no cached {tool.name}@{tool.version()} for these pages; row left out",
                    file=sys.stderr,
                )
                continue
        row = Row(tool, outputs, cached)
        row.text, row.pages = text_scores(set_name, pages, outputs)
        row.meta = metadata_checks(tool, pages, outputs)
        rows.append(row)
    found = collapsed({r.tool.name: r.pages for r in rows})
    for row in rows:
        row.collapsed = found[row.tool.name]
    return rows, extract_seconds


# ---------------------------------------------------------------- printing


def _acc(checks: dict[str, tuple[bool, bool]] | None, null_only: bool = False) -> float | None:
    values = [right for right, null in (checks or {}).values() if null or not null_only]
    return statistics.fmean(values) if values else None


def _cell(value: float | None, width: int = 7, signed: bool = False) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return f"{'-':>{width}}"
    return f"{value:>+{width}.3f}" if signed else f"{value:>{width}.3f}"


HEADER = (
    f"{'tool':<32}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}{'coll':>6}"
    f"{'author':>8}{'date':>7}{'title':>7}{'none:a':>8}{'none:d':>7}{'none:t':>7}{'fail':>6}{'empty':>6}{'s/page':>8}"
)


def print_row(label: str, text: dict, coll: int, meta: dict, fail: int, empty: int, per_page: float | None) -> None:
    """One line of a table."""
    cells = "".join(_cell(text.get(k)) for k in ("precision", "recall", "f1", "accuracy"))
    accs = "".join(_cell(_acc(meta.get(f)), 8 if f == "author" else 7) for f in FIELDS)
    nones = "".join(_cell(_acc(meta.get(f), null_only=True), 8 if f == "author" else 7) for f in FIELDS)
    secs = f"{per_page:>8.4f}" if per_page is not None else f"{'-':>8}"
    print(f"{label:<32}{cells}{coll:>6}{accs}{nones}{fail:>6}{empty:>6}{secs}")


def annotated_line(pages: list[Page]) -> str:
    """How many pages annotate each metadata field, and how many of those say 'none'."""
    parts = []
    for name in FIELDS:
        have = [p for p in pages if name in p.truth]
        nulls = sum(1 for p in have if field_keys(name, p.truth[name], Output())[0] is None)
        parts.append(f"{name} {len(have)} ({nulls} none)")
    return "annotated: " + ", ".join(parts)


def print_set(set_name: str, pages: list[Page], rows: list[Row], extract_seconds: float | None) -> None:
    """The set's table, failures, cleaner's deltas and time ratios, confidence correlation."""
    metric = "snippets" if set_name in SNIPPET_SETS else "4-gram shingles"
    scored = len(rows[0].pages) if rows else 0
    print(f"\n== {set_name}: {len(pages)} pages, text by {metric} on {scored}; {annotated_line(pages)}")
    print(HEADER)
    for row in rows:
        label = row.tool.name + (" (cached)" if row.cached else "")
        per_page = None if row.cached else row.seconds / len(pages)
        print_row(label, row.text, len(row.collapsed), row.meta, len(row.failures), row.empty, per_page)
    for row in rows:
        if row.failures:
            first = row.outputs[row.failures[0]].error
            print(f"  {row.tool.name} failed on {len(row.failures)} pages, e.g. {row.failures[0]}: {first}")
    by_name = {row.tool.name: row for row in rows}
    print_deltas(by_name.get("cleaner"), by_name.get("trafilatura"))
    print_ratio(by_name.get("cleaner"), by_name.get("trafilatura"), extract_seconds)
    if "cleaner" in by_name:
        print_confidence([(by_name["cleaner"], set_name)])


def print_deltas(mine: Row | None, anchor: Row | None) -> None:
    """cleaner minus trafilatura default on text and metadata, and both collapsed counts."""
    if mine is None or anchor is None:
        return
    text = ", ".join(f"{k} {_cell(mine.text[k] - anchor.text[k], 0, True)}" for k in ("f1", "precision", "recall"))
    meta = ", ".join(
        f"{f} {_cell(_acc(mine.meta.get(f)) - _acc(anchor.meta.get(f)), 0, True)}"
        for f in FIELDS
        if _acc(mine.meta.get(f)) is not None and _acc(anchor.meta.get(f)) is not None
    )
    coll = f"collapsed {len(mine.collapsed)} vs {len(anchor.collapsed)}"
    print(f"  cleaner - trafilatura: {text}" + (f"; {meta}" if meta else "") + f"; {coll}")


def print_ratio(mine: Row | None, anchor: Row | None, extract_seconds: float | None) -> None:
    """cleaner's time per page against trafilatura's, when both ran in this run."""
    if mine is None or anchor is None or mine.cached or anchor.cached or not extract_seconds:
        return
    print(
        f"  cleaner time per page: {mine.seconds / anchor.seconds:.2f}x trafilatura (text+metadata), "
        f"{mine.seconds / extract_seconds:.2f}x trafilatura.extract (text only)"
    )


def print_confidence(rows: list[tuple[Row, str]], label: str = "") -> None:
    """Spearman correlation between cleaner's confidence and its page text F1, if it gives one."""
    pairs = [
        (row.outputs[page_id].confidence, scores["f1"])
        for row, _ in rows
        for page_id, scores in row.pages.items()
        if row.outputs[page_id].confidence is not None
    ]
    if len(pairs) < 3:
        return
    from scipy.stats import spearmanr

    rho, p = spearmanr([c for c, _ in pairs], [f for _, f in pairs])
    print(f"  {label}cleaner confidence vs page F1: Spearman {rho:.3f} (p {p:.2g}, {len(pairs)} pages)")


def print_pooled(results: dict[str, tuple[list[Row], float | None]], pages_per_set: dict[str, int]) -> None:
    """Per tool: text scores averaged over the sets, counts and metadata pooled over all pages."""
    print(f"\n== pooled over {', '.join(results)}: text P/R/F1 = mean of the sets', metadata over all annotated pages")
    print(HEADER)
    names = [t.name for t in TOOLS if any(r.tool.name == t.name for rows, _ in results.values() for r in rows)]
    pooled: dict[str, Row] = {}
    for name in names:
        mine = [(r, s) for s, (rows, _) in results.items() for r in rows if r.tool.name == name]
        text = {k: statistics.fmean(r.text[k] for r, _ in mine) for k in ("precision", "recall", "f1")}
        meta = {
            f: {f"{s}/{i}": v for r, s in mine for i, v in r.meta.get(f, {}).items()} for f in mine[0][0].tool.fields
        }
        cached = any(r.cached for r, _ in mine)
        secs = None if cached else sum(r.seconds for r, _ in mine) / sum(pages_per_set[s] for _, s in mine)
        label = name + (" (cached)" if cached else "") + ("" if len(mine) == len(results) else f" [{len(mine)} sets]")
        fails = sum(len(r.failures) for r, _ in mine)
        print_row(label, text, sum(len(r.collapsed) for r, _ in mine), meta, fails, sum(r.empty for r, _ in mine), secs)
        pooled[name] = Row(mine[0][0].tool, {}, cached, text, {}, meta, [x for r, _ in mine for x in r.collapsed])
    print_deltas(pooled.get("cleaner"), pooled.get("trafilatura"))
    print_pooled_ratio(results)
    print_confidence([(r, s) for s, (rows, _) in results.items() for r in rows if r.tool.name == "cleaner"], "pooled: ")


def print_pooled_ratio(results: dict[str, tuple[list[Row], float | None]]) -> None:
    """cleaner's time ratios over all sets where it and trafilatura both ran."""
    mine = anchor = extract = 0.0
    for rows, extract_seconds in results.values():
        by_name = {r.tool.name: r for r in rows if not r.cached}
        if "cleaner" in by_name and "trafilatura" in by_name and extract_seconds:
            mine, anchor = mine + by_name["cleaner"].seconds, anchor + by_name["trafilatura"].seconds
            extract += extract_seconds
    if anchor and extract:
        print(
            f"  cleaner time per page: {mine / anchor:.2f}x trafilatura (text+metadata), "
            f"{mine / extract:.2f}x trafilatura.extract (text only)"
        )


# ---------------------------------------------------------------- dump and main


def dump_rows(handle, set_name: str, pages: list[Page], rows: list[Row]) -> None:
    """One JSON line per page per tool, for error analysis."""
    for row in rows:
        for page in pages:
            out, scores = row.outputs[page.id], row.pages.get(page.id, {})
            record = {
                "set": set_name,
                "id": page.id,
                "tool": row.tool.name,
                "cached": row.cached,
                **{k: scores.get(k) for k in ("f1", "precision", "recall")},
                "collapsed": page.id in row.collapsed,
                **{f: predicted(f, out) for f in row.tool.fields},
                **{f"{f}_right": row.meta[f][page.id][0] for f in row.tool.fields if page.id in row.meta[f]},
                "truth": {f: page.truth[f] for f in FIELDS if f in page.truth},
                "chars": len(out.text),
                "confidence": out.confidence,
                "seconds": out.seconds,
                "error": out.error,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", choices=[t.name for t in TOOLS], help="tools to run")
    parser.add_argument("--sets", nargs="+", metavar="NAME", choices=SETS, default=list(SETS), help="sets to run")
    parser.add_argument("--limit", type=int, help="the first N pages of each set, by id")
    parser.add_argument("--dump", type=Path, help="JSON Lines file: one row per page per tool")
    parser.add_argument("--cache", type=Path, default=CACHE_DIR, help="anchors' per-page outputs")
    args = parser.parse_args(argv)
    for name in ("trafilatura", "readability", "readability.readability"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    run = set(args.only or [t.name for t in TOOLS])
    started = time.perf_counter()
    print(f"cleaner at {code_version()}")
    results: dict[str, tuple[list[Row], float | None]] = {}
    sizes: dict[str, int] = {}
    handle = args.dump.open("w", encoding="utf-8") if args.dump else None
    try:
        for set_name in args.sets:
            pages = load_set(set_name, args.limit)
            rows, extract_seconds = evaluate_set(set_name, pages, list(TOOLS), run, args.cache)
            results[set_name], sizes[set_name] = (rows, extract_seconds), len(pages)
            print_set(set_name, pages, rows, extract_seconds)
            if handle:
                dump_rows(handle, set_name, pages, rows)
    finally:
        if handle:
            handle.close()
    if len(results) > 1:
        print_pooled(results, sizes)
    print(f"\nrun time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
