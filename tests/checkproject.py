"""A small throwaway project (profile, sample, golden file) for the check, explain and scaffold tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import cleaner
from cleaner.check import golden

ROOT = Path(__file__).resolve().parent.parent

DOMAIN = "lakeview.example"
CASE = "2024-05-01-ferry"
PROFILE = r"""# Lakeview Tribune: masthead on top, the reporter's sign-off and a media footer at the end.
profile: lakeview.example
extends: _base
match:
  domains: [lakeview.example]
  first-line: '^LAKEVIEW TRIBUNE$'
rules:
  masthead:
    kind: drop-line
    scope: head
    window: 2
    text: [LAKEVIEW TRIBUNE]
  signoff:
    kind: drop-line
    scope: tail
    pattern: '^(?P<author>[A-Z][a-z]+ [A-Z][a-z]+) writes for the Tribune\.$'
  footer:
    kind: cut-tail
    pattern: '^Lakeview Tribune Media 20\d\d$'
tests:
  - sample: samples/lakeview.example/2024-05-01-ferry.txt
    expect: {author: Mara Quist}
    text-contains: [The ferry will run twice an hour]
    text-lacks: [LAKEVIEW TRIBUNE, Lakeview Tribune Media]
"""
PAGE = """LAKEVIEW TRIBUNE

The ferry will run twice an hour from June, the harbour board said on Tuesday, after a winter of crowded crossings.

Board members voted five to two for the new timetable, which adds an early boat for commuters and a late one.

The board will review the timetable in October, when the tourist season ends and the winter crossings resume.

Mara Quist writes for the Tribune.

Lakeview Tribune Media 2024
Reprint rights available on request
"""


def make_project(root: Path) -> Path:
    """rules/, samples/<domain>/<case>.txt and tests/golden/<domain>/<case>.json under `root`."""
    (root / "rules").mkdir(parents=True)
    (root / "rules" / f"{DOMAIN}.yaml").write_text(PROFILE, encoding="utf-8")
    sample = root / "samples" / DOMAIN / f"{CASE}.txt"
    sample.parent.mkdir(parents=True)
    sample.write_text(PAGE, encoding="utf-8")
    write_golden(root, sample)
    return root


def write_golden(root: Path, sample: Path) -> Path:
    book = cleaner.load_rulebook([root / "rules"])
    path = golden.golden_path(root / "tests" / "golden", sample)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(golden.render(golden.clean_sample(sample, root, book)), encoding="utf-8")
    return path


def edit_profile(root: Path, old: str, new: str) -> int:
    """Replace `old` by `new` in the profile; the 1-based line of the change."""
    path = root / "rules" / f"{DOMAIN}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def profile_line(root: Path, needle: str) -> int:
    text = (root / "rules" / f"{DOMAIN}.yaml").read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def package_copy(folder: Path, *, installed: bool) -> Path:
    """This checkout's package under `folder`, its rules inside it as the wheel installs them, or
    beside it as in a checkout; `folder` is the PYTHONPATH entry that runs this copy."""
    shutil.copytree(ROOT / "cleaner", folder / "cleaner", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", folder / "cleaner" / "rules" if installed else folder / "rules")
    return folder


def run_cleaner(cwd: Path, *args: str, package: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m cleaner ARGS` in `cwd`, as a user runs it there, with the package found in `package`."""
    env = {**os.environ, "PYTHONPATH": str(package)}
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
