"""An HTML page to a Document: metadata read, profile prune applied, main text extracted.

The main text comes from the profile's `html.body` selector when it has one, else from
`cleaner.web.extraction`; either way it is one block per line, ready for the same text rules as
a dump.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from htmldate import find_date
from lxml import html
from trafilatura.metadata import extract_author

from cleaner.document import Candidates, Document
from cleaner.extract.normalise import answers
from cleaner.extract.people import split_authors
from cleaner.lines import Lines
from cleaner.profiles import Profile
from cleaner.trace import Pruned
from cleaner.web.blocks import block_lines
from cleaner.web.extraction import extract_article
from cleaner.web.metadata import (
    byline_emails,
    json_ld_fields,
    meta_fields,
    title_tag,
    visible_bylines,
    visible_dates,
)

_PRUNED_TEXT = 200  # characters of each pruned element kept in the trace
# Dates from the markup only (meta, <time>, URL): never a guess from a copyright year.
_DATE_CONFIG: dict[str, Any] = {"extensive_search": False, "original_date": True}


def html_document(root: html.HtmlElement, markup: str, url: str | None, profile: Profile) -> Document:
    """Metadata from the whole page first (an author box may be pruned), then prune, then text.
    `markup` is what `root` was parsed from (`cleaner.web.parse.Parsed.markup`)."""
    metadata = _page_metadata(root, profile)
    pruned = _prune(root, profile)
    body = [el for selector in profile.html.get("body", ()) for el in selector(root)]
    extractor, second_reader, opinion, structured = None, None, 0, None
    if body:
        blocks = [line for el in body for line in block_lines(el)]
    else:
        article = extract_article(root, markup, url, profile.favor, fast=not profile.second_opinion)
        blocks, extractor, second_reader, opinion, structured = (
            article.text.splitlines(),
            article.extractor,
            article.yardstick,
            article.opinion,
            article.markdown,
        )
    guessed_author = _trafilatura_metadata(root, url, metadata)
    lines = Lines.from_text("\n\n".join(blocks))
    return Document(
        lines,
        url,
        metadata,
        pruned,
        from_markup=True,
        extractor=extractor,
        second_reader=second_reader,
        opinion=opinion,
        structured=structured,
        guessed_author=guessed_author,
    )


def _trafilatura_metadata(
    root: html.HtmlElement, url: str | None, metadata: Candidates
) -> Callable[[], str | None] | None:
    """trafilatura's finders, only for what the page's own markup left open: htmldate where no
    date validated; its byline search where no author did and no byline the page shows names a
    person, returned to be asked only if `cleaner.extract`'s steps before it find no one (it is
    the dearest metadata step, 5 ms on a news page). All of trafilatura's metadata would cost half
    as much again as extracting the text, and reads the JSON-LD and <meta> tags that
    `_page_metadata` has read already."""
    if not answers("date", metadata.get("date", ())) and (day := find_date(root, url=url, **_DATE_CONFIG)):
        metadata.setdefault("date", []).append((day, "trafilatura"))
    metadata.setdefault("title", []).extend((t, "title-tag") for t in title_tag(root))
    if answers("author", metadata.get("author", ())) or any(split_authors(t) for t, _ in metadata.get("byline", ())):
        return None
    return functools.partial(extract_author, root)


def _page_metadata(root: html.HtmlElement, profile: Profile) -> Candidates:
    found: Candidates = {}
    for field in ("author", "date", "title"):
        for selector in profile.html.get(field, ()):
            for value in _selected_text(selector(root)):
                found.setdefault(field, []).append((value, f"html.{field}"))
    for source, fields in (("json-ld", json_ld_fields(root)), ("meta", meta_fields(root))):
        for field, values in fields.items():
            found.setdefault(field, []).extend((v, source) for v in values)
    found.setdefault("email", []).extend((e, "mailto") for e in byline_emails(root))
    # bylines the reader sees, for when the markup names nobody: no field of their own (`cleaner.extract`)
    found["byline"] = visible_bylines(root)
    if not found.get("date"):  # the markup's own dates are cheaper to read and more exact
        found.setdefault("date", []).extend((d, "visible-date") for d in visible_dates(root))
    return found


def _selected_text(results: Any) -> list[str]:
    values = results if isinstance(results, list) else [results]
    out = []
    for value in values:
        text = value.text_content() if isinstance(value, html.HtmlElement) else str(value)
        if text.strip():
            out.append(" ".join(text.split()))
    return out


def _prune(root: html.HtmlElement, profile: Profile) -> tuple[Pruned, ...]:
    pruned = []
    for selector in profile.html.get("prune", ()):
        for element in selector(root):
            if isinstance(element, html.HtmlElement) and element.getparent() is not None:
                text = " ".join(" ".join(element.itertext()).split())
                pruned.append(Pruned(selector.text, str(element.tag), text[:_PRUNED_TEXT]))
                element.drop_tree()
    return tuple(pruned)
