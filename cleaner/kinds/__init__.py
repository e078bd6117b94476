"""The rule kinds: one module each, registered here by name.

A kind module has `NAME`, `OPTIONS` (JSON Schema of its options, with defaults), a docstring
that is its user documentation, `compile(rule_id, profile, options)` run once at profile load,
and `apply(conf, lines)` yielding edits. A new kind is one file and one line below.
"""

from __future__ import annotations

from types import ModuleType

from cleaner.kinds import cut_head, cut_tail, drop_block, drop_line

KINDS: dict[str, ModuleType] = {m.NAME: m for m in (drop_line, cut_tail, cut_head, drop_block)}
