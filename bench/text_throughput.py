"""Text-path throughput: how many text pages per second `cleaner` cleans, beside anchors.

Makes 10,000 text pages from the bundled samples (each sample repeated with its numbers
varied so no two pages are equal), then times, in one run and on the same pages:
- `cleaner` as a library (`cleaner.clean`, rulebook loaded once), one core;
- `cleaner clean FOLDER -o FILE`, the command line end to end (reading files, JSON out);
- C4-style line filtering, the cheapest generic cleaner, as a speed anchor;
- reading and JSON-encoding the pages only, the floor any cleaner pays.
The target (issue 5) is at least 2,000 pages/s per core on the text path.

Run from the repository root: ``python -m bench.text_throughput [--pages N]``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cleaner
from bench.textdumps import c4_style

ROOT = Path(__file__).resolve().parent.parent
TARGET = 2000.0


def make_pages(folder: Path, count: int) -> list[Path]:
    """`count` text pages in `folder`, cycling the samples with their digits shifted."""
    samples = sorted((ROOT / "samples").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in samples]
    paths = []
    for n in range(count):
        text = re.sub(r"\d", _shifted(n // len(texts)), texts[n % len(texts)])
        path = folder / f"{n:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _shifted(shift: int):
    return lambda digit: str((int(digit.group()) + shift) % 10)


def timed(label: str, work, pages: int) -> tuple[str, float, float]:
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    return label, seconds, pages / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "pages")
        folder.mkdir()
        paths = make_pages(folder, args.pages)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        rules = cleaner.load_rulebook()
        cleaner.clean(texts[0], rules=rules)  # warm up: month tables, regex caches
        out = Path(tmp, "out.jsonl")
        cli = [sys.executable, "-m", "cleaner", "clean", str(folder), "-o", str(out)]
        rows = [
            timed("read + JSON only (floor)", lambda: [json.dumps({"text": p.read_text()}) for p in paths], len(paths)),
            timed("C4-style line filter (anchor)", lambda: [c4_style(t) for t in texts], len(texts)),
            timed(
                "cleaner library, 1 core", lambda: [cleaner.clean(t, rules=rules).to_dict() for t in texts], len(texts)
            ),
            timed("cleaner clean FOLDER -o FILE (CLI)", lambda: subprocess.run(cli, check=True), len(paths)),
        ]
        records = sum(1 for _ in out.open(encoding="utf-8"))
    samples = len(list((ROOT / "samples").rglob("*.txt")))
    print(f"{args.pages:,} text pages from {samples} samples; the CLI wrote {records:,} records")
    print(f"{'what':40} {'seconds':>8} {'pages/s':>10}")
    for label, seconds, rate in rows:
        print(f"{label:40} {seconds:8.2f} {rate:10,.0f}")
    library = rows[2][2]
    print(
        f"target: {TARGET:,.0f} pages/s per core -> library {'meets' if library >= TARGET else 'MISSES'} it "
        f"({library / TARGET:.2f}x)"
    )


if __name__ == "__main__":
    main()
