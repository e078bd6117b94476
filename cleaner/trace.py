"""What a page's cleaning did, typed: which rule removed which run of lines, what a profile's
`html.prune` took out of the HTML, where each field came from, which extractor read the page.

The engine builds it; a record's `trace` key is its JSON view (`to_dict`), and the consumers
(`explain`, `check`, `scaffold`, `learn`) read it back through `Trace.of` instead of by string
keys. Records read from files (golden files, earlier runs) come back through `from_dict`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Removal:
    """A run of non-blank lines (`first`..`last`, 1-based) that one rule of one profile removed."""

    rule: str
    profile: str
    first: int
    last: int
    text: str  # the removed lines, one a line
    reason: str | None = None  # why, for rules that say (the main-text stage, the title)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def to_dict(self) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "rule": self.rule,
            "profile": self.profile,
            "lines": [self.first, self.last],
            "text": self.text,
        }
        return entry if self.reason is None else {**entry, "reason": self.reason}

    @classmethod
    def from_dict(cls, entry: Mapping[str, Any]) -> Removal:
        first, last = entry.get("lines") or (0, 0)
        return cls(
            str(entry.get("rule", "?")),
            str(entry.get("profile", "?")),
            int(first),
            int(last),
            str(entry.get("text", "")),
            entry.get("reason"),
        )


@dataclass(frozen=True)
class Pruned:
    """An HTML element a profile's `html.prune` selector removed before the text was extracted."""

    selector: str
    tag: str
    text: str  # its text, cut short

    def to_dict(self) -> dict[str, Any]:
        return {"selector": self.selector, "tag": self.tag, "text": self.text}

    @classmethod
    def from_dict(cls, entry: Mapping[str, Any]) -> Pruned:
        return cls(str(entry.get("selector", "?")), str(entry.get("tag", "?")), str(entry.get("text", "")))


@dataclass(frozen=True)
class Trace:
    fields: Mapping[str, str] = field(default_factory=dict)  # field name -> the rule or finder that gave it
    removed: tuple[Removal, ...] = ()
    pruned: tuple[Pruned, ...] = ()
    extractor: str | None = None  # which extractor read an HTML page's text (None: a text dump, html.body)

    def to_dict(self) -> dict[str, Any]:
        """The record's `trace`: `fields`, `removed`, then `pruned` and `extractor` when there are."""
        out: dict[str, Any] = {"fields": dict(self.fields), "removed": [r.to_dict() for r in self.removed]}
        if self.pruned:
            out["pruned"] = [p.to_dict() for p in self.pruned]
        if self.extractor:
            out["extractor"] = self.extractor
        return out

    @classmethod
    def from_dict(cls, trace: Mapping[str, Any] | None) -> Trace:
        """A record's `trace` read back (what is missing is empty: `--trace none` records, errors)."""
        trace = trace or {}
        return cls(
            dict(trace.get("fields") or {}),
            tuple(Removal.from_dict(entry) for entry in trace.get("removed") or ()),
            tuple(Pruned.from_dict(entry) for entry in trace.get("pruned") or ()),
            trace.get("extractor"),
        )

    @classmethod
    def of(cls, record: Any) -> Trace:
        """The trace of a Result (or of anything with a `trace` mapping)."""
        return cls.from_dict(getattr(record, "trace", None))
