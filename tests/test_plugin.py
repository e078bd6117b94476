"""The pytest plugin (pytest11 entry point): a test suite outside this project pins its own samples."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.checkproject import CASE, DOMAIN, PAGE, PROFILE
from tests.conftest import ROOT

SUITE = f"""
def test_page(cleaner_golden):
    result = cleaner_golden.check("samples/{DOMAIN}/{CASE}.txt")
    assert result.author == "Mara Quist"
"""


def run_pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's cleaner, found as a plugin by its entry point
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_plugin_pins_a_foreign_suites_samples_with_a_readable_diff(tmp_path: Path) -> None:
    suite = tmp_path / "their-project"
    (suite / "rules").mkdir(parents=True)
    (suite / "rules" / f"{DOMAIN}.yaml").write_text(PROFILE, encoding="utf-8")
    (suite / "samples" / DOMAIN).mkdir(parents=True)
    (suite / "samples" / DOMAIN / f"{CASE}.txt").write_text(PAGE, encoding="utf-8")
    (suite / "tests").mkdir()
    (suite / "tests" / "test_site.py").write_text(SUITE, encoding="utf-8")
    (suite / "pytest.ini").write_text("[pytest]\ncleaner_rules = rules\n", encoding="utf-8")
    golden = suite / "tests" / "golden" / DOMAIN / f"{CASE}.json"

    first = run_pytest(suite)  # no golden yet: pytest-regressions writes it and fails once
    assert first.returncode == 1 and golden.is_file(), first.stdout + first.stderr
    second = run_pytest(suite)
    assert second.returncode == 0 and "1 passed" in second.stdout, second.stdout + second.stderr

    profile = suite / "rules" / f"{DOMAIN}.yaml"
    profile.write_text(PROFILE.replace(r"Media 20\d\d$", r"Media 19\d\d$"), encoding="utf-8")
    broken = run_pytest(suite)
    assert broken.returncode == 1
    assert f"samples/{DOMAIN}/{CASE}.txt drifted from" in broken.stdout
    assert "+ gained: 'Lakeview Tribune Media 2024'" in broken.stdout
    assert f"no longer removed by rule footer ({DOMAIN}) at rules/{DOMAIN}.yaml:" in broken.stdout

    assert run_pytest(suite, "--force-regen").returncode == 1  # rewrites the golden file
    assert "Lakeview Tribune Media 2024" in golden.read_text(encoding="utf-8").split('"text"')[1].split("\n")[0]
    assert run_pytest(suite).returncode == 0
