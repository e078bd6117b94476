"""The `language` field on real pages: agreement with `<html lang>`, the bars of cleaner.language, time.

Three parts, each on the kept text of the bench pages (``../shared/bench``: aeb, wcxb-dev,
trafilatura-eval), cleaned once in ``--jobs`` processes:

- ``agreement``: on the pages whose `<html lang>` names a language, the share whose
  `language` field is that language's primary subtag (`de-AT` -> `de`), for the field as it is
  (the declaration breaking near-ties) and for the detector alone; the pages that disagree are
  listed with ``--list`` (a page that declares another language than its text's is the usual cause).
- ``threshold``: how often the first N characters answer otherwise than the whole text, in how
  much time, and how often they agree with `<html lang>`; the same for `SAMPLE_CHARS`' looks;
  then random windows of 5 to 200 characters (whole words) of the texts
  whose `<html lang>` the detector confirms (its best language on the first 3,000 characters, at
  probability 0.9 or more), scored against that language: accuracy
  of all answers, and accuracy / share answered at each probability bar. Then the tie-break: of the
  windows under ``MIN_PROBABILITY``, how many a truthful declaration answers, and how many a lying
  one (`en` for a German text, `de` for any other) answers wrongly.
- ``time``: `cleaner.clean` on the AEB HTML pages and on 500 copies of the seed text dump, with the
  detector and with it stubbed out, as a ratio; and the AEB pages with `comments=True` against
  without. Each page is cleaned by both in turn, ``--repeat`` times, and its best times count.

Run from the repository root: ``python -m bench.language [--part agreement threshold time]``.
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager
from multiprocessing import Pool
from unittest import mock

import cleaner
import cleaner.engine
import cleaner.language
from bench.realworld import SETS, Page, load_set
from bench.throughput import AEB, SEED
from cleaner.language import MIN_PROBABILITY, SAMPLE_CHARS, _primary_subtag, language_of, ranked
from cleaner.web.parse import parse_html

WINDOWS = (5, 10, 15, 20, 30, 40, 60, 100, 200)  # characters
BARS = (0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
SAMPLES = (100, 150, 200, 250, 500, 1000)  # characters, one look each  # characters, against the whole text
PER_TEXT = 4  # windows per text and length
SURE = 0.9


# ---------------------------------------------------------------- pages


def kept(page: Page) -> tuple[str, str, str | None, str | None, str]:
    """(set, id, declared language, the `language` field, kept text) of one page."""
    declared = parse_html(page.html).get("lang")
    result = cleaner.clean(page.html, url=page.url)
    return page.set, page.id, declared, result.language, result.text if result.ok else ""


def clean_sets(sets: list[str], limit: int | None, jobs: int) -> list[tuple[str, str, str | None, str | None, str]]:
    pages = [page for name in sets for page in load_set(name, limit)]
    with Pool(jobs) as pool:
        return pool.map(kept, pages, chunksize=8)


# ---------------------------------------------------------------- parts


def agreement(rows: list[tuple[str, str, str | None, str | None, str]], listed: bool) -> None:
    print("\n== agreement with <html lang> (pages that declare a two-letter language)")
    print(f"{'set':18} {'pages':>6} {'declare':>8} {'field':>14} {'detector alone':>15} {'field null':>11}")
    for name in [*dict.fromkeys(r[0] for r in rows), "all"]:
        subset = [r for r in rows if name in ("all", r[0])]
        declaring = [r for r in subset if _primary_subtag(r[2])]
        field = sum(r[3] == _primary_subtag(r[2]) for r in declaring)
        alone = sum(language_of(r[4]) == _primary_subtag(r[2]) for r in declaring)
        null = sum(r[3] is None for r in declaring)
        n = len(declaring) or 1
        print(
            f"{name:18} {len(subset):6} {len(declaring):8} {field:6} {field / n:7.1%}"
            f" {alone:6} {alone / n:7.1%} {null:11}"
        )
    if listed:
        for set_name, page_id, declared, found, text in rows:
            if _primary_subtag(declared) and found != _primary_subtag(declared):
                print(f"  {set_name}/{page_id}: declares {declared}, field {found}: {' '.join(text.split())[:70]!r}")


def windows(texts: list[tuple[str, str]], seed: int = 1) -> dict[int, list[tuple[str, list[tuple[str, float]]]]]:
    """Per window length: (the text's language, the detector's two best) for random windows."""
    rng = random.Random(seed)
    out: dict[int, list[tuple[str, list[tuple[str, float]]]]] = {n: [] for n in WINDOWS}
    for text, code in texts:
        words = text.split()
        for n in WINDOWS:
            for _ in range(PER_TEXT):
                start, window = rng.randrange(max(1, len(words) - 5)), []
                for word in words[start:]:
                    window.append(word)
                    if len(" ".join(window)) >= n:
                        break
                out[n].append((code, ranked(" ".join(window))))
    return out


def one_line(text: str) -> str:
    """The text as the detector takes it: whitespace runs (newlines too) as one space."""
    return " ".join(text.split())


def sample(rows: list[tuple[str, str, str | None, str | None, str]]) -> None:
    """For the first N characters (SAMPLES, one look each) and for SAMPLE_CHARS as the field takes them:
    on how many texts the detector's best answers otherwise than on the whole text, the detector's
    time per text, and the detector alone's agreement with a two-letter `<html lang>`."""
    texts = [text for *_, text in rows if text]
    declaring = [(_primary_subtag(declared), text) for _, _, declared, _, text in rows if _primary_subtag(declared)]
    start = time.perf_counter()
    whole = [ranked(one_line(text))[0][0] for text in texts]
    per = 1000 / len(texts)
    print(f"\n== sample: {len(texts)} texts; the whole text {(time.perf_counter() - start) * per:.2f} ms per text")
    for n in SAMPLES:
        start = time.perf_counter()
        head = [ranked(one_line(text[:n]))[0][0] for text in texts]
        spent = time.perf_counter() - start
        with mock.patch.object(cleaner.language, "SAMPLE_CHARS", (n,)):
            agree = sum(language_of(text) == code for code, text in declaring)
        print(
            f"the first {n:5} characters: otherwise than the whole text on"
            f" {sum(a != b for a, b in zip(whole, head, strict=True)):3} texts, {spent * per:.3f} ms per text;"
            f" the detector alone agrees with <html lang> on {agree} of {len(declaring)}"
        )
    start = time.perf_counter()
    found = [language_of(text) for text in texts]
    spent = time.perf_counter() - start
    unsure = sum(ranked(one_line(text[: SAMPLE_CHARS[0]]))[0][1] < MIN_PROBABILITY for text in texts)
    agree = sum(language_of(text) == code for code, text in declaring)
    print(
        f"SAMPLE_CHARS {SAMPLE_CHARS} (a longer look only when a shorter one is unsure): {spent * per:.3f} ms"
        f" per text, {unsure} of {len(texts)} texts look again, {sum(code is None for code in found)} null;"
        f" the detector alone agrees with <html lang> on {agree} of {len(declaring)}"
    )


