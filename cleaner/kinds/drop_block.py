"""drop-block: remove a multi-line run that starts and ends at known lines.

## What it does
Finds each line in scope that matches (`text` or `pattern`): the start of a block. The block
runs to the first following line that `end` matches (inclusive), or, with `length`, over that
many non-blank lines. A start whose end is not found within `max-lines` non-blank lines removes
nothing, so a missing end never eats the article. Named groups of `pattern` and `end` become
captures.

## Options
- `pattern` (regex) and/or `text` (list of exact lines): the first line of the block.
- `end` (regex): the last line of the block; or `length` (integer): its size in non-blank lines.
- `max-lines` (30): the longest block `end` may close.
- `ignore-case` (false), `scope` (anywhere), `window` (10), `keep` (false) as for drop-line.

## Example
```yaml
related:
  kind: drop-block
  text: [Related Stories]
  end: '^More from '
```
Before: `…paragraph` / `Related Stories` / `Teaser one` / `Teaser two` / `More from Sports` /
`Next paragraph…`. After: `…paragraph` / `Next paragraph…`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cleaner.edits import Edit
from cleaner.kinds.matching import MATCH_OPTIONS, LineRule, compile_line_rule, compile_matcher
from cleaner.lines import Lines

NAME = "drop-block"
OPTIONS: dict[str, dict[str, Any]] = {
    **MATCH_OPTIONS,
    "end": {"type": "string", "format": "regex", "description": "Regex for the block's last line."},
    "length": {"type": "integer", "minimum": 1, "description": "Block size in non-blank lines."},
    "max-lines": {"type": "integer", "minimum": 1, "default": 30, "description": "Longest block `end` may close."},
}


@dataclass(frozen=True)
class BlockRule:
    start: LineRule
    end: re.Pattern[str] | None
    length: int | None
    max_lines: int


def compile(rule_id: str, profile: str, options: dict[str, Any]) -> BlockRule:
    if ("end" in options) == ("length" in options):
        raise ValueError("needs exactly one of `end` and `length`")
    end = compile_matcher(options.get("end"), None, options["ignore-case"]).pattern
    return BlockRule(compile_line_rule(rule_id, profile, options), end, options.get("length"), options["max-lines"])


def apply(conf: BlockRule, lines: Lines) -> Iterator[Edit]:
    taken = -1
    for i, caps in conf.start.matches(lines):
        if i <= taken:
            continue
        after = [j for j in lines.nonblank if j >= i]
        block = _block(conf, lines, after, caps)
        if block is not None:
            taken = block
            yield conf.start.edit(i, block, caps)


def _block(conf: BlockRule, lines: Lines, after: list[int], caps: dict[str, str]) -> int | None:
    """Index of the block's last line, adding the end line's captures to `caps`."""
    if conf.length is not None:
        return after[min(conf.length, len(after)) - 1]
    for j in after[1 : conf.max_lines]:
        found = conf.end.search(lines.texts[j]) if conf.end else None
        if found:
            caps.update({k: v.strip() for k, v in found.groupdict().items() if v and v.strip()})
            return j
    return None
