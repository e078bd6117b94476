"""Author strings to clean names: no "By", no roles or outlets, several authors split.

A name is what a byline holds once its lead ("By", "Text:", "Текст"), its role, its outlet and
a trailing date word are gone: 2-5 capitalised words, none of them an outlet's or a section's
("CNN Business", "Telegraph Sport" are no people). A middle initial is part of the name, never
the Spanish or Portuguese "y" / "e" that joins two names.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import cache

from cleaner.extract.dates import day_names, month_names

_LEAD = re.compile(
    r"^(?:(?:written\s+|reported\s+|posted\s+|published\s+|reviewed\s+|article\s+|recipe\s+|story\s+)?by|von|vom|par|por|di|"
    r"door|from|(?:last\s+)?updated|stand|"
    r"(?:veröffentlicht|geschrieben|verfasst|erstellt|publiziert|eingestellt|artikel|beitrag)\s+von|(?:publié|écrit)\s+par|"
    r"(?:publicado|escrito)\s+por|(?:pubblicato|scritto)\s+da|"
    r"text|texte|texto|testo|tekst|текст|автор|authors?|autor(?:in|en)?|auteurs?|autore|words|reporting|about|über|"
    r"interview|"
    r"[^\W\d_][\w-]*-(?:experte|expertin|redakteur|redakteurin|korrespondent|korrespondentin|kolumnist|kolumnistin|autor|autorin))"
    r"\s*[:：]?\s+",
    re.IGNORECASE,
)
_TAIL = re.compile(
    r"\s+(?:[|•·⋅–—/]|-\s)\s*.*$|\s*\(.*$|\s+(?:is|was|can|covers|writes|reports)\b.*$"
    r"|(?<=[a-z]{2})(?<!Mrs)(?<!Prof)(?<!Rev)(?<!Sen)(?<!Gov)(?<!Rep)(?<!Gen)(?<!Col)(?<!Sgt)(?<!Capt)(?<!Hon)"
    r"\.\s+\S.*$"  # "Finian Cunningham. Sputnik International": a sentence ends the byline (not "Mrs.")
    r"|(?<=\w)/[\w-]{2,12}(?=$|\s+[|•·])"  # "Jane Roe/dpa": the agency after a slash
    # a second credit in the byline: "Text von Jane Doe Illustration von John Roe", "… Photos by …"
    r"|\s+(?i:illustrations?|fotos?|photos?|photography|bilder?|grafiken?|zeichnungen?)\s*(?i:von|by|:)\s.*$"
)
# What opens a byline the reader sees on the page ("By", "Written by", "Von", "Autor:"): stricter
# than _LEAD, which also strips labels from a field already known to name the author. Its first
# words (`BYLINE_OPENERS`) let a page's text nodes be pre-selected cheaply.
# Not "Reviewed by", "Edited by": a reviewer's or an editor's line names no author.
_OPENED_BY: tuple[str, ...] = (
    "written",
    "posted",
    "published",
    "article",
    "story",
    "reported",
    "text",
    "words",
    "recipe",
)
_OPENED_BY += ("eingestellt", "veröffentlicht", "geschrieben", "verfasst", "erstellt", "publiziert")
_OPENED_BY += ("artikel", "beitrag")
_BY = ("by", "von", "par", "por", "door")
_LABELS = ("autor", "autorin", "author", "auteur", "text")
BYLINE_OPENERS = frozenset(_OPENED_BY + _BY + _LABELS)
_OPENED, _LEAD_BY, _LABEL = "|".join(_OPENED_BY), "|".join(_BY), "|".join(_LABELS)
_OPENING = re.compile(rf"^(?:(?:{_OPENED})\s+)?(?:{_LEAD_BY})\b\s*:?\s*\S|^(?:{_LABEL})\s*:\s*\S", re.IGNORECASE)
# A part of a byline element that is its lead alone ("By", "Written by", "Autor:").
_OPENING_ONLY = re.compile(rf"^(?:(?:{_OPENED})\s+)?(?:{_LEAD_BY}|di|da)?\s*:?$|^(?:{_LABEL})\s*:?$", re.IGNORECASE)
# "y" and "e" join names in Spanish, Portuguese and Italian; "E." and "Y." are initials.
_SPLIT = re.compile(r"\s*(?:,|;|&|\b(?i:and|und|et)\b|\b[ye]\b(?!\.))\s*")
# Company forms and the words of an organisation's name: no person's name holds one ("Muster Verlag
# GmbH", "Acme Inc."), nor does a signature; a German compound ending in a stem is one too
# ("Bundesverband", "Landesministerium").
_ORGANISATION = frozenset(
    ["gmbh", "ag", "inc", "llc", "ltd", "plc", "kg", "corp", "verlag", "pc", "e.v", "eg", "stiftung", "verband"]
    + ["partei", "sekretariat", "gesellschaft"]
)
_ORGANISATION_STEMS = ("verband", "verlag", "stiftung", "gesellschaft", "ministerium", "institut")
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
        *_ORGANISATION,
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


@cache
def _dated() -> re.Pattern[str]:
    """A date (and time) that opens a byline line, with what joins it to the byline: "11.12.2019 -
    ", "Posted on September 21, 2020 ", "04.02.2022 | 13:10 Uhr | ", "Monday, 3 May 2021, "."""
    months = "|".join(sorted(map(re.escape, month_names()), key=len, reverse=True))
    days = "|".join(sorted(map(re.escape, day_names()), key=len, reverse=True))
    numeric = r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}"
    worded = rf"\d{{1,2}}\.?\s+(?:{months})\.?,?\s+\d{{4}}|(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    time = r"(?:\s*(?:[,|@•·–-]|um|at|à)?\s*\d{1,2}[:.h]\d{2}(?:\s*(?:uhr|[ap]\.?m\.?|h)\b)?)?"
    said = r"posted|published|updated|veröffentlicht|erschienen|publié|publicado|pubblicato"
    lead = rf"(?:(?:{said})\s+(?:on|am|le|el|il)?\s*:?\s*)?"
    return re.compile(
        rf"^{lead}(?:(?:{days})\.?,?\s+)?(?:{numeric}|{worded}){time}\s*(?:[-–—|•·,:]\s*)*(?=[^\W\d_])", re.IGNORECASE
    )


