"""One normaliser per field: a raw candidate to a clean value, or None when it is not plausible.

A candidate that does not normalise never blocks a later source: a JSON-LD `author: ""`, a
`datePublished` of 0001-01-01, a "date" element holding a person's name, a section name as an
author all fall through to the next candidate.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from cleaner.extract.dates import find_date, parse_date
from cleaner.extract.emails import find_emails
from cleaner.extract.people import split_authors
from cleaner.extract.publisher import clean_publisher

Normaliser = Callable[[str], object]


def normalisers(date_formats: Iterable[str] = ()) -> dict[str, Normaliser]:
    """field -> its normaliser; `date_formats` are a profile's strptime formats, tried first."""
    formats = tuple(date_formats)
    return {
        "title": clean_title,
        "author": lambda v: split_authors(v) or None,
        "email": lambda v: next(iter(find_emails(v)), None),
        "publisher": clean_publisher,
        "date": lambda v: parse_date(v, formats),
        "body": lambda v: None,
    }


def answers(field: str, candidates: Iterable[tuple[str, str]]) -> bool:
    """Whether any candidate (value, source) of `field` normalises: the markup has answered it."""
    normalise = _GENERIC[field]
    return any(normalise(value) for value, _ in candidates)


# What stands between a headline and the site's name in a <title>: "Headline | Site", "Site – Headline"
TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—•·»-]|::)\s+")


def clean_title(raw: str) -> str | None:
    """A headline, not a dateline: a line carrying a full calendar date, or no letter or digit
    at all ("| - |"), is not taken as a title."""
    title = " ".join(html.unescape(raw).split())
    return title if _LETTER.search(title) and find_date(title) is None else None


def headline_part(title: str) -> str:
    """The headline of a <title> that also names its site: of the part after the last separator
    and the part before it, the one with more words ("Biden - Putin summit ends | Reuters")."""
    head, tail = split_title(title)
    return tail if len(tail.split()) > len(head.split()) else head


def split_title(title: str) -> tuple[str, str]:
    """The title before its last separator and after it; ("title", "") when it has none."""
    separators = list(TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title, ""
    return title[: separators[-1].start()].strip(), title[separators[-1].end() :].strip()


_LETTER = re.compile(r"[^\W_]")


_GENERIC = normalisers()
