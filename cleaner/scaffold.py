"""`cleaner profiles new DOMAIN --sample PAGE`: from a new page to a tested profile in one command.

Writes `rules/DOMAIN.yaml` (extending `_generic`, so it cleans the sample as well as no profile
does, listing as comments the sample's lines the generic profile already removes, and the short
kept lines that may be chrome), copies the sample into `samples/DOMAIN/`, adds a `tests:` entry
from what the new profile extracts, writes the golden file, and says what to review and the
`cleaner check` command that checks it.
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.check.golden import clean_sample, golden_path, relative_source, render
from cleaner.edits import FIELDS
from cleaner.engine import clean_or_fail
from cleaner.errors import CleanerError
from cleaner.page import Page
from cleaner.profiles import bundled_rules_dir, load_rulebook, profile_file
from cleaner.readers import iter_pages
from cleaner.result import Result
from cleaner.trace import Trace
from cleaner.yaml_text import comment_text, scalar

DOMAIN = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$")
_SEPARATORS = re.compile(r"\s+[-|–—·:]\s+")
_MAX_CANDIDATES = 10
#: What a scaffolded profile extends: `_generic` keeps its main-text stage, which `_base` lacks
#: (a profile extending `_base` alone cleaned a page worse than no profile at all).
BASE = "_generic"


class ScaffoldError(CleanerError):
    """The profile cannot be scaffolded (bad domain, existing files, unreadable sample)."""


@dataclass
class Scaffold:
    """What `new_profile` wrote, what a person should look at before committing it, and the
    `cleaner check` command that checks it from the working folder."""

    profile: Path
    sample: Path
    golden: Path
    review: list[str] = field(default_factory=list)
    check: str = "cleaner check"


def new_profile(
    domain: str, sample: Path, *, rules: Path, samples: Path, golden: Path, root: Path, force: bool = False
) -> Scaffold:
    """Scaffold a profile for `domain` from one sample page; see the module docstring.

    `rules`, `samples` and `golden` are the folders to write into (relative ones from the working
    folder); `root` is the project root the profile's test names its sample from.
    """
    domain = domain.lower().removeprefix("www.")
    if not DOMAIN.match(domain):
        raise ScaffoldError(f"{domain!r} is not a domain name (like example.com)")
    page = _read(sample)
    target, copied = profile_file(rules, domain), samples / domain / sample.name
    for path in (target, copied) if not force else ():
        if path.exists():
            raise ScaffoldError(f"{path} exists (use --force to overwrite)")
    rules.mkdir(parents=True, exist_ok=True)
    generic = clean_or_fail(page, load_rulebook([rules]), profile="_generic")
    if generic.error is not None:
        raise ScaffoldError(f"{sample}: cannot be cleaned: {generic.error['message']}")
    first = first_line_pattern(page)
    copied.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sample, copied)
    source = relative_source(copied, root)
    in_root = check_command(rules=rules, samples=samples, golden=golden, root=root, here=root)
    target.write_text(profile_text(domain, source, first, generic, (), in_root), encoding="utf-8")
    draft = clean_sample(copied.resolve(), root, load_rulebook([rules]))  # what extending _generic alone keeps
    final = profile_text(domain, source, first, generic, chrome_candidates(draft), in_root) + tests_text(source, draft)
    target.write_text(final, encoding="utf-8")
    result = clean_sample(copied.resolve(), root, load_rulebook([rules]))  # the final profile must load and clean
    out = golden_path(golden, copied)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(result), encoding="utf-8")
    here = check_command(rules=rules, samples=samples, golden=golden, root=root, here=Path.cwd())
    return Scaffold(target, copied, out, _review(domain, first, generic, result), here)


def check_command(*, rules: Path, samples: Path, golden: Path, root: Path, here: Path) -> str:
    """The `cleaner check` that checks the scaffolded files when run in `here`.

    Plain `cleaner check` checks the bundled profiles: a profile written anywhere else needs its
    folder as `--rules`, and `--root`, `--samples`, `--golden` where they are not the defaults as
    seen from `here` (relative paths inside the root or working folder, absolute ones outside).
    """
    start = root.resolve()
    args = ["cleaner", "check"]
    if start != here.resolve():
        args += ["--root", _shown(start, here.resolve())]
    if rules.resolve() != bundled_rules_dir():
        args += ["--rules", _shown(rules.resolve(), start)]
    for option, folder, default in (("--samples", samples, "samples"), ("--golden", golden, "tests/golden")):
        if folder.resolve() != start / default:
            args += [option, _shown(folder.resolve(), start)]
    return shlex.join(args)


def _shown(path: Path, start: Path) -> str:
    """`path` relative to `start` when inside it, else absolute."""
    try:
        return path.relative_to(start).as_posix()
    except ValueError:
        return str(path)


def _read(sample: Path) -> Page:
    pages = list(iter_pages([str(sample)]))
    if len(pages) != 1:
        raise ScaffoldError(f"{sample}: a sample must be one page")
    page = pages[0]
    if isinstance(page, Result):  # the reader's error record
        error = page.error or {}
        raise ScaffoldError(f"{sample}: {error.get('kind')}: {error.get('message')}")
    return page


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


def profile_text(
    domain: str, sample: str, first: str | None, generic: Result, candidates: Sequence[str], check: str
) -> str:
    """The profile: extending `_generic`, with the sample's chrome it already removes as comments."""
    out = [
        f"# {domain}: scaffolded by `cleaner profiles new` from {sample}.",
        f"# Review it: the match, the rules the site needs, the test; then run `{check}` in the project root.",
        f"profile: {domain}",
        f"extends: {BASE}",
        "match:",
        f"  domains: [{domain}]",
    ]
    if first:
        out.append(f"  first-line: {scalar(first)}  # a guess from the sample's first line: check it")
    removed = Trace.of(generic).removed
    if removed:
        out.append(f"# The sample's chrome the generic profile removes ({BASE}; this profile extends it, so these")
        out.append("# need no rules here; if generic/main-text removes article lines, `main-text: {enabled: false}`")
        out.append("# turns it off, and then rules must remove the rest):")
        for run in removed:
            out += [f"#   {run.rule}: {text}" for text in run.lines]
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
    expect = {k: record[k] for k in FIELDS if k != "author" and record.get(k)}  # authors: below
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
    gone = [t for run in Trace.of(result).removed for t in run.lines if 3 <= len(t) <= 80]
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
    removed = sum(len(run.lines) for run in Trace.of(generic).removed)
    notes.append(f"the generic rules already remove {removed} lines of the sample (listed in the profile)")
    candidates = chrome_candidates(result)
    if candidates:
        notes.append(
            f"{len(candidates)} short kept lines may be chrome (listed in the profile): "
            + "; ".join(repr(c) for c in candidates[:3])
            + ("; …" if len(candidates) > 3 else "")
        )
    record = result.to_dict()
    found = {k: record[k] for k in FIELDS}
    missing = [k for k, v in found.items() if not v]
    notes.append(
        "fields: "
        + ", ".join(f"{k}={v!r}" for k, v in found.items() if v)
        + (f"; not found: {', '.join(missing)}" if missing else "")
    )
    notes.append("read the golden file: `cleaner check` will hold the site to it")
    return notes
