"""HTML article extraction on the article-extraction benchmark (AEB), cleaner beside its anchors.

Scores, in one run and the same way, `cleaner` (generic path only: no profile names these
sites), trafilatura (default and `favor_precision`), readability-lxml and jusText on the 181
pages of ../shared/bench/aeb/, with the benchmark's metric (bench/aeb_metric.py, which
reproduces the published trafilatura 2.0.0 figures), and times each (pages per second, one
core, extraction only: every page is decoded before the clock starts).

Run from the repository root: ``python -m bench.aeb [--only NAME ...]``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import sys
import time
from collections.abc import Callable
from pathlib import Path

import cleaner
from bench.aeb_metric import load_ground_truth, score

AEB_DIR = Path(__file__).resolve().parents[2] / "shared" / "bench" / "aeb"


def run_cleaner(html: str, url: str) -> str:
    return cleaner.clean(html, url=url, rules=_rules()).text


def run_trafilatura(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False) or ""


def run_trafilatura_precision(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False, favor_precision=True) or ""


def run_readability(html: str, url: str) -> str:
    import html_text
    from readability import Document

    return html_text.extract_text(Document(html).summary(html_partial=True))


def run_justext(html: str, url: str) -> str:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


@functools.cache
def _rules() -> cleaner.Rulebook:
    return cleaner.load_rulebook()


ROWS: list[tuple[str, Callable[[str, str], str]]] = [
    ("cleaner", run_cleaner),
    ("trafilatura", run_trafilatura),
    ("trafilatura-precision", run_trafilatura_precision),
    ("readability-lxml", run_readability),
    ("justext", run_justext),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="rows to run")
    parser.add_argument("--data", type=Path, default=AEB_DIR, help="AEB folder")
    parser.add_argument("--bootstrap", type=int, default=1000, help="resamples for ±")
    args = parser.parse_args(argv)
    rows = [(n, f) for n, f in ROWS if not args.only or n in args.only]
    truth = load_ground_truth(args.data / "ground-truth.json")
    pages = {
        page_id: gzip.decompress((args.data / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        for page_id in truth
    }
    cols = ("precision", "recall", "f1", "accuracy")
    print(f"{'row':<22}" + "".join(f"{c.replace('f1', 'F1'):>17}" for c in cols) + f"{'pages/s':>10}{'ms/page':>9}")
    timings = {}
    for name, extract in rows:
        extract(pages[next(iter(pages))], truth[next(iter(pages))]["url"])  # warm up imports
        start = time.perf_counter()
        predictions = {page_id: extract(html, truth[page_id]["url"]) for page_id, html in pages.items()}
        seconds = time.perf_counter() - start
        timings[name] = seconds
        result = score(predictions, truth, n_bootstrap=args.bootstrap)
        cells = "".join(f"{result[c]:>9.3f} ± {result[c + '_std']:.3f}" for c in cols)
        print(f"{name:<22}{cells}{len(pages) / seconds:>10.1f}{1000 * seconds / len(pages):>9.1f}")
    if "cleaner" in timings and "trafilatura" in timings:
        print(f"cleaner time per page: {timings['cleaner'] / timings['trafilatura']:.2f}x trafilatura's default")
    return 0


if __name__ == "__main__":
    sys.exit(main())
