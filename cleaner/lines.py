"""The page as numbered lines: what every rule kind reads and no rule kind changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Scope = Literal["head", "tail", "anywhere"]


@dataclass(frozen=True)
class Lines:
    """Lines of a page, whitespace-trimmed, with the indices of the non-blank ones.

    Windows (`head`, `tail`) count non-blank lines, because dumps differ in how many blank
    lines they put between paragraphs but not in how many paragraphs of chrome they carry.
    """

    texts: tuple[str, ...]
    nonblank: tuple[int, ...] = field(init=False)
    folded: tuple[str, ...] = field(init=False, repr=False)  # casefolded, for case-blind prefilters

    def __post_init__(self) -> None:
        object.__setattr__(self, "nonblank", tuple(i for i, t in enumerate(self.texts) if t))
        object.__setattr__(self, "folded", tuple(t.casefold() for t in self.texts))

    @classmethod
    def from_text(cls, text: str) -> Lines:
        return cls(tuple(line.strip() for line in text.splitlines()))

    def __len__(self) -> int:
        return len(self.texts)

    def nonblank_texts(self) -> list[str]:
        """The non-blank lines' texts, in page order."""
        return [self.texts[i] for i in self.nonblank]

    def in_scope(self, scope: Scope, window: int) -> tuple[int, ...]:
        """Indices of the non-blank lines a rule with this scope may look at, in page order."""
        if scope == "head":
            return self.nonblank[:window]
        if scope == "tail":
            return self.nonblank[-window:]
        return self.nonblank