def undated(text: str) -> str:
    """`text` without the date that opens it ("11.12.2019 - Jane Doe" -> "Jane Doe", "Posted on
    March 3, 2020 by Jane Doe" -> "by Jane Doe"); `text` itself when no date opens it."""
    return _dated().sub("", text, count=1) if text[:1].isalnum() else text


def dated_byline(text: str) -> list[str]:
    """The people a line that opens with a date names when all the rest is a byline: "By Jane
    Doe" or names alone ("11.12.2019 - Jane Doe", "04.02.2022 | 13:10 Uhr | Jane Doe | Berlin");
    nobody from a line that goes on like a sentence ("12.03.2021 - Jane Doe said …")."""
    line = " ".join(text.split())
    rest = undated(line)
    if rest == line or not rest:
        return []
    if opens_byline(rest):
        return split_authors(rest)
    if _TAIL.search(rest):
        return []  # "30.11.2022 - Jane Band - Town Hall": a listing, not a byline
    parts = [p.strip(" .,:;") for p in _SPLIT.split(rest)]
    return split_authors(rest) if all(p and _person(p) for p in parts) else []


def split_authors(raw: str) -> list[str]:
    """Names in a byline fragment, in order; anything that is not a person's name is dropped, and
    a byline with an organisation in it names nobody ("Muster Verlag GmbH, Berlin"). A date that
    opens it goes first ("Posted on March 3, 2020 by Jane Doe")."""
    text = _TAIL.sub("", _LEAD.sub("", undated(" ".join(html.unescape(raw).split()))))
    text = _SURNAME_FIRST.sub(r"\2 \1", text)
    names: list[str] = []
    named = False  # the part before named a person: a degree after it is theirs
    for part in _SPLIT.split(text):
        part = _LEAD.sub("", part.strip(" .,:;"))  # "…, Updated Dec 5": a label inside the byline
        if named and names and _credentials(part):
            part += "." if "." in part and not part.endswith(".") else ""  # "Ph.D." lost its last dot above
            names[-1] += ", " + part  # "Jane Doe, MD, PhD": the degrees belong to the name
            continue
        if _organisation(part.split()):
            return []
        name = _person(part)
        named = name is not None
        if name and name not in names:
            names.append(name)
    return names


