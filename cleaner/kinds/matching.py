"""What every line-matching rule shares: a regex and/or a list of exact texts, a scope, a window.

The named groups of a pattern that are field names (`author`, `email`, `date`, `publisher`,
`title`) become captures; the profile loader rejects any other group name so a typo in a
group name is an error, not a silently lost field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from cleaner.edits import FIELDS, Edit
from cleaner.lines import Lines, Scope

#: JSON Schema of the options every matching kind accepts, with their defaults.
MATCH_OPTIONS: dict[str, dict[str, Any]] = {
    "pattern": {
        "type": "string",
        "format": "regex",
        "description": "Python regex searched in each line (anchor it with ^ and $ yourself).",
    },
    "text": {
        "type": "array",
        "items": {"type": "string"},
        "description": "Exact lines (surrounding whitespace ignored).",
    },
    "ignore-case": {"type": "boolean", "default": False, "description": "Match case-insensitively."},
    "scope": {
        "enum": ["head", "tail", "anywhere"],
        "default": "anywhere",
        "description": "Where on the page the line may stand.",
    },
    "window": {
        "type": "integer",
        "minimum": 1,
        "default": 10,
        "description": "With scope head/tail: how many non-blank lines from that end.",
    },
    "max-length": {
        "type": "integer",
        "minimum": 1,
        "description": "Only lines of at most this many characters can match (chrome is short; prose is not).",
    },
    "contains": {
        "type": "array",
        "items": {"type": "string"},
        "description": "Only lines containing one of these (any case) are tried: a cheap prefilter.",
    },
    "keep": {
        "type": "boolean",
        "default": False,
        "description": "Capture fields from the line but do not remove it.",
    },
}

#: Options common to every rule, whatever its kind.
COMMON_OPTIONS: dict[str, dict[str, Any]] = {
    "kind": {"type": "string", "description": "The rule kind (see `cleaner profiles kinds`)."},
    "disable": {"type": "boolean", "default": False, "description": "Turn off an inherited rule."},
    "description": {"type": "string", "description": "Why the rule exists; for reviewers."},
}


@dataclass(frozen=True)
class Matcher:
    """A compiled `pattern` / `text` pair."""

    pattern: re.Pattern[str] | None
    texts: frozenset[str]
    ignore_case: bool
    longest: int = 0

    def match(self, line: str) -> dict[str, str] | None:
        """The line's field captures if it matches (possibly empty), else None."""
        if self.texts and len(line) <= 2 * self.longest:
            key = " ".join(line.split())
            if (key.casefold() if self.ignore_case else key) in self.texts:
                return {}
        if self.pattern is not None:
            found = self.pattern.search(line)
            if found:
                return {k: v.strip() for k, v in found.groupdict().items() if v and v.strip()}
        return None


def compile_matcher(pattern: str | None, texts: list[str] | None, ignore_case: bool) -> Matcher:
    """Compile once at profile load; `re.error` propagates for the loader to locate."""
    flags = re.IGNORECASE if ignore_case else 0
    compiled = re.compile(pattern, flags) if pattern else None
    if compiled is not None:
        unknown = sorted(set(compiled.groupindex) - set(FIELDS))
        if unknown:
            raise re.error(f"named group {unknown[0]!r} is not a field (use one of {', '.join(FIELDS)})")
    fold = str.casefold if ignore_case else str
    keys = frozenset(fold(" ".join(t.split())) for t in texts or ())
    return Matcher(compiled, keys, ignore_case, max(map(len, keys), default=0))


@dataclass(frozen=True)
class LineRule:
    """Compiled options of a matching rule, stamped with its id and profile."""

    id: str
    profile: str
    matcher: Matcher
    scope: Scope
    window: int
    keep: bool
    max_length: int | None = None
    contains: re.Pattern[str] | None = None  # alternation of the casefolded `contains` words

    def matches(self, lines: Lines) -> Iterator[tuple[int, dict[str, str]]]:
        """(index, captures) of each in-scope line that matches, in page order."""
        candidates: Sequence[int] = lines.in_scope(self.scope, self.window)
        if self.max_length is not None:
            texts, limit = lines.texts, self.max_length
            candidates = [i for i in candidates if len(texts[i]) <= limit]
        if self.contains:
            folded, search = lines.folded, self.contains.search
            candidates = [i for i in candidates if search(folded[i])]
        texts, matcher = lines.texts, self.matcher
        if not matcher.texts and matcher.pattern is not None:  # the common case, without a call per line
            search = matcher.pattern.search
            for i in candidates:
                if found := search(texts[i]):
                    yield i, {k: v.strip() for k, v in found.groupdict().items() if v and v.strip()}
            return
        for i in candidates:
            caps = matcher.match(texts[i])
            if caps is not None:
                yield i, caps

    def edit(self, start: int, end: int, captures: dict[str, str] | None = None) -> Edit:
        return Edit(self.id, self.profile, start, end, captures or {}, self.keep)

    def cut(self, start: int, end: int, *, marker: int, inclusive: bool, captures: dict[str, str]) -> Iterator[Edit]:
        """Edits removing `start`..`end`, sparing the `marker` line when not `inclusive`.

        A spared marker still yields its captures, as a keep-edit, so no field is lost.
        """
        if not inclusive:
            if captures:
                yield Edit(self.id, self.profile, marker, marker, captures, True)
            captures = {}
            start, end = (marker + 1, end) if marker == start else (start, marker - 1)
        if start <= end:
            yield self.edit(start, end, captures)


def compile_line_rule(rule_id: str, profile: str, options: dict[str, Any]) -> LineRule:
    """Build the shared part of a matching rule from validated options with defaults filled."""
    if not options.get("pattern") and not options.get("text"):
        raise ValueError("needs `pattern` or `text`")
    matcher = compile_matcher(options.get("pattern"), options.get("text"), options["ignore-case"])
    return LineRule(
        rule_id,
        profile,
        matcher,
        options["scope"],
        options["window"],
        options["keep"],
        options.get("max-length"),
        re.compile("|".join(re.escape(w.casefold()) for w in options["contains"])) if options.get("contains") else None,
    )
