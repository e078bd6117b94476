"""A loaded, compiled profile: what selection and the engine work with."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from cleaner.lines import Lines
from cleaner.maintext.settings import Settings


@dataclass(frozen=True)
class CompiledRule:
    """One rule, ready to apply: its id, the profile that defined it, its kind and compiled options."""

    id: str
    profile: str
    kind: ModuleType
    conf: Any


@dataclass(frozen=True)
class LineMarks:
    """`match.lines`: the head and tail lines that tell a site's text dumps when no URL does."""

    patterns: tuple[re.Pattern[str], ...]
    at_least: int
    within: int
    literals: tuple[str | None, ...] = field(init=False)  # per pattern, the one line it matches (or None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "literals", tuple(literal(p) for p in self.patterns))

    def ends(self, lines: Lines) -> list[str]:
        """The page's first and last `within` non-blank lines."""
        head, tail = lines.nonblank[: self.within], lines.nonblank[-self.within :]
        return [lines.texts[i] for i in dict.fromkeys((*head, *tail))]

    def score(self, texts: Sequence[str], literal_hits: int | None = None) -> float:
        """The share of the patterns that match one of `texts` (the page's `ends`); 0 when fewer
        than `at_least` do (the page is not the site's). `literal_hits`: how many of the patterns
        that are one literal line the caller found already by their text (else they are searched)."""
        pairs = zip(self.patterns, self.literals, strict=True)
        searched = [p for p, line in pairs if literal_hits is None or line is None]
        found = (literal_hits or 0) + sum(any(p.search(text) for text in texts) for p in searched)
        return found / len(self.patterns) if found >= self.at_least else 0.0


def literal(pattern: re.Pattern[str]) -> str | None:
    """The one line an anchored pattern without special characters matches (`^Site Map$`), else
    None: such patterns are looked up by the line's text instead of searched one by one."""
    body = pattern.pattern
    if pattern.flags & re.IGNORECASE or not (body.startswith("^") and body.endswith("$")) or body.endswith("\\$"):
        return None
    text, chars = [], iter(body[1:-1])
    for char in chars:
        if char == "\\":
            char = next(chars, "a")
            if char.isalnum():
                return None  # \d, \s, \b ...
        elif char in ".^$*+?{}[]|()":
            return None
        text.append(char)
    return "".join(text)


@dataclass(frozen=True)
class Profile:
    """A site profile with its bases merged in: own rules first, then inherited ones."""

    name: str
    file: str
    chain: tuple[str, ...]
    domains: tuple[str, ...] = ()
    first_line: tuple[re.Pattern[str], ...] = ()
    lines: LineMarks | None = None  # match.lines
    rules: tuple[CompiledRule, ...] = ()
    date_formats: tuple[str, ...] = ()
    publisher: str | None = None
    html: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # key -> compiled Selectors
    favor: str = "balanced"  # html.favor: what trafilatura favours when there is no html.body
    second_opinion: bool = True  # html.second-opinion: trafilatura's readability/jusText comparison
    tests: tuple[dict[str, Any], ...] = ()
    main_text: Settings = field(default_factory=Settings)  # the generic main-text stage
    main_text_from: str = ""  # the profile whose `main-text.enabled` applies

    @property
    def is_base(self) -> bool:
        """Bases (`_base`, `_generic`) are extended or chosen explicitly, never matched to a page."""
        return self.name.startswith("_")
