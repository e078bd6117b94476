"""What the page says about itself: JSON-LD articles, OpenGraph and <meta> tags, link rels.

Each finder returns raw candidate strings per field; normalising and choosing is the job of
`cleaner.extract`, which applies the same rules to every source.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import chain
from typing import Any, cast

from lxml import etree, html

from cleaner.extract.normalise import headline_part
from cleaner.extract.people import BYLINE_OPENERS, byline_text, is_author_label, opens_byline, squashed
from cleaner.web.text_lines import text_holder

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "blogposting",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "socialmediaposting",
        "liveblogposting",
        "webpage",
        "report",
    }
)
_META_FIELDS: dict[str, tuple[str, ...]] = {
    "author": (
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "byl",
        "dc.creator",
        "citation_author",
        "twitter:creator:name",
        "cxenseparse:author",
    ),
    "date": (
        "article:published_time",
        "datepublished",
        "date",
        "dc.date",
        "dc.date.issued",
        "pubdate",
        "publishdate",
        "parsely-pub-date",
        "sailthru.date",
        "og:article:published_time",
        "citation_publication_date",
    ),
    "title": ("og:title", "twitter:title", "parsely-title", "dc.title", "citation_title"),
    "publisher": ("og:site_name", "application-name", "publisher", "dc.publisher", "citation_publisher"),
}


def page_url(root: html.HtmlElement) -> str | None:
    """The page's own address: `<link rel=canonical>`, else `og:url`."""
    canonical = (el.get("href") for el in _in_document(root, "link") if el.get("rel") == "canonical")
    og_url = (el.get("content") for el in _in_document(root, "meta") if el.get("property") == "og:url")
    for value in chain(canonical, og_url):  # loops over two tags: cheaper than two XPaths over the page
        address = (value or "").strip()
        if address.startswith(("http://", "https://")):
            return address
    return None


def _in_document(root: html.HtmlElement, tag: Any) -> Iterator[html.HtmlElement]:
    """The elements with this tag in the whole document, in order, as an XPath `//tag` finds them:
    libxml2 may leave elements beside the root (a page of several <html>), which `root.iter` misses."""
    tops = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    return chain.from_iterable(top.iter(tag) for top in tops)


def json_ld_fields(root: html.HtmlElement) -> dict[str, list[str]]:
    """author/date/title/publisher/body of the page's own JSON-LD article: the first article
    node that is not a generic WebPage (a WebPage node only fills what it left open; a related
    article's node is not the page's). People and publishers given by `@id` reference (as
    WordPress's Yoast writes them, in a `@graph`) are looked up in the page's other nodes."""
    items = list(_json_ld_items(root))
    nodes = {item["@id"]: item for item in items if isinstance(item.get("@id"), str)}
    articles = [
        i
        for i in items
        if _types(i) & ARTICLE_TYPES and (i.get("headline") or i.get("author") or i.get("datePublished"))
    ]
    own = [i for i in articles if "webpage" not in _types(i)][:1] + [i for i in articles if "webpage" in _types(i)]
    found: dict[str, list[str]] = {}
    for item in own:
        for field, values in (
            ("author", [a for a in ["; ".join(_people(item.get("author"), nodes))] if a]),
            ("date", [v for v in [item.get("datePublished"), item.get("dateCreated")] if isinstance(v, str)]),
            ("title", [v for v in [item.get("headline"), item.get("name")] if isinstance(v, str)]),
            ("publisher", list(_names(item.get("publisher"), nodes))),
            ("body", [v for v in [item.get("articleBody")] if isinstance(v, str)]),
        ):
            if values and not found.get(field):
                found[field] = values
    return found


def _types(item: dict[str, Any]) -> set[str]:
    types = item.get("@type")
    return {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}


def meta_fields(root: html.HtmlElement) -> dict[str, list[str]]:
    """Candidates from <meta name|property=...> tags, in the order of `_META_FIELDS`; an author
    key that stands once per author gives all of them."""
    found: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key and value and value not in found.setdefault(key, []):
            found[key].append(value)
    # a key given once per author (citation_author, article:author) names them all; others: the first
    fields = {
        field: ["; ".join(found[k]) if field == "author" else found[k][0] for k in keys if k in found]
        for field, keys in _META_FIELDS.items()
    }
    fields["author"] += [a for a in _labelled_authors(found) if a not in fields["author"]]
    fields["author"] = [a for a in fields["author"] if not a.startswith(("http://", "https://", "@"))]
    return fields


