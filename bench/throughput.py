"""Throughput and memory, each beside its anchor, in one run (issue 5's targets in brackets).

- text pages/s on seed-sized pages, library on one core                    [>= 2,000]
- HTML pages/s on the AEB pages: cleaner vs trafilatura's own API           [cleaner >= trafilatura]
- `cleaner clean DIR --jobs 2` vs `--jobs 1` on 1,200 HTML pages, end to end  [>= 1.7x]
- peak memory of `cleaner clean DUMP.jsonl` for 10,000 and 100,000 pages  [100k <= 1.2x 10k]

Run from the repository root: ``python -m bench.throughput [--big N]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

import cleaner

ROOT = Path(__file__).resolve().parent.parent
AEB = ROOT.parent / "shared" / "bench" / "aeb" / "html"
JOB_PAGES = 1200  # enough that process start-up (imports, profiles) weighs little
SEED = ROOT / "samples" / "washingtontimes.com" / "2017-08-17-north-korea.txt"


def rate(work, count: int) -> float:
    start = time.perf_counter()
    work()
    return count / (time.perf_counter() - start)


def text_rate() -> float:
    text = SEED.read_text(encoding="utf-8")
    pages = [text.replace("Thursday", f"Thursday {n}") for n in range(3000)]
    rules = cleaner.load_rulebook()
    cleaner.clean(text, rules=rules)  # warm: models and stoplists load once per process, not per page
    return rate(lambda: [cleaner.clean(p, rules=rules) for p in pages], len(pages))


def html_rates() -> tuple[float, float]:
    pages = [gzip.decompress(p.read_bytes()).decode("utf-8") for p in sorted(AEB.glob("*.html.gz"))]
    rules = cleaner.load_rulebook()
    cleaner.clean(pages[0], rules=rules)  # warm both: what loads once per process is not a page's cost
    trafilatura.extract(pages[0], include_comments=False)
    ours = rate(lambda: [cleaner.clean(p, rules=rules) for p in pages], len(pages))
    theirs = rate(lambda: [trafilatura.extract(p, include_comments=False) for p in pages], len(pages))
    return ours, theirs


def cli_seconds(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one `cleaner clean` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", *args],
        cwd=ROOT,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    return seconds, max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)


def jobs_speedup(tmp: Path) -> tuple[float, float]:
    folder = tmp / "html"
    folder.mkdir()
    sources = sorted(AEB.glob("*.html.gz"))
    for n in range(JOB_PAGES):
        shutil.copy(sources[n % len(sources)], folder / f"{n:04d}.html.gz")
    one, _ = cli_seconds([str(folder), "-o", str(tmp / "j1.jsonl"), "--jobs", "1"])
    two, _ = cli_seconds([str(folder), "-o", str(tmp / "j2.jsonl"), "--jobs", "2"])
    return JOB_PAGES / one, JOB_PAGES / two


def dump_memory(tmp: Path, count: int) -> tuple[int, float]:
    """Peak memory (KiB) and seconds for a JSON Lines dump of `count` seed-sized text pages."""
    text = SEED.read_text(encoding="utf-8")
    path = tmp / f"dump-{count}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            out.write(json.dumps({"id": n, "text": text.replace("Thursday", f"Thursday {n}")}) + "\n")
    script = (
        "import resource, subprocess, sys; "
        f"subprocess.run([sys.executable, '-m', 'cleaner', 'clean', {str(path)!r}, '-o', {str(tmp / 'o.jsonl')!r}], "
        "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    start = time.perf_counter()
    peak = int(subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True).stdout)
    return peak, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=int, default=100_000, help="pages in the big dump")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        text = text_rate()
        ours, theirs = html_rates()
        one, two = jobs_speedup(tmp)
        small_peak, small_s = dump_memory(tmp, 10_000)
        big_peak, big_s = dump_memory(tmp, args.big)
    rows = [
        ("text pages/s, library, 1 core (seed-sized)", text, 2000.0, ">= 1.00"),
        ("HTML pages/s on AEB (anchor: trafilatura.extract)", ours, theirs, ">= 1.00"),
        (f"CLI pages/s, {JOB_PAGES:,} HTML pages: --jobs 2 (anchor --jobs 1)", two, one, ">= 1.70"),
        (f"peak MiB, {args.big:,}-page dump (anchor: 10,000)", big_peak / 1024, small_peak / 1024, "<= 1.20"),
    ]
    print(f"{'measure':58}{'cleaner':>12}{'anchor':>12}{'ratio':>8}  target")
    for label, value, anchor, target in rows:
        print(f"{label:58}{value:12,.1f}{anchor:12,.1f}{value / anchor:8.2f}  {target}")
    print(f"(dump runs: 10,000 pages in {small_s:.1f} s, {args.big:,} in {big_s:.1f} s, default --jobs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
