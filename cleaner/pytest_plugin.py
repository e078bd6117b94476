"""pytest plugin: pin your own sample pages to golden files, as `cleaner check` does.

Registered through the `pytest11` entry point, so installing cleaner is enough:

    def test_my_site(cleaner_golden):
        cleaner_golden.check("samples/mysite.com/2024-01-01-story.txt")

cleans the page with your profiles (ini option `cleaner_rules`, folders relative to the rootdir;
the bundled ones are always searched last) and compares it, with pytest-regressions, to
`<cleaner_golden_dir>/<domain>/<case>.json` (default `tests/golden`). On a difference the
failure starts with the same readable diff as `cleaner check`: fields changed, paragraphs lost or
gained, and the rule that now removes, or no longer removes, each. `pytest --force-regen`
rewrites the golden files (review the diff).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cleaner.check.diff import compare
from cleaner.check.formats import describe
from cleaner.check.golden import clean_sample, golden_path, render
from cleaner.check.locate import Locator
from cleaner.profiles import Rulebook, load_rulebook
from cleaner.result import Result


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("cleaner_rules", "profile folders for the cleaner_golden fixture", type="linelist", default=[])
    parser.addini("cleaner_golden_dir", "golden files of the cleaner_golden fixture", default="tests/golden")


@dataclass
class GoldenChecker:
    """What the `cleaner_golden` fixture gives: `check(page)` cleans it and compares with its golden file."""

    root: Path
    golden_dir: Path
    rulebook: Rulebook
    file_regression: Any

    def check(self, page: str | Path, golden: str | Path | None = None, *, profile: str | None = None) -> Result:
        """Clean `page` and compare with `golden` (default: `<golden dir>/<domain>/<case>.json`); return the result."""
        sample = Path(page) if Path(page).is_absolute() else self.root / page
        target = Path(golden) if golden else golden_path(self.golden_dir, sample)
        target = target if target.is_absolute() else self.root / target
        result = clean_sample(sample, self.root, self.rulebook, profile=profile)
        fresh = render(result)
        try:
            self.file_regression.check(fresh, fullpath=target)
        except AssertionError as exc:
            raise AssertionError(self.explain(target, result) + "\n\n" + str(exc)) from None
        return result

    def explain(self, target: Path, result: Result) -> str:
        """The readable diff between the golden file and the fresh record."""
        try:
            stored = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            return f"{result.source}: cannot read the golden file {target}: {exc}"
        lines = describe(compare(stored, result.to_dict()), Locator(self.rulebook, self.root))
        return f"{result.source} drifted from {target}:\n" + "\n".join(lines)


@pytest.fixture(scope="session")
def cleaner_rulebook(pytestconfig: pytest.Config) -> Rulebook:
    """Your profiles (ini `cleaner_rules`) before the bundled ones, loaded once per session."""
    root = pytestconfig.rootpath
    return load_rulebook([root / folder for folder in pytestconfig.getini("cleaner_rules")])


@pytest.fixture
def cleaner_golden(request: pytest.FixtureRequest, cleaner_rulebook: Rulebook) -> GoldenChecker:
    """Clean a page and check it against its golden file (pytest-regressions), with a readable diff."""
    config = request.config
    golden_dir = Path(config.getini("cleaner_golden_dir"))
    root = config.rootpath
    return GoldenChecker(
        root=root,
        golden_dir=golden_dir if golden_dir.is_absolute() else root / golden_dir,
        rulebook=cleaner_rulebook,
        file_regression=request.getfixturevalue("file_regression"),
    )
