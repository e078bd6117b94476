"""drop-line: remove every line that matches.

## What it does
Removes each non-blank line in scope that equals one of `text` or that `pattern` finds a match
in. Named groups of `pattern` (`author`, `email`, `date`, `publisher`, `title`) become captures.

## Options
- `pattern` (regex) and/or `text` (list of exact lines): what to match.
- `ignore-case` (false): match case-insensitively.
- `scope` (anywhere): `head`, `tail` or `anywhere`; `window` (10): how many non-blank lines
  from that end a head/tail rule looks at.
- `keep` (false): capture fields but leave the line in the text.

## Example
```yaml
contact-line:
  kind: drop-line
  scope: tail
  pattern: '^• (?P<author>.+?) can be reached at (?P<email>\\S+@\\S+?)\\.?$'
```
Before: `• Carlo Muñoz can be reached at cmunoz@washingtontimes.com.` as the fifth line from
the end. After: the line is gone; `author` and `email` are captured.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cleaner.edits import Edit
from cleaner.kinds.matching import MATCH_OPTIONS, LineRule, compile_line_rule
from cleaner.lines import Lines

NAME = "drop-line"
OPTIONS: dict[str, dict[str, Any]] = dict(MATCH_OPTIONS)


def compile(rule_id: str, profile: str, options: dict[str, Any]) -> LineRule:
    return compile_line_rule(rule_id, profile, options)


def apply(conf: LineRule, lines: Lines) -> Iterator[Edit]:
    for i, caps in conf.matches(lines):
        yield conf.edit(i, i, caps)
