"""The `main-text:` settings of a profile: every key, its type, its default and what it tunes.

`OPTIONS` is the JSON Schema of the mapping (the profile schema embeds it); `Settings` is the
same thing resolved, with a profile's own values over the defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

_INT = {"type": "integer", "minimum": 0}
_SHARE = {"type": "number", "minimum": 0, "maximum": 1}

OPTIONS: dict[str, dict[str, Any]] = {
    "enabled": {"type": "boolean", "default": False, "description": "Run the main-text stage after the rules."},
    "length-low": {**_INT, "default": 50, "description": "Lines shorter than this (characters) are short: context decides."},
    "length-high": {**_INT, "default": 200, "description": "Lines this long with enough stopwords are prose on their own."},
    "stopwords-low": {**_SHARE, "default": 0.25, "description": "Stopword share below which a line is not prose."},
    "stopwords-high": {**_SHARE, "default": 0.35, "description": "Stopword share from which a line is prose."},
    "prose-words": {**_INT, "default": 10, "description": "Words a sentence-ending line needs to be prose below length-high."},
    "link-words": {**_INT, "default": 8, "description": "A line with a written-out link or handle and fewer words is chrome."},
    "max-short-run": {**_INT, "default": 3, "description": "More short lines in a row than this are a menu or a link list."},
    "weight-cap": {**_INT, "default": 200, "description": "Characters a prose line counts for at most, when finding the article."},
    "gap-cost": {**_INT, "default": 40, "description": "What each non-prose line costs the article span, in characters."},
    "isolated-weight": {**_SHARE, "default": 0.5, "description": "Weight of a prose line standing alone (teasers, comments)."},
    "title-bonus": {**_INT, "default": 400, "description": "Weight of a heading that repeats the page's first line."},
}


@dataclass(frozen=True)
class Settings:
    """Resolved main-text settings (defaults under a profile's own values)."""

    enabled: bool = False
    length_low: int = 50
    length_high: int = 200
    stopwords_low: float = 0.25
    stopwords_high: float = 0.35
    prose_words: int = 10
    link_words: int = 8
    max_short_run: int = 3
    weight_cap: int = 200
    gap_cost: int = 40
    isolated_weight: float = 0.5
    title_bonus: int = 400

    @classmethod
    def from_options(cls, options: Mapping[str, Any] | None) -> Settings:
        """`{"length-low": 60}` -> Settings(length_low=60, ...); unknown keys were refused by the schema."""
        names = {f.name for f in fields(cls)}
        given = {key.replace("-", "_"): value for key, value in (options or {}).items()}
        return cls(**{k: v for k, v in given.items() if k in names})
