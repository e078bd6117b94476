"""Score text-dump cleaners on the article-extraction benchmark (AEB).

Each of the 181 pages is first turned into a naive text dump (see ``naive_dump``), the
kind of input the cleaner's text path gets; each row's function then cleans the dump,
and what it keeps is scored against the page's articleBody. Baselines: "unchanged" (the
dump as is: the floor) and "C4-style" (C4's line filter: the bar a cleaner must clear).

Run from the repository root: ``python -m bench.textdumps [--only NAME ...]``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import cleaner
from bench.aeb_metric import load_ground_truth, score
from bench.naive_dump import naive_text_dump

AEB_DIR = Path(__file__).resolve().parents[2] / "shared" / "bench" / "aeb"

C4_END_MARKS = (".", "!", "?", '"', "”", "'")
C4_BAD_PHRASES = (
    "javascript",
    "cookie",
    "terms of use",
    "privacy policy",
    "lorem ipsum",
    "{",
)


def unchanged(dump: str) -> str:
    """Keep everything: recall near 1, precision low."""
    return dump


def c4_style(dump: str) -> str:
    """C4's line filter: keep lines of 3+ words ending like a sentence, minus notices.

    C4 drops a whole page for "lorem ipsum" or a curly brace; here only the line goes,
    as a cleaner must still return the article.
    """
    kept = []
    for line in dump.splitlines():
        line = line.strip()
        lowered = line.lower()
        if (
            line.endswith(C4_END_MARKS)
            and len(line.split()) >= 3
            and not any(phrase in lowered for phrase in C4_BAD_PHRASES)
        ):
            kept.append(line)
    return "\n".join(kept)


def cleaner_generic(dump: str) -> str:
    """This project: the `_generic` profile (its rules, then the main-text stage)."""
    return cleaner.clean(dump).text


# One (name, clean_text) per row; a cleaner joins with one line here.
ROWS: list[tuple[str, Callable[[str], str]]] = [
    ("unchanged", unchanged),
    ("C4-style", c4_style),
    ("cleaner", cleaner_generic),
]


def load_dumps(aeb_dir: Path, cache_root: Path) -> dict[str, str]:
    """Naive dumps of all pages, cached as ``<id>.txt`` (also handy as CLI input).

    The cache key covers naive_dump.py and the html-text version, so a change to either
    makes fresh dumps instead of scoring stale ones.
    """
    source = Path(__file__).with_name("naive_dump.py").read_bytes()
    key = hashlib.sha256(source + version("html-text").encode()).hexdigest()[:12]
    cache = cache_root / f"aeb-dumps-{key}"
    if not cache.is_dir():
        staging = Path(tempfile.mkdtemp(dir=cache_root))
        for path in sorted((aeb_dir / "html").glob("*.html.gz")):
            html = gzip.decompress(path.read_bytes()).decode("utf-8")
            dump = naive_text_dump(html)
            (staging / path.name.replace(".html.gz", ".txt")).write_text(dump, "utf-8")
        staging.rename(cache)  # whole or not at all, even if interrupted
    return {p.stem: p.read_text("utf-8") for p in sorted(cache.glob("*.txt"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="rows to run")
    parser.add_argument("--data", type=Path, default=AEB_DIR, help="AEB folder")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "cleaner-bench",
        help="where the dumps are cached",
    )
    parser.add_argument("--bootstrap", type=int, default=1000, help="resamples for ±")
    args = parser.parse_args(argv)

    if unknown := set(args.only or ()) - {n for n, _ in ROWS}:
        parser.error(f"unknown rows {sorted(unknown)}; known: {[n for n, _ in ROWS]}")
    rows = [(n, f) for n, f in ROWS if not args.only or n in args.only]
    truth = load_ground_truth(args.data / "ground-truth.json")
    args.cache.mkdir(parents=True, exist_ok=True)
    dumps = load_dumps(args.data, args.cache)
    if dumps.keys() != truth.keys():
        sys.exit(f"{len(dumps)} dumps for {len(truth)} pages: clear {args.cache}")

    cols = ("precision", "recall", "f1", "accuracy")
    head = "".join(f"{c.replace('f1', 'F1'):>17}" for c in cols)
    print(f"{'row':<12}{head}{'pages/s':>11}")
    for name, clean in rows:
        clean(next(iter(dumps.values())))  # warm up: profiles and stoplists load once per process
        start = time.perf_counter()
        predictions = {page_id: clean(dump) for page_id, dump in dumps.items()}
        rate = len(dumps) / max(time.perf_counter() - start, 1e-9)
        result = score(predictions, truth, n_bootstrap=args.bootstrap)
        cells = "".join(f"{result[c]:>9.3f} ± {result[c + '_std']:.3f}" for c in cols)
        print(f"{name:<12}{cells}{rate:>11,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