# Degrees and professional titles written after a name ("Jane Doe, MD", "John Roe, Ph.D., CFP"):
# part of how the article signs, as health, finance and academic pages show them.
_CREDENTIALS = frozenset(
    ["md", "do", "phd", "dphil", "edd", "psyd", "pharmd", "dds", "dmd", "dvm", "dnp", "dpt", "jd", "llm", "mba"]
    + ["mph", "ms", "msc", "msn", "ma", "mfa", "bsn", "rn", "rd", "rdn", "ld", "ldn", "np", "fnp", "aprn", "lpn"]
    + ["cfp", "cpa", "cfa", "chfc", "clu", "lcsw", "lpc", "lmft", "ibclc", "cde", "cdces", "cscs", "mbbs"]
    + ["facp", "facs", "facc", "faap", "facog", "faclm", "fand", "frcp", "frcs", "mrcp", "dabom", "ot", "otr"]
)


def _credentials(part: str) -> bool:
    """Whether a byline part is one or more degrees alone ("MD", "Ph.D.", "MS RD"), as capitals."""
    words = part.split()
    return 0 < len(words) <= 4 and all(w.replace(".", "").casefold() in _CREDENTIALS and not w.islower() for w in words)


# A label that stands for the author ("Written by", "Verfasst von", "Écrit par", "Autor"), as
# WordPress's Yoast writes one beside the author's name in twitter:label1 / twitter:data1.
_AUTHOR_LABEL = re.compile(
    rf"^(?:(?:{_OPENED}|écrit|escrito|scritto|publié|publicado|pubblicato|skrivet|skrevet|geschreven)\s+)?"
    rf"(?:{_LEAD_BY}|da|av|af|przez)\s*:?$|^(?:autor|autorin|author|auteur|autore|verfasser)\s*:?$"
    r"|^(?:text|texte|texto|testo)\s*:$",  # "Text" alone is a heading, "Text:" a label
    re.IGNORECASE,
)


def is_author_label(text: str) -> bool:
    """Whether `text` is a label that names what follows as the author ("Written by", "Autor")."""
    return _AUTHOR_LABEL.match(text.strip()) is not None


def opens_byline(text: str) -> bool:
    """Whether `text` reads as a byline the page shows: "By Jane Doe", "Written by …", "Von …", "Autor: …"."""
    return _OPENING.match(text) is not None


def byline_text(parts: Iterable[str]) -> str:
    """The text parts of a byline element as one line, with " | " between parts that are two fields
    of the byline box (a name, a role, a date) rather than a lead and a name or two joined names:
    "By" "Jane Doe" "and" "John Roe" "12 March" -> "By Jane Doe and John Roe | 12 March"."""
    line = ""
    for part in (" ".join(p.split()) for p in parts):
        if not part:
            continue
        if not line:
            line = part
        elif (
            _OPENING_ONLY.match(line.rsplit(" | ", 1)[-1])
            or _SPLIT.fullmatch(line.split()[-1])  # a word or mark that joins two names: "and", "&"
            or line.endswith((",", "&"))
            or _SPLIT.fullmatch(part.split()[0])
            or part[0] in ",&"
        ):
            line += " " + part
        else:
            line += " | " + part
    return line


# What an author field holds when it names nobody, besides the role and date words above: a label,
# a share button, a placeholder.
_NOBODY = frozenset(
    ["author", "autor", "autorin", "auteur", "share", "facebook", "twitter", "instagram", "linkedin", "email"]
    + ["menu", "search", "home", "login", "comments", "comment", "name", "none", "null", "undefined", "human"]
    + ["publisher", "authors", "auteurs", "autoren"]
    # a CMS's placeholder account
    + ["super user", "superuser", "anónimo", "anonimo", "anonym", "anonyme", "unbenannt", "webmaster", "wordpress"]
    + ["wpadmin", "site admin", "default", "gast", "guest", "invité"]
    + ["red", "red."]  # the German "Redaktion", shortened
)
_DOMAIN = re.compile(r"\w\.(?:[a-z]{2,6})(?:/|$)", re.IGNORECASE)


