"""`cleaner check`: validate the profiles, run their tests, compare every sample with its golden file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cleaner import exit_codes
from cleaner.check import golden
from cleaner.check.cases import Failure, NotRun, run_cases
from cleaner.check.coverage import Coverage, coverage, matched
from cleaner.check.diff import Changes, compare
from cleaner.check.locate import Locator
from cleaner.engine import Cleaned
from cleaner.errors import ProfileError
from cleaner.profiles import Profile, Rulebook, bundled_rules_dir, errors_of, load_rulebook
from cleaner.result import Result


@dataclass(frozen=True)
class Options:
    """What to check. Relative paths are taken from `root` (golden `source`s do not depend on it: `sample_source`)."""

    rules: tuple[Path, ...] = ()
    samples: Path = Path("samples")
    golden: Path = Path("tests/golden")
    root: Path = Path(".")
    update: bool = False

    def at_root(self, path: Path) -> Path:
        return path if path.is_absolute() else self.root / path


@dataclass
class Drift:
    """A sample whose fresh record differs from its golden file (or that has none)."""

    sample: str
    golden: str
    changes: Changes
    missing: bool = False
    updated: bool = False


@dataclass
class Report:
    profile_errors: list[ProfileError] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    not_run: list[NotRun] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    drift: list[Drift] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)
    collisions: list[tuple[str | Path, ...]] = field(default_factory=list)  # (golden file, samples…)
    coverage: Coverage | None = None
    samples: int = 0
    tests: int = 0
    profiles: int = 0
    locator: Locator | None = None
    root: Path = Path(".")

    @property
    def exit_code(self) -> int:
        if self.profile_errors:
            return exit_codes.USAGE
        unrepaired = [d for d in self.drift if not d.updated]
        return exit_codes.FAILED if self.failures or unrepaired or self.orphans or self.collisions else exit_codes.OK


def run_check(options: Options) -> Report:
    """Everything `cleaner check` does, as data; the CLI only formats it."""
    dirs = tuple(options.at_root(d) for d in options.rules) or (bundled_rules_dir(),)
    try:
        rulebook = load_rulebook(options.rules and dirs)
    except ProfileError as exc:  # a load reports every error at once: one report line, one annotation each
        return Report(profile_errors=errors_of(exc), root=options.root)
    locator = Locator(rulebook, options.root)
    checked = checked_profiles(rulebook, dirs)
    cache = _Cleaned(rulebook)
    report = Report(profiles=len(checked), locator=locator, root=options.root)
    for profile in sorted(checked, key=lambda p: p.name):  # 1. each profile's own tests
        ran, failed, not_run = run_cases(profile, cache.clean, options.root, locator)
        report.tests += ran
        report.failures += failed
        report.not_run += not_run
    samples_dir = options.at_root(options.samples)
    samples = golden.sample_paths(samples_dir)  # 2. every sample vs its golden
    if not samples_dir.is_dir():
        report.notes.append(f"{locator.display(samples_dir)} is not a folder: no sample compared with a golden file")
    golden_dir = options.at_root(options.golden)
    report.samples = len(samples)
    report.collisions = _collisions(samples, golden_dir, locator)
    shadowed = {s for group in report.collisions for s in group[2:]}
    drifts = (_compare(s, golden_dir, cache.clean(s, None), options, locator) for s in samples if s not in shadowed)
    report.drift = [d for d in drifts if d is not None]
    report.orphans = [locator.display(p) for p in golden.orphan_goldens(golden_dir, samples)]
    if cache.results:  # 3. which rules fired (on no sample at all, every rule would be "dead")
        report.coverage = coverage(cache.results.values(), rulebook, checked)
    return report


def _collisions(samples: list[Path], golden_dir: Path, locator: Locator) -> list[tuple[str | Path, ...]]:
    """(golden file, sample, other samples…) for samples that would share one golden file."""
    by_golden: dict[Path, list[Path]] = {}
    for sample in samples:
        by_golden.setdefault(golden.golden_path(golden_dir, sample), []).append(sample)
    return [(locator.display(g), *group) for g, group in by_golden.items() if len(group) > 1]


@dataclass
class _Cleaned:
    """Each sample cleaned once, whether a golden file or a profile test asks for it."""

    rulebook: Rulebook
    results: dict[tuple[Path, str | None], tuple[Result, set[tuple[str, str]]]] = field(default_factory=dict)

    def clean(self, sample: Path, profile: str | None) -> Result:
        key = (sample.resolve(), profile)
        if key not in self.results:
            cleaned = golden.stages_read(golden.read_sample(sample), sample, self.rulebook, profile=profile)
            if isinstance(cleaned, Cleaned):
                self.results[key] = (cleaned.result, matched(cleaned))
            else:
                self.results[key] = (cleaned, set())
        return self.results[key][0]


def _compare(sample: Path, golden_dir: Path, result: Result, options: Options, locator: Locator) -> Drift | None:
    path = golden.golden_path(golden_dir, sample)
    fresh = golden.render(result)
    stored = path.read_text(encoding="utf-8") if path.is_file() else None
    if stored == fresh:
        return None
    drift = Drift(locator.display(sample), locator.display(path), Changes(), missing=stored is None)
    if stored is not None:
        try:
            drift.changes = compare(json.loads(stored), result.to_dict())
        except json.JSONDecodeError as exc:
            drift.changes.other.append(f"the golden file is not JSON: {exc}")
        if not drift.changes:
            drift.changes.other.append("formatting of the golden file differs")
    if options.update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(fresh, encoding="utf-8")
        drift.updated = True
    return drift


def checked_profiles(rulebook: Rulebook, dirs: Sequence[Path]) -> list[Profile]:
    wanted = {d.resolve() for d in dirs}
    return [p for p in rulebook.profiles.values() if Path(p.file).resolve().parent in wanted]
