"""One normaliser per field: a raw candidate to a clean value, or None when it is not plausible.

A candidate that does not normalise never blocks a later source: a JSON-LD `author: ""`, a
`datePublished` of 0001-01-01, a "date" element holding a person's name, a section name as an
author all fall through to the next candidate.
"""

from __future__ import annotations

import html
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


def clean_title(raw: str) -> str | None:
    """A headline, not a dateline: a line carrying a full calendar date is not taken as a title."""
    title = " ".join(html.unescape(raw).split())
    return title if title and find_date(title) is None else None


_GENERIC = normalisers()