def is_domain(text: str) -> bool:
    """Whether `text` is a host name or a URL ("example.com", "https://www.example.com/")."""
    return " " not in text.strip() and _DOMAIN.search(text.strip()) is not None


_LOOSE_WORDS = 6
# "Kaufman, Jeff T.": a library catalogue's order, one surname before one given name (and initial)
_SURNAME_FIRST = re.compile(r"^([A-Z][\w'’-]+),\s+([A-Z][\w'’-]+\s+[A-Z]\.?)\.?$")  # needs the initial


def loose_authors(
    raw: str, sites: frozenset[str] | set[str] = frozenset(), *, whole: bool = False, desks: bool = False
) -> list[str]:
    """What a page's own author field names when it names no person by `split_authors`: a first
    name, a handle, a team or an outlet that signs the article ("Susan", "q_admin", "News Desk").
    Never a link, an email, a domain, a date, a label, a sentence or one of `sites` (`squashed`),
    and nobody from a field that names an organisation ("Muster Verlag GmbH, Musterstadt").
    With `whole`, every part must sign, or none is taken: a line that merely opens like a byline
    ("Von den Höfen, Wiesen und Wäldern") names nobody. With `desks`, the newsroom signs too
    ("Redaktion", "News Desk"): where the page itself names it the author."""
    text = _TAIL.sub("", _LEAD.sub("", " ".join(html.unescape(raw).split())))
    if any(_organisation_word(w) for w in text.split()):
        return []
    names: list[str] = []
    for part in _SPLIT.split(text):
        name = _LEAD.sub("", part.strip(" .,:;|"))
        if _signs(name, sites, desks):
            if name not in names:
                names.append(name)
        elif whole:
            return []
    return names


# A newsroom's own signature: a desk's word ("Redaktion", "News Desk", "Our Editors", "Staff Writer")
_NEWSROOMS = frozenset(["newsroom", "redaktion", "rédaction", "redazione", "redacción", "redactie"])
_DESKS = _NEWSROOMS | frozenset(
    ["staff", "desk", "team", "editors", "editorial", "writer", "writers", "reporter", "reporters", "contributor"]
)
_DESK_WORDS = _DESKS | {"news", "the", "our", "online", "web", "digital"}


def _desk(words: list[str]) -> bool:
    """Whether the words sign as the newsroom ("News Desk", "Redaktion"), and nothing else; one
    word alone only when it is the newsroom's name ("Staff" alone is a role)."""
    folded = [w.casefold().strip(".,") for w in words]
    if len(folded) == 1:
        return folded[0] in _NEWSROOMS
    return bool(folded) and all(w in _DESK_WORDS for w in folded) and any(w in _DESKS for w in folded)


def _signs(name: str, sites: frozenset[str] | set[str], desks: bool = False) -> bool:
    """Whether one name of an author field reads as a signature (`loose_authors`); with `desks`
    also the newsroom's ("Redaktion", "News Desk"), which the page's own author field may give."""
    words = name.split()
    if _site_or_its_staff(words, sites):
        return False
    if not words or len(words) > _LOOSE_WORDS or len(name) < 2 or name.casefold() in _NOBODY:
        return False
    if "@" in name or "http" in name.casefold() or is_domain(name) or any(ch.isdigit() for ch in name):
        return False
    if len(words) > 1 and any(not w[0].isupper() and w.lower() not in _PARTICLES for w in words):
        return False  # words of a sentence, not a signature
    if desks and _desk(words):
        return True  # the newsroom signs: "Redaktion", "News Desk", "Staff Writer"
    if all(w.lower().strip(".,") in _NOT_A_PERSON | _TRAILING | _date_words() | month_names() for w in words):
        return False  # a role, a desk or a date ("Staff", "News Desk", "Updated March"), nobody in particular
    if name.casefold().strip(" .") in _calendar_and_places():
        return False  # a weekday, a month or a country: no signature
    # what stood before a name that is not there: "Von", "Rezept von"
    return words[-1].casefold() not in _PARTICLES and not _LEAD.fullmatch(words[-1] + " ")


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


