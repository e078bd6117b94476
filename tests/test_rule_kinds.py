"""Rule-kind cases from tests/cases/kinds/*.yaml: each runs through a real profile and the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import cleaner
from cleaner.kinds import KINDS
from cleaner.kinds.docs import reference

CASES = sorted(Path(__file__).parent.glob("cases/kinds/*.yaml"))


def _cases():
    for path in CASES:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_rule_kind_case(case: dict, profile_dir) -> None:
    profile = {"profile": "case", "rules": {"under-test": case["rule"]}}
    profile_dir("case.yaml", yaml.safe_dump(profile, allow_unicode=True))
    book = cleaner.load_rulebook([profile_dir.folder])
    result = cleaner.clean(case["page"], profile="case", rules=book)
    removed = [n for e in result.trace["removed"] for n in range(e["lines"][0], e["lines"][1] + 1)]
    lines = case["page"].splitlines()
    assert [n for n in removed if lines[n - 1].strip()] == case["removed"]
    assert all(e["rule"] == "under-test" for e in result.trace["removed"])
    captured = {k: v for k, v in result.to_dict().items() if result.trace["fields"].get(k) == "under-test"}
    assert captured == case.get("captures", {})


def test_every_kind_has_cases_and_documentation() -> None:
    assert {p.stem for p in CASES} == set(KINDS)
    doc = reference()
    for name, module in KINDS.items():
        assert f"## {name}" in doc
        for heading in ("## What it does", "## Options", "## Example"):
            assert heading in (module.__doc__ or ""), f"{name} lacks {heading}"