def threshold(rows: list[tuple[str, str, str | None, str | None, str]]) -> None:
    sure = []
    for _, _, declared, _, text in rows:
        best, p_best = ranked(one_line(text[:3000]))[0] if len(text) >= 1000 else ("", 0.0)
        if p_best >= SURE and best == _primary_subtag(declared):
            sure.append((text, best))
    print(
        f"\n== bars: windows of {len(sure)} texts whose <html lang> the detector confirms (p >= {SURE}"
        f" on the first 3,000 characters), {PER_TEXT} per text and length"
    )
    print(Counter(code for _, code in sure).most_common(10))
    by_length = windows(sure)
    print("chars  all    " + " ".join(f"p>={bar:<11}" for bar in BARS) + "  (accuracy/share answered)")
    for n, found in by_length.items():
        cells = []
        for bar in BARS:
            answered = [rank[0][0] == code for code, rank in found if rank[0][1] >= bar]
            cells.append(f"{sum(answered) / max(1, len(answered)):.3f}/{len(answered) / len(found):.2f}")
        print(f"{n:5} {sum(rank[0][0] == code for code, rank in found) / len(found):.3f}  " + "  ".join(cells))
    print(
        f"tie-break under p {MIN_PROBABILITY}: unsure windows, answered by a truthful declaration, wrong by a lying one"
    )
    for n, found in by_length.items():
        unsure = [(code, rank) for code, rank in found if rank[0][1] < MIN_PROBABILITY]
        near = [(code, rank) for code, rank in unsure if rank[0][1] + rank[1][1] >= MIN_PROBABILITY]
        truthful = sum(code in (rank[0][0], rank[1][0]) for code, rank in near)
        lying = sum(("de" if code == "en" else "en") in (rank[0][0], rank[1][0]) for code, rank in near)
        print(f"{n:5} {len(unsure):6} {truthful:6} {lying:6}")


