"""Every error kind a record can carry is listed once (`ERROR_KINDS`) and explained in the README."""

from __future__ import annotations

import re

from cleaner.errors import ERROR_KINDS
from tests.conftest import ROOT

# `PageError("kind", …)`, `Result.failed(source, "kind", …)`, `_failed(item, "kind", …)`, `KIND = "kind"`
_RAISED = re.compile(
    r'PageError\(\s*"([a-z-]+)"|failed\(\s*[\w.]+,\s*"([a-z-]+)"|^[A-Z_]+ = "([a-z-]+)"  # the error', re.M
)


def kinds_in_the_code() -> set[str]:
    found = set()
    for path in (ROOT / "cleaner").rglob("*.py"):
        for match in _RAISED.finditer(path.read_text(encoding="utf-8")):
            found.add(next(group for group in match.groups() if group))
    return found


def test_every_kind_the_code_gives_is_listed() -> None:
    found = kinds_in_the_code()
    assert {"read", "json", "decode", "timeout", "worker-died", "too-large"} <= found  # the scan sees them
    assert found <= set(ERROR_KINDS), found - set(ERROR_KINDS)


def test_the_readme_explains_every_kind() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [kind for kind in ERROR_KINDS if f"| `{kind}` |" not in readme] == []
