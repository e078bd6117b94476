"""A profile's own `tests:` entries: a sample, the fields it must give, text it must and must not keep."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.check.locate import Locator, Place
from cleaner.profiles import Profile
from cleaner.result import Result

#: Cleans a sample file; `profile` forces one (for bases, which no page selects).
Cleaner = Callable[[Path, "str | None"], Result]


@dataclass(frozen=True)
class Failure:
    """One failed expectation of a profile test, pointing at the line of the profile that states it."""

    profile: str
    sample: str
    message: str
    place: Place | None = None


def sample_file(entry: dict[str, Any], profile: Profile, root: Path) -> Path:
    """A test's sample, relative to the project root, else to the folder above the profile's."""
    given = Path(entry["sample"])
    if given.is_absolute() or (root / given).exists():
        return root / given
    beside = Path(profile.file).resolve().parent.parent / given
    return beside if beside.exists() else root / given


def run_cases(profile: Profile, clean: Cleaner, root: Path, locator: Locator) -> tuple[int, list[Failure]]:
    """Run every test of `profile`; (how many ran, what failed)."""
    failures: list[Failure] = []
    for n, entry in enumerate(profile.tests):
        at = ("tests", n)
        sample = sample_file(entry, profile, root)

        def fail(message: str, *key: str | int, sample: str = entry["sample"], at: tuple = at) -> None:
            failures.append(Failure(profile.name, sample, message, locator.key(profile.name, (*at, *key))))

        if not sample.is_file():
            fail(f"sample not found: {entry['sample']}", "sample")
            continue
        result = clean(sample, profile.name if profile.is_base else None)
        if not result.ok:
            fail(f"the sample could not be cleaned: {result.error}", "sample")
            continue
        if result.profile != profile.name:
            fail(f"the sample selects profile {result.profile!r}, not {profile.name!r}", "sample")
            continue
        for message, key in _expectations(entry, result):
            fail(message, *key)
    return len(profile.tests), failures


def _expectations(entry: dict[str, Any], result: Result) -> list[tuple[str, tuple]]:
    record = result.to_dict()
    out: list[tuple[str, tuple]] = []
    for key, wanted in (entry.get("expect") or {}).items():
        actual = record["authors"] if key == "author" and isinstance(wanted, list) else record.get(key)
        if actual != wanted:
            source = (record["trace"].get("fields") or {}).get("author" if key == "authors" else key)
            origin = f" (from {source})" if source else ""
            out.append((f"{key}: expected {wanted!r}, got {actual!r}{origin}", ("expect", key)))
    removed = {line: run["rule"] for run in record["trace"]["removed"] for line in run["text"].split("\n")}
    for i, wanted in enumerate(entry.get("text-contains") or ()):
        if wanted not in result.text:
            by = next((f", removed by rule {rule!r}" for line, rule in removed.items() if wanted in line), "")
            out.append((f"text lacks {wanted!r}{by}", ("text-contains", i)))
    for i, unwanted in enumerate(entry.get("text-lacks") or ()):
        if unwanted in result.text:
            line = next(t for t in result.text.split("\n") if unwanted in t)
            out.append((f"text still contains {unwanted!r}, in the kept line {_short(line)!r}", ("text-lacks", i)))
    return out


def _short(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
