"""Dates in datelines and bylines, to ISO 8601 (`2017-08-17`).

A profile's strptime formats are tried first; then a generic reader for the common written
forms (`Thursday, August 17, 2017`, `Aug. 17, 2017`, `17 August 2017`, `17. August 2017`,
`17 de agosto de 2017`, `2017-08-17`, `08/17/2017`). Month names come from Babel's CLDR data
for the main news languages, so they are not typed by hand here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import cache

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")


@cache
def _months() -> dict[str, int]:
    """Month name or abbreviation (casefolded, no dot) -> month number."""
    from babel.dates import get_month_names

    names: dict[str, int] = {"sept": 9}
    for lang in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=lang).items():
                names.setdefault(name.casefold().rstrip("."), number)
    return names


def month_names() -> frozenset[str]:
    """Every month name and abbreviation this module reads, casefolded, without a dot."""
    return frozenset(_months())


@cache
def day_names() -> frozenset[str]:
    """Every weekday name and abbreviation in the same languages, casefolded, without a dot."""
    from babel.dates import get_day_names

    return frozenset(
        name.casefold().rstrip(".")
        for lang in LANGUAGES
        for width in ("wide", "abbreviated")
        for name in get_day_names(width, locale=lang).values()
    )


@cache
def date_patterns() -> tuple[re.Pattern[str], ...]:
    """The written date forms this module reads (shared with `cleaner learn`, which generalises dates)."""
    month = "|".join(sorted(map(re.escape, _months()), key=len, reverse=True))
    m = rf"(?P<month>{month})\.?"
    d = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|\.)?"
    y = r"(?P<year>\d{4})"
    return tuple(
        re.compile(p, re.IGNORECASE)
        for p in (
            rf"\b{y}-(?P<mnum>\d{{2}})-(?P<day>\d{{2}})(?!\d)",
            rf"(?<!\w){m}\s+{d},?\s+{y}\b",
            rf"\b{d}\s+(?:de\s+)?{m}(?:\s+de|,)?\s+{y}\b",
            rf"\b(?P<mnum>\d{{1,2}})/(?P<day>\d{{1,2}})/{y}\b",
            rf"\b(?P<day>\d{{1,2}})\.(?P<mnum>\d{{1,2}})\.{y}\b",
        )
    )


EARLIEST = date(1990, 1, 1)  # before the web: a placeholder (0001-01-01) or a birth date, not a publication


def plausible(day: date) -> bool:
    """A publication day: not before the web, not after tomorrow (time zones run ahead)."""
    return EARLIEST <= day <= date.today() + timedelta(days=1)


def parse_date(raw: str, formats: Iterable[str] = ()) -> str | None:
    """`raw` as an ISO date: profile formats first, then the first date written in it."""
    text = " ".join(raw.split())
    for fmt in formats:
        try:
            day = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return day.isoformat() if plausible(day) else None
    return find_date(text)


def find_date(text: str) -> str | None:
    """The first plausible calendar date written in `text`, as ISO, else None."""
    best: tuple[int, str] | None = None
    for pattern in date_patterns():
        found = pattern.search(text)
        if found and (best is None or found.start() < best[0]):
            iso = _to_iso(found.groupdict())
            if iso:
                best = (found.start(), iso)
    return best[1] if best else None


def _to_iso(parts: dict[str, str | None]) -> str | None:
    mnum = parts.get("mnum")
    month = int(mnum) if mnum else _months().get((parts.get("month") or "").casefold())
    try:
        day = date(int(parts["year"] or 0), month or 0, int(parts["day"] or 0))
    except ValueError:
        return None
    return day.isoformat() if plausible(day) else None
