"""A readable diff between a golden record and a fresh one: fields, paragraphs, and the rules to blame.

Paragraphs lost from the text are blamed on the rule that now removes them; paragraphs gained
on the rule that used to remove them. Lines still removed but by another rule are listed too.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cleaner.trace import Removal, Trace

FIELD_KEYS = ("profile", "url", "title", "author", "authors", "email", "publisher", "date", "language")


@dataclass(frozen=True)
class Blame:
    """The rule (id and defining profile) responsible for a line's fate."""

    rule: str
    profile: str
    reason: str | None = None

    def __str__(self) -> str:
        return f"{self.rule} ({self.profile}{', ' + self.reason if self.reason else ''})"


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any
    old_source: str | None = None
    new_source: str | None = None


@dataclass(frozen=True)
class LineChange:
    """A paragraph `lost` from the text or `gained` in it, or `moved` from one removing rule to another."""

    change: str
    text: str
    blame: Blame | None = None
    was: Blame | None = None


@dataclass
class Changes:
    """Everything that differs between two records of the same sample."""

    fields: list[FieldChange] = field(default_factory=list)
    lines: list[LineChange] = field(default_factory=list)
    other: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.fields or self.lines or self.other)


def compare(old: dict[str, Any], new: dict[str, Any]) -> Changes:
    """What changed from the golden record `old` to the fresh record `new`."""
    changes = Changes()
    if "error" in old or "error" in new:
        if old.get("error") != new.get("error"):
            changes.other.append(f"error: {_error(old)} -> {_error(new)}")
        return changes
    old_trace, new_trace = old.get("trace") or {}, new.get("trace") or {}
    was, now = Trace.from_dict(old_trace), Trace.from_dict(new_trace)
    changes.fields = _fields(old, new, was.fields, now.fields)
    changes.lines = _lines(old, new, was.removed, now.removed)
    for key in sorted(set(old_trace) | set(new_trace) - {"fields", "removed"}):
        if key not in ("fields", "removed") and old_trace.get(key) != new_trace.get(key):
            changes.other.append(f"trace.{key} changed")
    if not changes and old != new:
        changes.other.append(_layout(old, new))
    return changes


def _error(record: dict[str, Any]) -> str:
    error = record.get("error")
    return f"{error['kind']} ({error['message']})" if error else "cleaned"


def _fields(
    old: dict[str, Any], new: dict[str, Any], old_src: Mapping[str, str], new_src: Mapping[str, str]
) -> list[FieldChange]:
    out = []
    for key in FIELD_KEYS:
        if key == "authors":  # said by `author` unless only the later names changed
            changed = old.get(key) != new.get(key) and old.get("author") == new.get("author")
        else:
            changed = old.get(key) != new.get(key) or old_src.get(key) != new_src.get(key)
        if changed:
            src = "author" if key == "authors" else key
            out.append(FieldChange(key, old.get(key), new.get(key), old_src.get(src), new_src.get(src)))
    return out


def _paragraphs(text: str) -> list[str]:
    return [line for line in (text or "").split("\n") if line]


def _removers(removed: Sequence[Removal]) -> dict[str, Blame]:
    """Each removed line's text -> the rule that removed it (first occurrence wins)."""
    found: dict[str, Blame] = {}
    for run in removed:
        blame = Blame(run.rule, run.profile, run.reason)
        for line in run.lines:
            found.setdefault(line, blame)
    return found


def _lines(
    old: dict[str, Any], new: dict[str, Any], old_removed: Sequence[Removal], new_removed: Sequence[Removal]
) -> list[LineChange]:
    before, after = _paragraphs(old.get("text", "")), _paragraphs(new.get("text", ""))
    was_removed, now_removed = _removers(old_removed), _removers(new_removed)
    out: list[LineChange] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            out += [LineChange("lost", t, now_removed.get(t)) for t in before[a1:a2]]
        if op in ("insert", "replace"):
            out += [LineChange("gained", t, None, was_removed.get(t)) for t in after[b1:b2]]
    for text, blame in now_removed.items():
        was = was_removed.get(text)
        if was is not None and (was.rule, was.profile) != (blame.rule, blame.profile):
            out.append(LineChange("moved", text, blame, was))
    return out


def _layout(old: dict[str, Any], new: dict[str, Any]) -> str:
    if old.get("text") != new.get("text"):
        return "paragraph breaks changed (same paragraphs, different blank lines between them)"
    keys = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    return "changed: " + ", ".join(keys) if keys != ["trace"] else "removed-line numbers or runs changed"
