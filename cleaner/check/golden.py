"""Golden files: where a sample's expected JSON lives and how it is written, byte for byte.

`cleaner check`, `tests/test_golden.py` and the pytest plugin all render through `render`, so
a golden file written by one is what the others expect.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterator
from pathlib import Path

import cleaner
from cleaner.profiles import Rulebook
from cleaner.readers import walk
from cleaner.result import Result


def render(result: Result) -> str:
    """The golden file's text for one cleaned page."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def case_name(sample: Path) -> str:
    """`2017-08-17-north-korea` for `…/2017-08-17-north-korea.txt` (and for `….txt.gz`)."""
    name = sample.name[:-3] if sample.name.endswith(".gz") else sample.name
    return Path(name).stem


def golden_path(golden_dir: Path, sample: Path) -> Path:
    """`<golden>/<domain>/<case>.json`: the sample's folder names the domain."""
    return golden_dir / sample.parent.name / f"{case_name(sample)}.json"


def sample_paths(samples_dir: Path) -> list[Path]:
    """Every page file under `samples_dir` that a folder walk would clean, sorted."""
    return sorted(walk(samples_dir)) if samples_dir.is_dir() else []


def orphan_goldens(golden_dir: Path, samples: list[Path]) -> list[Path]:
    """Golden files that no sample has."""
    expected = {golden_path(golden_dir, s).resolve() for s in samples}
    found = sorted(golden_dir.rglob("*.json")) if golden_dir.is_dir() else []
    return [p for p in found if p.resolve() not in expected]


def relative_source(path: Path, root: Path) -> str:
    """The sample as the golden file names it: relative to the project root, with `/`."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(os.path.relpath(path.resolve(), root.resolve())).as_posix()


def clean_sample(sample: Path, root: Path, rulebook: Rulebook, *, profile: str | None = None) -> Result:
    """Clean one sample file; its `source` is its path relative to `root`, whatever the cwd."""
    results = list(cleaner.clean_file(sample, rules=rulebook, profile=profile))
    if len(results) != 1:
        raise ValueError(f"{sample}: a sample must hold one page, it holds {len(results)}")
    return dataclasses.replace(results[0], source=relative_source(sample, root))


def iter_goldens(samples: list[Path], golden_dir: Path) -> Iterator[tuple[Path, Path]]:
    for sample in samples:
        yield sample, golden_path(golden_dir, sample)
