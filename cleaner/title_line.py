"""The title is a field, not text: a first kept line that repeats it leaves the text.

`text` is the article body (as schema.org's `articleBody`), so a headline that extraction
kept as its first line is removed, under its own rule id, and stays in `title`.
"""

from __future__ import annotations

from cleaner.edits import Edit
from cleaner.lines import Lines
from cleaner.sweep import Claims

RULE = "generic/title"


def title_edit(lines: Lines, claims: Claims, title: str | None, profile: str) -> Edit | None:
    """An edit removing the first kept line when it is the title, else None."""
    if not title or not claims.kept:
        return None
    first = claims.kept[0]
    if _key(lines.texts[first]) != _key(title):
        return None
    return Edit(RULE, profile, first, first, reason="the title, given as the `title` field")


def _key(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(" .:")
