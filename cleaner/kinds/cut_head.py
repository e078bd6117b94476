"""cut-head: remove everything from the top of the page down to a marker line.

## What it does
Finds the last line in scope that matches (`text` or `pattern`) and removes it and every line
before it. Use it for page headers (menus, "Skip to content", section names) that end in a
stable line. Named groups of `pattern` become captures.

## Options
- `pattern` (regex) and/or `text` (list of exact lines): the marker.
- `ignore-case` (false).
- `scope` (head) and `window` (15): where the marker may stand.
- `inclusive` (true): remove the marker line itself too.
- `keep` (false): capture only, remove nothing.

## Example
```yaml
masthead:
  kind: cut-head
  text: [Skip to main content]
```
Before: `Home` / `World` / `Skip to main content` / `First paragraph…`.
After: `First paragraph…`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cleaner.edits import Edit
from cleaner.kinds.cut_tail import OPTIONS as CUT_OPTIONS
from cleaner.kinds.matching import LineRule, compile_line_rule
from cleaner.lines import Lines

NAME = "cut-head"
OPTIONS: dict[str, dict[str, Any]] = {**CUT_OPTIONS, "scope": {**CUT_OPTIONS["scope"], "default": "head"}}


def compile(rule_id: str, profile: str, options: dict[str, Any]) -> tuple[LineRule, bool]:
    return compile_line_rule(rule_id, profile, options), options["inclusive"]


def apply(conf: tuple[LineRule, bool], lines: Lines) -> Iterator[Edit]:
    rule, inclusive = conf
    found = list(rule.matches(lines))
    if found:
        i, caps = found[-1]
        yield from rule.cut(0, i, marker=i, inclusive=inclusive, captures=caps)
