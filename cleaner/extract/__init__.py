"""Fields from a cleaned page: the profile's captures first, then what the page's markup
declares, then generic finders, all normalised the same way.

Each field records where it came from (a rule id, `profile`, `html.author`, `json-ld`, `meta`,
`trafilatura`, `mailto`, `byline/<kind>` for a byline the page shows, or `generic/<finder>`), so
the trace says which answered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cleaner.document import Document
from cleaner.edits import FIELDS
from cleaner.extract.generic import find_byline, find_contact_email, find_dateline, find_headline
from cleaner.extract.normalise import normalisers, split_title
from cleaner.extract.people import is_domain, is_person, loose_authors, split_authors, squashed
from cleaner.pages import host_of
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


def extract_fields(profile: Profile, doc: Document, swept: Swept) -> Fields:
    """Fill each field from the first candidate that normalises: rules, profile, markup, generic."""
    fields = Fields()
    normalise = normalisers(profile.date_formats)
    for capture in swept.captures:
        _offer(fields, capture.field, capture.value, capture.rule, normalise)
    if profile.publisher:
        _offer(fields, "publisher", profile.publisher, "profile", normalise)
    for name, candidates in doc.metadata.items():
        for value, source in candidates:
            _offer(fields, name, value, source, normalise)
    _complete_authors(fields, doc.metadata.get("author", []))
    sites = _drop_site_names(fields, doc)
    if not fields.authors:
        _unstated_authors(fields, doc, swept, sites)
    chrome = frozenset(doc.lines.nonblank) - frozenset(swept.kept)
    if fields.email is None and (found := find_contact_email(doc.lines, fields.authors, chrome)):
        fields.email, fields.sources["email"] = found[0], "generic/contact-email"
    if fields.date is None and (found := find_dateline(doc.lines, swept.kept)):
        fields.date, fields.sources["date"] = found[0], "generic/dateline"
    if fields.title is None and not doc.from_markup and (found := find_headline(doc.lines, swept.kept)):
        _offer(fields, "title", found[0], "generic/headline", normalise)
    fields.sources = {k: fields.sources[k] for k in FIELDS if k in fields.sources}
    return fields


def _offer(fields: Fields, name: str, raw: str, source: str, normalise: dict[str, Callable[[str], object]]) -> None:
    """Set `name` from `raw` unless it is already set or `raw` does not normalise."""
    key = "author" if name == "authors" else name
    if key in fields.sources or key not in normalise:
        return
    value = normalise[key](raw)
    if value:
        setattr(fields, "authors" if key == "author" else key, value)
        fields.sources[key] = source


def _unstated_authors(fields: Fields, doc: Document, swept: Swept, sites: set[str]) -> None:
    """Authors when no candidate named a person: a "By" line of the text, the page's own author
    field as it signs (`loose_authors`), a byline the page shows, trafilatura's byline as it signs."""
    candidates = doc.metadata.get("author", [])
    if byline := find_byline(doc.lines, swept.kept):
        fields.authors, fields.sources["author"] = byline[0], "generic/byline"
    if not fields.authors:
        _loose_authors(fields, [c for c in candidates if c[1] != "trafilatura"], sites)
    if not fields.authors:
        _visible_authors(fields, doc.metadata.get("byline", []), sites)
    if not fields.authors:
        _loose_authors(fields, [c for c in candidates if c[1] == "trafilatura"], sites)


def _complete_authors(fields: Fields, candidates: list[tuple[str, str]]) -> None:
    """A byline is complete: a later source that names the same people and more wins (a <meta>
    with the first author, trafilatura's byline with all three)."""
    if fields.sources.get("author") not in {source for _, source in candidates}:
        return  # a rule or the profile said it: site knowledge stands
    for value, source in candidates:
        names = split_authors(value)
        if len(names) > len(fields.authors) and set(fields.authors) <= set(names):
            fields.authors, fields.sources["author"] = names, source


def _loose_authors(fields: Fields, candidates: list[tuple[str, str]], sites: set[str]) -> None:
    """The last resort: the page's own author field when it names no person we recognise but
    signs the article all the same (a first name, a handle, a team), never the site's own name."""
    for value, source in candidates:
        names = loose_authors(value, sites)
        if names:
            fields.authors, fields.sources["author"] = names, f"{source}/loose"
            return


def _visible_authors(fields: Fields, bylines: list[tuple[str, str]], sites: set[str]) -> None:
    """Authors from the first byline the page shows that names someone (`visible_bylines`, in
    document order): people's names, or for an element marked as the author also a signature
    (`loose_authors`); never the site's name."""
    for text, kind in bylines:
        names = [name for name in split_authors(text) if squashed(name) not in sites]
        if not names and kind == "marked":
            names, kind = loose_authors(text, sites), "marked/loose"
        if names:
            fields.authors, fields.sources["author"] = names, f"byline/{kind}"
            return


def _drop_site_names(fields: Fields, doc: Document) -> set[str]:
    """An author that is the site's or publisher's name is no author (unless it reads as a
    person's: a blog named after its writer), nor one that is a domain the page names (trafilatura
    turns "example.com" into "Example Com"); a title does not end in the site's name.
    The site's names are its publisher's, compared `squashed`. Returns them with the domains."""
    publishers = [v for v, _ in doc.metadata.get("publisher", [])] + ([fields.publisher] if fields.publisher else [])
    if fields.title:
        head, tail = split_title(fields.title)
        names = {p.casefold() for p in publishers}
        if head and tail.casefold() in names | {h.removeprefix("the ") for h in names}:
            fields.title = head
    sites = {squashed(p) for p in publishers}
    # what the markup declares; not the visible bylines (a handle there, "jane.doe", is no domain of the site)
    declared = [v for name, values in doc.metadata.items() if name != "byline" for v, _ in values]
    domains = {squashed(v) for v in declared if is_domain(v)}
    host = host_of(doc.url)
    domains |= {squashed(host)} if host else set()
    kept = [
        name
        for name in fields.authors
        if (squashed(name) not in sites or is_person(name)) and squashed(name) not in domains
    ]
    if kept != fields.authors:
        fields.authors = kept
        if not kept:
            fields.sources.pop("author", None)
    return sites | domains
