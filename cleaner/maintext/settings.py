"""The `main-text:` settings of a profile: every key, its type, its default and what it tunes.

Each option is declared once, as a field of `Settings` (its default, its JSON type and what it
tunes); `OPTIONS`, the JSON Schema of the mapping that the profile schema embeds, is made from
those fields, so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

_INT = {"type": "integer", "minimum": 0}
_SHARE = {"type": "number", "minimum": 0, "maximum": 1}
_BOOL = {"type": "boolean"}


def _option(kind: dict[str, Any], default: Any, description: str) -> Any:
    """A settings field: its default, and its JSON type and description for the schema."""
    return field(default=default, metadata={"schema": kind, "description": description})


@dataclass(frozen=True)
class Settings:
    """Resolved main-text settings (defaults under a profile's own values)."""

    enabled: bool = _option(_BOOL, False, "Run the main-text stage after the rules (text dumps only).")
    length_low: int = _option(_INT, 50, "Lines shorter than this (characters) are short: context decides.")
    length_high: int = _option(_INT, 200, "Lines this long with enough stopwords are prose on their own.")
    stopwords_low: float = _option(_SHARE, 0.25, "Stopword share below which a line is not prose.")
    stopwords_high: float = _option(_SHARE, 0.35, "Stopword share from which a line is prose.")
    prose_words: int = _option(_INT, 10, "Words a sentence-ending line needs to be prose below length-high.")
    link_words: int = _option(_INT, 8, "A line with a written-out link or handle and fewer words is chrome.")
    max_short_run: int = _option(_INT, 3, "More short lines in a row than this are a menu or a link list.")
    weight_cap: int = _option(_INT, 200, "Characters a prose line counts for at most, when finding the article.")
    gap_cost: int = _option(_INT, 40, "What each non-prose line costs the article, in characters.")
    isolated_weight: float = _option(_SHARE, 0.5, "Weight of a prose line with no prose beside it (teasers, comments).")
    title_bonus: int = _option(_INT, 400, "Weight of a headline that repeats the page's first line.")
    keep_repeated_title: bool = _option(
        _BOOL, False, "Keep in the text a title the dump carries twice (its first line, then the headline)."
    )

    @classmethod
    def from_options(cls, options: Mapping[str, Any] | None) -> Settings:
        """`{"length-low": 60}` -> Settings(length_low=60, ...); unknown keys were refused by the schema."""
        names = {f.name for f in fields(cls)}
        given = {key.replace("-", "_"): value for key, value in (options or {}).items()}
        return cls(**{k: v for k, v in given.items() if k in names})


OPTIONS: dict[str, dict[str, Any]] = {
    f.name.replace("_", "-"): {**f.metadata["schema"], "default": f.default, "description": f.metadata["description"]}
    for f in fields(Settings)
}
