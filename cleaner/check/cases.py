"""A profile's own `tests:` entries: a sample, the fields it must give, text it must and must not keep."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cleaner
from cleaner.check.locate import Locator, Place
from cleaner.profiles import Profile, bundled_rules_dir
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


@dataclass(frozen=True)
class NotRun:
    """A profile test that was not run, and why: not a failure of the profile."""

    profile: str
    sample: str
    reason: str
    place: Place | None = None


#: Why a bundled profile's test is not run where the package is installed.
NOT_INSTALLED = "the bundled profiles' test samples are not installed with the package"


def installed_without_samples(profile: Profile) -> bool:
    """A profile of the rules inside the installed package: the wheel ships no samples for its tests.

    In a checkout the bundled rules are the project's own `rules/`, beside its `samples/`: there a
    missing sample is a failure, as for the user's profiles.
    """
    folder = bundled_rules_dir()
    package = Path(cleaner.__file__).resolve().parent
    return folder.parent == package and Path(profile.file).resolve().parent == folder


def sample_file(entry: dict[str, Any], profile: Profile, root: Path) -> Path:
    """A test's sample, relative to the project root, else to the folder above the profile's."""
    given = Path(entry["sample"])
    if given.is_absolute() or (root / given).exists():
        return root / given
    beside = Path(profile.file).resolve().parent.parent / given
    return beside if beside.exists() else root / given


def run_cases(
    profile: Profile, clean: Cleaner, root: Path, locator: Locator
) -> tuple[int, list[Failure], list[NotRun]]:
    """Run every test of `profile`: (how many ran, what failed, what was not run and why)."""
    failures: list[Failure] = []
    not_run: list[NotRun] = []
    for n, entry in enumerate(profile.tests):
        at = ("tests", n)
        sample = sample_file(entry, profile, root)

        def fail(message: str, *key: str | int, sample: str = entry["sample"], at: tuple[str | int, ...] = at) -> None:
            failures.append(Failure(profile.name, sample, message, locator.key(profile.name, (*at, *key))))

        if not sample.is_file() and installed_without_samples(profile):
            not_run.append(NotRun(profile.name, entry["sample"], NOT_INSTALLED, locator.key(profile.name, at)))
        elif not sample.is_file():
            fail(f"sample not found: {entry['sample']}", "sample")
        else:
            result = clean(sample, profile.name if profile.is_base else None)
            for message, key in _outcome(profile, entry, result):
                fail(message, *key)
    return len(profile.tests) - len(not_run), failures, not_run


def _outcome(profile: Profile, entry: dict[str, Any], result: Result) -> list[tuple[str, tuple[str | int, ...]]]:
    """What is wrong with a test's cleaned sample: (message, the key of the entry that says it)."""
    if not result.ok:
        return [(f"the sample could not be cleaned: {result.error}", ("sample",))]
    if result.profile != profile.name:
        return [(f"the sample selects profile {result.profile!r}, not {profile.name!r}", ("sample",))]
    return _expectations(entry, result)


def _expectations(entry: dict[str, Any], result: Result) -> list[tuple[str, tuple[str | int, ...]]]:
    record = result.to_dict()
    out: list[tuple[str, tuple[str | int, ...]]] = []
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
