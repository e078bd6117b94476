"""An HTML page to a Document: metadata read, profile prune applied, main text extracted.

The main text comes from the profile's `html.body` selector when it has one, else from
trafilatura; either way it is one block per line, ready for the same text rules as a dump.
"""

from __future__ import annotations

from typing import Any

import trafilatura
from lxml import html

from cleaner.document import Candidates, Document
from cleaner.lines import Lines
from cleaner.profiles import Profile
from cleaner.web.metadata import byline_emails, json_ld_fields, meta_fields, title_tag, visible_dates

BLOCKS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "figcaption",
        "dd",
        "dt",
        "td",
        "th",
        "caption",
    ]
)
_PRUNED_TEXT = 200
_TOO_SHORT = 60  # words: a precision-mode extraction shorter than this gets a balanced second try
# Dates from the markup only (meta, <time>, URL): never a guess from a copyright year.
_DATE_CONFIG = {"extensive_search": False, "original_date": True}  # characters of each pruned element kept in the trace


def html_document(root: html.HtmlElement, url: str | None, profile: Profile) -> Document:
    """Metadata from the whole page first (an author box may be pruned), then prune, then text."""
    metadata = _page_metadata(root, profile)
    pruned = _prune(root, profile)
    body = [el for selector in profile.html.get("body", ()) for el in selector(root)]
    if body:
        blocks = [line for el in body for line in block_lines(el)]
    else:
        blocks = _trafilatura(root, url, metadata, profile.favor, fast=not profile.second_opinion).splitlines()
    return Document(Lines.from_text("\n\n".join(blocks)), url, metadata, pruned, from_markup=True)


def block_lines(element: html.HtmlElement) -> list[str]:
    """The element's text, one line per innermost block (paragraph, heading, list item…)."""
    lines: list[str] = []
    for block in element.iter(*BLOCKS):
        if any(child.tag in BLOCKS for child in block.iterdescendants()):
            continue
        text = " ".join(block.text_content().split())
        if text:
            lines.append(text)
    if not lines:
        text = " ".join(element.text_content().split())
        lines = [text] if text else []
    return lines


def _trafilatura(root: html.HtmlElement, url: str | None, metadata: Candidates, favor: str, *, fast: bool) -> str:
    """trafilatura's main text; its metadata only for what the page's own markup left open
    (reading metadata costs as much again as extracting the text)."""
    result = trafilatura.bare_extraction(
        root,
        url=url,
        include_comments=False,
        favor_precision=favor == "precision",
        favor_recall=favor == "recall",
        fast=fast,
    )
    if favor == "precision" and len(((result and result.text) or "").split()) < _TOO_SHORT:
        # precision mode can keep almost nothing of a page whose article it did not trust:
        # then the balanced extraction is the better guess (costs a second pass on few pages)
        balanced = trafilatura.bare_extraction(root, url=url, include_comments=False, fast=fast)
        if balanced is not None and len((balanced.text or "").split()) > len(((result and result.text) or "").split()):
            result = balanced
    if not all(metadata.get(field) for field in ("author", "date")):
        found = trafilatura.extract_metadata(root, default_url=url, date_config=_DATE_CONFIG, extensive=False)
        for field, value in (
            ("author", found.author),
            ("date", found.date),
            ("title", found.title),
            ("publisher", found.sitename),
        ):
            if value:
                metadata.setdefault(field, []).append((value, "trafilatura"))
    metadata.setdefault("title", []).extend((t, "title-tag") for t in title_tag(root))
    return (result.text or "") if result is not None else ""


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


def _prune(root: html.HtmlElement, profile: Profile) -> tuple[dict[str, str], ...]:
    pruned = []
    for selector in profile.html.get("prune", ()):
        for element in selector(root):
            if isinstance(element, html.HtmlElement) and element.getparent() is not None:
                text = " ".join(" ".join(element.itertext()).split())
                pruned.append({"selector": selector.text, "tag": element.tag, "text": text[:_PRUNED_TEXT]})
                element.drop_tree()
    return tuple(pruned)
