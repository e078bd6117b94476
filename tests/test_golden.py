"""Every sample against its reviewed golden JSON (`pytest --force-regen` rewrites; review the diff)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.check import golden
from cleaner.engine import clean_or_fail
from tests.conftest import GOLDEN, ROOT, sample_id, sample_paths


@pytest.mark.parametrize("sample", sample_paths(), ids=sample_id)
def test_sample_matches_golden(sample: Path, file_regression, monkeypatch, rulebook) -> None:
    monkeypatch.chdir(ROOT)
    result = golden.clean_sample(sample, ROOT, rulebook)  # the same rendering `cleaner check` compares
    file_regression.check(golden.render(result), fullpath=golden.golden_path(GOLDEN, sample))


def test_sample_names_are_unique_per_domain() -> None:
    ids = [sample_id(p) for p in sample_paths()]
    assert len(ids) == len(set(ids))


def test_every_golden_has_its_sample() -> None:
    samples = {sample_id(p) for p in sample_paths()}
    goldens = {f"{p.parent.name}/{p.stem}" for p in GOLDEN.rglob("*.json")}
    assert goldens - samples == set()


@pytest.mark.parametrize("sample", sample_paths(), ids=sample_id)
def test_cleaning_is_idempotent(sample: Path, rulebook) -> None:
    """Cleaning the output again, with its profile or with the one it selects, removes nothing."""
    [first] = cleaner.clean_file(sample, rules=rulebook)
    for profile in (first.profile, None):
        again = cleaner.clean(first.text, profile=profile, rules=rulebook)
        assert again.trace["removed"] == []
        assert again.text == first.text


@pytest.mark.parametrize("sample", sample_paths(), ids=sample_id)
def test_sample_markdown_matches_golden(sample: Path, file_regression, monkeypatch, rulebook) -> None:
    """The sample's `markdown` beside its golden JSON (`<case>.md`), reviewed as a diff; asking
    for it never changes the text."""
    monkeypatch.chdir(ROOT)
    page = golden.read_sample(sample if sample.is_absolute() else ROOT / sample)
    result = clean_or_fail(page, rulebook, markdown=True)
    assert result.ok, result.error
    assert result.text == golden.clean_sample(sample, ROOT, rulebook).text
    file_regression.check(result.markdown, fullpath=golden.golden_path(GOLDEN, sample).with_suffix(".md"))
