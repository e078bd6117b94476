"""Fields from a cleaned page: the profile's captures first, then generic finders, normalised.

Each field records where it came from (a rule id, `profile`, or `generic/<finder>`), so the
trace says which answered, site or generic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cleaner.extract.dates import parse_date
from cleaner.extract.emails import normalise_email
from cleaner.extract.generic import find_contact_email, find_dateline
from cleaner.extract.people import split_authors
from cleaner.extract.publisher import clean_publisher
from cleaner.lines import Lines
from cleaner.profiles import Profile
from cleaner.sweep import Swept


@dataclass
class Fields:
    """The metadata of a page, and for each field the rule or finder that supplied it."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    email: str | None = None
    publisher: str | None = None
    date: str | None = None
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def author(self) -> str | None:
        return self.authors[0] if self.authors else None


def extract_fields(profile: Profile, lines: Lines, swept: Swept) -> Fields:
    """Fill each field from the first capture that normalises, then from the generic finders."""
    fields = Fields()
    normalisers: dict[str, Callable[[str], object]] = {
        "title": lambda v: " ".join(v.split()) or None,
        "author": lambda v: split_authors(v) or None,
        "email": normalise_email,
        "publisher": clean_publisher,
        "date": lambda v: parse_date(v, profile.date_formats),
    }
    for capture in swept.captures:
        key = "authors" if capture.field == "author" else capture.field
        if key not in fields.sources:
            value = normalisers[capture.field](capture.value)
            if value:
                setattr(fields, key, value)
                fields.sources[key] = capture.rule
    chrome = frozenset(lines.nonblank) - frozenset(swept.kept)
    _fill_generic(fields, profile, lines, chrome)
    if "authors" in fields.sources:
        fields.sources["author"] = fields.sources.pop("authors")
    return fields


def _fill_generic(fields: Fields, profile: Profile, lines: Lines, chrome: frozenset[int]) -> None:
    if fields.publisher is None and profile.publisher:
        fields.publisher, fields.sources["publisher"] = profile.publisher, "profile"
    if fields.email is None and (found := find_contact_email(lines, fields.authors, chrome)):
        fields.email, fields.sources["email"] = found[0], "generic/contact-email"
    if fields.date is None and (found := find_dateline(lines)):
        fields.date, fields.sources["date"] = found[0], "generic/dateline"