def _labelled_authors(found: dict[str, list[str]]) -> list[str]:
    """The value of a `twitter:dataN` whose `twitter:labelN` names it the author ("Written by",
    "Verfasst von"): WordPress's Yoast writes the post's author there on a great many sites."""
    return [
        found[f"twitter:data{n}"][0]
        for n in range(1, 10)
        if f"twitter:data{n}" in found and is_author_label(found.get(f"twitter:label{n}", [""])[0])
    ]


def title_tag(root: html.HtmlElement) -> list[str]:
    """The page's only <h1>, else its <title> without the site's name (`headline_part`)."""
    headings = root.xpath("//body//h1")
    if len(headings) == 1:
        return [t for t in [" ".join(headings[0].text_content().split())] if t]
    titles = [t for t in (" ".join(el.text_content().split()) for el in root.iter("title")) if t]
    return [headline_part(t) for t in titles[:1]]


_DATE_CLASS = ("byline", "date", "publish", "posted", "timestamp")  # "dateline" holds "date"
_DATE_ID = ("byline", "date")


def visible_dates(root: html.HtmlElement) -> list[str]:
    """Dates the reader sees: `<time datetime>`, then short byline or date elements' text
    (an element whose class or id holds a `_DATE_CLASS` or `_DATE_ID` word: a loop over the
    elements, three times as fast as the XPath of eight `contains` it was)."""
    found = [t.strip() for el in _in_document(root, "time") if (t := el.get("datetime")) is not None and t.strip()]
    for element in _in_document(root, etree.Element):
        cls, id_ = element.get("class"), element.get("id")
        if (cls and any(w in cls for w in _DATE_CLASS)) or (id_ and any(w in id_ for w in _DATE_ID)):
            text = " ".join(element.text_content().split())
            if 0 < len(text) <= 200:
                found.append(text)
    return found


def byline_emails(root: html.HtmlElement) -> list[str]:
    """mailto: addresses inside an element whose class, id, rel or itemprop speaks of the author."""
    found = []
    for link in root.xpath('//a[starts-with(@href,"mailto:")]'):
        for element in (link, *link.iterancestors()):
            marks = " ".join(element.get(a, "") for a in ("class", "id", "rel", "itemprop")).lower()
            if "author" in marks or "byline" in marks:
                found.append(link.get("href")[len("mailto:") :].split("?")[0])
                break
    return found


def _json_ld_items(root: html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "", strict=False)
            items = list(_walk(data))
        except (ValueError, RecursionError):  # broken or nested past reason: the page says nothing there
            continue
        yield from items


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk(data["@graph"])
        if isinstance(data.get("mainEntity"), dict):
            yield from _walk(data["mainEntity"])


def _resolved(item: Any, nodes: dict[str, dict[str, Any]]) -> Any:
    """A `{"@id": …}` reference replaced by the node it names, when the page has it."""
    if isinstance(item, dict) and isinstance(item.get("@id"), str) and not isinstance(item.get("name"), str):
        return nodes.get(item["@id"], item)
    return item


def _people(value: Any, nodes: dict[str, dict[str, Any]]) -> Iterator[str]:
    """Person names of a JSON-LD author value; organisations are not authors. A Person's name
    written all in lower case is capitalised (its type says it is a name)."""
    for item in value if isinstance(value, list) else [value]:
        item = _resolved(item, nodes)
        if isinstance(item, str):
            yield item
        elif (
            isinstance(item, dict)
            and not any("organization" in t for t in _types(item))  # NewsMediaOrganization and the like
            and isinstance(item.get("name"), str)
        ):
            name = item["name"]
            yield name.title() if "person" in _types(item) and name.islower() else name


def _names(value: Any, nodes: dict[str, dict[str, Any]]) -> Iterator[str]:
    for item in value if isinstance(value, list) else [value]:
        item = _resolved(item, nodes)
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            yield item["name"]


