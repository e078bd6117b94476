"""Generic finders for fields no rule captured: they read the page's head and tail and the
lines around where the article starts, where bylines, datelines and contact lines stand,
never the middle of the article."""

from __future__ import annotations

import re

from cleaner.extract.dates import find_date
from cleaner.extract.emails import find_emails
from cleaner.extract.people import dated_byline, split_authors
from cleaner.lines import Lines
from cleaner.maintext.title import repeated_title

HEAD, TAIL = 8, 10
AROUND_START = (6, 3)  # non-blank lines before and after the article's first kept line
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door)\s*:?\s+\S", re.IGNORECASE)
_SHORT = 25  # words: longer lines are prose, where a date or an email is content, not metadata
_CONTACT = re.compile(
    r"\b(?:reach|reached|contact|e-?mail|write to|follow|reporter|correspondent|writer|editor|"
    r"kontakt|courriel|correo)\b",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"\b(?:updated|modified|aktualisiert|mis à jour|actualizado)\b", re.IGNORECASE)


def _edges(lines: Lines, kept: tuple[int, ...] = ()) -> list[int]:
    """Head, tail, and the lines around the article's start (after menus in a naive dump)."""
    places = [*lines.nonblank[:HEAD], *lines.nonblank[-TAIL:]]
    if kept:
        start = lines.nonblank.index(kept[0])
        before, after = AROUND_START
        places += lines.nonblank[max(0, start - before) : start + after + 1]
    return list(dict.fromkeys(places))


def find_headline(lines: Lines, kept: tuple[int, ...]) -> tuple[str, int] | None:
    """The headline: one of the first kept lines that repeats the dump's first line (a naive
    dump opens with the page's <title>, "Headline - Site"), as main-text's title finder sees it."""
    if not lines.nonblank:
        return None
    opening = lines.nonblank[0]
    reach = AROUND_START[1] + 1  # the article's first kept line and the few after it
    near = [k for k in kept[: reach + 1] if k != opening][:reach]
    found = repeated_title([lines.texts[opening], *(lines.texts[k] for k in near)])
    return (" ".join(lines.texts[near[found - 1]].split()), near[found - 1]) if found else None


def find_byline(lines: Lines, kept: tuple[int, ...]) -> tuple[list[str], int] | None:
    """Authors from a short "By Jane Doe" line at the head or around the article's start, or a
    line that opens with a date and then names the author alone ("11.12.2019 - Jane Doe")."""
    for i in _edges(lines, kept):
        text = lines.texts[i]
        if len(text.split()) > 16:
            continue
        if (_BYLINE.match(text) and (names := split_authors(text))) or (names := dated_byline(text)):
            return names, i
    return None


def find_contact_email(lines: Lines, authors: list[str], chrome: frozenset[int]) -> tuple[str, int] | None:
    """An email on a contact-like line (a cue word or an author's name) at the page's edges.

    Lines the rules removed come first, then kept ones; the tail is read from the bottom up,
    where contact lines stand, so an address quoted in the article loses to the reporter's.
    """
    edges = [*lines.nonblank[-TAIL:][::-1], *lines.nonblank[:HEAD]]
    for i in sorted(dict.fromkeys(edges), key=lambda i: i not in chrome):
        text = lines.texts[i]
        if "@" not in text and "at]" not in text.lower() and "(at)" not in text.lower():
            continue
        long = len(text.split()) > _SHORT
        cue = _CONTACT.search(text) or any(name in text for name in authors)
        if (cue and (not long or i in chrome)) or len(text.split()) <= 3:
            emails = find_emails(text)
            if emails:
                return emails[0], i
    return None


def find_dateline(lines: Lines, kept: tuple[int, ...] = ()) -> tuple[str, int] | None:
    """The publication date from a short line at the head (else the tail); "Updated" loses."""
    updated: tuple[str, int] | None = None
    for i in _edges(lines, kept):
        text = lines.texts[i]
        iso = find_date(text if len(text.split()) <= _SHORT else text[:80])
        if iso is None:
            continue
        if not _UPDATED.search(text):
            return iso, i
        updated = updated or (iso, i)
    return updated
