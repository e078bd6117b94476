"""`cleaner profiles new DOMAIN --sample PAGE`: from a new page to a tested profile in one command.

Writes `rules/DOMAIN.yaml` (extending `_base`, listing as comments the sample's lines the generic
rules already remove, and the short kept lines that may be chrome), copies the sample into
`samples/DOMAIN/`, adds a `tests:` entry from what the new profile extracts, writes the golden
file, and says what to review.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.check.golden import clean_sample, golden_path, relative_source, render
from cleaner.engine import clean_or_fail
from cleaner.errors import CleanerError
from cleaner.page import Page
from cleaner.profiles import load_rulebook
from cleaner.readers import iter_pages
from cleaner.result import Result
from cleaner.yaml_text import comment_text, scalar

DOMAIN = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$")
_SEPARATORS = re.compile(r"\s+[-|–—·:]\s+")
_MAX_CANDIDATES = 10


class ScaffoldError(CleanerError):
    """The profile cannot be scaffolded (bad domain, existing files, unreadable sample)."""


@dataclass
class Scaffold:
    """What `new_profile` wrote, and what a person should look at before committing it."""

    profile: Path
    sample: Path
    golden: Path
    review: list[str] = field(default_factory=list)


def new_profile(
    domain: str, sample: Path, *, rules: Path, samples: Path, golden: Path, root: Path, force: bool = False
) -> Scaffold:
    """Scaffold a profile for `domain` from one sample page; see the module docstring."""
    domain = domain.lower().removeprefix("www.")
    if not DOMAIN.match(domain):
        raise ScaffoldError(f"{domain!r} is not a domain name (like example.com)")
    page = _read(sample)
    target, copied = rules / f"{domain}.yaml", samples / domain / sample.name
    for path in (target, copied) if not force else ():
        if path.exists():
            raise ScaffoldError(f"{path} exists (use --force to overwrite)")
    rules.mkdir(parents=True, exist_ok=True)
    generic = clean_or_fail(page, load_rulebook([rules]), profile="_generic")
    if not generic.ok:
        raise ScaffoldError(f"{sample}: cannot be cleaned: {generic.error['message']}")
    first = first_line_pattern(page)
    copied.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sample, copied)
    source = relative_source(copied, root)
    target.write_text(profile_text(domain, source, first, generic, ()), encoding="utf-8")
    draft = clean_sample(copied.resolve(), root, load_rulebook([rules]))  # what extending _base alone keeps
    final = profile_text(domain, source, first, generic, chrome_candidates(draft)) + tests_text(source, draft)
    target.write_text(final, encoding="utf-8")
    result = clean_sample(copied.resolve(), root, load_rulebook([rules]))  # the final profile must load and clean
    out = golden_path(golden, copied)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(result), encoding="utf-8")
    return Scaffold(target, copied, out, _review(domain, first, generic, result))


def _read(sample: Path) -> Page:
    pages = list(iter_pages([str(sample)]))
    if len(pages) != 1:
        raise ScaffoldError(f"{sample}: a sample must be one page")
    if isinstance(pages[0], Result):
        raise ScaffoldError(f"{sample}: {pages[0].error['kind']}: {pages[0].error['message']}")
    return pages[0]


def first_line_pattern(page: Page) -> str | None:
    """A `match.first-line` guess for a text dump: its first line up to a separator or a digit."""
    if getattr(page, "html", None) is not None:
        return None  # HTML pages are matched by their URL's domain
    first = next((line.strip() for line in page.text.splitlines() if line.strip()), "")
    head = _SEPARATORS.split(first, maxsplit=1)[0] if _SEPARATORS.search(first) else first
    digits = re.search(r"\d", head)
    if digits and digits.start() >= 8:
        return "^" + _escape(head[: digits.start()].rstrip())
    return "^" + _escape(head) + ("$" if head == first else "")


def _escape(text: str) -> str:
    return re.escape(text).replace("\\ ", " ")


def profile_text(domain: str, sample: str, first: str | None, generic: Result, candidates: Sequence[str]) -> str:
    out = [
        f"# {domain}: scaffolded by `cleaner profiles new` from {sample}.",
        "# Review it: the match, the rules the site needs, the test; then run `cleaner check`.",
        f"profile: {domain}",
        "extends: _base",
        "match:",
        f"  domains: [{domain}]",
    ]
    if first:
        out.append(f"  first-line: {scalar(first)}  # a guess from the sample's first line: check it")
    removed = generic.trace.get("removed", [])
    if removed:
        out.append("# The sample's chrome the generic profile removes (the rules of _base need no repeating here;")
        out.append("# what generic/main-text removes, a profile extending _base keeps: add rules for it):")
        for run in removed:
            for text in run["text"].split("\n"):
                out.append(f"#   {run['rule']}: {text}")
    out.append("rules: {}")
    if candidates:
        out += [
            "# Short lines the generic rules keep: if they are the site's chrome, a rule like this removes them:",
            "#  site-chrome:",
            "#    kind: drop-line",
            "#    text:",
        ]
        out += [f"#      - {scalar(comment_text(text))}" for text in candidates]
    return "\n".join(out) + "\n"


def chrome_candidates(result: Result) -> list[str]:
    """Kept lines short enough to be labels, menus or prompts rather than prose."""
    lines = [line for line in result.text.split("\n") if line]
    short = [line for line in lines if len(line.split()) <= 6 and not line.endswith((".", "”", '"', "?", "!"))]
    return list(dict.fromkeys(short))[:_MAX_CANDIDATES]


def tests_text(sample: str, result: Result) -> str:
    record = result.to_dict()
    expect = {k: record[k] for k in ("title", "publisher", "date", "email") if record.get(k)}
    if result.authors:
        expect["author"] = list(result.authors) if len(result.authors) > 1 else result.authors[0]
    out = ["tests:", f"  - sample: {sample}"]
    if expect:
        out.append("    expect:")
        for key, value in expect.items():
            shown = "[" + ", ".join(scalar(v) for v in value) + "]" if isinstance(value, list) else scalar(value)
            out.append(f"      {key}: {shown}")
    paragraphs = [line for line in result.text.split("\n") if line]
    if paragraphs:
        out.append(f"    text-contains: [{scalar(paragraphs[0][:80])}]")
    gone = [t for run in result.trace.get("removed", []) for t in run["text"].split("\n") if 3 <= len(t) <= 80]
    if gone:
        out.append("    text-lacks: [" + ", ".join(scalar(t) for t in list(dict.fromkeys(gone))[:3]) + "]")
    return "\n".join(out) + "\n"


def _review(domain: str, first: str | None, generic: Result, result: Result) -> list[str]:
    notes = []
    if result.profile != domain:
        notes.append(f"the sample selects profile {result.profile!r}, not {domain!r}: fix `match` and rerun")
    elif first:
        notes.append(
            f"match.first-line {first!r} is a guess from the sample's first line: make sure every "
            "page of the site starts so, and no other site's"
        )
    removed = sum(len(run["text"].split("\n")) for run in generic.trace.get("removed", []))
    notes.append(f"the generic rules already remove {removed} lines of the sample (listed in the profile)")
    candidates = chrome_candidates(result)
    if candidates:
        notes.append(
            f"{len(candidates)} short kept lines may be chrome (listed in the profile): "
            + "; ".join(repr(c) for c in candidates[:3])
            + ("; …" if len(candidates) > 3 else "")
        )
    found = {k: v for k, v in result.to_dict().items() if k in ("title", "author", "email", "publisher", "date")}
    missing = [k for k, v in found.items() if not v]
    notes.append(
        "fields: "
        + ", ".join(f"{k}={v!r}" for k, v in found.items() if v)
        + (f"; not found: {', '.join(missing)}" if missing else "")
    )
    notes.append("read the golden file: `cleaner check` will hold the site to it")
    return notes
