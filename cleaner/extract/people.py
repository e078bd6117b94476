"""Author strings to clean names: no "By", no roles or outlets, several authors split.

A name is what a byline holds once its lead ("By", "Text:", "Текст"), its role, its outlet and
a trailing date word are gone: 2-5 capitalised words, none of them an outlet's or a section's
("CNN Business", "Telegraph Sport" are no people). A middle initial is part of the name, never
the Spanish or Portuguese "y" / "e" that joins two names.
"""

from __future__ import annotations

import html
import re
from functools import cache

from cleaner.extract.dates import month_names

_LEAD = re.compile(
    r"^(?:(?:written\s+|reported\s+|posted\s+|published\s+)?by|von|vom|par|por|di|door|from|(?:last\s+)?updated|stand|"
    r"text|texte|texto|testo|tekst|текст|автор|author|autor|auteur|autore|words|reporting)\s*[:：]?\s+",
    re.IGNORECASE,
)
_TAIL = re.compile(
    r"\s+(?:[|•–—/]|-\s)\s*.*$|\s*\(.*$|\s+(?:is|was|can|covers|writes|reports)\b.*$"
    r"|(?<=[a-z]{2})(?<!Mrs)(?<!Prof)(?<!Rev)(?<!Sen)(?<!Gov)(?<!Rep)(?<!Gen)(?<!Col)(?<!Sgt)(?<!Capt)(?<!Hon)"
    r"\.\s+\S.*$"  # "Finian Cunningham. Sputnik International": a sentence ends the byline (not "Mrs.")
)
# "y" and "e" join names in Spanish, Portuguese and Italian; "E." and "Y." are initials.
_SPLIT = re.compile(r"\s*(?:,|;|&|\b(?i:and|und|et)\b|\b[ye]\b(?!\.))\s*")
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
        # outlets' and sections' words: "CNN Business", "Telegraph Sport", "Sputnik International"
        "business",
        "sport",
        "sports",
        "politics",
        "opinion",
        "international",
        "national",
        "health",
        "science",
        "technology",
        "tech",
        "entertainment",
        "lifestyle",
        "travel",
        "culture",
        "markets",
        "economy",
        "magazine",
        "online",
        "digital",
        "images",
        "photos",
        "video",
        "radio",
        "tv",
        "network",
        "group",
        "company",
        "institute",
        "university",
        "society",
        "association",
        "foundation",
        "department",
        "office",
        "ministry",
        "police",
        "government",
        "admin",
        "administrator",
        "user",
        "anonymous",
        "unknown",
        "redaktion",
        "rédaction",
        "redazione",
        "redacción",
        "redactie",
    ]
)
# Words that stand after a name in a byline box (a role, a label, a date stamp) but are surnames too
# (Jonathan Head, Katy Guest): dropped at the end of a longer name, never a reason to refuse one.
_TRAILING = frozenset(
    [
        "by",
        "written",
        "posted",
        "published",
        "updated",
        "stand",
        "founder",
        "co-founder",
        "ceo",
        "head",
        "lead",
        "reviewer",
        "owner",
        "president",
        "director",
        "manager",
        "chefredakteur",
        "chefredakteurin",
        "redakteur",
        "redakteurin",
        "journalist",
        "journaliste",
        "rédacteur",
        "rédactrice",
        "world",
        "guest",
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


@cache
def _date_words() -> frozenset[str]:
    """English month and weekday names in full, which a page reader leaves after a byline
    ("Carrie Arnold November"); not May, nor the short forms, which are names too (Kim Min Jun)."""
    from babel.dates import get_day_names, get_month_names

    names = [*get_month_names("wide", locale="en").values(), *get_day_names("wide", locale="en").values()]
    return frozenset(n.casefold() for n in names) - {"may"}


def split_authors(raw: str) -> list[str]:
    """Names in a byline fragment, in order; anything that is not a person's name is dropped."""
    text = _TAIL.sub("", _LEAD.sub("", " ".join(html.unescape(raw).split())))
    text = _SURNAME_FIRST.sub(r"\2 \1", text)
    names: list[str] = []
    for part in _SPLIT.split(text):
        name = _person(_LEAD.sub("", part.strip(" .,:;")))  # "…, Updated Dec 5": a label inside the byline
        if name and name not in names:
            names.append(name)
    return names


# What an author field holds when it names nobody, besides the role and date words above: a label,
# a share button, a placeholder.
_NOBODY = frozenset(
    ["author", "autor", "autorin", "auteur", "share", "facebook", "twitter", "instagram", "linkedin", "email"]
    + ["menu", "search", "home", "login", "comments", "comment", "name", "none", "null", "undefined", "human"]
    + ["publisher", "authors", "auteurs", "autoren"]
)
_DOMAIN = re.compile(r"\w\.(?:[a-z]{2,6})(?:/|$)", re.IGNORECASE)


def is_domain(text: str) -> bool:
    """Whether `text` is a host name or a URL ("example.com", "https://www.example.com/")."""
    return " " not in text.strip() and _DOMAIN.search(text.strip()) is not None


_LOOSE_WORDS = 6
# "Kaufman, Jeff T.": a library catalogue's order, one surname before one given name (and initial)
_SURNAME_FIRST = re.compile(r"^([A-Z][\w'’-]+),\s+([A-Z][\w'’-]+\s+[A-Z]\.?)\.?$")  # needs the initial


def loose_authors(raw: str, sites: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """What a page's own author field names when it names no person by `split_authors`: a first
    name, a handle, a team or an outlet that signs the article ("Susan", "q_admin", "News Desk").
    Never a link, an email, a domain, a date, a label, a sentence or one of `sites` (`squashed`)."""
    text = _TAIL.sub("", _LEAD.sub("", " ".join(html.unescape(raw).split())))
    names: list[str] = []
    for part in _SPLIT.split(text):
        name = _LEAD.sub("", part.strip(" .,:;|"))
        words = name.split()
        if _site_or_its_staff(words, sites):
            continue
        if not words or len(words) > _LOOSE_WORDS or len(name) < 2 or name.casefold() in _NOBODY:
            continue
        if "@" in name or "http" in name.casefold() or is_domain(name) or any(ch.isdigit() for ch in name):
            continue
        if len(words) > 1 and any(not w[0].isupper() and w.lower() not in _PARTICLES for w in words):
            continue  # words of a sentence, not a signature
        if all(w.lower().strip(".,") in _NOT_A_PERSON | _TRAILING | _date_words() | month_names() for w in words):
            continue  # a role, a desk or a date ("Staff", "News Desk", "Updated March"), nobody in particular
        if name not in names:
            names.append(name)
    return names


def squashed(text: str) -> str:
    """Letters and digits only, casefolded: "Tour Magazin" and tour-magazin.de meet as "tourmagazin"."""
    return "".join(re.findall(r"[^\W_]+", text.casefold()))


def _site_or_its_staff(words: list[str], sites: frozenset[str] | set[str]) -> bool:
    """Whether the words are the site ("Example Post") or its staff ("Example Post Staff");
    `sites` are `squashed`."""
    while words:
        if squashed(" ".join(words)) in sites:
            return True
        if words[-1].lower().strip(".") not in _NOT_A_PERSON:
            return False
        words = words[:-1]
    return False


def is_person(name: str) -> bool:
    """Whether `name` reads as a person's name (as `split_authors` keeps them)."""
    return _person(name) == name


def _person(part: str) -> str | None:
    """`part` as a name if it reads as one: 2-5 words, capitalised, no outlet or role words."""
    words = part.split()
    while words and (
        words[-1].lower().strip(".") in _NOT_A_PERSON
        or (len(words) > 2 and words[-1].lower().strip(".,") in _TRAILING | _date_words())
    ):
        words.pop()  # "Denise Okafor Associated Press", "Carrie Arnold November": outlet or date after the name
    part = " ".join(words)
    if not 2 <= len(words) <= 5 or any(not _TOKEN.match(w) for w in words):
        return None
    if any(w.lower().strip(".") in _NOT_A_PERSON for w in words) or all(w.lower() in _TRAILING for w in words):
        return None
    if not part.isupper() and any(3 <= len(w) <= 4 and w.isupper() for w in words):
        return None  # an acronym beside a name: an outlet ("CNN Business"); "JJ Abrams", "Jean DUPONT" pass
    if any(not w[0].isupper() and w.lower() not in _PARTICLES for w in words) or not words[0][0].isupper():
        return None
    if part.isupper():
        return " ".join(w if len(w) <= 2 and w.endswith(".") else w.capitalize() for w in words)
    return part
