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
_BOOL = {"type": "boolean"}


def _option(kind: dict[str, Any], default: Any, description: str) -> dict[str, Any]:
    return {**kind, "default": default, "description": description}


OPTIONS: dict[str, dict[str, Any]] = {
    "enabled": _option(_BOOL, False, "Run the main-text stage after the rules (text dumps only)."),
    "length-low": _option(_INT, 50, "Lines shorter than this (characters) are short: context decides."),
    "length-high": _option(_INT, 200, "Lines this long with enough stopwords are prose on their own."),
    "stopwords-low": _option(_SHARE, 0.25, "Stopword share below which a line is not prose."),
    "stopwords-high": _option(_SHARE, 0.35, "Stopword share from which a line is prose."),
    "prose-words": _option(_INT, 10, "Words a sentence-ending line needs to be prose below length-high."),
    "link-words": _option(_INT, 8, "A line with a written-out link or handle and fewer words is chrome."),
    "max-short-run": _option(_INT, 3, "More short lines in a row than this are a menu or a link list."),
    "weight-cap": _option(_INT, 200, "Characters a prose line counts for at most, when finding the article."),
    "gap-cost": _option(_INT, 40, "What each non-prose line costs the article, in characters."),
    "isolated-weight": _option(_SHARE, 0.5, "Weight of a prose line with no prose beside it (teasers, comments)."),
    "title-bonus": _option(_INT, 400, "Weight of a headline that repeats the page's first line."),
    "keep-repeated-title": _option(
        _BOOL, False, "Keep in the text a title the dump carries twice (its first line, then the headline)."
    ),
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
    keep_repeated_title: bool = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any] | None) -> Settings:
        """`{"length-low": 60}` -> Settings(length_low=60, ...); unknown keys were refused by the schema."""
        names = {f.name for f in fields(cls)}
        given = {key.replace("-", "_"): value for key, value in (options or {}).items()}
        return cls(**{k: v for k, v in given.items() if k in names})
