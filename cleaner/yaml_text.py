"""YAML written by hand for people to read (learned and scaffolded profiles), safely.

Page text may hold characters YAML does not allow in a stream (C0/C1 controls, lone
surrogates); written raw, they make the whole profile unreadable to the loader.
"""

from __future__ import annotations

import re

import yaml

# What the YAML 1.1 reader rejects (as PyYAML's reader checks it).
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def scalar(text: str) -> str:
    """A YAML scalar for `text`: single-quoted (backslashes stay as written, the convention for
    regexes), or double-quoted with escapes when it holds characters YAML does not allow raw."""
    if _NON_PRINTABLE.search(text) or "\n" in text:
        return yaml.safe_dump(text, default_style='"', width=float("inf"), allow_unicode=True).strip()
    return "'" + text.replace("'", "''") + "'"


def comment_text(text: str) -> str:
    """`text` made fit for a YAML comment: one line, disallowed characters shown as U+XXXX."""
    text = " ".join(text.split())
    return _NON_PRINTABLE.sub(lambda m: f"U+{ord(m.group()):04X}", text)
