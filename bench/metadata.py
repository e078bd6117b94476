"""Metadata: author and publication day, cleaner beside trafilatura, in one run.

1. The development set (bench/metadata_dev/: hand-made pages with known answers: bylines in
   JSON-LD, in <meta>, only in visible text, several authors, author links, organisations,
   "Staff", an email, no author, no date, a copyright year only). Reports the share of pages
   whose author set and whose day each tool gets exactly right, "none" included.
2. The AEB pages (../shared/bench/aeb/): on pages whose HTML declares an author (JSON-LD Person
   or <meta name=author>), how often each tool names one of the declared people; and on all
   pages, how often the author it names is a site name, "Staff", an email or a date.

Run from the repository root: ``python -m bench.metadata``.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

import trafilatura

import cleaner
from cleaner.extract.people import split_authors
from cleaner.web.metadata import json_ld_fields, meta_fields
from cleaner.web.parse import parse_html

DEV = Path(__file__).with_name("metadata_dev")
AEB_DIR = Path(__file__).resolve().parents[2] / "shared" / "bench" / "aeb"


def cleaner_fields(html: str, url: str | None, rules: cleaner.Rulebook) -> tuple[list[str], str | None]:
    result = cleaner.clean(html, url=url, rules=rules)
    return list(result.authors), result.date


def trafilatura_fields(html: str, url: str | None) -> tuple[list[str], str | None]:
    meta = trafilatura.extract_metadata(html, default_url=url)
    authors = [a.strip() for a in re.split(r";|,| and ", meta.author or "") if a.strip()]
    return authors, meta.date


def _same(found: list[str], expected: list[str] | None) -> bool:
    return {a.casefold() for a in found} == {a.casefold() for a in expected or []}


def dev_set(rules: cleaner.Rulebook) -> None:
    truth = json.loads((DEV / "truth.json").read_text(encoding="utf-8"))
    rows = {"cleaner": [0, 0], "trafilatura": [0, 0]}
    misses: list[str] = []
    for name, want in truth.items():
        html = (DEV / name).read_text(encoding="utf-8")
        for tool, (authors, day) in (
            ("cleaner", cleaner_fields(html, None, rules)),
            ("trafilatura", trafilatura_fields(html, None)),
        ):
            rows[tool][0] += _same(authors, want["authors"])
            rows[tool][1] += day == want["date"]
            if tool == "cleaner" and (not _same(authors, want["authors"]) or day != want["date"]):
                misses.append(f"  cleaner missed {name}: {authors} {day} (want {want['authors']} {want['date']})")
    print(f"development set: {len(truth)} pages (bench/metadata_dev/)")
    print(f"{'tool':<14}{'author right':>14}{'day right':>12}")
    for tool, (a, d) in rows.items():
        print(f"{tool:<14}{a / len(truth):>14.0%}{d / len(truth):>12.0%}")
    print("\n".join(misses))


def declared_authors(html: str) -> list[str]:
    root = parse_html(html)
    raw = [*json_ld_fields(root).get("author", []), *meta_fields(root).get("author", [])]
    return [name for value in raw for name in split_authors(value)]


def aeb(rules: cleaner.Rulebook) -> None:
    truth = json.loads((AEB_DIR / "ground-truth.json").read_text(encoding="utf-8"))
    declared_pages, found, bad = 0, {"cleaner": 0, "trafilatura": 0}, {"cleaner": [], "trafilatura": []}
    for page_id, record in truth.items():
        html = gzip.decompress((AEB_DIR / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        site = (meta_fields(parse_html(html)).get("publisher") or [""])[0].casefold()
        people = {p.casefold() for p in declared_authors(html)}
        declared_pages += bool(people)
        for tool, (authors, _) in (
            ("cleaner", cleaner_fields(html, record["url"], rules)),
            ("trafilatura", trafilatura_fields(html, record["url"])),
        ):
            if people and any(a.casefold() in people for a in authors):
                found[tool] += 1
            for a in authors:
                if a.casefold() == site or "staff" in a.casefold() or "@" in a or re.search(r"\d{4}", a):
                    bad[tool].append(a)
    print(f"\nAEB: {len(truth)} pages, {declared_pages} declare an author (JSON-LD Person or <meta name=author>)")
    print(f"{'tool':<14}{'declared author found':>24}{'site/Staff/email/date as author':>34}")
    for tool in found:
        print(f"{tool:<14}{found[tool] / declared_pages:>24.0%}{len(bad[tool]):>34}  {bad[tool][:4]}")


def main() -> int:
    rules = cleaner.load_rulebook()
    dev_set(rules)
    aeb(rules)
    return 0


if __name__ == "__main__":
    sys.exit(main())