def detector(stub: bool) -> AbstractContextManager[object]:
    """The engine with the detector, or without it (every record's language None): patched alike,
    so that both pay the patching."""
    return mock.patch.object(cleaner.engine, "language_of", (lambda text, declared=None: None) if stub else language_of)


def best_per_page(pages: list[str], variants: list[Callable[[str], object]], repeat: int) -> list[float]:
    """Seconds per page of each variant: each page cleaned by every variant in turn, `repeat`
    times, and the best time of each page summed. A busy machine slows a page now and then; the
    best of several tries of the same page, taken right beside the other variant's, is what the
    work costs."""
    best = [[float("inf")] * len(pages) for _ in variants]
    for round_ in range(repeat):
        for n, page in enumerate(pages):
            order = range(len(variants)) if (n + round_) % 2 == 0 else reversed(range(len(variants)))
            for v in order:
                start = time.perf_counter()
                variants[v](page)
                best[v][n] = min(best[v][n], time.perf_counter() - start)
    return [sum(times) / len(pages) for times in best]


def timing(repeat: int) -> None:
    rules = cleaner.load_rulebook()
    html_pages = [gzip.decompress(p.read_bytes()).decode("utf-8") for p in sorted(AEB.glob("*.html.gz"))]
    seed = SEED.read_text(encoding="utf-8")
    text_pages = [seed.replace("Thursday", f"Thursday {n}") for n in range(500)]
    language_of("warm the model up: it loads once per process")

    def plain(page: str) -> object:
        return cleaner.clean(page, rules=rules)

    def detecting(page: str) -> object:
        with detector(stub=False):
            return cleaner.clean(page, rules=rules)

    def without(page: str) -> object:
        with detector(stub=True):
            return cleaner.clean(page, rules=rules)

    def comments(page: str) -> object:
        return cleaner.clean(page, rules=rules, comments=True)

    print(f"\n== time: ms per page, the best of {repeat} tries of each page")
    for label, pages in (("AEB HTML pages", html_pages), ("seed text dumps", text_pages)):
        with_it, bare = best_per_page(pages, [detecting, without], repeat)
        print(
            f"{label:16} {len(pages):4} pages: language {with_it * 1000:7.2f} / without {bare * 1000:7.2f},"
            f" ratio {with_it / bare:.3f}"
        )
    asked, plain_time = best_per_page(html_pages, [comments, plain], repeat)
    print(
        f"{'AEB HTML pages':16} {len(html_pages):4} pages: comments {asked * 1000:7.2f} / without"
        f" {plain_time * 1000:7.2f}, ratio {asked / plain_time:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--part", nargs="+", choices=("agreement", "threshold", "time"), default=["agreement", "threshold", "time"]
    )
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--limit", type=int, help="the first N pages of each set, by id")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="timing runs of each kind")
    parser.add_argument("--list", action="store_true", help="list the pages whose field disagrees with <html lang>")
    args = parser.parse_args(argv)
    if {"agreement", "threshold"} & set(args.part):
        rows = clean_sets(args.sets, args.limit, args.jobs)
        if "agreement" in args.part:
            agreement(rows, args.list)
        if "threshold" in args.part:
            sample(rows)
            threshold(rows)
    if "time" in args.part:
        timing(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
