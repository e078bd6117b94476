"""cut-tail: remove a marker line and everything after it.

## What it does
Finds the first line in scope that matches (`text` or `pattern`) and removes it and every line
after it to the end of the page. Use it for footers whose first line is stable and whose rest
varies. Named groups of `pattern` become captures.

## Options
- `pattern` (regex) and/or `text` (list of exact lines): the marker.
- `ignore-case` (false).
- `scope` (tail) and `window` (15): where the marker may stand; the default keeps a marker
  that also occurs in the article body from cutting the article.
- `inclusive` (true): remove the marker line itself too.
- `keep` (false): capture only, remove nothing.

## Example
```yaml
footer:
  kind: cut-tail
  pattern: '^Copyright © \\d{4} The Washington Times, LLC\\.'
```
Before: `…last paragraph` / `Copyright © 2023 The Washington Times, LLC. …` / `Click to Hide`.
After: `…last paragraph`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cleaner.edits import Edit
from cleaner.kinds.matching import MATCH_OPTIONS, LineRule, compile_line_rule
from cleaner.lines import Lines

NAME = "cut-tail"
OPTIONS: dict[str, dict[str, Any]] = {
    **MATCH_OPTIONS,
    "scope": {**MATCH_OPTIONS["scope"], "default": "tail"},
    "window": {**MATCH_OPTIONS["window"], "default": 15},
    "inclusive": {"type": "boolean", "default": True, "description": "Remove the marker line too."},
}


def compile(rule_id: str, profile: str, options: dict[str, Any]) -> tuple[LineRule, bool]:
    return compile_line_rule(rule_id, profile, options), options["inclusive"]


def apply(conf: tuple[LineRule, bool], lines: Lines) -> Iterator[Edit]:
    rule, inclusive = conf
    for i, caps in rule.matches(lines):
        yield from rule.cut(i, len(lines) - 1, marker=i, inclusive=inclusive, captures=caps)
        return
