"""`cleaner check`: the regression check CI runs over profiles, their tests and the golden files."""

from __future__ import annotations

from cleaner.check.golden import clean_sample, golden_path, render
from cleaner.check.runner import Options, Report, run_check

__all__ = ["Options", "Report", "clean_sample", "golden_path", "render", "run_check"]
