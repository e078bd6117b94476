"""Fields from a cleaned page: the profile's captures first, then what the page's markup
declares, then generic finders, all normalised the same way.

Each field records where it came from (a rule id, `profile`, `html.author`, `json-ld`, `meta`,
`trafilatura`, `mailto`, `byline/<kind>` for a byline the page shows, or `generic/<finder>`), so
the trace says which answered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from cleaner.document import Document
from cleaner.edits import FIELDS
from cleaner.extract.generic import find_byline, find_contact_email, find_dateline, find_headline
from cleaner.extract.normalise import normalisers, split_title
from cleaner.extract.people import is_domain, is_person, loose_authors, site_signature, split_authors, squashed
from cleaner.profiles import Profile
from cleaner.sweep import Claims
from cleaner.urls import host_of

# The source of trafilatura's byline search among the author candidates (`cleaner.web.textify`).
GUESSED = "trafilatura"


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


def extract_fields(profile: Profile, doc: Document, claims: Claims) -> Fields:
    """Fill each field from the first candidate that normalises: rules, profile, markup, generic."""
    fields = Fields()
    normalise = normalisers(profile.date_formats)
    for capture in claims.captures:
        _offer(fields, capture.field, capture.value, capture.rule, normalise)
    if profile.publisher:
        _offer(fields, "publisher", profile.publisher, "profile", normalise)
    for name, candidates in doc.metadata.items():
        for value, source in candidates:
            _offer(fields, name, value, source, normalise)
    _complete_authors(fields, doc.metadata.get("author", []))
    sites = _drop_site_names(fields, doc)
    _shown_byline_first(fields, doc.metadata.get("byline", []), sites)
    if not fields.authors:
        _unstated_authors(fields, doc, claims, sites)
    chrome = frozenset(doc.lines.nonblank) - frozenset(claims.kept)
    if fields.email is None and (found := find_contact_email(doc.lines, fields.authors, chrome)):
        fields.email, fields.sources["email"] = found[0], "generic/contact-email"
    if fields.date is None and (found := find_dateline(doc.lines, claims.kept)):
        fields.date, fields.sources["date"] = found[0], "generic/dateline"
    if fields.title is None and not doc.from_markup and (found := find_headline(doc.lines, claims.kept)):
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


def _unstated_authors(fields: Fields, doc: Document, claims: Claims, sites: set[str]) -> None:
    """Authors when the markup named no person, surest first: a "By" line of the text, the page's
    own author field as it signs (`loose_authors`; the full name a shown byline spells for it),
    people a byline the page shows names, the newsroom the page's own author field names
    ("Redaktion"), trafilatura's byline search, a signature a shown byline gives (in an element
    marked as the author, or after a lead), the site's own name where a shown byline signs with
    it, trafilatura's byline as it signs where a shown byline holds it. trafilatura's guess comes
    after the page's own bylines: it runs a byline's parts together ("Jane Doe Founder", "Jane Doe
    Dec") where the page keeps them apart."""
    own = doc.metadata.get("author", [])
    guessed: list[tuple[str, str]] = []  # trafilatura's byline search, asked once the steps reach it
    bylines = doc.metadata.get("byline", [])
    if byline := find_byline(doc.lines, claims.kept):
        fields.authors, fields.sources["author"] = byline[0], "generic/byline"
    steps: list[Callable[[], object]] = [
        lambda: _spelled_out(fields, bylines, sites) if _loose_authors(fields, own, sites) else None,
        lambda: _visible_authors(fields, bylines, sites, signatures=False),
        lambda: _loose_authors(fields, own, sites, desks=True),  # the newsroom, after a person shown
        lambda: _guessed_authors(fields, _ask(doc, guessed), sites, doc.url),
        lambda: _visible_authors(fields, bylines, sites),
        lambda: _site_signs(fields, bylines, sites),
        lambda: _loose_authors(fields, guessed, sites, shown=bylines),
    ]
    for step in steps:
        if fields.authors:
            return
        step()


def _ask(doc: Document, guessed: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`guessed`, filled with trafilatura's byline search of the page (`Document.guessed_author`)."""
    if doc.guessed_author is not None and (author := doc.guessed_author()):
        guessed.append((author, GUESSED))
    return guessed


def _spelled_out(fields: Fields, bylines: list[tuple[str, str]], sites: set[str]) -> None:
    """The full name a byline the page shows gives for the one signature of the author field: its
    first name ("Jane" and "By Jane Doe") or its handle ("janedoe" and "Von Jane Doe")."""
    if len(fields.authors) != 1:
        return
    short = squashed(fields.authors[0])
    for text, kind in bylines:
        names = [name for name in split_authors(text) if _not_the_site(name, sites)]
        if len(names) == 1 and short in (squashed(names[0].split()[0]), squashed(names[0])):
            fields.authors, fields.sources["author"] = names, f"byline/{kind}"
            return


def _site_signs(fields: Fields, bylines: list[tuple[str, str]], sites: set[str]) -> None:
    """The site itself when a byline the page shows signs with its name ("By Acme", "Acme Team"
    in the author element) and nothing else names an author: the page says the site wrote it,
    where its markup alone would not be enough (`_drop_site_names`)."""
    for text, kind in bylines:
        if name := site_signature(text, sites):
            fields.authors, fields.sources["author"] = [name], f"byline/{kind}/site"
            return


def _guessed_authors(fields: Fields, candidates: list[tuple[str, str]], sites: set[str], url: str | None) -> None:
    """People trafilatura's byline search names; not the site (unless it reads as a person's)."""
    for value, source in candidates:
        names = [name for name in split_authors(value) if _not_the_site(name, sites) and not _domain_read(name, url)]
        if names:
            fields.authors, fields.sources["author"] = names, source
            return


def _domain_read(name: str, url: str | None) -> bool:
    """Whether `name` is the page's domain read as words ("Example Org" for www.example.org), as
    trafilatura's byline search gives it: no person however it reads."""
    host = (host_of(url) or "").casefold().removeprefix("www.") if url else ""
    return bool(host) and ".".join(name.casefold().split()) == host


# Sources a byline the page shows overrides when it names other people: the markup's author field
# (often the account that posted the article) and trafilatura's byline that completed it.
_OVERRIDDEN = frozenset({"json-ld", "meta", GUESSED})


def _shown_byline_first(fields: Fields, bylines: list[tuple[str, str]], sites: set[str]) -> None:
    """The first byline the page shows that opens with its lead ("By Jane Doe", "Von …") wins over
    the markup's authors when it names people and the page shows none of the markup's ("By Jane
    Doe" under the headline, "John Roe" only in the JSON-LD)."""
    if fields.sources.get("author") not in _OVERRIDDEN:
        return
    lead = next((text for text, kind in bylines if kind == "lead" and split_authors(text)), None)
    if lead is None or any(_shows(text, fields.authors) for text, _ in bylines):
        return
    names = [name for name in split_authors(lead) if _not_the_site(name, sites)]
    if names and not any(_shows(name, fields.authors) for name in names):
        fields.authors, fields.sources["author"] = names, "byline/lead"


def _not_the_site(name: str, sites: set[str]) -> bool:
    """A name that is not one of the site's (`squashed`), or that reads as a person's: a blog named
    after its writer."""
    return squashed(name) not in sites or is_person(name)


def _shows(text: str, names: list[str]) -> bool:
    """Whether `text` holds all words of one of `names` ("By J.R. Roe" holds "J R Roe"), or
    is part of one ("Roe" of "J R Roe")."""
    shown = _words(text)
    return any(_words(name) <= shown or shown < _words(name) for name in names)


def _words(text: str) -> set[str]:
    return {squashed(w) for w in re.split(r"[\W_]+", text)} - {""}


def _complete_authors(fields: Fields, candidates: list[tuple[str, str]]) -> None:
    """A byline is complete: a later source that names the same people and more wins (a <meta>
    with the first author, trafilatura's byline with all three)."""
    if fields.sources.get("author") not in {source for _, source in candidates}:
        return  # a rule or the profile said it: site knowledge stands
    for value, source in candidates:
        names = split_authors(value)
        if len(names) > len(fields.authors) and set(fields.authors) <= set(names):
            fields.authors, fields.sources["author"] = names, source


def _loose_authors(
    fields: Fields,
    candidates: list[tuple[str, str]],
    sites: set[str],
    *,
    desks: bool = False,
    shown: list[tuple[str, str]] | None = None,
) -> bool:
    """The last resort: the page's own author field when it names no person we recognise but
    signs the article all the same (a first name, a handle, a team; with `desks` the newsroom),
    never the site's own name. With `shown` (the page's bylines), only a signature one of them
    holds: trafilatura's guess at one, with nothing on the page to back it, is as often a word of
    the page ("Conduct") or an account's first name where the truth names nobody."""
    for value, source in candidates:
        names = loose_authors(value, sites, desks=desks)
        if names and shown is not None and not any(_shows(text, names) for text, _ in shown):
            continue  # a guess that names no person stands only where the page shows it
        if names:
            fields.authors, fields.sources["author"] = names, f"{source}/loose"
            return True
    return False


def _visible_authors(
    fields: Fields, bylines: list[tuple[str, str]], sites: set[str], *, signatures: bool = True
) -> None:
    """Authors from the first byline the page shows that names someone (`visible_bylines`, in
    document order): people's names, or with `signatures` also a signature (`loose_authors`): in
    an element marked as the author, or after a byline's lead when it is all the line names ("By
    Amanda", "von sternleserin | 3. Mai") and the page shows no other line that opens like a
    byline (a "Browse by Category", "By Method" menu); never the site's name unless it reads as a
    person's."""
    leads = {" ".join(text.split(" | ")[0].casefold().split()) for text, kind in bylines if kind == "lead"}
    lead_signs = signatures and len(leads) == 1
    for text, kind in bylines:
        names = [name for name in split_authors(text) if _not_the_site(name, sites)]
        if not names and ((kind == "marked" and signatures) or (kind == "lead" and lead_signs)):
            names, kind = loose_authors(text, sites, whole=kind == "lead", desks=True), f"{kind}/loose"
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
    domains |= {squashed(host), squashed(host.casefold().removeprefix("www."))} if host else set()
    kept = [name for name in fields.authors if _not_the_site(name, sites) and squashed(name) not in domains]
    if kept != fields.authors:
        fields.authors = kept
        if not kept:
            fields.sources.pop("author", None)
    return sites | domains
