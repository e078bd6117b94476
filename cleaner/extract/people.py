"""Author strings to clean names: no "By", no roles or outlets, several authors split."""

from __future__ import annotations

import re

_LEAD = re.compile(r"^(?:by|von|par|por|di|door|from)\s*:?\s+", re.IGNORECASE)
_TAIL = re.compile(r"\s+(?:[|•–—/]|-\s)\s*.*$|\s*\(.*$|\s+(?:is|was|can|covers|writes|reports)\b.*$")
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\by\b|\bet\b|\be\b)\s*", re.IGNORECASE)
_NOT_A_PERSON = frozenset(
    [
        "staff",
        "writer",
        "reporter",
        "correspondent",
        "editor",
        "editors",
        "contributor",
        "columnist",
        "photographer",
        "press",
        "news",
        "newsroom",
        "times",
        "post",
        "herald",
        "tribune",
        "journal",
        "daily",
        "reuters",
        "ap",
        "afp",
        "dpa",
        "bureau",
        "desk",
        "service",
        "media",
        "agency",
        "wire",
        "wires",
        "staff",
        "team",
        "board",
        "editorial",
        "writer",
        "writers",
        "senior",
        "chief",
        "associated",
        "special",
        "contributing",
        "the",
        "a",
        "an",
        "our",
        "your",
    ]
)
_PARTICLES = frozenset(
    [
        "de",
        "da",
        "del",
        "della",
        "di",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "du",
        "dos",
        "das",
        "bin",
        "al",
        "ibn",
        "st.",
    ]
)
_TOKEN = re.compile(r"^[^\W\d_][\w'’.-]*$")


def split_authors(raw: str) -> list[str]:
    """Names in a byline fragment, in order; anything that is not a person's name is dropped."""
    text = _TAIL.sub("", _LEAD.sub("", " ".join(raw.split())))
    names: list[str] = []
    for part in _SPLIT.split(text):
        name = _person(part.strip(" .,:;"))
        if name and name not in names:
            names.append(name)
    return names


def _person(part: str) -> str | None:
    """`part` as a name if it reads as one: 2-5 words, capitalised, no outlet or role words."""
    words = part.split()
    while words and words[-1].lower().strip(".") in _NOT_A_PERSON:
        words.pop()  # "Denise Okafor Associated Press": the outlet follows the name
    part = " ".join(words)
    if not 2 <= len(words) <= 5 or any(not _TOKEN.match(w) for w in words):
        return None
    if any(w.lower().strip(".") in _NOT_A_PERSON for w in words):
        return None
    if any(not w[0].isupper() and w.lower() not in _PARTICLES for w in words) or not words[0][0].isupper():
        return None
    if part.isupper():
        return " ".join(w if len(w) <= 2 and w.endswith(".") else w.capitalize() for w in words)
    return part