# Elements marked as the author: rel=author, itemprop~author, a class or id token that opens so.
_AUTHOR_PAGE = re.compile(r"/(?:authors?|autor(?:en|in)?|auteurs?)/([^/?#]+)/?(?:[?#]|$)", re.IGNORECASE)
_AUTHOR_MARK = re.compile(r"(?:^|[\s_-])(?:author|byline|autor|auteur|writer)", re.IGNORECASE)
# A class or id token of a part of the page that is not the article's head: comments, related
# posts, a sidebar, a menu, a footer ("sidebar-right", not "no-sidebars"); and such tags.
_AWAY_TOKEN = re.compile(
    r"^(?:comment|respond|related|recommend|sidebar|popular|read-?more|more[-_]|share|sharing|social|newsletter|"
    r"menu|nav|breadcrumb|footer|teaser|widget-area)",
    re.IGNORECASE,
)
_AWAY_TAGS = frozenset({"aside", "nav", "footer", "svg", "noscript", "template", "head"})
_NO_BYLINE_TAGS = _AWAY_TAGS | {"script", "style", "title", "meta", "link", "img"}
_BYLINE_WORDS, _BYLINE_CHARS = 14, 160
_LABELLED_WORDS = 8  # words after a label that stands alone ("Autor:") that may be its byline
_LABELS_READ = 12  # labels standing alone read on a page at most (a byline is near the top)
# One pass over the page (below the root) for both kinds of candidate, kept cheap (a function call
# per node costs): the elements whose class, id, rel or itemprop may mark the author (checked by
# `_is_marked`), and the text nodes whose first two letters, after white space, may open a byline
# (checked by `_OPENER`); normalize-space leaves a no-break space, so " by" stands for "\xa0by".
_MARK_HINT = " or ".join(f"contains(., '{hint}')" for hint in ("ut", "UT", "yline", "YLINE", "riter", "RITER"))
_OPENER_HINT = {v for w in BYLINE_OPENERS for v in (w[:2], w[:2].capitalize(), w[:2].upper())}
_OPENER_HINT |= {"\u00a0" + v[0] for v in _OPENER_HINT} | {"\u00a0\u00a0"}
_BYLINE_CANDIDATES = etree.XPath(
    f"(.//@class | .//@id | .//@rel | .//@itemprop)[{_MARK_HINT}]/.."
    " | .//a[contains(@href, '/author') or contains(@href, '/autor')] | .//@data-author"
    f" | .//text()[contains(' {' '.join(sorted(_OPENER_HINT))} ',"
    " concat(' ', substring(normalize-space(.), 1, 2), ' '))]"
)
_OPENER = re.compile(rf"\s*(?:{'|'.join(sorted(BYLINE_OPENERS))})(?:[\s:]|$)", re.IGNORECASE)


def visible_bylines(root: html.HtmlElement) -> list[tuple[str, str]]:
    """Bylines the reader sees, in document order, for when the page's markup names nobody: short
    elements marked as the author ("marked") and the smallest elements whose text opens like a
    byline ("By Jane Doe", "Von …", "Autor: …": "lead"), or a label that stands alone with the few
    words after it ("<h5>Autor:</h5> Jane Doe": "lead" too, unless such labels name several people),
    none in comments, related posts, a sidebar, a menu or a footer. Each text keeps the element's
    parts apart (`byline_text`). Last, the first `data-author` attribute outside those parts
    ("marked"): forum and CMS templates put the post's author there where they show no byline."""
    leads: set[html.HtmlElement] = set()
    marked: set[html.HtmlElement] = set()
    labelled: dict[html.HtmlElement, str] = {}
    named: set[str] = set()  # the people labels name: two or more, and no label is a byline
    tried = 0  # labels read: each looks ahead in the page, so a page of labels is not read whole
    data_author: list[tuple[str, str]] = []  # the first data-author of the page, after all it shows
    for node in cast("list[Any]", _BYLINE_CANDIDATES(root)):
        if isinstance(node, str) and cast("Any", node).is_attribute:
            holder = cast("Any", node).getparent()
            if not data_author and node.strip() and holder.tag not in _NO_BYLINE_TAGS and not _away(holder):
                data_author.append((" ".join(node.split()), "marked"))
        elif isinstance(node, str):
            smart: Any = node  # an lxml smart string: it knows its element and whether it is a tail
            parent = smart.getparent()
            if _OPENER.match(node) and (smart.is_tail or parent.tag not in ("script", "style")):
                holder = text_holder(smart)
                found = list(_lead_elements(holder))
                leads.update(found)
                if (
                    not found
                    and holder is not None
                    and len(named) < 2
                    and tried < _LABELS_READ
                    and _labelled(holder, smart)
                ):
                    tried += 1
                    if line := _label_and_what_follows(smart):
                        labelled.setdefault(holder, line)
                        named.add(_first_field(line))
        elif _is_marked(node) and _short_text(node):
            marked.add(node)
    if len(named) > 1:
        labelled = {}  # labels that name several people one by one: a list of books or signatories
    leads |= labelled.keys()
    return [
        (labelled[el] if el in labelled else byline_text(el.itertext()), "lead" if el in leads else "marked")
        for el in sorted(leads | marked, key=_document_order)
        if el.tag not in _NO_BYLINE_TAGS and not _away(el)
    ] + data_author


