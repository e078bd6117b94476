"""What the page says about itself: JSON-LD articles, OpenGraph and <meta> tags, link rels.

Each finder returns raw candidate strings per field; normalising and choosing is the job of
`cleaner.extract`, which applies the same rules to every source.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lxml import html

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
    for value in (*root.xpath('//link[@rel="canonical"]/@href'), *root.xpath('//meta[@property="og:url"]/@content')):
        value = value.strip()
        if value.startswith(("http://", "https://")):
            return value
    return None


def json_ld_fields(root: html.HtmlElement) -> dict[str, list[str]]:
    """author/date/title/publisher/body of the first article object in the page's JSON-LD."""
    for item in _json_ld_items(root):
        types = item.get("@type")
        names = {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
        if names & ARTICLE_TYPES and (item.get("headline") or item.get("author") or item.get("datePublished")):
            return {
                "author": ["; ".join(_people(item.get("author")))],
                "date": [v for v in [item.get("datePublished"), item.get("dateCreated")] if isinstance(v, str)],
                "title": [v for v in [item.get("headline"), item.get("name")] if isinstance(v, str)],
                "publisher": list(_names(item.get("publisher"))),
                "body": [v for v in [item.get("articleBody")] if isinstance(v, str)],
            }
    return {}


def meta_fields(root: html.HtmlElement) -> dict[str, list[str]]:
    """Candidates from <meta name|property=...> tags, in the order of `_META_FIELDS`."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    fields = {field: [found[k] for k in keys if k in found] for field, keys in _META_FIELDS.items()}
    fields["author"] = [a for a in fields["author"] if not a.startswith(("http://", "https://", "@"))]
    return fields


def title_tag(root: html.HtmlElement) -> list[str]:
    """The page's only <h1>, else its <title> (which often ends in the site's name)."""
    headings = root.xpath("//body//h1")
    candidates = headings if len(headings) == 1 else list(root.iter("title"))
    return [t for t in (" ".join(el.text_content().split()) for el in candidates) if t]


_BYLINE_QUERY = (
    '//*[contains(@class,"byline") or contains(@class,"dateline") or contains(@class,"date")'
    ' or contains(@class,"publish") or contains(@class,"posted") or contains(@class,"timestamp")'
    ' or contains(@id,"byline") or contains(@id,"date")]'
)


def visible_dates(root: html.HtmlElement) -> list[str]:
    """Dates the reader sees: `<time datetime>`, then short byline or date elements' text."""
    found = [t.strip() for t in root.xpath("//time/@datetime") if t.strip()]
    for element in root.xpath(_BYLINE_QUERY):
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
        except ValueError:
            continue
        yield from _walk(data)


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


def _people(value: Any) -> Iterator[str]:
    """Person names of a JSON-LD author value; organisations are not authors."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            yield item
        elif (
            isinstance(item, dict)
            and "organization" not in str(item.get("@type", "")).lower()
            and isinstance(item.get("name"), str)
        ):
            yield item["name"]


def _names(value: Any) -> Iterator[str]:
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            yield item["name"]
