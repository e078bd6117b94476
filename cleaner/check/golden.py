"""Golden files: where a sample's expected JSON lives and how it is written, byte for byte.

`cleaner check`, `tests/test_golden.py` and the pytest plugin all render through `render`, so
a golden file written by one is what the others expect, from any working folder (`sample_source`).
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from cleaner.engine import Cleaned, stages_or_fail
from cleaner.page import Page
from cleaner.profiles import Rulebook
from cleaner.readers import iter_pages, walk
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


def sample_source(sample: Path) -> str:
    """The `source` a golden record gives its sample: `samples/<domain>/<file>`, the samples folder's
    name, the domain folder and the file, and nothing from above the samples folder.

    A path from the working folder or from `--root` made the same golden file pass from one folder
    and drift from another, or under another spelling of the same path; these three names are the
    same from anywhere, and the last two are the ones that place the golden file (`golden_path`).
    """
    return "/".join(Path(os.path.abspath(sample)).parts[1:][-3:])  # parts[0] is the anchor, `/` or `C:\\`


def relative_source(path: Path, root: Path) -> str:
    """A path as a profile's `tests:` entry names its sample: relative to the project root, with `/`."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(os.path.relpath(path.resolve(), root.resolve())).as_posix()


def read_sample(sample: Path) -> Page | Result:
    """The sample's one page (or the error record of a sample that cannot be read)."""
    pages = list(iter_pages([str(sample)]))
    if len(pages) != 1:
        raise ValueError(f"{sample}: a sample must hold one page, it holds {len(pages)}")
    return pages[0]


def clean_sample(sample: Path, root: Path, rulebook: Rulebook, *, profile: str | None = None) -> Result:
    """Clean one sample file, a relative `sample` taken from `root` (as `cleaner check --root` does).

    The record's `source` is `sample_source`, the same whatever the working folder or `root`.
    """
    path = sample if sample.is_absolute() else root / sample
    return clean_read(read_sample(path), path, rulebook, profile=profile)


def clean_read(page: Page | Result, sample: Path, rulebook: Rulebook, *, profile: str | None = None) -> Result:
    """`clean_sample` for a sample already read."""
    done = stages_read(page, sample, rulebook, profile=profile)
    return done.result if isinstance(done, Cleaned) else done


def stages_read(
    page: Page | Result, sample: Path, rulebook: Rulebook, *, profile: str | None = None
) -> Cleaned | Result:
    """`clean_read`, keeping what the stages made (`engine.run_stages`)."""
    if profile:
        rulebook.get(profile)
    done = page if isinstance(page, Result) else stages_or_fail(page, rulebook, profile=profile)
    if isinstance(done, Result):
        return dataclasses.replace(done, source=sample_source(sample))
    return dataclasses.replace(done, result=dataclasses.replace(done.result, source=sample_source(sample)))