def _labelled(holder: html.HtmlElement, label: Any) -> bool:
    """Whether `label` may stand alone for the byline after it: an author label ("Autor:", "By"),
    not in a part of the page that is no article head, and, where it runs on in a sentence's
    text ("The novel <i>Beloved</i> by <b>…</b>"), capitalised or closed by a colon."""
    if not is_author_label(label) or holder.tag in _NO_BYLINE_TAGS or _away(holder):
        return False
    text = label.strip()
    return not label.is_tail or text[:1].isupper() or text.endswith(":")


def _first_field(line: str) -> str:
    """The name part of a labelled byline line: its first field without the label."""
    return line.split(" | ")[0].split(None, 1)[-1].casefold()


_FOLLOWING_TEXT = etree.XPath("following::text()[normalize-space()][position() <= 4]")


def _label_and_what_follows(label: Any) -> str | None:
    """A byline whose label stands alone ("<h5>Autor:</h5> Jane Doe", "<strong>Text:</strong>
    Jane Doe", "<h4>Author</h4><p><a>Jane Doe</a>"): the label and the few words after it, as
    `byline_text` joins them; None when nothing short follows."""
    if label.strip()[0].islower() and not label.rstrip().endswith(":") and not opens_byline(f"{label.strip()} Jane"):
        return None  # "author" in a list of signatories' roles, not a label
    element = label.getparent()
    first = next(element.iterchildren(tag=etree.Element), None)
    if label.is_tail:  # what follows the element whose tail the label is, the label itself first
        parts = [str(t) for t in cast("list[Any]", _FOLLOWING_TEXT(element))][1:]
    elif first is not None:  # the element's children first
        parts = [*map(str, first.itertext()), *map(str, cast("list[Any]", _FOLLOWING_TEXT(first)))]
    else:
        parts = [str(t) for t in cast("list[Any]", _FOLLOWING_TEXT(element))]
    words: list[str] = []
    kept: list[str] = []
    for part in filter(str.strip, parts):
        words += part.split()
        if len(words) > _LABELLED_WORDS:
            break
        kept.append(part)
    if not kept or not kept[0].strip()[:1].isalpha():
        return None  # "von 1990", "by 2032": a number follows, no name
    return byline_text([str(label), *kept])


def _lead_elements(element: html.HtmlElement | None) -> Iterator[html.HtmlElement]:
    """`element` and its ancestors, while short, whose text opens a byline that none of their
    children holds whole (the smallest element around a byline)."""
    while element is not None and (text := _short_text(element)):
        if opens_byline(text) and not any(isinstance(c.tag, str) and _short_text(c) == text for c in element):
            yield element
        element = element.getparent()


def _short_text(element: html.HtmlElement) -> str | None:
    """The element's text, white space collapsed, if it is byline-short; else None."""
    words: list[str] = []
    for text in element.itertext():
        words += text.split()
        if len(words) > _BYLINE_WORDS:
            return None
    line = " ".join(words)
    return line if len(line) <= _BYLINE_CHARS else None


def _is_marked(element: html.HtmlElement) -> bool:
    """Marked as the author: rel=author, itemprop~author, an author class or id token, or a link to
    the author's page of the site ("/author/jane-doe/", as WordPress and many CMSs make one)."""
    return (
        "author" in (element.get("rel") or "").lower().split()
        or "author" in (element.get("itemprop") or "").lower()
        or _AUTHOR_MARK.search(f"{element.get('class', '')} {element.get('id', '')}") is not None
        or (element.tag == "a" and _links_its_author(element))
    )


def _links_its_author(link: html.HtmlElement) -> bool:
    """A link to the author's page of the site ("/author/jane-doe/") whose text is the name the
    page's address spells ("Jane Doe", "DOE JANE", "janedoe"), not a label ("More posts")."""
    page = _AUTHOR_PAGE.search(link.get("href") or "")
    if page is None:
        return False
    text, slug = " ".join(link.text_content().split()), page[1]
    return squashed(text) == squashed(slug) or {squashed(w) for w in text.split()} == {
        squashed(w) for w in re.split(r"[-_.+]|%20", slug)
    } - {""}


def _away(element: html.HtmlElement) -> bool:
    """Inside comments, related posts, a sidebar, a menu or a footer (up to <body>)."""
    for el in (element, *element.iterancestors()):
        if not isinstance(el.tag, str) or el.tag == "body":
            return False
        marks = f"{el.get('class', '')} {el.get('id', '')}".split()
        if el.tag in _AWAY_TAGS or any(_AWAY_TOKEN.match(t) for t in marks):
            return True
    return False


def _document_order(element: html.HtmlElement) -> list[int]:
    """The element's place in the page: its index under each ancestor, from the root."""
    place = []
    while (parent := element.getparent()) is not None:
        place.append(parent.index(element))
        element = parent
    return place[::-1]