def site_signature(byline: str, sites: frozenset[str] | set[str]) -> str | None:
    """The site's own name, or its staff's ("Acme Team", "The Acme Staff": `_site_or_its_staff`),
    when it is all that the first field of a byline the page shows names ("By Acme", "Acme | 3
    May"): the site signs the article. Not a bare domain ("example.com"), which a template prints
    where it knows no author. `sites` are `squashed`."""
    name = _LEAD.sub("", byline.split(" | ", 1)[0].strip()).strip(" .,:;")
    words = name.split()
    if not words or len(words) > _LOOSE_WORDS or is_domain(name) or any(ch.isdigit() for ch in name):
        return None
    if len(words) > 1 and words[0].casefold() in ("the", "our"):
        words = words[1:]  # "The Acme Team"
    return name if _site_or_its_staff(words, sites) else None


def is_person(name: str) -> bool:
    """Whether `name` reads as a person's name (as `split_authors` keeps them)."""
    return _person(name) == name


def _person(part: str) -> str | None:
    """`part` as a name if it reads as one: 2-5 words, capitalised, no outlet, role or organisation
    words, not ending in a particle ("Artikel von"); a name written twice is one name."""
    words = part.split()
    half = len(words) // 2
    if len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]  # "Jane Doe Jane Doe": the name of a link and of its image
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
    if not part.isupper() and any(3 <= len(w) <= 4 and w.isupper() and "." not in w for w in words):
        return None  # an acronym beside a name: an outlet ("CNN Business"); "JJ Abrams", "J.R. Doe", "Jean DUPONT" pass
    if any(not w[0].isupper() and w.lower() not in _PARTICLES for w in words) or not words[0][0].isupper():
        return None
    if words[-1] in _PARTICLES or any(w.lower().endswith(_ORGANISATION_STEMS) for w in words):
        return None  # "Artikel von": a lead, no name; "Bundesverband Musterbau": an organisation
    if part.isupper():
        return " ".join(w if len(w) <= 2 and w.endswith(".") else w.capitalize() for w in words)
    return part


def _organisation_word(word: str) -> bool:
    """A company form or an organisation's word ("GmbH", "Verlag", "Bundesministerium")."""
    word = word.lower().strip(".,")
    return word in _ORGANISATION or word.endswith(_ORGANISATION_STEMS)


# Lower-case words a byline part may hold beside capitalised ones: particles, leads, roles.
_LOWER_CASE = _PARTICLES | _NOT_A_PERSON | _TRAILING | {*_BY, "vom", "di", "from"}


def _organisation(words: list[str]) -> bool:
    """Whether a byline part names an organisation, not a person nor a role: an organisation's word,
    or a capitalised word that is no role followed by a lower-case word that is no particle
    ("Amt für Statistik"; not "Staff writer", "Senior Reporter at the Post")."""
    if any(_organisation_word(w) for w in words):
        return True
    if not words or not words[0][0].isupper() or words[0].lower().strip(".,") in _NOT_A_PERSON | _TRAILING:
        return False
    return any(w[0].islower() and w.lower().strip(".,") not in _LOWER_CASE for w in words[1:])


@cache
def _calendar_and_places() -> frozenset[str]:
    """Weekday and month names, in full and short, in the news languages of
    `cleaner.extract.dates`, and country names in English, casefolded: what a CMS puts in an author
    field that names nobody. Countries in English only: in other languages they are given names too
    ("Dominique" is Dominica in French), and English alone measured as well on the dev sets."""
    from babel import Locale

    places = {
        name.casefold()
        for code, name in Locale.parse("en").territories.items()
        if not code.isdigit()  # regions ("World", "Europe") stay
    }
    return frozenset(places | day_names() | month_names())
