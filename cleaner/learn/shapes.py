"""A line's shape: the line with what varies from page to page (numbers, dates, emails, the
names after "By") replaced by placeholders. Lines of one shape become one pattern, with named
groups where the varying part is a field."""

from __future__ import annotations

import functools
import re

from cleaner.extract.dates import date_patterns

EMAIL, DATE, NUM, NAME = "\x00EMAIL\x00", "\x00DATE\x00", "\x00NUM\x00", "\x00NAME\x00"
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_NUMBER = re.compile(r"\d+")
_BYLINE_NAME = re.compile(r"^((?:by|von|par|por)\s+)([A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){1,3})", re.IGNORECASE)
_SPECIAL = re.compile(r"([.^$*+?{}\[\]\\|()])")  # re.escape, but spaces stay readable
_PLACEHOLDERS = {
    EMAIL: ("email", r"\S+@\S+?"),
    DATE: ("date", r".+?"),
    NUM: (None, r"\d+"),
    NAME: ("author", r"[^|,•–—]+?"),
}


@functools.cache
def _any_date() -> str:
    """The date patterns as one regex without their named groups (the field is one group)."""
    spelled = (re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for p in date_patterns())
    return "(?i:" + "|".join(spelled) + ")"


def shape(line: str) -> str:
    """`Copyright 2019 Example` -> `Copyright <NUM> Example`; `By Jane Doe` -> `By <NAME>`."""
    text = _EMAIL.sub(EMAIL, " ".join(line.split()))
    for pattern in date_patterns():
        text = pattern.sub(DATE, text)
    text = _BYLINE_NAME.sub(lambda m: m.group(1) + NAME, text)
    return _NUMBER.sub(NUM, text)


def readable(template: str) -> str:
    """A shape as a person reads it: `Copyright <NUM> Example`."""
    return re.sub("\x00([A-Z]+)\x00", lambda m: f"<{m.group(1)}>", template)


def pattern_of(template: str) -> str:
    """An anchored regex for a shape: literal text escaped, placeholders as groups (a field's
    group named once, later ones plain). A date with no words around it to anchor it is spelled
    out as the date patterns themselves: `^(?P<date>.+?)$` would match every line."""
    parts, named = [], set()
    bare = not re.search(r"\w", re.sub("\x00[A-Z]+\x00", "", template))
    for piece in re.split("(\x00[A-Z]+\x00)", template):
        if piece in _PLACEHOLDERS:
            field, regex = _PLACEHOLDERS[piece]
            regex = _any_date() if piece == DATE and bare else regex
            if field and field not in named:
                named.add(field)
                parts.append(f"(?P<{field}>{regex})")
            else:
                parts.append(f"(?:{regex})")
        elif piece:
            parts.append(_SPECIAL.sub(r"\\\1", piece))
    return "^" + "".join(parts) + "$"


def unique_name(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`, … : the first that `taken` does not hold, which it joins."""
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name
