"""An edit: a rule's claim that a run of lines is chrome, with the fields it captured."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

FIELDS = ("title", "author", "email", "publisher", "date")


@dataclass(frozen=True)
class Edit:
    """Lines `start`..`end` (0-based, inclusive) marked by rule `rule` of profile `profile`.

    `keep` edits capture fields without removing anything (a rule with `keep: true`).
    `reason`, when set, says why the lines go; the trace entry carries it.
    """

    rule: str
    profile: str
    start: int
    end: int
    captures: Mapping[str, str] = field(default_factory=dict)
    keep: bool = False
    reason: str | None = None
