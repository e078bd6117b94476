"""Counting a run: a progress bar while it goes (tqdm) and one summary line at the end."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from cleaner.dumps.warc import Skipped
from cleaner.result import Result


@dataclass
class Tally:
    """Pages seen, cleaned, failed by kind, and records skipped; the counts add up to the input."""

    skipped: Skipped = field(default_factory=Skipped)
    pages: int = 0
    resumed: int = 0  # records an output resumed with --resume already held
    failed: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)

    def count(
        self, results: Iterable[Result], stream: IO[str] | None = None, total: int | None = None
    ) -> Iterator[Result]:
        """Pass the results on, counting them; with `stream`, show a progress bar on it (with an
        ETA when the `total` is known)."""
        bar = None
        if stream is not None:
            from tqdm import tqdm

            bar = tqdm(file=stream, total=total, unit=" pages", dynamic_ncols=True, mininterval=0.5)
        try:
            for result in results:
                self.pages += 1
                if result.error is not None:
                    self.failed[result.error["kind"]] += 1
                if bar is not None:
                    bar.update()
                    if self.failed:
                        bar.set_postfix(errors=sum(self.failed.values()), refresh=False)
                yield result
        finally:
            if bar is not None:
                bar.close()

    def summary(self) -> str:
        """`cleaner: 20 pages, 19 cleaned, 1 failed (binary 1), 3 records skipped (…), 2 files
        skipped (…), 1.2 s`"""
        failed = sum(self.failed.values())
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(self.failed.items()))
        skipped = sum(self.skipped.counts.values())
        parts = [
            f"{self.pages} pages",
            f"{self.pages - failed} cleaned",
            f"{failed} failed" + (f" ({kinds})" if kinds else ""),
        ]
        if skipped:
            parts.append(
                f"{skipped} records skipped ({', '.join(f'{k} {n}' for k, n in sorted(self.skipped.counts.items()))})"
            )
        if files := self.files_skipped():
            parts.append(files)
        parts.append(f"{time.monotonic() - self.started:.1f} s")
        return "cleaner: " + ", ".join(parts)

    def files_skipped(self) -> str:
        """`3 files skipped (2 unknown suffix: .pdf, .png; 1 folder link not followed: old)`, the
        files a folder walk passed over, or "" when it passed over none."""
        reasons = sorted(self.skipped.files.items(), key=lambda item: -item[1].total())
        if not reasons:
            return ""
        told = "; ".join(f"{found.total()} {why}: {_some(found)}" for why, found in reasons)
        return f"{sum(found.total() for _, found in reasons)} files skipped ({told})"


def _some(found: Counter[str], most: int = 5) -> str:
    """The commonest of `found`, commonest first: `.png, .pdf` (`, …` when there are more)."""
    names = [name for name, _ in sorted(found.items(), key=lambda item: (-item[1], item[0]))]
    return ", ".join(names[:most]) + (", …" if len(names) > most else "")
